"""Stage 5: label every block (body, title, subtitle, caption, byline, info line, furniture), with a reason.

Shared by both doors. First cut: phrase catalog, repeated title, info lines, repeated captions, byline lines,
prose between the title and the end of the article.
"""

from __future__ import annotations

import regex

from .blocks import Block, Decision, Label, PageHints
from .fields.byline import EMAIL, parse_byline
from .fields.dates import parse_datetime
from .knowledge import phrases
from .knowledge.labels import TIME_LABELS

_PATTERNS = tuple(regex.compile(p) for p in phrases.PATTERNS)
_LABELS = "|".join(sorted(TIME_LABELS, key=len, reverse=True))
_INFO = regex.compile(rf"^(?:{_LABELS})\s*:?\s*\d")
_END_MARKERS = ("댓글삭제", "댓글쓰기", "저작권자", "Copyright")


def is_furniture(text: str) -> bool:
    """True when the line is in the boilerplate phrase catalog."""
    if text in phrases.EXACT or text.startswith(phrases.PREFIXES):
        return True
    return any(p.match(text) for p in _PATTERNS)


def classify(blocks: list[Block], hints: PageHints) -> list[Decision]:
    """Label each block; the result is in block order."""
    n = len(blocks)
    labels: list[tuple[Label, str] | None] = [None] * n
    texts = [b.text for b in blocks]

    title_at = _find_title(texts, hints)
    for i, t in enumerate(texts):
        if title_at is not None and t == texts[title_at] and i <= title_at + 3:
            labels[i] = ("title", "headline") if i == title_at else ("furniture", "repeated headline")
        elif is_furniture(t):
            labels[i] = ("furniture", "phrase catalog")
        elif _INFO.match(t) and parse_datetime(t):
            labels[i] = ("info", "time line")
    end = n
    start = (title_at + 1) if title_at is not None else 0
    for i in range(start, n):
        if any(texts[i].startswith(m) for m in _END_MARKERS):
            end = i
            break
    for i in range(start, end):
        if labels[i] is not None:
            continue
        t = texts[i]
        if i + 1 < end and texts[i + 1] == t:
            labels[i] = ("caption", "caption")
            labels[i + 1] = ("furniture", "repeated caption")
            continue
        if blocks[i].kind == "item" and i < start + 6:
            labels[i] = ("info", "info bullet")
        elif parse_byline(t) and (len(t) < 60 or EMAIL.fullmatch(t.split()[-1])):
            labels[i] = ("byline", "byline line")
    first_body = None
    for i in range(start, end):
        if labels[i] is None and _is_prose(texts[i]):
            first_body = i
            break
    for i in range(start, end):
        if labels[i] is not None:
            continue
        if first_body is not None and i < first_body:
            labels[i] = (
                ("subtitle", "deck before the body") if len(texts[i]) > 10 else ("furniture", "short line")
            )
        else:
            labels[i] = ("body", "between headline and end of article")
    out = []
    for i, b in enumerate(blocks):
        label, reason = labels[i] or ("furniture", "outside the article")
        out.append(Decision(block=b, label=label, reason=reason))
    return out


def _find_title(texts: list[str], hints: PageHints) -> int | None:
    if hints.title:
        for i, t in enumerate(texts):
            if t == hints.title:
                return i
    for i in range(min(len(texts) - 1, 40)):
        if texts[i] == texts[i + 1] and 6 <= len(texts[i]) <= 150:
            return i
    return None


def _is_prose(text: str) -> bool:
    return len(text) >= 40 and text.rstrip("\"'”’ )").endswith(("다.", "요.", "다", "."))
