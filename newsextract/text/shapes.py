"""Line shapes the classifier reads: prose, furniture, tail markers, captions, credits, sign-offs, datelines.

Pure predicates over one line of text; the phrase lists come from :mod:`newsextract.knowledge.phrases`.
"""

from __future__ import annotations

import re

import regex

from ..fields.captions import find_credit
from ..fields.dates import find_dates
from ..knowledge import phrases
from ..knowledge.labels import ROLE_WORDS, TIME_LABELS
from ..memo import page_memo

Matcher = re.Pattern[str] | regex.Pattern[str]
"""A compiled pattern of either engine (both have ``match``, ``search``, ``sub``)."""

_SHARE_LOWER = frozenset(w.lower() for w in phrases.SHARE_WORDS)
"""The share words as the lowered line spells them ("URL복사" is read as "url복사")."""
_SHARE_WORDS = regex.compile(
    "|".join(regex.escape(w) for w in sorted(_SHARE_LOWER, key=len, reverse=True)) + r"|\s+"
)
_SHARE_FRAME = " ·|/()[]"
"""What may frame a row of share buttons ("공유하기 | 페이스북 | 트위터")."""
_NOT_SHARE = re.compile(
    "[^" + "".join(re.escape(c) for c in sorted({*"".join(_SHARE_LOWER), *_SHARE_FRAME})) + r"\s]"
)
"""A character no share button, frame or space holds: a line with one is no row of share buttons."""
_PRODUCTION = regex.compile(phrases.PRODUCTION_CREDIT)


def any_of(patterns: tuple[str, ...]) -> Matcher:
    """One pattern matching where any of ``patterns`` matches: a catalog costs one regex call, not one each.

    The catalog patterns use no backreferences or inline flags, so the alternation says the same. A
    catalog in the syntax both engines share is compiled by the standard ``re``, which runs these long
    alternations two to three times faster; one using ``regex``-only syntax (``\\p{Hangul}``, possessive
    repeats) by ``regex``.
    """
    joined = "|".join(f"(?:{p})" for p in patterns)
    if "\\p{" in joined or "++" in joined or "*+" in joined or "?+" in joined:
        return regex.compile(joined)
    try:
        return re.compile(joined)
    except re.error:
        return regex.compile(joined)


class LineCatalog:
    """A catalog of anchored line patterns with a short part: the patterns anchored at both ends with
    bounded repeats (``short``) can only match a line of at most ``bound`` characters, so longer lines
    (most body paragraphs) are spared them. ``matches`` says whether any pattern of either part matches."""

    __slots__ = ("_bound", "_long", "_short")

    def __init__(self, patterns: tuple[str, ...], short: tuple[str, ...], bound: int) -> None:
        self._long = any_of(patterns)
        self._short = any_of(short)
        self._bound = bound

    def matches(self, text: str) -> bool:
        return self._long.match(text) is not None or (
            len(text) <= self._bound and self._short.match(text) is not None
        )


_FURNITURE = LineCatalog(phrases.PATTERNS, phrases.SHORT_PATTERNS, phrases.SHORT_LINE)
_FORM_FIELD = re.compile(phrases.FORM_FIELD)
_END = LineCatalog(phrases.END_PATTERNS, phrases.SHORT_END_PATTERNS, phrases.SHORT_LINE)
_COPYRIGHT = any_of(phrases.COPYRIGHT_PATTERNS)
_SPEAKER = any_of(phrases.SPEAKER_MARKERS)
_CREDIT_ONLY = any_of(phrases.PHOTO_CREDIT_ONLY)
_CAPTION_LINE = LineCatalog(phrases.CAPTION_LINES, phrases.SHORT_CAPTION_LINES, phrases.SHORT_LINE)
_CREDIT_MARK = any_of(phrases.CAPTION_CREDIT_MARKS)
_PROGRAMME = any_of(phrases.PROGRAMME_LINES)
_IMAGE_FILE = regex.compile(phrases.IMAGE_FILE_LINE)

