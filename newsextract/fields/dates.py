"""Date and time parsing for Korean news (reference §4): every displayed and machine form to an aware
datetime, at +09:00 (Korea has had no daylight saving since 1988) unless the text gives an offset.

``parse_datetime`` reads the first date in a string; ``find_times`` reads labelled lines
("입력 2023-04-04 16:31 | 수정 2023-04-04 16:32", "2026/09/07 15:34 송고") into (label, datetime) pairs.
All patterns are linear: bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import regex

from ..errors import require_str
from ..knowledge.labels import LABEL_AFTER, ROLE_WORDS, TIME_LABELS, TimeField
from ..knowledge.names import SURNAMES
from ..memo import page_memo

KST = timezone(timedelta(hours=9), "KST")

_ZONES = {"KST": 9, "JST": 9, "UTC": 0, "GMT": 0, "UT": 0, "Z": 0}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_WEEKDAYS = "월화수목금토일"

_TIME = (
    r"(?:(?P<ampm>오전|오후|AM|PM|am|pm|a\.m\.|p\.m\.)\s{0,2})?[(\[]?\s{0,2}"
    r"(?P<H>\d{1,2})\s{0,2}(?::|시)\s{0,2}(?P<M>\d{1,2})(?!\d)"
    r"(?:\s{0,2}분)?(?:\s{0,2}:\s{0,2}(?P<S>\d{1,2})(?:[.,](?P<frac>\d{1,9}))?(?!\d)(?:\s{0,2}초)?)?"
    r"(?:\s{0,2}(?P<ampm2>AM|PM|am|pm))?\s{0,2}[)\]]?"
)
_ZONE = r"(?:\s{0,2}(?:(?P<off>[+-]\d{2}(?::?\d{2})?)(?!\d)|(?P<zone>KST|JST|UTC|GMT|UT|Z)\b))?"

_NUMERIC = regex.compile(
    r"(?<![\d.])(?:(?P<y>\d{4})|(?P<yy>\d{2}))\s{0,2}(?P<sep>[.\-/년])\s{0,2}(?P<m>\d{1,2})\s{0,2}"
    r"(?:[.\-/]|월)\s{0,2}(?P<d>\d{1,2})(?!\d)\s{0,2}(?:일|\.)?"
    rf"(?:\s{{0,2}}(?:\(\s{{0,1}}[{_WEEKDAYS}](?:요일)?\s{{0,1}}\)|[{_WEEKDAYS}]요일))?"
    rf"(?:(?:\s{{0,3}}|T|\s{{0,2}}[|·,]\s{{0,2}}){_TIME}{_ZONE})?"
)
"""Year-first dates: dotted, dashed, slashed, spaced (Daum), Korean units, ISO 8601, two-digit years."""

_RFC = regex.compile(
    r"(?:(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\s{0,2},?\s{0,2})?"
    r"(?<!\d)(?P<d>\d{1,2})\s{1,2}(?P<mon>[A-Za-z]{3}[a-z]{0,6}|\d{1,2})\.?\s{1,2}(?P<y>\d{4}|\d{2})(?!\d)"
    rf"(?:\s{{1,2}}{_TIME}{_ZONE})?"
)
"""RFC 822/1123 (RSS pubDate) and its Korean-feed variants: colon offset, numeric month, "Sun,27"."""

_COMPACT = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?(?!\d)"
)
"""Daum og:regDate "20260927095437" (YYYYMMDDhhmm[ss])."""

_RFC_CUE = re.compile(r"\d\s{1,2}(?:[A-Za-z]{3}|\d{1,2}\.?\s)")
"""What every :data:`_RFC` date holds (day, space, month, space): a cheap scan first, as most lines have none."""
_COMPACT_CUE = re.compile(r"\d{12}")

_DIGIT = regex.compile(r"\d")
_SCAN_LIMIT = 200
"""At most this many candidates are tried per call (keeps pathological input cheap)."""
_PARSE_LIMIT = 4096
"""``parse_datetime`` reads a date in the first this many characters (a time line or a meta value)."""
_FIND_LIMIT = 16384
"""``find_dates``/``find_times`` read this many characters (info lines, not whole pages)."""


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One date found in a text: where it is and what it means."""

    start: int
    end: int
    when: datetime
    has_time: bool


