"""The shortcuts the HTML path takes for speed must give what the long way gives.

Clean UTF-8 bytes go to the parser as they are; the element count runs only when the markup could hold
more elements than allowed; metadata lookups skip the tree when the source lacks the name; byline and date
finders are memoised for one page; the JS-comment stripper is a regex.
"""

from __future__ import annotations

import random

import pytest

import newsextract
from newsextract import decode
from newsextract.decode import clean_text, decode_page
from newsextract.errors import InputTooLargeError, ParseError
from newsextract.fields import byline, dates
from newsextract.html.meta import page_hints, strip_js_comments
from newsextract.html.parse import parse_html
from newsextract.limits import DEFAULT_LIMITS, Limits
from newsextract.memo import forget_page, memo_size

_PIECES = ["a", " ", "\n", "\t", "\x0c", "\x01", "\x7f", "가", "한", "·", "’", "…", "\xa0", "\u3000", "\ufeff",
           "\u200b", "é", "¼", "¿", "ï", "€", "《", "😀", "&#1;", "&#39;", "_x000d_", "<b>", "</b>",
           "\x85", "\u2028", "\u202f", "\u205f", "\u2003", "\x1b", "&#x9f;", "_x000D_"]


def _page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>가람시 새 도서관 문 연다</title></head>'
        f"<body><h1>가람시 새 도서관 문 연다</h1>{body}</body></html>"
    )


def test_clean_utf8_keeps_its_bytes_for_the_parser() -> None:
    data = _page("<p>가람시가 새 도서관을 열었다.</p>").encode()
    got = decode_page(data)
    assert got.utf8 is data and got.encoding == "utf-8" and got.text == data.decode()


@pytest.mark.parametrize("dirt", ["\xa0", "\u200b", "\x01", "&#1;", "&#x0B;", "_x000D_"])
def test_text_that_needs_cleaning_is_cleaned_on_the_bytes(dirt: str) -> None:
    data = _page(f"<p>가람시가{dirt}새 도서관을 열었다.</p>").encode()
    got = decode_page(data)
    assert got.text == clean_text(data.decode())
    assert got.utf8 is not None and got.utf8 != data and got.utf8.decode() == got.text


def test_mojibake_is_repaired_on_the_text_not_the_bytes() -> None:
    garbled = "서울시민".encode("cp949").decode("latin-1")
    data = _page(f"<p>{garbled} {garbled} {garbled}</p>").encode()
    got = decode_page(data)
    assert got.utf8 is None and "서울시민" in got.text


def test_random_pages_decode_the_same_either_way() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        data = _page(body).encode()
        try:
            got = decode_page(data)
        except newsextract.DecodeError:
            continue  # so many control characters in so short a page that it reads as binary
        assert got.text == clean_text(data.decode()), repr(body)
        if got.utf8 is not None:
            assert got.utf8.decode() == got.text


def test_ascii_page_is_its_own_utf8_but_iso2022_is_not() -> None:
    ascii_page = _page("<p>plain</p>").encode()
    assert decode_page(ascii_page).utf8 == ascii_page
    iso = _page("<p>가람</p>", "iso-2022-kr").encode("iso-2022-kr")
    got = decode_page(iso)
    assert got.utf8 is None and "가람" in got.text


def test_utf8_bytes_beat_a_stale_euc_kr_declaration() -> None:
    data = _page("<p>가람시가 새 도서관을 열었다.</p>", "euc-kr").encode()
    art = newsextract.extract(data)
    assert art.encoding == "utf-8"
    assert art.paragraphs == ("가람시가 새 도서관을 열었다.",)


def test_element_limit_still_counts_when_the_markup_could_exceed_it() -> None:
    markup = "<html><body>" + "<p>가</p>" * 300 + "</body></html>"
    with pytest.raises(InputTooLargeError, match="elements"):
        parse_html(markup, limits=Limits(max_elements=100))
    parse_html(markup, limits=Limits(max_elements=2000))  # 300 tags cannot make 2000 elements: no count


def test_depth_past_max_depth_is_refused_by_the_walk() -> None:
    deep = "<html><body>" + "<div>" * 80 + "가람시 소식입니다." + "</div>" * 80 + "</body></html>"
    with pytest.raises(ParseError, match="deeper than 40 levels"):
        newsextract.extract(deep, limits=Limits(max_depth=40))
    assert newsextract.extract(deep).paragraphs == ("가람시 소식입니다.",)