_CLOSERS = "\"'”’」』)]>〉》 "
_SENTENCE_END = regex.compile(r"(?:[다요죠까니함음임됨]\s{0,4}[.!?…]+|[.!?…]{1,3}|[다요죠])$")
_HANGUL = regex.compile(r"\p{Hangul}")
_DIGIT = regex.compile(r"\d")
_INNER_END = regex.compile(r"[다요]\.(?=\s|\p{Hangul}|$)")
_LABELS = "|".join(sorted((regex.escape(k) for k in TIME_LABELS), key=len, reverse=True))
_ROLES = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))

TIME_LINE = regex.compile(
    rf"(?P<label>{_LABELS})\s{{0,4}}(?:(?:시간|일시)\s{{0,4}})?(?:[:：]\s{{0,4}})?(?P<rest>\d{{2,4}}\s{{0,4}}[.\-/년]\s{{0,4}}\d)"
)
"""A labelled time ("입력 2023.04.07 08:26", "송고시간 2023-04-20 07:53:13")."""

_TIME_LABEL = re.compile("|".join(re.escape(k) for k in TIME_LABELS))
"""Any time label: a cheap pre-test, as :data:`TIME_LINE` needs one."""

BARE_DATE = regex.compile(r"^\d{4}\s{0,4}[.\-/년]\s{0,4}\d{1,2}\s{0,4}[.\-/월]\s{0,4}\d{1,2}")
"""A line that opens with a full date and no label ("2023년 04월 07일 18시 36분")."""

DATELINE = regex.compile(
    r"^\s{0,4}[(\[【［<]\s{0,4}(?P<loc>[\p{Hangul}A-Za-z· ]{1,12})\s{0,4}=\s{0,4}(?P<outlet>[^)\]】］>]{1,20})[)\]】］>]\s{0,4}"
    rf"(?P<names>(?:[\p{{Hangul}}·, ]{{2,40}}?)\s{{0,4}}(?:{_ROLES}))\s{{0,4}}=\s{{0,4}}"
)
"""A wire dateline byline at the start of a paragraph: "(서울=연합뉴스) 김시은 기자 = "."""

BARE_DATELINE = regex.compile(
    r"[(\[【［]\s{0,4}(?P<loc>\p{Hangul}{1,8})\s{0,4}=\s{0,4}(?P<outlet>[\p{Hangul}A-Za-z0-9 ]{2,12})\s{0,4}[)\]】］]\s{0,4}"
)
"""A dateline without a reporter: "(연천=연합뉴스) "."""

HEAD_CREDIT = regex.compile(
    rf"^\s{{0,4}}[\[【［]\s{{0,4}}(?P<outlet>[\p{{Hangul}}A-Za-z0-9]{{2,12}})(?:\s{{0,4}}=\s{{0,4}}(?:(?P<loc>\p{{Hangul}}{{1,8}})\s{{0,4}},)?)?\s{{0,4}}"
    rf"(?P<names>[\p{{Hangul}}·, ]{{2,30}}?)\s{{0,4}}(?:{_ROLES})\s{{0,4}}[\]】］]\s{{0,4}}"
)
"""A bracketed head byline: "[이데일리 박민웅 기자] ", "[OSEN=대전, 지형준 기자] "."""

SIGN_OFF = regex.compile(
    r"(?:^|(?<=[.!?]\s))(?P<outlet>(?:[A-Za-z0-9]{2,8}\s)?[\p{Hangul}A-Za-z0-9]{0,12}(?:"
    + "|".join(regex.escape(w) for w in phrases.SIGN_OFF_OUTLETS)
    + r")[\p{Hangul}A-Za-z0-9]{0,6})\s?(?P<name>\p{Hangul}{2,4})(?:\s?(?:기자|특파원))?입니다\.?$"
)
"""A TV sign-off ending a report: "MBC뉴스 구민지입니다.", "TV조선 변재영입니다."."""


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


@page_memo
def is_furniture(text: str) -> bool:
    """True when the line is in the boilerplate phrase catalog."""
    if text in phrases.EXACT or text.startswith(phrases.PREFIXES):
        return True
    if len(text) <= 60:
        lowered = text.lower()
        if _NOT_SHARE.search(lowered) is None and not _SHARE_WORDS.sub("", lowered).strip(_SHARE_FRAME):
            return True
    return _has_form_field(text) or _FURNITURE.matches(text)