def parse_datetime(text: str) -> datetime | None:
    """The first date (and time) in ``text`` as an aware datetime, or None (never raises).

    Date-only text gives midnight KST; a text without an offset is taken as KST. A non-str raises
    :class:`~newsextract.errors.InputTypeError`.
    """
    if not require_str(text, "parse_datetime"):
        return None
    first = next(iter(_scan(text[:_PARSE_LIMIT], limit=1)), None)
    return first.when if first else None


def find_dates(text: str) -> tuple[TimeMatch, ...]:
    """Every date in ``text`` with its span, in order."""
    if not isinstance(text, str) or not text:
        return ()
    return _find_dates(text[:_FIND_LIMIT])


@page_memo
def _find_dates(text: str) -> tuple[TimeMatch, ...]:
    # Memoised for the page: the stages ask about the same lines (head, tail) several times each.
    return tuple(_scan(text, limit=_SCAN_LIMIT))


def label_field(label: str | None) -> TimeField | None:
    """The Article field a displayed time label fills ("기사입력" -> "published", "최종 수정" -> "modified")."""
    if not label:
        return None
    key = " ".join(label.replace(":", " ").replace("：", " ").split())
    hit = TIME_LABELS.get(key) or TIME_LABELS.get(key.replace(" ", ""))
    if hit is None:
        hit = TIME_LABELS.get(key.capitalize())
    return hit


_LABEL_WORDS = sorted(TIME_LABELS, key=len, reverse=True)
_LABEL_ALT = "|".join(regex.escape(w).replace(r"\ ", r"\s{0,2}") for w in _LABEL_WORDS)
_LABEL_BEFORE = regex.compile(
    rf"(?P<label>{_LABEL_ALT})(?:\s{{0,2}}[/·]\s{{0,2}}(?P<second>{_LABEL_ALT}))?\s{{0,2}}[:：]?\s{{0,2}}$"
)
_LABEL_AFTER = regex.compile(
    rf"^\s{{0,2}}(?P<label>{'|'.join(sorted(LABEL_AFTER, key=len, reverse=True))})(?!\p{{Hangul}})"
)
_WORD_BEFORE = regex.compile(r"(?<!\p{Hangul})\p{Hangul}{1,12}$")
_ROLE_END = tuple(ROLE_WORDS)
_GAP = 24


def find_times(text: str) -> tuple[tuple[str | None, datetime], ...]:
    """(label, datetime) pairs for the times in a labelled line, in order.

    The label is written as on the page ("입력", "최종수정", "송고시간") or None when the time has none;
    map it with :func:`label_field`. "입력/수정 A / B" gives ("입력", A), ("수정", B); a label after its
    time ("2026/09/07 15:34 송고") is read when no label precedes the time.
    """
    return _find_times(text) if type(text) is str else _times_of(text)


@page_memo
def _find_times(text: str) -> tuple[tuple[str | None, datetime], ...]:
    # Memoised for the page: the door, classify and the fields each ask about the same header lines.
    return _times_of(text)


def _times_of(text: str) -> tuple[tuple[str | None, datetime], ...]:
    dates = [d for d in find_dates(text) if d.has_time or _date_only_ok(text, d)]
    out: list[tuple[str | None, datetime]] = []
    carried: str | None = None
    prev_end = 0
    for i, d in enumerate(dates):
        gap = text[max(prev_end, d.start - _GAP) : d.start]
        label: str | None = None
        m = _LABEL_BEFORE.search(gap)
        if m and _label_stands_apart(gap[: m.start()]):
            label = _squash(m["label"])
            carried = _squash(m["second"]) if m["second"] else None
        elif carried is not None:
            label, carried = carried, None
        else:
            nxt = dates[i + 1].start if i + 1 < len(dates) else len(text)
            after = text[d.end : min(nxt, d.end + _GAP)]
            a = _LABEL_AFTER.search(after)
            if a and not (nxt < len(text) and not text[d.end + a.end() : nxt].strip(" :：")):
                label = a["label"]
        out.append((label, d.when))
        prev_end = d.end
    return tuple(out)


