"""Stage 3 (text dumps): lines of a dump into blocks, with the layout hints the dump still carries.

w3m and lynx draw list items with bullets ("•", "*", "+", "□"), lynx wraps long lines and marks buttons
"(BUTTON)", html2text writes markdown ("#", "*", links, images), get_text() puts every text node on its
own line. Wrapped paragraphs are joined (:mod:`.reflow`), markdown is undone (:mod:`.markdown`); each
non-empty line becomes a block, and a blank line before it is recorded in ``gap_before``.
"""

from __future__ import annotations

import regex

from ..blocks import Block, BlockKind
from ..errors import InputTooLargeError
from ..knowledge import phrases
from ..limits import Limits
from .columns import split_columns
from .markdown import looks_like_markdown, strip_markdown, unwrap_strong_runs
from .reflow import reflow

_BULLET = regex.compile(r"^(?:[•*+·◦▪‣□☆○●-]|\d{1,2}\.)\s+")
_DUMP_BULLET = regex.compile(r"^(?:[•*+◦▪‣□☆○#]|o(?=\s))\s+")
_HEADING = regex.compile(r"^#{1,6}\s+")
_QUOTE = regex.compile(r"^(?:>\s?)+")
_LYNX_MARKS = regex.compile(r"\((?:BUTTON|IMG|IMAGE|FORM|INLINE|LINK)\)\s?|\[(?:IMG|INLINE|LINK)\]")
_TABLE_EDGE = regex.compile(r"^(?:\|\s?){1,8}|(?:\s?\|){1,8}$")
_GLUED_SENTENCE = regex.compile(rf"(?<=[다요]\.)(?=\p{{Hangul}})|(?<={phrases.CAPTION_END})(?=[\[(\p{{Hangul}}])")
"""Where a dump glued two paragraphs: "꾸몄다.주민들이", a caption's "…재판매 및 DB 금지[서울=뉴시스]…"."""
_SPACES = regex.compile(r"[\s\u00a0\u200b\u3000\ufeff]+")


def text_blocks(text: str, *, limits: Limits) -> list[Block]:
    """Blocks of a text dump in order."""
    lines = text.splitlines()
    if len(lines) > limits.max_lines:
        raise InputTooLargeError(f"the dump has {len(lines)} lines; the limit is {limits.max_lines}")
    markdown = looks_like_markdown(lines)
    lines = [_LYNX_MARKS.sub("", line) for line in reflow(split_columns(lines))]
    if markdown:
        lines = unwrap_strong_runs(lines)
    blocks: list[Block] = []
    gap = True
    for number, raw in enumerate(lines, 1):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            gap = True
            continue
        kind: BlockKind = "text"
        density = 0.0
        alt = src = None
        if markdown:
            if _HEADING.match(line):
                kind, line = "heading", _HEADING.sub("", line)
            elif _QUOTE.match(line):
                kind, line = "quote", _QUOTE.sub("", line)
            elif _BULLET.match(line) and not line.startswith("**"):
                kind, line = "item", _BULLET.sub("", line)
            line = _TABLE_EDGE.sub("", line)
            md = strip_markdown(line)
            line, density, alt, src = md.text, md.link_density, md.image_alt, md.image_src
            if md.image_only:
                kind, line = "image", md.image_alt or ""
        elif _DUMP_BULLET.match(line) and len(line) < 200:
            kind, line = "item", _DUMP_BULLET.sub("", line)
        if kind == "image":
            parts = [line]
        else:  # sentences a dump glued together ("꾸몄다.주민들이") are separate paragraphs
            parts = [p for p in _GLUED_SENTENCE.split(line) if p] if kind == "text" else [line]
        for k, part in enumerate(parts):
            blocks.append(
                Block(
                    text=part,
                    kind=kind,
                    index=len(blocks),
                    where=f"line {number}",
                    link_density=density,
                    gap_before=gap and k == 0,
                    src=src,
                    alt=alt,
                )
            )
        gap = False
    return blocks
