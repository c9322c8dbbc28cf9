"""Undo hard wrapping: lynx (and html2text without ``body_width=0``) break long paragraphs into lines of
a fixed width. A line continues the previous one when the previous line was full, i.e. the next line's
first word would not have fit after it."""

from __future__ import annotations

from collections.abc import Callable

import regex

from .width import display_width

_BULLET_START = regex.compile(r"^\s*(?:[*+•o#◦▪‣□☆·-]|\d{1,3}\.)\s")
_ENDS = regex.compile(r"(?:[.!?。]|다\.|요\.)[\"'”’)\]]?$")
_RULE = regex.compile(r"^\s*[_━─=\-*]{10,}\s*$")


def _measured_wrap(lines: list[str], measure: Callable[[str], int]) -> tuple[int, int] | None:
    """(wrap width, wrapped lines seen) for one way of measuring lines, or None.

    A line was wrapped when it is close to the widest line, does not end a sentence and the next line
    goes on at the same indent.
    """
    widths = [measure(line.rstrip()) if line.strip() and not _RULE.match(line) else 0 for line in lines]
    if sum(1 for w in widths if w) < 10:
        return None
    top = max(widths)
    if top > 200:
        return None
    near = wrapped = 0
    for i, w in enumerate(widths):
        if w < top - 10:
            continue
        near += 1
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            nxt.strip()
            and not _BULLET_START.match(nxt)
            and _indent(nxt) == _indent(lines[i])
            and not _ENDS.search(lines[i].rstrip())
            and w + 1 + measure(nxt.split()[0]) > top - 1
        ):
            wrapped += 1
    if wrapped < (1 if top <= 100 else 3) or wrapped * 2 < near:
        return None
    return top, wrapped


def wrap_measure(lines: list[str]) -> tuple[int, Callable[[str], int]] | None:
    """The width the dump was wrapped at and how it counts (characters, or terminal columns), or None.

    lynx counts characters, a terminal counts a Hangul syllable as two columns: the measure under which
    more lines were wrapped is the one the tool used.
    """
    best: tuple[int, int, Callable[[str], int]] | None = None
    for measure in (len, display_width):
        found = _measured_wrap(lines, measure)
        if found and (best is None or found[1] > best[1]):
            best = (found[0], found[1], measure)
    return (best[0], best[2]) if best else None


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was wrapped at (in its own measure), or None when its lines were not wrapped."""
    found = wrap_measure(lines)
    return found[0] if found else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def reflow(lines: list[str]) -> list[str]:
    """Lines with hard-wrapped paragraphs joined back into one line each (unchanged if not wrapped)."""
    found = wrap_measure(lines)
    if found is None:
        return lines
    width, measure = found
    out: list[list[str]] = []  # pieces of each output line, joined at the end (linear, not quadratic)
    cont_indent = -1
    last = ""  # the previous physical line
    for line in lines:
        stripped = line.strip()
        if out and stripped and last.strip() and not _BULLET_START.match(line):
            first = stripped.split(" ", 1)[0]
            full = measure(last.rstrip()) + 1 + measure(first) > width - 1
            if full and _indent(line) in (cont_indent, _indent(last)) and not _ENDS.search(last.rstrip()):
                out[-1][-1] = out[-1][-1].rstrip()
                out[-1].append(" " + stripped)
                last = line
                continue
        out.append([line])
        last = line
        if _BULLET_START.match(line):
            m = _BULLET_START.match(line)
            cont_indent = m.end() if m else -1
        else:
            cont_indent = _indent(line)
    return ["".join(pieces) for pieces in out]
