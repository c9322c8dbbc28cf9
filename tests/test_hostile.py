"""Hostile and broken input (issue 5): every entry point returns an Article or raises a NewsExtractError.

The page below is invented; it is laid out like a Korean news page (title, byline, dateline, body).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Comment

import newsextract
from newsextract import (
    Article,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    InputTypeError,
    Limits,
    NewsExtractError,
    ParseError,
    SourceReadError,
)

PAGE = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>시립도서관 야간 개방 확대 | 가상일보</title></head>
<body><div class="header"><a href="/">가상일보</a> <a href="/news">뉴스</a></div>
<div id="article-view-content-div">
<h1>시립도서관 야간 개방 확대</h1>
<p>입력 2024.03.05 09:12 &nbsp; 수정 2024.03.05 10:40</p>
<p>(가상시=가상일보) 김하늘 기자 = 가상시는 다음 달부터 시립도서관 세 곳의 야간 개방을 밤 11시까지 늘린다고 밝혔다.</p>
<p>시는 직장인과 학생의 이용 요청이 많아 개방 시간을 늘리기로 했다고 설명했다.</p>
<p>도서관 관계자는 "야간 열람실 좌석도 함께 늘릴 계획"이라고 말했다.</p>
<p>김하늘 기자 sky@example.com</p>
</div>
<div class="footer">저작권자 © 가상일보 무단전재 및 재배포 금지</div>
</body></html>
"""

EntryPoint = Callable[[Any], Any]
ENTRIES: dict[str, EntryPoint] = {
    "extract": newsextract.extract,
    "extract_html": newsextract.extract_html,
    "extract_text": newsextract.extract_text,
    "parse_byline": newsextract.parse_byline,
    "parse_datetime": newsextract.parse_datetime,
}
DOCUMENT_ENTRIES = ("extract", "extract_html", "extract_text")


def shown(article: Article) -> str:
    """Everything the article shows as text (the tests do not care which block became which field)."""
    return "\n".join(x for x in (article.title, article.subtitle, article.text) if x)


def outcome(fn: EntryPoint, value: Any) -> Any:
    """The result, or the NewsExtractError raised; anything else fails the test."""
    try:
        return fn(value)
    except NewsExtractError as exc:
        assert str(exc), "errors must carry a message"
        return exc


def test_the_invented_page_is_read() -> None:
    article = newsextract.extract(PAGE.encode())
    assert "야간 개방" in shown(article)


# -- wrong types ---------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", sorted(ENTRIES))
@pytest.mark.parametrize("value", [None, 0, 3.5, [], ["<p>가</p>"], {}, object(), True, (b"x",)], ids=repr)
def test_wrong_types_raise_input_type_error(entry: str, value: Any) -> None:
    with pytest.raises(InputTypeError) as info:
        ENTRIES[entry](value)
    assert type(value).__name__ in str(info.value)
    assert isinstance(info.value, TypeError)  # also an ordinary TypeError for callers that catch that


@pytest.mark.parametrize("entry", DOCUMENT_ENTRIES)
@pytest.mark.parametrize("limits", [None, 5, {"max_bytes": 5}])
def test_limits_of_the_wrong_type(entry: str, limits: Any) -> None:
    with pytest.raises(InputTypeError):
        ENTRIES[entry](PAGE, limits=limits)


@pytest.mark.parametrize("entry", DOCUMENT_ENTRIES)
@pytest.mark.parametrize("url", [123, b"https://x.example/", ["https://x.example/"]], ids=repr)
def test_url_of_the_wrong_type(entry: str, url: Any) -> None:
    with pytest.raises(InputTypeError, match="url"):
        ENTRIES[entry](PAGE, url=url)


@pytest.mark.parametrize("url", ["http://[::1", "javascript:alert(1)", "\x00", "http://" + "a" * 100_000, ""])
def test_odd_urls(url: str) -> None:
    assert isinstance(newsextract.extract(PAGE, url=url), Article)


def test_extract_text_refuses_a_soup() -> None:
    with pytest.raises(InputTypeError, match="extract_text"):
        newsextract.extract_text(BeautifulSoup(PAGE, "html.parser"))


def test_bytes_like_inputs_are_read() -> None:
    data = PAGE.encode()
    for value in (bytearray(data), memoryview(data)):
        assert "야간 개방" in shown(newsextract.extract(value))


# -- empty and whitespace ------------------------------------------------------------------------

@pytest.mark.parametrize("entry", DOCUMENT_ENTRIES)
@pytest.mark.parametrize("value", [b"", "", " ", "\n\n\t  \r\n", b"   \n", "\u3000\u00a0 "], ids=repr)
def test_empty_input(entry: str, value: Any) -> None:
    with pytest.raises(EmptyInputError):
        ENTRIES[entry](value)


