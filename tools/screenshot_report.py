"""Open a framing report in headless Chromium: screenshot it and list console errors and network requests.

Run:  .venv/bin/python tools/screenshot_report.py [report.html] [--shots /tmp/framing-shots] [--print]

With no report given it analyses ``seeds/`` (with ``seeds/events.toml``) into a temporary folder first. It writes
``report.png`` (the whole page at 1280 px wide; ``report-print.png`` with print styles too when ``--print``) into
``--shots`` and exits non-zero when the page logged an error or asked for anything but ``file:``, ``data:`` or
``about:`` URLs. ``tests/report/test_browser.py`` uses :func:`check_page` from here.

How: Selenium drives the Debian ``chromium`` through Debian's ``chromium-driver`` (the ``browser`` extra installs
Selenium; ``.ci/run`` installs both packages). The driver ships with the browser, so their versions always agree
and nothing is downloaded. The page itself is not instrumented: console messages and exceptions come from the
browser log, requests from the performance log (the DevTools ``Network`` events Chromium reports for the tab),
and the screenshots and print emulation from DevTools commands sent through the driver.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--mute-audio",
    "--hide-scrollbars",
)
LOCAL_SCHEMES = frozenset({"file", "data", "about"})
WIDTH = 1280
HEIGHT = 900


def find_chromium() -> str | None:
    """The Chromium executable: ``$FRAMING_CHROMIUM``, else ``chromium`` / ``chromium-browser`` on PATH."""
    return _find("FRAMING_CHROMIUM", ("chromium", "chromium-browser"))


def find_chromedriver() -> str | None:
    """The driver matching it: ``$FRAMING_CHROMEDRIVER``, else ``chromedriver`` on PATH (Debian:
    ``/usr/bin/chromedriver`` from ``chromium-driver``)."""
    return _find("FRAMING_CHROMEDRIVER", ("chromedriver",))


def _find(variable: str, names: tuple[str, ...]) -> str | None:
    configured = os.environ.get(variable)
    if configured:
        return configured if Path(configured).exists() else None
    return next((found for name in names if (found := shutil.which(name))), None)


def browser_missing() -> str | None:
    """Why the report cannot be opened here (the packages to install), or ``None`` when it can."""
    missing = [package for package, absent in (
        ("chromium", find_chromium() is None), ("chromium-driver", find_chromedriver() is None),
        ("the Python package selenium (pip install -e '.[browser]')", importlib.util.find_spec("selenium") is None),
    ) if absent]
    return ("missing: " + ", ".join(missing)) if missing else None


@dataclass
class PageCheck:
    """What Chromium reported for one page."""

    url: str
    console_errors: list[str] = field(default_factory=list)  # console.error/assert, exceptions, failed loads
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


# Read from the rendered page through the driver (evaluated by DevTools, not a <script> added to the page).
PAGE_FACTS = """return {
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
};"""


def check_page(html: Path, *, shots: Path | None = None, print_shot: bool = False, width: int = WIDTH,
               chromium: str | None = None, settle: float = 1.0, timeout: float = 60.0) -> PageCheck:
    """Open ``html`` from disk in headless Chromium and report console errors, requests and page facts.

    ``shots``: a folder for ``<stem>.png`` (the full page at ``width`` CSS pixels) and, with ``print_shot``,
    ``<stem>-print.png`` (the same with print styles). ``settle``: seconds to wait after the load event, for late
    requests or errors.
    """
    missing = browser_missing() if chromium is None else None
    if missing:
        raise FileNotFoundError(f"cannot open the report in Chromium: {missing} (Debian: apt-get install "
                                "chromium chromium-driver; or set FRAMING_CHROMIUM / FRAMING_CHROMEDRIVER)")
    url = Path(html).resolve().as_uri()
    result = PageCheck(url)
    driver = _start_driver(chromium or find_chromium(), timeout)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        _read_logs(driver, PageCheck(url))  # drop what the driver's own start page logged
        driver.get(url)  # returns after the load event
        time.sleep(settle)
        result.page = driver.execute_script(PAGE_FACTS)
        if shots is not None:
            shots = Path(shots)
            shots.mkdir(parents=True, exist_ok=True)
            result.screenshots.append(_screenshot(driver, shots / f"{Path(html).stem}.png", width))
            if print_shot:
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                result.screenshots.append(_screenshot(driver, shots / f"{Path(html).stem}-print.png", width))
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        _read_logs(driver, result)
    finally:
        driver.quit()
    return result


def _start_driver(chromium: str, timeout: float):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    # "browser": console messages and exceptions; "performance": the DevTools Network events, i.e. requests.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path: Selenium then never looks for (or downloads) a driver of its own.
    driver = webdriver.Chrome(service=Service(executable_path=find_chromedriver()), options=options)
    driver.set_page_load_timeout(timeout)
    return driver


def _read_logs(driver, result: PageCheck) -> None:
    """Move the driver's buffered log entries into ``result`` (reading a log empties it)."""
    for entry in driver.get_log("browser"):
        text = f"{entry.get('source', 'console')}: {entry.get('message', '')}"
        if entry["level"] == "SEVERE":
            result.console_errors.append(text)
        elif entry["level"] == "WARNING":
            result.warnings.append(text)
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            result.requests.append(message["params"]["request"]["url"])


def _screenshot(driver, path: Path, width: int) -> Path:
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(metrics.get("cssContentSize", metrics.get("contentSize"))["height"])
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


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
