"""The explain report in a real browser: headless Chromium renders it, runs its script, shows the content.

Skipped when Chromium is absent (a dev machine); CI installs Debian's chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsextract.example import sample_bytes, sample_html_bytes
from newsextract.explain import render_report
from newsextract.pipeline import explain_decisions

CHROMIUM = next(
    (
        p
        for p in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
        if p and Path(p).is_file()
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")


def _chromium(url: str, tmp: Path, *extra: str) -> str:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp / 'profile'}",
        "--window-size=1100,1400",
        *extra,
        "--dump-dom",
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout.decode("utf-8")


def _sample() -> bytes:
    return sample_html_bytes() or sample_bytes()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    article, decisions = explain_decisions(_sample())
    path = tmp_path_factory.mktemp("explain") / "report.html"
    path.write_text(render_report(article, source_name="sample", decisions=decisions), encoding="utf-8")
    return path, [d.label for d in decisions]


def test_chromium_renders_the_report(report: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, labels = report
    article, decisions = explain_decisions(_sample())
    shot = tmp_path / "report.png"
    dom = _chromium(path.as_uri(), tmp_path, f"--screenshot={shot}")
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    root = lxml_html.document_fromstring(dom)
    visible = root.text_content()
    assert article.title and article.title in visible
    assert article.paragraphs[0] in visible
    assert next(d.reason for d in decisions if d.label == "furniture") in visible
    # the inline script ran (the Content-Security-Policy allows it) and counted the blocks
    assert f"{len(labels)} of {len(labels)} shown" in visible


def test_chromium_hides_labels_named_in_the_fragment(report: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, labels = report
    dom = _chromium(path.as_uri() + "#hide=furniture", tmp_path)
    root = lxml_html.document_fromstring(dom)
    items = root.xpath('//ol[@class="blocks"]/li')
    hidden = [li.get("data-label") for li in items if li.get("hidden") is not None]
    assert hidden == [lab for lab in labels if lab == "furniture"] and hidden
    kept = len(labels) - len(hidden)
    assert f"{kept} of {len(labels)} shown" in root.text_content()