@pytest.mark.parametrize("value", ["", " ", "\n"])
def test_empty_text_for_field_parsers(value: str) -> None:
    assert newsextract.parse_byline(value) == ()
    assert newsextract.parse_datetime(value) is None


@pytest.mark.parametrize("value", ["<!-- only a comment -->", "<html></html>", "<?xml version='1.0'?>"])
def test_markup_without_text(value: str) -> None:
    result = outcome(newsextract.extract_html, value)
    assert isinstance(result, (Article, EmptyInputError))
    if isinstance(result, Article):
        assert result.paragraphs == ()


# -- control characters, broken encodings --------------------------------------------------------

@pytest.mark.parametrize("entry", DOCUMENT_ENTRIES)
def test_nul_bytes_are_dropped(entry: str) -> None:
    page = PAGE.replace("야간 개방을", "야간\x00 개방을\x00")
    for value in (page, page.encode()):
        article = ENTRIES[entry](value)
        assert "\x00" not in article.to_json()


def test_lone_surrogates_do_not_cut_the_text() -> None:
    page = PAGE.replace("세 곳의", "세 곳의\ud800")
    article = newsextract.extract(page)
    assert "야간 개방" in shown(article)
    assert "밤 11시까지" in shown(article)  # lxml would silently stop at the surrogate
    article.to_json()  # and the result is encodable


def test_invalid_utf8_is_read() -> None:
    data = PAGE.encode().replace("개방을".encode(), b"\xff\xfe\x80\xc3")
    result = outcome(newsextract.extract, data)
    assert isinstance(result, Article)
    assert "가상시" in shown(result)


def test_mixed_encodings_in_one_page() -> None:
    head, tail = PAGE.split("<p>시는", 1)
    data = head.encode("utf-8") + ("<p>시는" + tail).encode("cp949", errors="replace")
    result = outcome(newsextract.extract, data)
    assert isinstance(result, (Article, DecodeError))
    if isinstance(result, Article):
        result.to_json()


@pytest.mark.parametrize(
    "entities",
    [
        "&#x110000; &#99999999999; &#0; &#xD800; &#xDFFF; &#-1; &#; &#x; &#xFFFE; &#x1F; &#128;",
        "&nosuchentity; &amp &lt &#x41 &#65",
        "&" * 2000,
    ],
)
def test_entities_for_missing_code_points(entities: str) -> None:
    page = PAGE.replace("<p>시는", f"<p>{entities} 시는")
    for entry in ("extract", "extract_html"):
        article = ENTRIES[entry](page)
        assert "직장인" in shown(article)
        article.to_json()


def test_bidi_and_zero_width_characters() -> None:
    page = PAGE.replace("가상시는", "\u202e가상\u200b시는\u2066\u200d\u2069\ufeff\u200f")
    for entry in DOCUMENT_ENTRIES:
        result = outcome(ENTRIES[entry], page)
        assert isinstance(result, Article)
        result.to_json()
    assert isinstance(newsextract.parse_byline("\u202e김하늘\u200b 기자\u2066"), tuple)
    newsextract.parse_datetime("2024\u200b.03\u202e.05 09:12")


# -- broken markup -------------------------------------------------------------------------------

def test_truncated_at_every_byte() -> None:
    data = PAGE.encode()
    cuts = sorted({*range(0, 160), *range(160, len(data), 11), len(data) - 1})
    for cut in cuts:
        result = outcome(newsextract.extract, data[:cut])
        assert isinstance(result, (Article, NewsExtractError)), cut


def test_unclosed_tags() -> None:
    article = newsextract.extract(PAGE.replace("</p>", "").replace("</a>", ""))
    assert "직장인" in shown(article)
    # With every </div> gone the header swallows the page: any reading is fine, a crash is not.
    unclosed = PAGE.replace("</p>", "").replace("</div>", "").replace("</a>", "").replace("</body></html>", "")
    assert isinstance(newsextract.extract(unclosed), Article)


def test_tag_soup_and_stray_brackets() -> None:
    page = PAGE.replace("<p>시는", "<p <<>> </ p><b><i>< /b></i><table><td><p>시는")
    result = outcome(newsextract.extract, page)
    assert isinstance(result, Article)


