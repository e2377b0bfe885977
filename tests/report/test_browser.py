"""The report in a real browser: headless Chromium opens report.html from disk, with no console errors and no
network requests, and draws every figure. Skipped when Chromium, its driver or Selenium is missing (CI installs
them: .ci/run and the test extra).

The browser check is ``tools/screenshot_report.py`` (Selenium with Debian's chromium-driver); run it by hand to
look at the screenshots.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT, SEEDS
from .test_html import build_report, write_hostile_corpus


def _load_tool():
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "tools" / "screenshot_report.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
# CI (.ci/run) sets FRAMING_REQUIRE_BROWSER=1: there a missing browser fails the tests instead of skipping them.
pytestmark = pytest.mark.skipif(
    tool.browser_missing() is not None and not os.environ.get("FRAMING_REQUIRE_BROWSER"),
    reason=f"{tool.browser_missing()} (Debian: apt-get install chromium chromium-driver); CI installs them")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def failures(result) -> str:
    return "\n".join(result.console_errors + [f"request: {url}" for url in result.external_requests])


def test_seed_report_in_chromium(tmp_path):
    from framing.figures import FIGURES
    from framing.pipeline import analyze
    from framing.report import write_analysis

    analysis = analyze(SEEDS, events_file=SEEDS / "events.toml")
    write_analysis(tmp_path / "out", analysis, options={"sections": "body"})
    result = tool.check_page(tmp_path / "out" / "report.html", shots=tmp_path / "shots", print_shot=True)

    assert result.ok, failures(result)
    assert result.requests[0] == (tmp_path / "out" / "report.html").resolve().as_uri()  # the page itself
    assert all(url.split(":", 1)[0] in ("file", "data") for url in result.requests)
    page = result.page
    assert page["scripts"] == 0
    assert page["svgs"] == page["svgsDrawn"] == len(FIGURES), "every figure is drawn at a readable size"
    assert page["summaryColumns"] == len(analysis.order)
    assert page["events"] == len(analysis.event_labels)
    assert page["marks"] >= len(analysis.terms) - 5  # a term split by a quotation edge is two marks, never none
    assert page["width"] <= tool.WIDTH, "nothing makes the page scroll sideways"
    assert "How to read these numbers" in page["text"]
    screen, printed = result.screenshots
    width, height = png_size(screen)
    assert width == tool.WIDTH and height > 5000
    assert png_size(printed)[0] == tool.WIDTH


def test_hostile_report_in_chromium(tmp_path):
    out = build_report([write_hostile_corpus(tmp_path / "docs")], tmp_path / "out")
    result = tool.check_page(out / "report.html", shots=tmp_path / "shots")

    assert result.ok, failures(result)
    assert result.page["scripts"] == 0
    # Pasted markup is stripped by the cleaner (README, bad input), so the tags never reach the report; text
    # that only looks like an attribute is kept and must show as text, escaped, never as live markup.
    # Tags kept in metadata (titles) must show as text: innerText holds them only if they were escaped.
    assert '" onmouseover=alert(2) x="' in result.page["text"]
    assert "<img src=x onerror=alert(4)> Title & more" in result.page["text"]


def test_the_check_fails_on_errors_and_requests(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><title>bad</title><p>text</p><script>console.error("boom"); missing();</script>'
                    '<img src="http://192.0.2.1/pixel.png">', encoding="utf-8")
    result = tool.check_page(page, settle=0.3)

    assert not result.ok
    assert any('"boom"' in line for line in result.console_errors)
    assert any("missing is not defined" in line for line in result.console_errors)
    assert result.external_requests == ["http://192.0.2.1/pixel.png"]
    assert result.page["scripts"] == 1 and result.page["title"] == "bad"
