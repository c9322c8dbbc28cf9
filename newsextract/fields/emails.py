"""E-mail addresses in bylines: complete ones, and the broken forms Korean bylines carry ("eyes@")."""

from __future__ import annotations

import regex

_LOCAL = r"[A-Za-z0-9._%+\-]{1,64}"
_DOMAIN = r"[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5}"

EMAIL = regex.compile(rf"(?<![A-Za-z0-9._%+\-]){_LOCAL}@{_DOMAIN}")
"""A complete address (local part, "@", dotted domain)."""

LOOSE_EMAIL = regex.compile(
    rf"(?<![A-Za-z0-9._%+\-]){_LOCAL}@(?:[A-Za-z0-9\-]{{1,63}}(?:\.[A-Za-z0-9\-]{{1,63}}){{0,5}})?"
)
"""An address or a broken one ("eyes@", "bigkim@naver"): what a byline shows after a name."""

_TLD = regex.compile(r"\.[A-Za-z]{2,24}$")


def clean_email(text: str) -> str | None:
    """``text`` as a usable address (trailing dots cut, lower-cased domain), or None when it is broken."""
    text = text.strip().rstrip(".-")
    m = EMAIL.fullmatch(text)
    if m is None:
        return None
    local, _, domain = text.partition("@")
    if not _TLD.search(domain) or ".." in domain or domain.startswith(("-", ".")):
        return None
    return f"{local}@{domain.lower()}"
