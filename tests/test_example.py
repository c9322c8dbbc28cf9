"""``newsextract --example``: a compact, plain summary of the bundled sample."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsextract
from newsextract.cli import main as cli_main
from newsextract.example import WIDTH, _cells, sample_bytes, sample_html_bytes, show_example


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _shown() -> tuple[str, newsextract.Article]:
    out = io.StringIO()
    assert show_example(out) == 0
    html = sample_html_bytes()
    return out.getvalue(), newsextract.extract(html if html is not None else sample_bytes())


def _squash(text: str) -> str:
    return "".join(text.split())


def test_example_shows_the_fields_text_and_removals() -> None:
    text, article = _shown()
    assert article.title and article.title in text
    assert article.reporters and article.reporters[0].name in text
    squashed = _squash(text)
    assert article.paragraphs
    for para in article.paragraphs:
        assert _squash(para) in squashed
    assert f"{len(article.paragraphs)} paragraphs" in text
    assert f"{len(article.removed)} blocks" in text
    dropped = sum(r.reason.startswith("furniture") for r in article.removed)
    assert f"{dropped:>3}  dropped as page furniture" in text
    for im in article.images:
        if im.credit:
            assert f"credit: {im.credit}" in text
    assert "newsextract explain" in text and "docs/fields.md" in text


def test_example_is_plain_text_off_a_terminal() -> None:
    text, _ = _shown()
    assert "\x1b" not in text
    for line in text.splitlines():
        assert _cells(line) <= WIDTH or " " not in line.strip(), line


def test_example_styles_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    tty = _Tty()
    show_example(tty)
    assert "\x1b[1m" in tty.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Tty()
    show_example(plain)
    assert "\x1b" not in plain.getvalue()


def test_cli_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--example"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("newsextract --example")


def test_text_sample_still_bundled() -> None:
    assert newsextract.extract(sample_bytes()).kind == "text"


def test_example_shows_the_html_sample() -> None:
    html = sample_html_bytes()
    assert html is not None, "the HTML sample should be bundled in newsextract/data/"
    text, article = _shown()
    assert article.kind == "html"
    assert "sample_ndsoft.html" in text and "a saved web page" in text


def test_bundled_html_sample_is_the_fixture() -> None:
    fixture = Path(__file__).parent / "fixtures" / "pages" / "sample-ndsoft.html"
    if not fixture.exists():
        pytest.skip("the fixture page is not in this checkout")
    assert sample_html_bytes() == fixture.read_bytes(), (
        "copy tests/fixtures/pages/sample-ndsoft.html to newsextract/data/"
    )
