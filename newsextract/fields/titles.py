"""A headline's leading tag ("[속보]", "【단독】", "[이슈+]"): kept in the title as shown, and given apart."""

from __future__ import annotations

import regex

from ..knowledge import metadata as K

_TITLE_PREFIX = regex.compile(
    rf"^\s*(?P<prefix>[\[【〔［<〈《(](?:\s*+[^\[\]【】〔〕［］<>〈〉《》()]{{1,{K.TITLE_PREFIX_MAX}}}?|\s++)\s*+[\]】〕］>〉》)])\s*(?P<rest>\S.*)$",
    regex.S,
)


def split_title_prefix(title: str) -> tuple[str | None, str]:
    """A leading bracketed tag ("[속보]", "【단독】") and the rest of the title; ``(None, title)`` if none."""
    m = _TITLE_PREFIX.match(title)
    if not m:
        return None, title
    return m["prefix"], m["rest"].strip()