def test_parser_depth_ceiling_is_read_off_its_error_log() -> None:
    markup = "<html><body><p>x" + "<div>" * 3000 + "y" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(ParseError, match="levels deep"):
        parse_html(markup, limits=DEFAULT_LIMITS)


def test_metadata_lookups_agree_with_and_without_the_source() -> None:
    body = (
        '<div class="media_end_categorize_item">사회</div>'
        '<span data-date-time="2026-03-02 09:15:00">2026.03.02. 오전 9:15</span>'
        '<span id="comment_count">12</span>'
        '<time itemprop="dateModified" datetime="2026-03-02T11:00:00+09:00">11:00</time>'
    )
    text = _page(body)
    root = parse_html(text, limits=DEFAULT_LIMITS)
    blind = page_hints(root, url=None, encoding=None)
    for markup in (text, text.encode()):
        assert page_hints(root, url=None, encoding=None, markup=markup) == blind
    assert blind.published is not None and blind.published.hour == 9
    assert blind.comment_count == 12 and blind.section == "사회"
    bare = _page("<p>없음</p>")
    assert page_hints(parse_html(bare, limits=DEFAULT_LIMITS), url=None, encoding=None, markup=bare).published is None


def test_page_memos_are_emptied_when_a_page_starts() -> None:
    line = "김가람 기자 garam@example.com"
    first = byline.find_bylines(line)
    assert byline.find_bylines(line) is first  # the same answer, memoised
    assert dates.find_dates("입력 2026.03.02 09:15") == dates.find_dates("입력 2026.03.02 09:15")
    assert memo_size() >= 2
    newsextract.extract("가람시가 새 도서관을 열었다.\n")
    again = byline.find_bylines(line)
    assert again == first and again is not first  # the memo was emptied when that page started
    forget_page()
    assert memo_size() == 0
    assert byline.find_bylines(line) == first


def _reference_strip(text: str) -> str:
    """The character loop the regex replaced: comments out, string literals (even unclosed) kept."""
    out, i, n, start, quote = [], 0, len(text), 0, ""
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "/" and i + 1 < n and text[i + 1] in "/*":
            out.append(text[start:i])
            j = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i + 2)
            i = n if j < 0 else (j if text[i + 1] == "/" else j + 2)
            start = i
            continue
        i += 1
    out.append(text[start:])
    return "".join(out)


def test_js_comment_stripper_agrees_with_the_character_loop() -> None:
    rng = random.Random(5)
    alphabet = "ab\"'\\/*\n {}:,"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert strip_js_comments(text) == _reference_strip(text), repr(text)
    doc = '{"url": "https://a.example/x", /* note */ "b": 1 // end\n}'
    assert strip_js_comments(doc) == '{"url": "https://a.example/x",  "b": 1 \n}'


def test_hostile_script_text_strips_in_linear_time() -> None:
    for text in ('"' + "a\\" * 50_000, "/*" + "*" * 100_000, "'" * 100_000, "/" * 100_000):
        strip_js_comments(text)  # would take minutes if any branch backtracked


def test_decode_sniffs_binary_in_the_first_8_kb() -> None:
    assert decode._SNIFF == 8192
    with pytest.raises(newsextract.DecodeError):
        decode.decode_bytes(b"\x00\x01\x02\x03" * 4096)


def test_display_width_agrees_with_unicodedata() -> None:
    import unicodedata

    from newsextract.text.width import display_width

    rng = random.Random(3)
    pools = [(0x20, 0x2FFF), (0xAC00, 0xD7A3), (0x3000, 0x9FFF), (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF), (0x20000, 0x2FFFF)]
    for _ in range(3000):
        text = "".join(chr(rng.randint(*rng.choice(pools))) for _ in range(rng.randint(0, 20)))
        expected = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
        assert display_width(text) == expected, repr(text)


def test_column_cells_agree_with_a_character_walk() -> None:
    import unicodedata

    from newsextract.text.columns import _cells

    def walk(line: str) -> list[tuple[int, int]]:
        out, col, spaces = [], 0, 0
        for i, ch in enumerate(line):
            if ch == " ":
                spaces += 1
            else:
                if spaces >= 3 or (i == spaces and spaces > 0):
                    out.append((col, i))
                spaces = 0
            col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return out

    rng = random.Random(4)
    for _ in range(5000):
        line = "".join(rng.choice(["가", "a", " ", "   ", "《", "１", "-"]) for _ in range(rng.randint(0, 25)))
        assert _cells(line) == walk(line), repr(line)
