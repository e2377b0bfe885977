"""Open a framing report in headless Chromium: screenshot it and list console errors and network requests.

Run:  .venv/bin/python tools/screenshot_report.py [report.html] [--shots /tmp/framing-shots] [--print]

With no report given it analyses ``seeds/`` (with ``seeds/events.toml``) into a temporary folder first. It writes
``report.png`` (the whole page at 1280 px wide; ``report-print.png`` with print styles too when ``--print``) into
``--shots`` and exits non-zero when the page logged an error or asked for anything but ``file:``, ``data:`` or
``about:`` URLs. ``tests/report/test_browser.py`` uses :func:`check_page` from here.

How: Chromium (the Debian package ``chromium``) starts headless with a fresh profile, networking extras off and
``--remote-debugging-port=0``; this script reads the DevTools address from its stderr and speaks the DevTools
protocol over a minimal RFC 6455 websocket client (loopback only, text frames, no extensions; the standard
library has none and the project adds no dependency for it). The page itself is not instrumented: console
messages, exceptions, log entries and requests are the events Chromium reports for the tab.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import queue
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--mute-audio",
    "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
)
LOCAL_SCHEMES = frozenset({"file", "data", "about"})
WIDTH = 1280
HEIGHT = 900


def find_chromium() -> str | None:
    """The Chromium executable: ``$FRAMING_CHROMIUM``, else ``chromium`` / ``chromium-browser`` on PATH."""
    configured = os.environ.get("FRAMING_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


# ---------------------------------------------------------------------------------------------------------
# A minimal websocket client (RFC 6455): client-masked text frames out; text, continuation, ping, close in.


class WebSocket:
    """One websocket connection to a loopback DevTools endpoint."""

    def __init__(self, url: str, *, timeout: float = 30.0):
        parts = urlsplit(url)
        if parts.scheme != "ws" or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"only ws:// on loopback is supported, not {url!r}")
        self.sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            head += chunk
        head, self._buffer = head.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        if " 101 " not in lines[0] + " ":
            raise ConnectionError(f"websocket handshake refused: {lines[0]}")
        expected = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode())
                                    .digest()).decode()
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        if headers.get("sec-websocket-accept") != expected:
            raise ConnectionError("websocket handshake: wrong Sec-WebSocket-Accept")

    def send(self, text: str) -> None:
        payload = text.encode("utf-8")
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x81, 0x80 | length)
        elif length < 1 << 16:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, length)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def receive(self) -> str:
        """The next complete text message (answers pings; raises ConnectionError on close)."""
        message = b""
        while True:
            first, second = self._read(2)
            opcode, final, length = first & 0x0F, first & 0x80, second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the websocket")
            if opcode == 0x9:
                self._control(0xA, payload)
                continue
            if opcode in (0x1, 0x0):
                message += payload
                if final:
                    return message.decode("utf-8")

    def _control(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        self.sock.sendall(struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + mask
                          + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n: int) -> bytes:
        while len(self._buffer) < n:
            chunk = self.sock.recv(max(65536, n - len(self._buffer)))
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            self._buffer += chunk
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out

    def close(self) -> None:
        try:
            self._control(0x8, b"")
        except OSError:
            pass
        self.sock.close()


class DevTools:
    """DevTools protocol calls over a :class:`WebSocket`; every event received is kept in ``events``."""

    def __init__(self, url: str):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float = 60.0) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(f"no answer to {method} within {timeout} s")

    def wait_for(self, method: str, *, session: str | None = None, timeout: float = 60.0) -> dict:
        for event in self.events:
            if event["method"] == method and event.get("sessionId") == session:
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = json.loads(self.ws.receive())
            if "method" in event:
                self.events.append(event)
                if event["method"] == method and event.get("sessionId") == session:
                    return event
        raise TimeoutError(f"no {method} within {timeout} s")

    def drain(self, seconds: float) -> None:
        """Collect the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.ws.sock.settimeout(left)
            try:
                event = json.loads(self.ws.receive())
            except (socket.timeout, TimeoutError):
                break
            if "method" in event:
                self.events.append(event)
        self.ws.sock.settimeout(30.0)


# ---------------------------------------------------------------------------------------------------------
# The check


@dataclass
class PageCheck:
    """What Chromium reported for one page."""

    url: str
    console_errors: list[str] = field(default_factory=list)  # console.error/assert, exceptions, error log entries
    warnings: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the tab asked for
    screenshots: list[Path] = field(default_factory=list)
    page: dict = field(default_factory=dict)  # facts read from the rendered DOM

    @property
    def external_requests(self) -> list[str]:
        """Requests for anything but ``file:``, ``data:`` and ``about:`` URLs."""
        return [url for url in self.requests if urlsplit(url).scheme.lower() not in LOCAL_SCHEMES]

    @property
    def ok(self) -> bool:
        return not self.console_errors and not self.external_requests


# Read from the rendered page by DevTools (not by a script in the page): what a reader would see.
PAGE_FACTS = """JSON.stringify({
  title: document.title,
  width: document.documentElement.scrollWidth,
  height: document.documentElement.scrollHeight,
  svgs: document.querySelectorAll('svg.figure-svg').length,
  svgsDrawn: Array.from(document.querySelectorAll('svg.figure-svg'))
      .filter(s => s.getBoundingClientRect().width > 200 && s.getBoundingClientRect().height > 100).length,
  scripts: document.scripts.length,
  events: document.querySelectorAll('section.event').length,
  marks: document.querySelectorAll('mark.loaded').length,
  summaryColumns: document.querySelectorAll('table.summary thead th').length - 1,
  text: document.body.innerText
})"""