def _has_form_field(text: str) -> bool:
    """True when a form field ("[ ]", "_____") starts within the reach of the line's start, before any newline."""
    if "[ " not in text and "[]" not in text and "_____" not in text:
        return False  # what every field holds: three substring tests cost a tenth of the regex search
    m = _FORM_FIELD.search(text)
    return m is not None and m.start() <= phrases.FORM_FIELD_REACH and "\n" not in text[: m.start()]


def is_production_credit(text: str) -> bool:
    """True for a production credit ("영상취재 : 홍길동 기자"): crew, not the article's authors."""
    return bool(_PRODUCTION.match(text))


def is_copyright(text: str) -> bool:
    """True for a copyright line ("ⓒ 한빛일보", "저작권자 © …", "… 저작권은 SBS 라디오에 있습니다."): the article
    ends before it."""
    return text.startswith(phrases.COPYRIGHT_PREFIXES) or _COPYRIGHT.match(text) is not None


@page_memo
def is_end_marker(text: str) -> bool:
    """True when the line opens the tail of the page (copyright, comments, reporter card, lists, tips)."""
    return text.startswith(phrases.END_PREFIXES) or _END.matches(text)


def is_speaker_marker(text: str) -> bool:
    """True for "[앵커]", "◀ 리포트 ▶", "【 기자 】" and the like (with Hangul inside)."""
    return len(text) <= 24 and bool(_HANGUL.search(text)) and _SPEAKER.match(text) is not None


@page_memo
def is_prose(text: str) -> bool:
    """True for a sentence-like line: Hangul text ending like a Korean sentence."""
    if len(text) > 30 and "@" in text:  # both trailing patterns need an "@"
        text = TRAILING_BYLINE.sub("", text)
        if "@" in text:
            text = TRAILING_EMAIL.sub("", text)
    if len(text) < 8 or not _HANGUL.search(text) or (len(text) < 40 and BARE_DATE.match(text)):
        return False
    tail = text.rstrip(_CLOSERS)
    # a match ends the line, and then its last mark or syllable alone matches too: the tail suffices
    if _SENTENCE_END.search(tail, max(0, len(tail) - 8)):
        return True
    # a run of sentences with some trailing words (a byline, a credit) glued on
    return len(text) >= 80 and len(_INNER_END.findall(text)) >= 2


def is_sentence(text: str) -> bool:
    """True for prose that ends with sentence punctuation (a headline usually does not)."""
    return is_prose(text) and text.rstrip(_CLOSERS).endswith((".", "?", "!", "…"))


