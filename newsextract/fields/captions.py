"""Caption text (reference §5.2): split the credit ("(사진 대구시)", "/사진=연합뉴스", "[연합뉴스 자료사진]",
"ⓒ새마을금고중앙회") from the descriptive caption, and drop what only frames it (a leading "▲", a wire
dateline "(수원=연합뉴스) 김시은 기자 =", a trailing "2026.7.16 id@yna.co.kr", "재판매 및 DB 금지").

The caption and credit returned are made only of pieces of the input (whitespace collapsed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..knowledge.credits import CREDIT_LEADS, CREDIT_TAILS, PHOTO_AGENCIES
from ..memo import page_memo
from .byline import find_bylines, find_head
from .emails import EMAIL

_LEADS = "|".join(w.replace(" ", r"\s{0,2}") for w in sorted(CREDIT_LEADS, key=len, reverse=True))
_AGENCIES = "|".join(
    regex.escape(w).replace(r"\ ", r"\s{0,2}") for w in sorted(PHOTO_AGENCIES, key=len, reverse=True)
)
_TAILS = "|".join(w.replace(" ", r"\s{0,2}") for w in sorted(CREDIT_TAILS, key=len, reverse=True))
_OPEN = r"[(\[<［【〈＜]"
_CLOSE = r"[)\]>］】〉＞]"
_BODY = r"[^()\[\]<>［］【】〈〉＜＞\n]"
_NO_DB = r"(?:\s{0,2}[.,]?\s{0,2}재판매\s{0,2}및\s{0,2}DB\s{0,2}금지)?"

_CREDIT_PATTERNS = (
    # "(사진 대구시)", "(사진=연합뉴스)", "[사진 제공: 연합뉴스]", "[촬영 조승한]"
    regex.compile(
        rf"{_OPEN}\s{{0,2}}(?:{_LEADS})\s{{0,2}}[=:：]?\s{{0,2}}(?P<credit>{_BODY}{{1,40}}?){_NO_DB}\s{{0,2}}{_CLOSE}"
    ),
    # "[연합뉴스 자료사진]", "[SR 제공]", "[… 제공. 재판매 및 DB 금지]", "[이태호 제작]"
    regex.compile(
        rf"{_OPEN}\s{{0,2}}(?P<credit>{_BODY}{{1,40}}?)\s{{0,2}}(?:{_TAILS}){_NO_DB}\s{{0,2}}{_CLOSE}"
    ),
    # "(자료사진)"
    regex.compile(rf"{_OPEN}\s{{0,2}}(?P<credit>자료사진|사진|자료){_NO_DB}\s{{0,2}}{_CLOSE}"),
    # "/사진=연합뉴스", "/사진제공=JYP엔터테인먼트", "/사진=(광주=뉴스1) 김태성 기자" (to the end)
    regex.compile(rf"/\s{{0,2}}(?:{_LEADS})\s{{0,2}}[=:：]\s{{0,2}}(?P<credit>[^\n]{{1,60}})$"),
    # "/서울경찰청 제공" (to the end)
    regex.compile(rf"/\s{{0,2}}(?P<credit>[^/\n]{{1,40}}?)\s{{0,2}}(?:{_TAILS})\s{{0,2}}$"),
    # "… 신고은 사진=KBS2 캡처", "사진 출처 : 연합뉴스" (to the end)
    regex.compile(rf"(?:^|(?<=\s))(?:{_LEADS})\s{{0,2}}[=:：]\s{{0,2}}(?P<credit>[^=\n]{{1,60}})$"),
    # "… 모습. 한빛시 제공", "… 모습 ⓒ 한빛시 제공": a source named after the caption's last sentence
    regex.compile(
        rf"(?<=[.!?]\s{{1,2}})(?:[ⓒ©Ⓒ]\s{{0,2}})?(?P<credit>[^.ⓒ©Ⓒ\n]{{1,40}}?)\s{{0,2}}(?:{_TAILS}){_NO_DB}\s{{0,2}}$"
    ),
    # "경기도소방재난본부 제공" as a whole line
    regex.compile(rf"^\s{{0,2}}(?P<credit>[^\n]{{1,40}}?)\s{{0,2}}(?:{_TAILS}){_NO_DB}\s{{0,2}}$"),
    # a wire service or stock library alone at the end: "… 모습. 연합뉴스", "… /뉴스1", "… [게티이미지뱅크]"
    regex.compile(rf"(?:(?<=[.!?]\s{{1,2}})|/\s{{0,2}})(?P<credit>{_AGENCIES})\s{{0,2}}$"),
    regex.compile(rf"{_OPEN}\s{{0,2}}(?P<credit>{_AGENCIES})\s{{0,2}}{_CLOSE}\s{{0,2}}$"),
    # "ⓒ새마을금고중앙회"
    regex.compile(r"[ⓒ©Ⓒ]\s{0,2}(?P<credit>[^\s,.()\[\]]{1,30})"),
    # "스포츠조선DB", "OSEN DB" as a whole line
    regex.compile(r"^\s{0,2}(?P<credit>[^\s/][^\n/]{0,30}?)\s{0,1}DB\s{0,2}$"),
)


class _Cue(NamedTuple):
    """What a caption must show for one of :data:`_CREDIT_PATTERNS` to match in it."""

    chars: frozenset[str]
    """Characters of which the match holds one at least (its opening bracket, "/", "=", ...)."""
    last: bool
    """The match ends the caption, with one of ``chars`` as its last character (spaces aside)."""


def _holds(chars: str) -> _Cue:
    return _Cue(frozenset(chars), last=False)


def _ends(chars: str) -> _Cue:
    return _Cue(frozenset(chars), last=True)


_TAIL_ENDS = "".join({w[-1] for w in CREDIT_TAILS}) + "지"  # a tail word, or "… 재판매 및 DB 금지"
_OPENERS = "([<［【〈＜"
_CREDIT_CUES: tuple[_Cue, ...] = (
    _holds(_OPENERS),
    _holds(_OPENERS),
    _holds(_OPENERS),
    _holds("/"),
    _ends(_TAIL_ENDS),
    _holds("=:："),
    _ends(_TAIL_ENDS),
    _ends(_TAIL_ENDS),
    _holds(".!?/"),
    _ends(")]>］】〉＞"),
    _holds("ⓒ©Ⓒ"),
    _ends("B"),
)
"""Per pattern of :data:`_CREDIT_PATTERNS`, what the caption must show for it to match: a
caption that does not skips the pattern's search of its last 300 characters (the end-anchored searches for a
tail word cost half of all twelve). tests/test_captions.py checks the cues against the bare searches."""

_POINTER = regex.compile(r"^\s{0,3}[▲△↑▼☞▶]\s{0,3}")
_TRAILERS = (
    regex.compile(r"\s{0,3}\*?\s{0,2}재판매\s{0,2}및\s{0,2}DB\s{0,2}금지\s{0,2}\.?\s{0,3}$"),
    regex.compile(r"\s{0,3}Copyright\s{0,2}\(?[Cc]\)?[^\n]{0,160}$"),
    regex.compile(rf"\s{{0,3}}[(\[]?{EMAIL.pattern}[)\]]?\s{{0,3}}$"),
    regex.compile(
        r"\s{0,3}/?\s{0,2}(?:19|20)\d{2}\.\s{0,1}\d{1,2}\.\s{0,1}\d{1,2}\.?\s{0,2}(?:/\s{0,2}(?P<who>[^\s/]{1,12}))?\s{0,3}$"
    ),
)
_WS = regex.compile(r"\s+")
_WINDOW = 300
"""Credits and trailers are looked for in the last this many characters."""


@dataclass(frozen=True, slots=True)
class CreditMatch:
    """A credit inside a caption: the span as displayed (``caption[start:end]``) and the source it names."""

    start: int
    end: int
    credit: str


def find_credit(caption: str) -> CreditMatch | None:
    """The credit shown in ``caption`` (the last one when there are several), or None."""
    if not isinstance(caption, str) or not caption.strip():
        return None
    return _find_credit(caption)


@page_memo
def _find_credit(caption: str) -> CreditMatch | None:
    # Memoised for the page: a caption's credit is looked for by the line rules and by the fields.
    best: CreditMatch | None = None
    base = max(0, len(caption) - _WINDOW)
    shown = set(caption)
    last = caption.rstrip()[-1:]
    for pattern, cue in zip(_CREDIT_PATTERNS, _CREDIT_CUES, strict=True):
        if last not in cue.chars if cue.last else shown.isdisjoint(cue.chars):
            continue
        for n, m in enumerate(pattern.finditer(caption, base)):
            if n >= 20:
                break
            credit = _clean(m["credit"])
            if not credit:
                continue
            got = CreditMatch(m.start(), m.end(), credit)
            if best is None or got.start > best.start:
                best = got
        if best is not None and best.end >= len(caption.rstrip()) - 1:
            break
    return best


def split_credit(caption: str) -> tuple[str, str | None]:
    """The caption text without its credit and framing, and the credit (or None). Never raises."""
    if not isinstance(caption, str):
        return "", None
    return _split_credit(caption)


@page_memo
def _split_credit(caption: str) -> tuple[str, str | None]:
    # Memoised for the page: the door and the fields each cut the same captions.
    text = caption
    credit: str | None = None
    head = find_head(text[:_WINDOW])
    dateline_credit: str | None = None
    if head is not None and head.kind == "head" and head.start <= 3:
        dateline_credit = _dateline_credit(text[head.start : head.end])
        text = text[head.end :]
    for _ in range(4):  # trailing "2026.7.16 id@yna.co.kr", "*재판매 및 DB 금지", "…/뉴스1 Copyright (C) …"
        before = text
        for t in _TRAILERS:
            m = t.search(text, max(0, len(text) - _WINDOW))
            if m and m.start() > 0:
                if m.groupdict().get("who") and dateline_credit is None:
                    dateline_credit = m["who"]
                text = text[: m.start()]
        if text == before:
            break
    found = find_credit(text)
    if found is not None:
        credit = found.credit
        text = text[: found.start] + text[found.end :]
    else:
        base = max(0, len(text) - _WINDOW)
        tail = next((b for b in find_bylines(text[base:]) if b.kind == "tail"), None)
        if tail is not None:  # "… 김시은 기자 id@…": the photographer
            credit = _clean(text[base + tail.start : base + tail.end]) or None
            text = text[: base + tail.start]
    text = _POINTER.sub("", text)
    text = _WS.sub(" ", text).strip(" /")
    return text, credit or dateline_credit


def cut_credit(caption: str) -> tuple[str, str | None]:
    """The caption as displayed with only its credit cut out, and the credit (None when it names none).

    Unlike :func:`split_credit`, what frames the caption stays (a "▲", a date, an address, "재판매 및 DB
    금지"); a wire dateline naming the photographer is the credit's span. Joined with the credit, it gives
    back nearly what the page shows. Never raises.
    """
    if not isinstance(caption, str):
        return "", None
    text = _WS.sub(" ", caption).strip()
    bare, credit = split_credit(text)
    if not credit or not bare:
        return text, None  # no credit, or nothing but one ("사진=연합뉴스"): the line is the caption
    found = find_credit(text)
    if found is not None and found.credit == credit:
        shown = text[: found.start] + " " + text[found.end :]
    else:
        head = find_head(text[:_WINDOW])
        if head is None or head.kind != "head" or head.start > 3:
            return bare, credit
        shown = text[head.end :]
    return _WS.sub(" ", shown).strip(" /") or bare, credit


def is_credit_only(text: str) -> bool:
    """True when ``text`` is only a photo credit ("사진=안소윤 기자", "스포츠조선DB", "/사진=클립아트코리아")."""
    if not isinstance(text, str) or not text.strip() or len(text) > 80:
        return False
    found = find_credit(text)
    if found is None:
        return False
    rest = _POINTER.sub("", text[: found.start] + text[found.end :])
    return not regex.search(r"[\p{L}\p{N}]", rest)


def _dateline_credit(head: str) -> str | None:
    m = regex.search(r"[)\]】］]\s{0,3}(?P<who>[^=\n]{1,40}?)\s{0,2}=", head)
    if m:
        return _clean(m["who"]) or None
    m = regex.search(r"=\s{0,2}(?P<outlet>[^)\]】］\n]{1,30})[)\]】］]", head)
    return _clean(m["outlet"]) if m else None


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip(" =:：/.,")