def _label_stands_apart(before: str) -> bool:
    """True when a label is not the tail of another word: nothing Hangul before it, or a byline glued to
    it by the page or a dump ("김시은 기자입력 2024…", "조아라입력 2025…": a role word, a person's name)."""
    m = _WORD_BEFORE.search(before)
    if m is None:
        return True
    word = m.group(0)
    return word.endswith(_ROLE_END) or (
        len(word) == 3 and word[0] in SURNAMES and (m.start() == 0 or before[m.start() - 1] == " ")
    )


def _squash(label: str) -> str:
    return " ".join(label.split())


def _date_only_ok(text: str, d: TimeMatch) -> bool:
    gap = text[max(0, d.start - _GAP) : d.start]
    return bool(_LABEL_BEFORE.search(gap))


def _scan(text: str, *, limit: int) -> list[TimeMatch]:
    if _DIGIT.search(text) is None:  # every form needs digits: most lines stop here, one C scan
        return []
    found: list[TimeMatch] = []
    forms = (
        (_NUMERIC, None, _from_numeric),
        (_RFC, _RFC_CUE, _from_rfc),
        (_COMPACT, _COMPACT_CUE, _from_compact),
    )
    for pattern, cue, build in forms:
        if cue is not None and cue.search(text) is None:
            continue
        for tried, m in enumerate(pattern.finditer(text), 1):
            if tried > _SCAN_LIMIT:
                break
            got = build(m)
            if got is not None:
                found.append(TimeMatch(m.start(), _trim_end(text, m), got[0], got[1]))
                if limit == 1:
                    break
    found.sort(key=lambda t: t.start)
    kept: list[TimeMatch] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept[:limit]


def _trim_end(text: str, m: regex.Match[str]) -> int:
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return end


def _from_numeric(m: regex.Match[str]) -> tuple[datetime, bool] | None:
    if m["y"]:
        year = int(m["y"])
    else:
        if m["H"] is None or m["sep"] == "년":
            return None
        yy = int(m["yy"])
        year = 2000 + yy if yy < 70 else 1900 + yy
    if m["sep"] == "년" and m["y"] is None:
        return None
    return _build(year, int(m["m"]), int(m["d"]), m)


def _from_rfc(m: regex.Match[str]) -> tuple[datetime, bool] | None:
    mon = m["mon"]
    if mon.isdigit():
        if not m["wd"] or m["H"] is None:
            return None
        month = int(mon)
    else:
        month = _MONTHS.get(mon[:3].lower(), 0)
        if not month:
            return None
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    return _build(year, month, int(m["d"]), m)


def _from_compact(m: regex.Match[str]) -> tuple[datetime, bool] | None:
    try:
        when = datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"] or 0), tzinfo=KST
        )
    except ValueError:
        return None
    return when, True


def _build(year: int, month: int, day: int, m: regex.Match[str]) -> tuple[datetime, bool] | None:
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return None
    tz = _zone(m)
    if tz is None:
        return None
    if m["H"] is None:
        try:
            return datetime(year, month, day, tzinfo=tz), False
        except ValueError:
            return None
    hour, minute = int(m["H"]), int(m["M"])
    ampm = (m["ampm"] or m["ampm2"] or "").lower().replace(".", "")
    if ampm in ("오후", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + 12
    elif ampm in ("오전", "am"):
        if not 0 <= hour <= 12:
            return None
        hour %= 12
    second = int(m["S"] or 0)
    micro = int((m["frac"] or "0")[:6].ljust(6, "0"))
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz), True
    except ValueError:
        return None


def _zone(m: regex.Match[str]) -> timezone | None:
    off, zone = m["off"], m["zone"]
    if zone:
        return KST if _ZONES[zone] == 9 else timezone(timedelta(hours=_ZONES[zone]))
    if not off:
        return KST
    digits = off[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    if off[0] == "-":
        delta = -delta
    return KST if delta == timedelta(hours=9) else timezone(delta)
