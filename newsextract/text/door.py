"""Stage 3 (text dumps): lines of a dump into blocks, with the layout hints the dump still carries.

w3m and lynx draw list items with bullets ("•", "*", "+"), html2text writes markdown ("#", "**", links),
get_text() puts every text node on its own line. Each non-empty line becomes a block; a blank line before
it is recorded in ``gap_before``.
"""

from __future__ import annotations

import regex

from ..blocks import Block, BlockKind
from ..errors import InputTooLargeError
from ..limits import Limits

_BULLET = regex.compile(r"^(?:[•*+·◦▪‣-]|\d{1,2}\.)\s+")
_HEADING = regex.compile(r"^#{1,6}\s+")


def text_blocks(text: str, *, limits: Limits) -> list[Block]:
    """Blocks of a text dump in order."""
    lines = text.splitlines()
    if len(lines) > limits.max_lines:
        raise InputTooLargeError(f"the dump has {len(lines)} lines; the limit is {limits.max_lines}")
    blocks: list[Block] = []
    gap = True
    for number, raw in enumerate(lines, 1):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            gap = True
            continue
        kind: BlockKind = "text"
        if _HEADING.match(line):
            kind, line = "heading", _HEADING.sub("", line)
        elif _BULLET.match(line) and len(line) < 120:
            kind, line = "item", _BULLET.sub("", line)
        if line:
            blocks.append(
                Block(text=line, kind=kind, index=len(blocks), where=f"line {number}", gap_before=gap)
            )
        gap = False
    return blocks
