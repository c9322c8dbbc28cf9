"""Byline parsing (reference §3): reporters, roles, e-mails and dateline places from a line or paragraph."""

from __future__ import annotations

import regex

from ..knowledge.labels import ROLE_WORDS
from ..model import Reporter

EMAIL = regex.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5}")
_ROLES = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_TAIL = regex.compile(
    rf"(?:(?P<loc>\p{{Hangul}}{{1,6}})\s*[=/]\s*)?(?P<name>\p{{Hangul}}{{2,4}})\s*(?P<role>{_ROLES})"
    rf"(?:\s*[(\[]?\s*(?P<email>{EMAIL.pattern}))?"
)


def parse_byline(text: str) -> tuple[Reporter, ...]:
    """Reporters credited in ``text`` (a byline line, or a paragraph that holds one)."""
    out: list[Reporter] = []
    for m in _TAIL.finditer(text):
        out.append(Reporter(name=m["name"], role=m["role"], email=m["email"], location=m["loc"]))
    return tuple(out)
