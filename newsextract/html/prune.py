"""Stage 3 (HTML): what makes an element furniture, decided from its tag, class, id and style alone.

The walk (:mod:`newsextract.html.blocks`) asks these once per element and skips a pruned subtree whole.
Structural rules only; profile selectors (:data:`~newsextract.knowledge.profiles.PRUNE_SELECTORS`) and the
related-list headings are applied by the walk and the door. The data lives in
:mod:`newsextract.knowledge.profiles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from lxml import etree

from ..knowledge.profiles import FURNITURE_WORDS, HIDDEN_CLASSES, KEEP_WORDS, PRUNE_TAGS

_SEP = str.maketrans("-_", "  ")
_STRING = etree.XPath("string()", smart_strings=False)
_TIMEISH = regex.compile(r"\d{4}[.\-/년]\s?\d{1,2}[.\-/월]\s?\d{1,2}")
_SHORTEST_TIME = 8
"""Characters in the shortest text :data:`_TIMEISH` matches (four digits, a separator, a digit, a separator, a digit)."""
_POSITIVE = frozenset(
    {"article", "content", "contents", "body", "news", "view", "text", "txt", "story", "entry"}
)
_NEGATIVE = frozenset(
    {
        "header", "footer", "nav", "menu", "side", "sidebar", "aside", "widget", "list", "tag", "tags", "util",
        "info", "meta", "top", "bottom", "bnr", "more", "journalist", "reporter", "writer", "profile",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Traits:
    """What an element's class and id say about it."""

    classes: frozenset[str]
    hidden: bool
    """A class that hides it (screen-reader labels, print copies)."""
    chrome: bool
    """A class or id word naming a widget, list or ad (``share_btn``, ``ad_wrap``, ``relation``)."""
    flag: int
    """+1 when the names say article content, -1 when they say page chrome, else 0 (generic scoring)."""


@lru_cache(maxsize=16384)
def traits(cls: str, el_id: str | None) -> Traits:
    """The traits of a class attribute and id: a pure function, cached across pages."""
    classes = frozenset(cls.split())
    words = frozenset(f"{cls} {el_id or ''}".translate(_SEP).lower().split())
    return Traits(
        classes=classes,
        hidden=bool(classes & HIDDEN_CLASSES),
        chrome=bool(words & FURNITURE_WORDS) and not (words & KEEP_WORDS),
        flag=1 if words & _POSITIVE else (-1 if words & _NEGATIVE else 0),
    )


def text_content(el: etree._Element) -> str:
    """An element's text with its descendants' (``lxml.html``'s ``text_content``, for plain elements too)."""
    found = _STRING(el)
    return found if isinstance(found, str) else ""


def tag_pruned(tag: str, el: etree._Element) -> bool:
    """Elements never part of an article's text: scripts, styles, forms, navigation, ads, media players.

    A ``button`` that shows a time ("업데이트 2024-05-30 09:12") is kept: it is a header line, not a control.
    """
    if tag in PRUNE_TAGS:
        return True
    if tag == "button":
        # A button without child elements holds its text whole (no XPath needed); a text shorter than the
        # shortest time the pattern reads ("2024.5.3") shows none.
        text = text_content(el) if len(el) else el.text or ""
        return not (_SHORTEST_TIME <= len(text) < 80 and _TIMEISH.search(text))
    return False


def style_hides(style: str | None) -> bool:
    """``display:none`` or ``visibility:hidden`` in an inline style."""
    if not style:
        return False
    s = style.lower()
    if "none" not in s and "hidden" not in s:
        return False
    s = s.replace(" ", "")
    return "display:none" in s or "visibility:hidden" in s
