"""The classroom pages as a person sees them: rendered by headless Chromium (Debian package
`chromium`). Checks the highlights, the side-by-side columns and the legend in the rendered
DOM, no console errors, and that hostile titles and texts execute nothing; takes screenshots
at projector size (1280x720) and at A4 print size, and prints a PDF."""

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from framing.cli import main

from .test_classroom import ARTICLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="headless Chromium is not installed (apt-get install chromium)")

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)


def chrome(tmp_path, page, *args):
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
           *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def console_problems(stderr):
    """Page messages Chromium logs: console output, uncaught errors, blocked content."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line or "Refused" in line]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("pages")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ARTICLES) + "\n", encoding="utf-8")
    report, explain = d / "report.html", d / "explain.html"
    r = CliRunner().invoke(main, ["report", str(src), "-q", "--lang", "de", "-o", str(report)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["explain", str(src), "-q", "--lang", "de", "--format", "html", "-o", str(explain)])
    assert r.exit_code == 0, r.output
    return report, explain


def test_the_harness_sees_a_script_run(tmp_path):
    """Control: a page whose script does run changes document.title in the dumped DOM."""
    p = tmp_path / "control.html"
    p.write_text('<!DOCTYPE html><html><head><title>x</title></head><body>'
                 '<script>document.title="pwned"</script></body></html>', encoding="utf-8")
    r = chrome(tmp_path, p, "--dump-dom")
    assert TITLE_RE.search(r.stdout).group(1) == "pwned"


def test_report_in_chromium(pages, tmp_path):
    report, _ = pages
    r = chrome(tmp_path, report, "--dump-dom")
    dom = r.stdout
    assert r.returncode == 0, r.stderr[-2000:]
    assert TITLE_RE.search(dom).group(1) == "Wie Medien über dieselben Ereignisse berichten"
    assert "pwned" not in TITLE_RE.search(dom).group(1)
    assert "<img" not in dom and "<script" not in dom  # the payloads stayed text
    assert '<span class="hit v-outlet' in dom and '<span class="hit v-scare-quote' in dom
    first_event = dom.split('<section class="event"')[1]
    headlines = first_event.split('<div class="cols headlines">')[1].split("<h3>")[0]
    assert headlines.count('<div class="col">') == 2
    assert 'id="legend"' in dom and 'class="scale"' in dom
    assert console_problems(r.stderr) == []


def test_payload_does_not_run_even_without_the_content_security_policy(pages, tmp_path):
    """Escaping alone keeps the payload inert: the same page without its CSP line."""
    report, _ = pages
    bare = tmp_path / "bare.html"
    bare.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", report.read_text("utf-8")),
                    encoding="utf-8")
    r = chrome(tmp_path, bare, "--dump-dom")
    assert TITLE_RE.search(r.stdout).group(1) == "Wie Medien über dieselben Ereignisse berichten"
    assert "<img" not in r.stdout


def test_explain_page_in_chromium(pages, tmp_path):
    _, explain = pages
    r = chrome(tmp_path, explain, "--dump-dom")
    assert "pwned" not in TITLE_RE.search(r.stdout).group(1)
    assert '<span class="tip" role="tooltip">' in r.stdout and '<ol class="notes">' in r.stdout
    assert console_problems(r.stderr) == []


@pytest.mark.parametrize("size", ["1280,720", "794,1123"])
def test_screenshots(pages, tmp_path, size):
    report, _ = pages
    shot = tmp_path / f"report-{size.replace(',', 'x')}.png"
    r = chrome(tmp_path, report, f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars")
    assert shot.is_file(), r.stderr[-2000:]
    png = shot.read_bytes()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == tuple(int(x) for x in size.split(","))
    assert len(png) > 20_000  # a page with text and colour, not a blank image


def test_print_to_pdf(pages, tmp_path):
    report, _ = pages
    pdf = tmp_path / "report.pdf"
    chrome(tmp_path, report, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
