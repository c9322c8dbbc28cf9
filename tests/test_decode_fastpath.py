"""The UTF-8 fast path of decoding reads suspects off the bytes: it must agree with the text scan."""

from __future__ import annotations

import random

import pytest

from newsextract import decode
from newsextract.decode import clean_text, clean_utf8, decode_bytes, decode_page
from newsextract.errors import DecodeError

_PIECES = [
    "a",
    " ",
    "\n",
    "\t",
    "\x0c",
    "\x01",
    "\x1b",
    "\x7f",
    "가",
    "한",
    "·",
    "’",
    "…",
    "\xa0",
    "\u3000",
    "\ufeff",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u2003",
    "\x85",
    "\x9f",
    "é",
    "¼",
    "\xad",
    "¿",
    "ï",
    "€",
    "™",
    "Š",
    "ˆ",
    "※",
    "ㅋ",
    "《",
    "（",
    "😀",
    "&#1;",
    "&#39;",
    "&#x9f;",
    "&#",
    "1;",
    "_x000d_",
    "_x000D_",
    "_x0",
    "00D_",
]


_FILL = "가람시 새 도서관 " * 12


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_byte_tables_cover_the_suspect_class() -> None:
    for code in [*range(0x80, 0x3100), *range(0xFE00, 0x10000)]:
        ch = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if decode._SUSPECT.match(ch):
            assert ch in decode._MOJI_SET or ch in decode._RAW_DIRT_WIDE, hex(code)
        assert (ch.encode() in decode._MOJI_UTF8) == (ch in decode._MOJI_SET), hex(code)
        assert (ch.encode() in decode._WIDE_DIRT_UTF8) == bool(decode._RAW_DIRT.match(ch)), hex(code)


def test_ascii_controls_match_the_dirt_class() -> None:
    for code in range(0x80):
        by_bytes = bool(bytes([code]).translate(None, decode._NOT_CTRL_BYTES))
        assert by_bytes == bool(decode._RAW_DIRT.match(chr(code))), hex(code)


def test_sketch_keeps_every_byte_the_probes_look_for() -> None:
    probes = b"&#_x000d_D" + bytes(range(0xC2, 0xF5)) + bytes(range(32)) + b"\x7f"
    for byte in probes:
        if byte not in b"\t\n\r":
            assert byte in decode._SKETCH_KEEP, hex(byte)
    assert decode._sketch("가&#1;·\x0c\x7f_x000D_ab…".encode()) == b".&#M\x01\x01_x000D_M"


def test_wide_dirt_is_every_odd_space_and_wide_control() -> None:
    for text in _random_texts(3, 500):
        data = text.encode()
        want = [(m.start(), m.group()) for m in decode._RAW_DIRT.finditer(text) if ord(m.group()) > 0x7F]
        got = [(len(data[:i].decode()), char.decode()) for i, char in decode._wide_dirt(data)]
        assert got == want, repr(text)


def test_mojibake_test_on_the_bytes_agrees_with_the_text_pattern() -> None:
    for text in _random_texts(5, 3000):
        assert decode._utf8_mojibake(text.encode()) == bool(decode._MOJI_HINT.search(text)), repr(text)


@pytest.mark.parametrize(
    ("text", "moji"),
    [
        ("…" * 6, True),
        ("…" * 5, False),
        ("가" + "’é…¼€™" + "나", True),
        ("’é…¼€" + "가" + "™", False),
        ("…가…가…가…가…가…가", False),  # six leads in a row in the sketch, none side by side in the text
        ("¼­¿ï", False),
        ("¼­¿ïÀÇ", True),
    ],
)
def test_mojibake_runs(text: str, moji: bool) -> None:
    assert decode._utf8_mojibake(text.encode()) is moji


def test_bytes_cleaning_agrees_with_text_cleaning() -> None:
    for text in _random_texts(7, 3000):
        if decode._MOJI_HINT.search(text):
            continue  # repaired on the text, never on the bytes
        assert clean_utf8(text.encode()).decode() == clean_text(text), repr(text)


def test_decoded_page_text_and_bytes_agree() -> None:
    for text in _random_texts(9, 3000):
        data = ("가" + text).encode()  # not ASCII: the UTF-8 fast path
        try:
            got = decode_page(data)
        except DecodeError:
            continue  # so many control characters in so short a text that it reads as binary
        assert got.text == clean_text(data.decode()), repr(text)
        if got.utf8 is not None:
            assert got.utf8.decode() == got.text, repr(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("\xa0가나다\xa0", " 가나다 "),  # odd spaces at the very start and end
        ("\u200b가\ufeff", "가"),  # dropped at both ends
        ("가\u3000나\u2028다\u205f라", "가 나 다 라"),  # next to Hangul syllables
        ("가\x85나\x9f다", "가나다"),  # C1 controls
        ("가나\ufeff다라", "가나다라"),  # a BOM in the middle
        ("\x01가~\x0c나\x7f", "가~ 나"),  # ASCII controls with wide text
        ("가_x0&#1;00D_나", "가나"),  # removing the reference makes an Excel escape, removed too
        ("가~_x000\x01D_나", "가~_x000D_나"),  # removing a control makes no Excel escape
        ("가&#x1F;&#39;나", "가&#39;나"),
    ],
)
def test_cleaning_edge_cases(text: str, want: str) -> None:
    text, want = text.replace("~", _FILL), want.replace("~", _FILL)  # controls in a short text read as binary
    assert clean_text(text) == want
    data = text.encode()
    assert clean_utf8(data) == want.encode()
    got = decode_page(data)
    assert got.text == want and got.utf8 == want.encode()


def test_clean_page_keeps_its_own_bytes_and_text() -> None:
    data = "<p>가람시 “새” 도서관… 문 연다 · ㅋ ※ （）</p>".encode()
    got = decode_page(data)
    assert got.utf8 is data and got.text == data.decode()


def test_mojibake_in_valid_utf8_is_still_repaired() -> None:
    garbled = "서울시민".encode("cp949").decode("latin-1")  # CP949 read as Latin-1, then saved as UTF-8
    page = f"<html><body><p>{garbled} {garbled} {garbled}</p></body></html>".encode()
    text, enc = decode_bytes(page)
    assert enc == "utf-8"
    assert text == clean_text(page.decode("utf-8"))