def check_page(html: Path, *, shots: Path | None = None, print_shot: bool = False, width: int = WIDTH,
               chromium: str | None = None, settle: float = 1.0, timeout: float = 60.0) -> PageCheck:
    """Open ``html`` from disk in headless Chromium and report console errors, requests and page facts.

    ``shots``: a folder for ``<stem>.png`` (the full page at ``width`` CSS pixels) and, with ``print_shot``,
    ``<stem>-print.png`` (the same with print styles). ``settle``: seconds to keep listening after the load
    event, for late requests or errors.
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise FileNotFoundError("Chromium not found (Debian: apt-get install chromium, or set FRAMING_CHROMIUM)")
    url = Path(html).resolve().as_uri()
    result = PageCheck(url)
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        process = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, errors="replace")
        try:
            tools = DevTools(_devtools_url(process, timeout))
            try:
                _inspect(tools, url, result, shots=shots, print_shot=print_shot, width=width, settle=settle,
                         stem=Path(html).stem)
                try:
                    tools.call("Browser.close", timeout=10)
                except (ConnectionError, OSError, TimeoutError, RuntimeError):
                    pass
            finally:
                tools.ws.close()
            process.wait(timeout=15)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=15)
    return result


def _devtools_url(process: subprocess.Popen, timeout: float) -> str:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:  # keeps reading stderr so that Chromium never blocks on a full pipe
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        found = re.search(r"DevTools listening on (ws://\S+)", line)
        if found:
            return found.group(1)
    raise RuntimeError("Chromium did not announce its DevTools address; stderr:\n" + "".join(seen[-20:]))


def _inspect(tools: DevTools, url: str, result: PageCheck, *, shots: Path | None, print_shot: bool, width: int,
             settle: float, stem: str) -> None:
    target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        tools.call(f"{domain}.enable", session=session)
    tools.call("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session=session)
    tools.events.clear()
    tools.call("Page.navigate", {"url": url}, session=session)
    tools.wait_for("Page.loadEventFired", session=session)
    tools.drain(settle)
    facts = tools.call("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True}, session=session)
    result.page = json.loads(facts["result"]["value"])
    if shots is not None:
        shots = Path(shots)
        shots.mkdir(parents=True, exist_ok=True)
        result.screenshots.append(_screenshot(tools, session, shots / f"{stem}.png", width))
        if print_shot:
            tools.call("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
            result.screenshots.append(_screenshot(tools, session, shots / f"{stem}-print.png", width))
            tools.call("Emulation.setEmulatedMedia", {"media": ""}, session=session)
    tools.drain(0.2)
    _collect(tools.events, session, result)


def _screenshot(tools: DevTools, session: str, path: Path, width: int) -> Path:
    metrics = tools.call("Page.getLayoutMetrics", session=session)
    height = int(metrics.get("cssContentSize", metrics.get("contentSize"))["height"])
    shot = tools.call("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}, session=session, timeout=120)
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def _collect(events: list[dict], session: str, result: PageCheck) -> None:
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            if params.get("type") in ("error", "assert"):
                result.console_errors.append(f"console.{params['type']}: {text}")
            elif params.get("type") == "warning":
                result.warnings.append(f"console.warn: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            result.console_errors.append("exception: " + str(details.get("exception", {}).get("description")
                                                             or details.get("text")))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            text = f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip()
            if entry.get("level") == "error":
                result.console_errors.append(text)
            elif entry.get("level") == "warning":
                result.warnings.append(text)
        elif method == "Network.requestWillBeSent":
            result.requests.append(params.get("request", {}).get("url", ""))


# ---------------------------------------------------------------------------------------------------------


def build_seed_report(out: Path) -> Path:
    """Analyse ``seeds/`` (with its events file) into ``out`` and return the path of ``report.html``."""
    from framing.pipeline import analyze
    from framing.report import write_analysis

    seeds = ROOT / "seeds"
    analysis = analyze(seeds, events_file=seeds / "events.toml")
    write_analysis(out, analysis, options={"paths": ["seeds"], "sections": "body", "events": "seeds/events.toml"})
    return Path(out) / "report.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, help="report.html to open (default: build the seeds')")
    parser.add_argument("--shots", type=Path, default=Path(tempfile.gettempdir()) / "framing-shots",
                        help="folder for the screenshots (default: %(default)s)")
    parser.add_argument("--print", dest="print_shot", action="store_true", help="also screenshot print styles")
    parser.add_argument("--width", type=int, default=WIDTH, help="viewport width in CSS pixels")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="framing-report-") as folder:
        report = args.report or build_seed_report(Path(folder) / "out")
        result = check_page(report, shots=args.shots, print_shot=args.print_shot, width=args.width)
    facts = {k: v for k, v in result.page.items() if k != "text"}
    print(f"{result.url}\n  page: {facts}")
    for path in result.screenshots:
        print(f"  screenshot: {path}")
    print(f"  requests: {len(result.requests)} ({len(result.external_requests)} not file/data/about)")
    for line in result.console_errors + [f"request: {u}" for u in result.external_requests]:
        print(f"  FAIL {line}")
    for line in result.warnings:
        print(f"  warning {line}")
    print("OK" if result.ok else "FAILED")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
