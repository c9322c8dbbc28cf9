"""Pathological strings through every entry point: each call ends (result or typed error) well within 5 s.

The bound is loose on purpose (shared CI machines); bench/pathological.py measures the real figures.
A super-linear pattern on these 100,000-repetition inputs takes minutes, not seconds.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

import pytest

import newsextract
from newsextract import Article, NewsExtractError

N = 100_000
BOUND = 5.0

CASES: dict[str, str] = {
    "byline-word": "기자 " * N,
    "dateline-open": "(서울=" * N,
    "hangul-one-line": "가" * N,
    "div-open": "<div>" * N,
    "p-open": "<p>" * (N // 2),
    "entity-storm": "&#" * N,
    "entity-huge": "&#9999999999;" * (N // 4),
    "rule-line": "=" * N,
    "email-storm": "a@" * (N // 2),
    "date-storm": "2023." * (N // 2),
    "full-date-storm": "2023.04.07 08:26 " * (N // 10),
    "label-then-spaces": "입력" + " " * N,
    "bracket-then-spaces": "[" + " " * N,
    "paren-then-spaces": "(" + " " * N + "x",
    "open-parens": "(" * N,
    "lt-storm": "<" * N,
    "comment-open": "<!--" * N,
    "dateline-byline": "홍길동 기자 = " * (N // 10),
    "email-dots": "hong@a." * (N // 4),
    "markdown-strong": "**a" * (N // 2),
    "markdown-link": "[a](" * (N // 2),
    "bullets": "- " * N,
    "photo-credit": "사진=" * (N // 2),
    "bidi-zero-width": "\u202e\u200b가\u2066\u200d" * (N // 5),
    "nul": "\x00" * N + "가",
    "lines": "가\n" * N,
    "spaces-lines": " \n" * N,
    "tab-run": "가\t" * N,
    "korean-sentence-lines": "가상시는 도서관을 연다.\n" * (N // 10),
}

ENTRIES: dict[str, Callable[[Any], Any]] = {
    "extract": newsextract.extract,
    "extract_html": newsextract.extract_html,
    "extract_text": newsextract.extract_text,
    "parse_byline": newsextract.parse_byline,
    "parse_datetime": newsextract.parse_datetime,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_entry_point_is_bounded(case: str) -> None:
    text = CASES[case]
    slow: list[str] = []
    for name, fn in ENTRIES.items():
        start = time.perf_counter()
        try:
            result = fn(text)
        except NewsExtractError:
            result = None
        took = time.perf_counter() - start
        if name.startswith("extract") and result is not None:
            assert isinstance(result, Article)
        if took > BOUND:
            slow.append(f"{name}: {took:.1f} s")
    assert not slow, f"{case}: " + ", ".join(slow)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe\x80" * N + "<p>가</p>".encode(),
        ("<p>" + "가" * 3 + "</p>").encode() * (N // 10) + "<p>나다</p>".encode("cp949") * (N // 10),
        ("<p>" + "가나다라" * 10 + "</p>\n").encode("cp949") * (N // 50),
    ],
    ids=["invalid-utf8", "mixed-utf8-cp949", "cp949-undeclared"],
)
def test_bytes_are_bounded(data: bytes) -> None:
    for fn in (newsextract.extract, newsextract.extract_html):
        start = time.perf_counter()
        with contextlib.suppress(NewsExtractError):
            fn(data)
        assert time.perf_counter() - start < BOUND
