"""Undo side-by-side columns: w3m draws a table layout (article cell | sidebar cell) on the same lines.

A column edge is a display column where, on many lines, text starts right after a run of spaces. Lines
cut at that edge give a left part and a right part; over a run of such lines the left parts are read
first, then the right parts, so the article is no longer interleaved with the sidebar.
"""

from __future__ import annotations

import re
from collections import Counter

from .width import display_width, wide_count

_MIN_GAP = 3
_MIN_EDGE = 20
_MIN_VOTES = 5
_MIN_SPLIT = 3
_GAP = re.compile(f"(?:^ +| {{{_MIN_GAP},}})(?=[^ ])")
"""A run of spaces that opens a cell: leading blanks, or a gap of ``_MIN_GAP`` or more, before text."""


def _cells(line: str) -> list[tuple[int, int]]:
    """(display column, index) where each run of text after a gap of spaces starts."""
    out: list[tuple[int, int]] = []
    last = wide = 0
    for m in _GAP.finditer(line):
        i = m.end()
        wide += wide_count(line[last:i])
        last = i
        out.append((i + wide, i))
    return out


def column_edge(lines: list[str]) -> int | None:
    """The display column where a right-hand column starts, or None when the dump has no columns.

    It is a column where text starts after a gap, following other text on the same line, on at least
    a few lines; lines whose only text starts there (the right cell alone) add to it.
    """
    after_text: Counter[int] = Counter()
    alone: Counter[int] = Counter()
    for line in lines:
        if len(line) > 4000:
            continue
        cells = _cells(line.rstrip())
        for k, (col, _) in enumerate(cells):
            if col < _MIN_EDGE:
                continue
            if k > 0 or not line.startswith(" "):
                after_text[col] += 1
            else:
                alone[col] += 1
    best, best_votes = None, 0
    for col in after_text:
        v = sum(after_text[c] for c in (col - 1, col, col + 1))
        if v > best_votes:
            best, best_votes = col, v
    if best is None or best_votes < _MIN_SPLIT:
        return None
    support = best_votes + sum(alone[c] for c in (best - 1, best, best + 1))
    return best if support >= _MIN_VOTES else None


def _split_at(line: str, edge: int) -> tuple[str, str] | None:
    """(left, right) of a line cut at a gap near display column ``edge``, or None if no such gap."""
    for col, i in _cells(line):
        if abs(col - edge) <= 2:
            return line[:i].rstrip(), line[i:]
    return None


def split_columns(lines: list[str]) -> list[str]:
    """The lines with a side-by-side right column moved after each run of the left column."""
    edge = column_edge(lines)
    if edge is None:
        return lines
    out: list[str] = []
    right: list[str] = []
    for line in lines:
        raw = line.rstrip()
        cut = _split_at(raw, edge)
        if cut is not None:
            left, rest = cut
            if left.strip():
                out.append(left)
            right.append(rest.strip())
            continue
        if display_width(raw) <= edge:
            out.append(raw)
            continue
        out.extend(right)  # a line across both columns ends the run
        right = []
        out.append(raw)
    out.extend(right)
    return out

