"""Display width of text as a terminal draws it: East Asian wide and fullwidth characters take two columns.

w3m and lynx lay a page out in terminal columns, so finding their wrapped lines and side-by-side columns
means measuring lines the same way. ``unicodedata.east_asian_width`` per character is exact but slow on
the hundreds of lines of a dump; here one regex class (built once, from ``unicodedata`` itself, for the
Basic Multilingual Plane) counts the wide characters in C, and only characters beyond that plane (rare:
emoji, CJK extensions) are looked up one by one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _wide_bmp() -> re.Pattern[str]:
    """A class of every wide or fullwidth character below U+10000 (what ``east_asian_width`` says)."""
    ranges: list[str] = []
    start = -1
    for cp in range(0x10001):
        wide = cp < 0x10000 and unicodedata.east_asian_width(chr(cp)) in "WF"
        if wide and start < 0:
            start = cp
        elif not wide and start >= 0:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = -1
    return re.compile("[" + "".join(ranges) + "]")


def wide_count(text: str) -> int:
    """How many characters of ``text`` take two columns."""
    if text.isascii():
        return 0
    n = len(text) - len(_wide_bmp().sub("", text))
    if _ASTRAL.search(text):
        n += sum(1 for ch in _ASTRAL.findall(text) if unicodedata.east_asian_width(ch) in "WF")
    return n


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide and fullwidth characters count two)."""
    return len(text) + wide_count(text)