@pytest.mark.parametrize("depth", [1500, 1990])
def test_deep_but_allowed_nesting_is_read(depth: int) -> None:
    """Below the depth limit the article is found: nothing after the parser may recurse per level."""
    body = "<div>" * depth + PAGE.split("<body>", 1)[1].split("</body>", 1)[0] + "</div>" * depth
    article = newsextract.extract(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert "직장인" in shown(article)


@pytest.mark.parametrize("depth", [2100, 100_000])
def test_too_deep_nesting_is_a_parse_error(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + "<p>깊은 곳의 문장입니다.</p>" + "</div>" * depth + "</body></html>"
    for entry in ("extract", "extract_html"):
        with pytest.raises(ParseError, match="levels"):
            ENTRIES[entry](page)


def test_deep_nesting_as_a_text_dump_is_text() -> None:
    assert isinstance(outcome(newsextract.extract_text, "<div>" * 100_000), Article)


@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000, "[" * 100_000])
def test_deeply_nested_json_in_the_page(nested: str) -> None:
    """JSON-LD and __NEXT_DATA__ are parsed with json: 100,000 levels must not become a RecursionError."""
    scripts = (
        f'<script type="application/ld+json">{nested}</script>'
        f'<script id="__NEXT_DATA__" type="application/json">{nested}</script>'
    )
    article = newsextract.extract(PAGE.replace("</head>", scripts + "</head>"))
    assert "직장인" in shown(article)


# -- binary files named .html ---------------------------------------------------------------------

BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    + zlib.compress(bytes(range(256)) * 20)
    + b"\n%%EOF\n",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4,
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,
    "random": bytes((i * 7919 + 13) % 256 for i in range(4096)),
}


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_named_html(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"page-{kind}.html"
    path.write_bytes(BINARIES[kind])
    for value in (path, BINARIES[kind]):
        for entry in ("extract", "extract_html", "extract_text"):
            with pytest.raises(DecodeError):
                ENTRIES[entry](value)


# -- paths and gzip ------------------------------------------------------------------------------

def test_paths(tmp_path: Path) -> None:
    with pytest.raises(SourceReadError):
        newsextract.extract(tmp_path / "missing.html")
    with pytest.raises(SourceReadError):
        newsextract.extract(tmp_path)  # a directory
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode()))
    assert "직장인" in shown(newsextract.extract(page))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(PAGE.encode())[:-20])
    with pytest.raises(SourceReadError):
        newsextract.extract(broken)


def test_gzip_bytes_are_unpacked() -> None:
    assert "직장인" in shown(newsextract.extract(gzip.compress(PAGE.encode())))


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b" " * 20_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    limits = Limits(max_bytes=1_000_000)
    with pytest.raises(InputTooLargeError):
        newsextract.extract(bomb, limits=limits)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(bomb)
    with pytest.raises(InputTooLargeError):
        newsextract.extract(path, limits=limits)


# -- soups ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", ["html.parser", "lxml"])
def test_soup_input(builder: str) -> None:
    soup = BeautifulSoup(PAGE, builder)
    article = newsextract.extract(soup)
    assert "직장인" in shown(article)
    assert article == newsextract.extract(PAGE)
    div = soup.find("div", id="article-view-content-div")
    assert "직장인" in shown(newsextract.extract_html(div))


def test_hostile_soup() -> None:
    soup = BeautifulSoup(PAGE, "html.parser")
    p = soup.find("p")
    assert p is not None
    p.append("제어\x00문자\x01와 \ud800 서로게이트")
    p["data-x\x00"] = "값\x07"
    soup.body.append(soup.new_tag("bad name<>"))  # type: ignore[union-attr]
    result = outcome(newsextract.extract, soup)
    assert isinstance(result, Article)
    result.to_json()


@pytest.mark.parametrize("comment", ["---", "a----b-", "-", "<!-- -- -->", "\x00--\x01-"])
def test_soup_comments_lxml_would_refuse(comment: str) -> None:
    """Found by the fuzzer: a comment holding "---" made lxml raise ValueError in soup_to_tree."""
    soup = BeautifulSoup(PAGE, "html.parser")
    soup.body.append(Comment(comment))  # type: ignore[union-attr]
    assert "직장인" in shown(newsextract.extract(soup))


def test_deep_soup_is_a_parse_error_not_a_recursion_error() -> None:
    soup = BeautifulSoup("<div>" * 5000 + "가", "html.parser")
    with pytest.raises(ParseError):
        newsextract.extract(soup)


def test_empty_soup() -> None:
    with pytest.raises(EmptyInputError):
        newsextract.extract(BeautifulSoup("", "html.parser"))


# -- no output on stdout -------------------------------------------------------------------------

def test_nothing_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    newsextract.extract(PAGE)
    newsextract.extract(PAGE.encode("cp949", errors="replace"))
    newsextract.extract_text("제목\n\n본문 문장이다.\n김하늘 기자")
    newsextract.extract(BeautifulSoup(PAGE, "html.parser"))
    for bad in (b"\x89PNG\r\n\x1a\n" + bytes(100), "", "<div>" * 3000):
        outcome(newsextract.extract, bad)
    newsextract.parse_byline("김하늘 기자")
    newsextract.parse_datetime("2024.03.05 09:12")
    captured = capsys.readouterr()
    assert captured.out == ""
