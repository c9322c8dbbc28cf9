"""Property-based tests (hypothesis): for any input, every entry point returns or raises a NewsExtractError."""

from __future__ import annotations

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsextract
from newsextract import Article, Limits, NewsExtractError, Reporter

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMITS = Limits(max_bytes=200_000)

PIECES = [
    "<html>", "<head>", "<title>", "</title>", "<body>", "<div class='article'>", "</div>", "<p>", "</p>",
    "<br>", "<a href='/x'>", "</a>", "<!--", "-->", "<script>", "</script>", "<![CDATA[", "]]>", "&#",
    "&amp;", "&#x110000;", "&nbsp;", "<?xml version='1.0' encoding='euc-kr'?>", "<meta charset='euc-kr'>",
    "입력 2024.03.05 09:12", "수정", "김하늘 기자", "sky@example.com", "(가상시=가상일보)", "=", "\n", " ",
    "가상시는 도서관을 늘린다고 밝혔다.", "저작권자 ©", "▲", "[사진=가상일보]", "\x00", "\ud800", "\u202e", "\u200b",
    "<", ">", "\"", "'", "/", "2023.", "기자", "**", "# ", "- ", "|",
]
html_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
texts = st.one_of(st.text(max_size=400), html_like)
encodings = st.sampled_from(["utf-8", "cp949", "utf-16", "latin-1"])


def _document(fn: object, value: object) -> None:
    try:
        result = fn(value, limits=LIMITS)  # type: ignore[operator]
    except NewsExtractError as exc:
        assert str(exc)
        return
    assert isinstance(result, Article)
    result.to_json(removed=True)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    _document(newsextract.extract, data)
    _document(newsextract.extract_html, data)


@SETTINGS
@given(texts)
def test_any_text(text: str) -> None:
    for fn in (newsextract.extract, newsextract.extract_html, newsextract.extract_text):
        _document(fn, text)


@SETTINGS
@given(html_like, encodings)
def test_any_encoded_markup(text: str, encoding: str) -> None:
    _document(newsextract.extract, text.encode(encoding, errors="replace"))


@pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
@SETTINGS
@given(html_like)
def test_any_soup(text: str) -> None:
    _document(newsextract.extract, BeautifulSoup(text.replace("\ud800", ""), "html.parser"))


@SETTINGS
@given(texts)
def test_field_parsers(text: str) -> None:
    reporters = newsextract.parse_byline(text)
    assert isinstance(reporters, tuple)
    assert all(isinstance(r, Reporter) and r.name for r in reporters)
    when = newsextract.parse_datetime(text)
    assert when is None or (isinstance(when, datetime) and when.tzinfo is not None)
