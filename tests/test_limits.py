"""Limits: explicit, configurable, validated; passing one gives a typed error, never MemoryError/RecursionError."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from bs4 import BeautifulSoup
from lxml import html as lxml_html

import newsextract
from newsextract import DEFAULT_LIMITS, InputTooLargeError, InputTypeError, Limits, ParseError
from newsextract.errors import InvalidLimitsError
from newsextract.html.parse import check_tree
from newsextract.limits import PARSER_MAX_DEPTH

PAGE = (
    "<html><head><title>가상일보</title></head><body><div id='article'><h1>도서관 야간 개방</h1>"
    "<p>가상시는 다음 달부터 시립도서관의 야간 개방을 늘린다고 밝혔다. 시민 요청이 많았다.</p>"
    "<p>도서관 관계자는 열람실 좌석도 함께 늘릴 계획이라고 말했다.</p></div></body></html>"
)


def test_defaults_are_sane() -> None:
    assert DEFAULT_LIMITS.max_bytes >= 50 * 1024 * 1024  # a 50 MB page is read
    assert DEFAULT_LIMITS.max_lines >= 50_000  # real dumps have a few thousand lines at most
    assert 100 <= DEFAULT_LIMITS.max_depth < PARSER_MAX_DEPTH
    assert DEFAULT_LIMITS.max_elements >= 100_000
    assert DEFAULT_LIMITS.depth_cap == DEFAULT_LIMITS.max_depth
    assert Limits(max_depth=10**6).depth_cap == PARSER_MAX_DEPTH - 1


def test_limits_are_plain_values() -> None:
    small = dataclasses.replace(DEFAULT_LIMITS, max_bytes=1000)
    assert small.max_bytes == 1000 and small.max_lines == DEFAULT_LIMITS.max_lines
    assert pickle.loads(pickle.dumps(small)) == small  # safe to send to worker processes
    with pytest.raises(dataclasses.FrozenInstanceError):
        small.max_bytes = 5  # type: ignore[misc]


def test_limits_are_validated() -> None:
    with pytest.raises(InvalidLimitsError):
        Limits(max_bytes=0)
    with pytest.raises(InvalidLimitsError):
        Limits(max_depth=-5)
    with pytest.raises(InputTypeError):
        Limits(max_lines=1.5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Limits(max_elements=True)


def test_max_bytes() -> None:
    limits = Limits(max_bytes=len(PAGE.encode()) - 1)
    for value in (PAGE, PAGE.encode()):
        with pytest.raises(InputTooLargeError, match="max_bytes"):
            newsextract.extract(value, limits=Limits(max_bytes=len(PAGE) - 1))
    with pytest.raises(InputTooLargeError):
        newsextract.extract(PAGE.encode(), limits=limits)
    assert newsextract.extract(PAGE.encode(), limits=Limits(max_bytes=len(PAGE.encode())))


def test_max_elements() -> None:
    with pytest.raises(InputTooLargeError, match="max_elements"):
        newsextract.extract(PAGE, limits=Limits(max_elements=5))
    with pytest.raises(InputTooLargeError, match="max_elements"):
        newsextract.extract(BeautifulSoup(PAGE, "html.parser"), limits=Limits(max_elements=5))


def test_max_depth() -> None:
    with pytest.raises(ParseError, match="max_depth"):
        newsextract.extract(PAGE, limits=Limits(max_depth=3))
    with pytest.raises(ParseError, match="max_depth"):
        newsextract.extract(BeautifulSoup(PAGE, "html.parser"), limits=Limits(max_depth=3))
    assert "열람실" in newsextract.extract(PAGE, limits=Limits(max_depth=4)).text


def test_max_lines() -> None:
    dump = "\n".join(["가상시는 도서관 개방을 늘린다고 밝혔다."] * 50)
    with pytest.raises(InputTooLargeError, match="lines"):
        newsextract.extract_text(dump, limits=Limits(max_lines=10))
    assert newsextract.extract_text(dump, limits=Limits(max_lines=50))




def test_a_million_line_dump_is_refused_at_once() -> None:
    dump = "본문 문장이 이어진다.\n" * 1_000_000
    with pytest.raises(InputTooLargeError, match="lines"):
        newsextract.extract_text(dump)
    with pytest.raises(InputTooLargeError, match="lines"):
        newsextract.extract(dump.encode())


def test_check_tree_counts_and_depth_directly() -> None:
    root = lxml_html.document_fromstring("<div>" * 50 + "가")
    check_tree(root, limits=Limits(max_depth=60, max_elements=60))
    with pytest.raises(ParseError):
        check_tree(root, limits=Limits(max_depth=40))
    with pytest.raises(InputTooLargeError):
        check_tree(root, limits=Limits(max_elements=40))


def test_limits_reach_the_soup_and_bytes_doors() -> None:
    limits = Limits(max_bytes=50)
    with pytest.raises(InputTooLargeError):
        newsextract.extract(BeautifulSoup(PAGE, "html.parser"), limits=limits)
    with pytest.raises(InputTooLargeError):
        newsextract.extract_html(PAGE.encode(), limits=limits)
    with pytest.raises(InputTooLargeError):
        newsextract.extract_text(PAGE, limits=limits)


def test_wrong_limits_type() -> None:
    with pytest.raises(InputTypeError, match="Limits"):
        newsextract.extract(PAGE, limits={"max_bytes": 10})  # type: ignore[arg-type]


def test_a_tree_cut_by_the_parser_is_refused_whatever_max_depth_says() -> None:
    """libxml2 stops at PARSER_MAX_DEPTH and drops the rest of the page: never return such a torso."""
    page = "<html><body>" + "<div>" * 3000 + "<p>깊은 곳</p>" + "</div>" * 3000 + "<p>뒤의 본문</p></body></html>"
    with pytest.raises(ParseError, match="levels"):
        newsextract.extract(page, limits=Limits(max_depth=10**6))
