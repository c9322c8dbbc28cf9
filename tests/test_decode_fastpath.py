"""The UTF-8 fast path of decoding reads suspects off the bytes: it must agree with the text scan."""

from __future__ import annotations

import random

from newsextract import decode
from newsextract.decode import clean_text, decode_bytes

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
    "é",
    "¼",
    "\xad",
    "¿",
    "ï",
    "€",
    "Š",
    "ˆ",
    "《",
    "（",
    "😀",
    "&#1;",
    "_x000d_",
]


def test_suspect_leads_cover_the_suspect_class() -> None:
    for code in [*range(0x80, 0x3100), *range(0xFE00, 0x10000)]:
        ch = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if decode._SUSPECT.match(ch):
            assert bytes([ch.encode()[0]]) in decode._SUSPECT_LEADS, hex(code)
            assert ch in decode._MOJI_SET or ch in decode._RAW_DIRT_WIDE, hex(code)


def test_ascii_controls_match_the_dirt_class() -> None:
    for code in range(0x80):
        by_bytes = bool(bytes([code]).translate(None, decode._NOT_CTRL_BYTES))
        assert by_bytes == bool(decode._RAW_DIRT.match(chr(code))), hex(code)


def test_bytes_scan_agrees_with_text_scan() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        moji, dirty = decode._suspects(text)
        fast = decode._utf8_suspects(text.encode())
        assert fast[0] == moji, repr(text)
        if not moji:
            assert fast[1] == dirty, repr(text)
        assert clean_text(text, suspects=fast) == clean_text(text), repr(text)


def test_mojibake_in_valid_utf8_is_still_repaired() -> None:
    garbled = "서울시민".encode("cp949").decode("latin-1")  # CP949 read as Latin-1, then saved as UTF-8
    page = f"<html><body><p>{garbled} {garbled} {garbled}</p></body></html>".encode()
    text, enc = decode_bytes(page)
    assert enc == "utf-8"
    assert text == clean_text(page.decode("utf-8"))
