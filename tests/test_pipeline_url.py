"""A URL given with a text dump fills a missing time from the date the URL carries, and only then."""

from __future__ import annotations

import pathlib
from datetime import datetime, timedelta, timezone

import pytest

import newsextract
from newsextract.example import sample_bytes

KST = timezone(timedelta(hours=9))


def _dump(without_time: bool) -> str:
    text = sample_bytes().decode("utf-8")
    return text.replace("  • 승인 2024.03.12 10:25\n", "") if without_time else text


def test_url_date_is_the_last_resort_for_a_dump() -> None:
    a = newsextract.extract_text(_dump(True), url="https://example.kr/news/2024/03/11/abc")
    assert a.published == datetime(2024, 3, 11, tzinfo=KST)
    assert a.url == "https://example.kr/news/2024/03/11/abc"


def test_displayed_time_beats_the_url_date() -> None:
    a = newsextract.extract_text(_dump(False), url="https://example.kr/news/2024/03/11/abc")
    assert a.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)


def test_a_modification_at_publication_time_is_absent() -> None:
    text = _dump(False).replace("  • 승인 2024.03.12 10:25\n", "  • 입력 2024.03.12 10:25\n  • 수정 2024.03.12 10:25\n")
    a = newsextract.extract_text(text)
    assert a.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert a.modified is None


def test_a_str_naming_a_file_is_refused_with_a_hint(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(sample_bytes())
    with pytest.raises(newsextract.InputTypeError, match=r"pathlib\.Path"):
        newsextract.extract(str(page))
    assert newsextract.extract(page).title