def hangul_share(text: str) -> float:
    """Share of Hangul letters among the non-space characters."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if _HANGUL.match(c)) / len(chars)


@page_memo
def is_time_line(text: str) -> bool:
    """True for an info line with a time: labelled ("입력 2024.05.03 10:20"), opening with a full date,
    or a short non-sentence line holding a date and time ("조아라 기자 | 2022-09-14 17:05")."""
    if _DIGIT.search(text) is None:  # every branch below needs digits
        return False
    if len(text) > 120:
        return bool(_TIME_LABEL.search(text, 0, 60) and TIME_LINE.search(text, 0, 60)) and not is_prose(text)
    if (_TIME_LABEL.search(text) and TIME_LINE.search(text)) or BARE_DATE.match(text):
        return True
    return len(text) <= 80 and not is_sentence(text) and any(d.has_time for d in find_dates(text))


def is_credit_only(text: str) -> bool:
    """True for a bracketed photo credit on its own line ("(사진=연합뉴스)")."""
    return len(text) <= 60 and _CREDIT_ONLY.match(text) is not None


@page_memo
def is_caption_line(text: str) -> bool:
    """True for a line shaped like a caption ("▲ …", "사진 제공: 연합뉴스", "… (사진=…)" with no sentence)."""
    if len(text) > 400:
        return False
    if _CAPTION_LINE.matches(text):
        return True
    # the cheap test first: most lines are body sentences ending plainly, and the credit search is dear
    return not ends_sentence_plainly(text) and _CREDIT_MARK.search(text) is not None


def is_programme_line(text: str) -> bool:
    """True for the guest or programme line opening a broadcast interview ("<출연 : …>")."""
    return _PROGRAMME.match(text) is not None


def needs_image(text: str) -> bool:
    """True for a caption-shaped line whose only caption cue is its leading "▲" (no credit): a caption
    when an image is beside it, a bulleted point of the body otherwise."""
    return (
        text.startswith(phrases.CAPTION_POINTERS)
        and _CREDIT_MARK.search(text) is None
        and find_credit(text) is None
    )


def is_image_mark(text: str) -> bool:
    """True for a dump line standing where an image was: its zoom button, its file name."""
    return (len(text) <= 200 and any(w in text for w in phrases.IMAGE_MARKS)) or bool(_IMAGE_FILE.match(text))


def ends_sentence_plainly(text: str) -> bool:
    tail = text.rstrip(_CLOSERS)
    return tail.endswith(("다.", "요.", "죠.", "까?"))


def sign_off(text: str) -> regex.Match[str] | None:
    """The TV sign-off at the end of ``text``, if any."""
    if len(text) > 2000:
        text = text[-200:]
    if "입니다" not in text[-5:]:  # the pattern ends in "입니다", a "." and a final newline at most
        return None
    return SIGN_OFF.search(text)


TRAILING_BYLINE = regex.compile(
    rf"(?<=[.!?\"”’]) (?P<by>\p{{Hangul}}{{2,4}} ?(?:{_ROLES}) ?[(\[<]?[\w.+\-]{{1,64}}@[\w\-]{{1,63}}(?:\.[\w\-]{{1,63}}){{1,5}}[)\]>]?)$"
)
"""A byline glued after the last sentence of a paragraph: "…반겼다. 조아라 기자 a@b.kr"."""

TRAILING_EMAIL = regex.compile(
    r"(?<=[.!?\"”’」』])\s{1,4}(?P<by>[◎ⓒ©]?\s?\p{Hangul}[^.!?@\n]{0,30}?\s?[(\[<]?"
    r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}[)\]>]?)\s{0,4}$"
)
"""An outlet's sign-off with an address glued after the last sentence: "…말했다. ◎공감언론 뉴시스 a@b.kr"."""

COMMENTS = regex.compile(r"^댓글\s{0,4}(?P<n>\d+)\s{0,4}개?$")
"""A comment counter line ("댓글 0", "댓글 3개")."""

SLASH_CREDIT = regex.compile(
    r"^(?P<name>\p{Hangul}{2,4})\s{0,4}(?:기자)?\s{0,4}/\s{0,4}(?:사진|영상|그래픽|편집|자료|화면|캡처|출처)"
)
"""A writer credited before the photo credit: "백승훈 / 사진제공 쿠팡플레이"."""

_ROLE_WORD = re.compile(_ROLES)
_LOOSE_BYLINE = regex.compile(
    rf"(?<![\p{{Hangul}}])(?P<name>\p{{Hangul}}{{2,4}})\s?(?P<role>{_ROLES})(?![\p{{Hangul}}])"
)


def loose_bylines(text: str) -> list[tuple[str, str]]:
    """(name, role) pairs written as "김시은 기자" anywhere in ``text``, first occurrence of each name."""
    out: dict[str, str] = {}
    if _ROLE_WORD.search(text) is None:  # (a cheap scan first: most lines hold no role word)
        return []
    for m in _LOOSE_BYLINE.finditer(text):
        name = m["name"]
        if name not in out and name not in ROLE_WORDS:
            out[name] = m["role"]
    return list(out.items())


NAME_BEFORE_TIME = regex.compile(
    r"^(?P<name>\p{Hangul}{2,4})\s?(?:기자)?\s{0,4}(?:\([\w.\-]{1,30}\))?\s{0,4}[|·]?\s{0,4}"
    r"(?:(?:기사입력|입력|등록|작성|송고|승인)\s{0,4}[:：]?\s{0,4})?(?:19|20)?\d{2}[.\-/년]\s?\d"
)
"""A reporter's name opening an info line: "이근홍 입력 2018. 05. 16.", "장하람(haram) 25.06.14 18:02"."""

NAME_WITH_ID = regex.compile(r"^(?P<name>\p{Hangul}{2,4})\s?(?:기자)?\s?\((?P<id>[A-Za-z0-9_.\-]{2,30})\)$")
"""A reporter's name with a user id, on its own line: "장하람(haram)"."""
