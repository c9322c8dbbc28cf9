"""Undo hard wrapping: lynx (and html2text without ``body_width=0``) break long paragraphs into lines of
a fixed width. A line continues the previous one when the previous line was full, i.e. the next line's
first word would not have fit after it."""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

_BULLET_START = regex.compile(r"^\s*(?:[*+•o#◦▪‣□☆·-]|\d{1,3}\.)\s")
_RULE = regex.compile(r"^\s*[_━─=\-*]{10,}\s*$")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide and fullwidth characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was wrapped at, or None when its lines were not wrapped."""
    widths = [display_width(line.rstrip()) for line in lines if line.strip() and not _RULE.match(line)]
    if len(widths) < 10:
        return None
    top = max(widths)
    if top > 200:
        return None
    near = [w for w in widths if w >= top - 12]
    if len(near) < 5:
        return None
    # a wrapped dump has a crowd of lines just under the wrap width and none beyond it
    counts = Counter(near)
    return top if sum(counts.values()) >= max(5, len(widths) // 40) else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def reflow(lines: list[str]) -> list[str]:
    """Lines with hard-wrapped paragraphs joined back into one line each (unchanged if not wrapped)."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    cont_indent = -1
    last = ""  # the previous physical line
    for line in lines:
        stripped = line.strip()
        if out and stripped and last.strip() and not _BULLET_START.match(line):
            first = stripped.split(" ", 1)[0]
            full = display_width(last.rstrip()) + 1 + display_width(first) > width - 1
            if full and _indent(line) in (cont_indent, _indent(last)):
                out[-1] = out[-1].rstrip() + " " + stripped
                last = line
                continue
        out.append(line)
        last = line
        if _BULLET_START.match(line):
            m = _BULLET_START.match(line)
            cont_indent = m.end() if m else -1
        else:
            cont_indent = _indent(line)
    return out
