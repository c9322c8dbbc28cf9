"""Date and time parsing for Korean news (reference §4): every displayed and machine form to an aware
datetime at +09:00 unless the text gives an offset."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import regex

KST = timezone(timedelta(hours=9), "KST")

_DOTTED = regex.compile(
    r"(?P<y>\d{4})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*[.일]?\s*"
    r"(?:\([^)]{0,3}\)\s*)?(?:(?P<ampm>오전|오후)\s*)?\(?(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{2})"
    r"(?:\s*[:분]\s*(?P<S>\d{2}))?"
)


def parse_datetime(text: str) -> datetime | None:
    """The first date and time in ``text`` as an aware datetime, or None."""
    m = _DOTTED.search(text)
    if not m:
        return None
    hour = int(m["H"])
    if m["ampm"] == "오후" and hour < 12:
        hour += 12
    elif m["ampm"] == "오전" and hour == 12:
        hour = 0
    try:
        return datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["M"]), int(m["S"] or 0), tzinfo=KST
        )
    except ValueError:
        return None
