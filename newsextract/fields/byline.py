"""Byline parsing (reference §3): reporters, roles, e-mails and dateline places from a line or paragraph.

Three places hold a byline: the head of the first paragraph ("(서울=연합뉴스) 김시은 기자 = …",
"[이데일리 김시은 기자] …"), the tail of the last one ("… 김시은 기자 gnkdg@naver.com"), or a TV sign-off
("MBC뉴스 이준희입니다."). A line that is nothing but a byline is a ``line`` match.

:func:`find_bylines` gives every match with its span (so callers can strip a dateline from a paragraph),
:func:`find_byline` the first, :func:`parse_byline` the reporters of all of them.
Everything here is linear on untrusted text: bounded windows, bounded repeats, capped candidate counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

import regex

from ..errors import require_str
from ..knowledge import bylines as kb
from ..knowledge import names, phrases
from ..knowledge.labels import ROLE_WORDS
from ..memo import page_memo
from ..model import Reporter
from .emails import EMAIL, LOOSE_EMAIL, clean_email

_LABELLED = (
    r"(?:"
    + "|".join(regex.escape(w) for w in phrases.BYLINE_LABELS)
    + r")\s{0,4}[:：]?\s{0,4}(?P<name>\p{Hangul}{2,4})"
)
LABELLED_NAME = regex.compile("^" + _LABELLED + r"(?:$|\s|[·|,(])")
"""A reporter's name after a label opening a line: "기자이미지 신지영", "글쓴이 최서린 · 2024년 4월 9일"."""
LABELLED_NAMES = regex.compile(_LABELLED + r"(?!\p{Hangul})")
"""The same anywhere in a line: "… 작성자 : 장하람"."""


def is_label_line(text: str) -> bool:
    """True when the whole line is a byline label and a name ("기자명 김시은")."""
    m = LABELLED_NAME.match(text)
    return m is not None and m.end("name") == len(text)

__all__ = ["EMAIL", "BylineMatch", "find_byline", "find_bylines", "is_name", "parse_byline"]

BylineKind = Literal["head", "tail", "signoff", "line"]


@dataclass(frozen=True, slots=True)
class BylineMatch:
    """A byline found in a text: its span ``text[start:end]``, the reporters it credits, where it sat."""

    start: int
    end: int
    reporters: tuple[Reporter, ...]
    kind: BylineKind


_ROLES = tuple(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE_SET = frozenset(ROLE_WORDS)
_ROLE_ALT = "|".join(regex.escape(r) for r in _ROLES)
_NAME_SHAPE = regex.compile(r"\p{Hangul}{2,4}")
_WINDOW = 160
_PHOTO_CREDIT = frozenset({"사진", "영상", "그래픽", "자료", "출처", "촬영", "사진제공", "자료사진"})
_PARTICLE_END = tuple("한은는의을를이가에로된할와과도만서던린인")
_QUALIFIED_ROLES = frozenset({"전문기자", "선임기자", "전문위원", "대기자"})
_MAX_CANDIDATES = 20

_TOKEN = regex.compile(
    rf"(?P<email>{LOOSE_EMAIL.pattern})"
    r"|(?P<han>\p{Hangul}{1,40})"
    r"|(?P<lat>[A-Za-z0-9][A-Za-z0-9&\-]{0,29})"
    r"|(?P<sep>[=/·ㆍ∙,|:])"
    r"|(?P<space>\s{1,40})"
    r"|(?P<open>[(\[【［<〈＜「])"
    r"|(?P<close>[)\]】］>〉＞」])"
    r"|(?P<other>.)",
    regex.S,
)

TokenKind = Literal[
    "email",
    "role",
    "name",
    "team",
    "outlet",
    "credit",
    "place",
    "word",
    "id",
    "sep",
    "space",
    "open",
    "close",
    "other",
]


class _Tok(NamedTuple):
    """One token of a byline candidate (a tuple: built by the thousand, it must be cheap to make)."""

    kind: TokenKind
    text: str
    start: int
    end: int


def is_name(word: str) -> bool:
    """True when ``word`` can be a Korean personal name: 2-4 Hangul syllables starting with a surname,
    not a common word, outlet, team or role."""
    if not 2 <= len(word) <= 4 or not _NAME_SHAPE.fullmatch(word) or word in names.NOT_NAMES or word in kb.OUTLETS:
        return False
    if "기자" in word or "특파원" in word or "위원" in word or "통신원" in word:
        return False
    if _is_place(word) or _is_team(word):  # "포항", "김포시", "경제부": a dateline place or a desk
        return False
    if word.endswith(kb.OUTLET_ENDINGS) and len(word) >= 3:
        return False
    if len(word) >= 3 and word[:2] in names.DOUBLE_SURNAMES:
        return True
    # four syllables with a one-syllable surname ("김빛내리") are rare; such words are mostly outlets or desks
    return len(word) <= 3 and word[0] in names.SURNAMES


def _is_place(word: str) -> bool:
    return word in kb.PLACES or (len(word) >= 3 and word[-1] in "시군구도" and word[:-1] in kb.PLACES)


def _is_team(word: str) -> bool:
    return (
        2 <= len(word) <= 14
        and word.endswith(kb.TEAM_ENDINGS)
        and any(s in word for s in kb.DESK_STEMS)
        and not word.endswith(("기자단", "사진부"))
        and not any(r in word for r in _ROLES)
        and not any(o in word for o in ("일보", "신문", "연합", "뉴시스"))
    )


def _is_outlet(word: str) -> bool:
    return word in kb.OUTLETS or (len(word) >= 3 and word.endswith(kb.OUTLET_ENDINGS))


def _tokens(text: str, offset: int = 0) -> list[_Tok]:
    out: list[_Tok] = []
    e = offset
    for m in _TOKEN.finditer(text):  # the tokens cover the text end to end: each starts where the last ended
        kind = m.lastgroup or "other"
        t = m.group()
        s, e = e, e + len(t)
        if kind == "han":
            out.extend(_split_han(t, s))
        elif kind == "lat":
            if t in _ROLE_SET:
                out.append(_Tok("role", t, s, e))
            elif t.isascii() and t.isalpha() and not t.islower():
                out.append(_Tok("outlet", t, s, e))
            else:
                out.append(_Tok("id", t, s, e))
        elif kind == "email":
            out.append(_Tok("email", t, s, e))
        else:
            out.append(_Tok(kind, t, s, e))  # type: ignore[arg-type]
    return out


def _split_han(t: str, s: int) -> list[_Tok]:
    e = s + len(t)
    if t in _ROLE_SET:
        return [_Tok("role", t, s, e)]
    for r in _ROLES if t.endswith(_ROLES) else ():
        if len(t) > len(r) and t.endswith(r):
            head = t[: -len(r)]
            if is_name(head) or head in kb.CREDIT_WORDS or _is_team(head) or _is_place(head):
                return [*_split_han(head, s), _Tok("role", r, s + len(head), e)]  # "경제부기자": desk, role
            if r in _QUALIFIED_ROLES and len(head) <= 4:
                return [_Tok("role", t, s, e)]  # "과학전문기자": the role as written
            break
    if _is_place(t):
        return [_Tok("place", t, s, e)]
    if is_name(t):
        return [_Tok("name", t, s, e)]
    if _is_team(t):
        return [_Tok("team", t, s, e)]
    if _is_outlet(t) or t in kb.DESK_PREFIXES:
        return [_Tok("outlet", t, s, e)]
    if t in kb.CREDIT_WORDS:
        return [_Tok("credit", t, s, e)]
    return [_Tok("word", t, s, e)]


def _assemble(toks: list[_Tok], *, allow_bare: bool) -> list[Reporter]:
    """Reporters named in a run of byline tokens. ``allow_bare``: names without a role or e-mail count."""
    solid = [t for t in toks if t.kind != "space"]
    lead = [t for t in solid if t.kind not in ("open", "sep") or t.text in ("=", ":")]
    if len(lead) > 1 and lead[0].text in _PHOTO_CREDIT and lead[1].text in ("=", ":"):
        return []  # "사진=김시은 기자": a photo credit, not a byline
    reps: list[Reporter] = []
    group: list[str] = []
    teams: list[str] = []
    last: list[int] = []
    loc: str | None = None
    pending_email: str | None = None
    for i, t in enumerate(solid):
        nxt = solid[i + 1] if i + 1 < len(solid) else None
        after = solid[i + 2] if i + 2 < len(solid) else None
        if (
            t.kind in ("name", "word", "place")
            and nxt is not None
            and (nxt.text == "=" or (nxt.text == "/" and t.kind != "name" and after is not None and after.kind == "name"))
            and t.text not in kb.CREDIT_WORDS
        ) or (t.kind == "place" and nxt is not None and nxt.kind == "name"):
            loc = t.text  # "포항=이상원 기자", "포항/이상원 기자", "포항 이상원 기자" ("김시은/박세준": two names)
            continue
        if t.kind == "name":
            group.append(t.text)
        elif t.kind == "role":
            if group:
                last = []
                for n in group:
                    last.append(len(reps))
                    reps.append(Reporter(name=n, role=t.text, location=loc))
                if pending_email:
                    reps[last[0]] = replace(reps[last[0]], email=pending_email)
                    pending_email = None
                group = []
        elif t.kind == "email":
            email = clean_email(t.text)
            if group:
                last = []
                for n in group:
                    last.append(len(reps))
                    reps.append(Reporter(name=n, role=None, location=loc))
                group = []
                if email:
                    reps[last[0]] = replace(reps[last[0]], email=email)
            elif last and email and all(reps[j].email is None for j in last):
                reps[last[0]] = replace(reps[last[0]], email=email)
            elif not last and email:
                pending_email = email
        elif t.kind == "team":
            prev = solid[i - 1] if i else None
            name = t.text
            if prev is not None and prev.text in kb.DESK_PREFIXES and prev.end < t.start:
                name = f"{prev.text} {t.text}"
            teams.append(name)
        elif t.kind == "sep" and t.text in ("/", "|") and group and allow_bare:
            # "[ 김시은 / gnkdg@… ]" keeps the group for the e-mail; "김시은 / 박세준 기자" too
            continue
    if group and allow_bare:
        for n in group:
            reps.append(Reporter(name=n, role=None, location=loc))
    if not reps and teams and not any(t.kind == "name" for t in solid) and len(teams[-1]) >= 4:
        reps = [Reporter(name=teams[-1], email=pending_email)]
    return _dedupe(reps)


def _dedupe(reps: list[Reporter]) -> list[Reporter]:
    out: dict[str, Reporter] = {}
    for r in reps:
        old = out.get(r.name)
        if old is None:
            out[r.name] = r
        elif (r.email and not old.email) or (r.role and not old.role):
            out[r.name] = Reporter(
                name=r.name,
                role=old.role or r.role,
                email=old.email or r.email,
                location=old.location or r.location,
            )
    return list(out.values())


_BYLINE_KINDS = frozenset(
    {"email", "role", "name", "team", "outlet", "credit", "place", "id", "sep", "space", "open", "close"}
)


def _all_byline(toks: list[_Tok], *, max_words: int = 2) -> bool:
    """True when every token can belong to a byline; unknown words only as qualifiers before a role."""
    words = [t for t in toks if t.kind == "word"]
    if len(words) > max_words or any(t.kind not in _BYLINE_KINDS and t.kind != "word" for t in toks):
        return False
    if any(w.text.endswith(_PARTICLE_END) for w in words):
        return False
    return not ((words or any(t.kind == "id" for t in toks)) and not any(t.kind == "role" for t in toks))


# ---------------------------------------------------------------- head
_OPEN = r"[(\[【［<]"
_CLOSE = r"[)\]】］>]"
_INNER = r"[^=()\[\]【】［］<>\n]"
_DATELINE = regex.compile(
    rf"{_OPEN}\s{{0,2}}(?P<loc>{_INNER}{{1,20}}?(?:[(\[][^()\[\]\n]{{1,10}}[)\]])?)\s{{0,2}}=\s{{0,2}}"
    rf"(?P<outlet>{_INNER}{{1,30}}){_CLOSE}"
)
_WHO = regex.compile(r"\s{0,3}(?P<who>[^=\n]{1,60}?)\s{0,2}=(?!=)\s{0,3}")
_BRACKET = regex.compile(rf"\s{{0,5}}{_OPEN}(?P<inner>[^()\[\]【】［］<>\n]{{1,60}}){_CLOSE}\s{{0,3}}")
_PLAIN_HEAD = regex.compile(r"\s{0,5}(?P<who>[^=\n]{2,40}?)\s{0,2}=\s{1,3}")
_LEAD_WS = regex.compile(r"\s{0,5}")


def _head(text: str) -> BylineMatch | None:
    lead = _LEAD_WS.match(text)
    pos = lead.end() if lead else 0
    has_eq = "=" in text  # datelines and plain heads need one
    m = _DATELINE.match(text, pos) if has_eq else None
    if m:
        got = _dateline(text, m, require_who=False)
        if got:
            return got
    b = _BRACKET.match(text)
    if b:
        inner_toks = _tokens(b["inner"], b.start("inner"))
        if _all_byline(inner_toks):
            reps = _assemble(inner_toks, allow_bare=False)
            only_outlets = all(t.kind in ("outlet", "space") for t in inner_toks)
            if reps or only_outlets:
                return BylineMatch(b.start(), b.end(), tuple(reps), "head")
    p = _PLAIN_HEAD.match(text) if has_eq else None
    if p:
        toks = _tokens(p["who"], p.start("who"))
        if _all_byline(toks, max_words=0):
            reps = _assemble(toks, allow_bare=any(t.kind == "outlet" for t in toks))
            if reps:
                return BylineMatch(p.start(), p.end(), tuple(reps), "head")
    return None


def _dateline(text: str, m: regex.Match[str], *, require_who: bool) -> BylineMatch | None:
    loc = m["loc"].strip()
    outlet = m["outlet"].strip()
    if loc in kb.CREDIT_WORDS or loc.startswith(("사진", "자료", "제공", "출처", "그래픽")):
        return None
    out_toks = _tokens(outlet)
    if any(t.kind == "role" for t in out_toks):
        # "[뉴스웍스=백종훈 기자]", "[옥천=충청일보 이능희기자]": a bracketed byline, not a dateline
        inner = _tokens(text[m.start() + 1 : m.end() - 1], m.start() + 1)
        if require_who or not _all_byline(inner):
            return None
        reps = _assemble(inner, allow_bare=False)
        if not reps:
            return None
        end = m.end()
        while end < len(text) and end - m.end() < 3 and text[end].isspace():
            end += 1
        return BylineMatch(m.start(), end, tuple(reps), "head")
    if not any(t.kind == "outlet" for t in out_toks) and "뉴스" not in outlet:
        return None
    w = _WHO.match(text, m.end())
    if w:
        toks = _tokens(w["who"], w.start("who"))
        if _all_byline(toks, max_words=0):
            reps = _assemble(toks, allow_bare=False)
            if reps:
                located = tuple(r if r.location else replace(r, location=loc) for r in reps)
                return BylineMatch(m.start(), w.end(), located, "head")
    if require_who:
        return None
    end = m.end()
    while end < len(text) and end - m.end() < 3 and text[end].isspace():
        end += 1
    return BylineMatch(m.start(), end, (), "head")


def _inner_dateline(text: str) -> BylineMatch | None:
    """A wire dateline glued after a caption ("…[연합뉴스 자료사진](서울=연합뉴스) 김시은 기자 = …")."""
    if "=" not in text:
        return None
    for n, m in enumerate(_DATELINE.finditer(text)):
        if n >= _MAX_CANDIDATES:
            break
        if m.start() == 0:
            continue
        got = _dateline(text, m, require_who=True)
        if got:
            return got
    return None


# ---------------------------------------------------------------- tail
_SENTENCE_END = frozenset(".!?。…\"'”’」』)]>】］")
_TRAIL = regex.compile(r"[\s.]{0,5}$")


def _tail(text: str) -> BylineMatch | None:
    t = _TRAIL.search(text, max(0, len(text) - 6))  # (no match starts earlier: a paragraph is not scanned)
    stop = t.start() if t else len(text)
    begin = max(0, stop - _WINDOW)
    if begin:
        nl = text.find("\n", begin, stop)
        sp = text.find(" ", begin, stop)
        cut = nl if nl != -1 else sp
        if cut != -1:
            begin = cut + 1
    if not _may_end_byline(text, begin, stop) or not _may_credit(text, begin, stop):
        return None
    # Tokenise the last few words first; the whole window only when the byline may reach further back.
    sync = _SYNC.search(text, stop - _SUFFIX, stop) if stop - begin > _SUFFIX else None
    toks = _tokens(text[sync.end() : stop], sync.end()) if sync else _tokens(text[begin:stop], begin)
    if not toks:
        return None
    last = next((x for x in reversed(toks) if x.kind != "space"), None)
    if last is None or last.kind not in ("role", "email", "id", "close", "team"):
        return None
    first = _walk_back(toks)
    if first == 0 and sync:
        toks = _tokens(text[begin:stop], begin)
        first = _walk_back(toks)
    if first is None:
        return None
    span = toks[first:]
    while span and (
        span[0].kind in ("space", "close")
        or (span[0].kind == "sep" and span[0].text != "/")
        or (span[0].kind == "open" and not any(x.kind == "close" for x in span))
    ):
        span = span[1:]
    if not span:
        return None
    start = span[0].start
    prefix = text[:start].rstrip()
    starts_line = not prefix or "\n" in text[len(prefix) : start]
    line_start = text.rfind("\n", 0, start) + 1
    if _NOT_BYLINE.search(text, line_start, stop):
        return None
    if prefix and not starts_line and prefix[-1] not in _SENTENCE_END and span[0].text != "/":
        return None
    bracketed = span[0].kind == "open" or span[-1].kind == "close"
    has_email = any(x.kind == "email" for x in span)
    reps = _assemble(span, allow_bare=has_email)
    if not reps:
        return None
    if not any(r.role or r.email for r in reps):
        team_only = all(x.kind in ("team", "space", "outlet", "open", "close", "sep", "email") for x in span)
        if not (team_only and (starts_line or bracketed)):
            return None
    return BylineMatch(start, stop, tuple(reps), "line" if not prefix else "tail")


_NOT_BYLINE = re.compile("|".join(re.escape(w) for w in kb.NOT_BYLINE_MARKERS))
_SUFFIX = 40
"""How many characters before its end a tail byline is first tokenised from."""
_SYNC = regex.compile(r"\s(?=\S)")
"""A token boundary: every token starting after a space is the same whether the text is tokenised from
there or from further back (a space always ends a token, and no token holds one)."""
_LAST_SOLID = regex.compile(r"(?r)\S")
_HANGUL_CHAR = regex.compile(r"\p{Hangul}")
_ASCII_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&-@._%+")
_CLOSE_ENDS = frozenset(")]】］>〉＞」")


def _may_end_byline(text: str, begin: int, stop: int) -> bool:
    """Cheap pre-test for :func:`_tail`: can the last token of ``text[begin:stop]`` end a byline?

    That token must be a role, a team, an e-mail, an id or a closing bracket, so the last solid character
    is ASCII (e-mail, id, Latin role), a closing bracket, or Hangul ending in a role word or a team ending.
    A paragraph of prose ("…했다") fails here without being tokenised.
    """
    m = _LAST_SOLID.search(text, begin, stop)
    if m is None:
        return False
    c = m.group()
    if c in _ASCII_ENDS or c in _CLOSE_ENDS:
        return True
    if _HANGUL_CHAR.match(c) is None:
        return False
    return text.endswith(_ROLES, begin, m.end()) or text.endswith(kb.TEAM_ENDINGS, begin, m.end())


_CREDIT_CUE = re.compile("@|" + "|".join(re.escape(r) for r in _ROLES))
_TEAM_END = regex.compile("(?:" + "|".join(regex.escape(e) for e in kb.TEAM_ENDINGS) + r")(?!\p{Hangul})")
"""A team ending closing a word: a desk is a whole word (never a piece of a long run of syllables)."""
_DESK_STEM = re.compile("|".join(re.escape(s) for s in kb.DESK_STEMS))


_NAMING_CUE = re.compile("=|니다|" + _CREDIT_CUE.pattern)


def _may_name(text: str) -> bool:
    """Cheap pre-test for :func:`parse_byline`: can any byline in ``text`` name a reporter?

    Reporters come with a role word, an e-mail or a desk name (a head's or tail's tokens), an "=" (a
    dateline or "연합뉴스 김시은 = "), or "…입니다" (a sign-off); a line with none credits nobody.
    """
    return _NAMING_CUE.search(text) is not None or _may_credit(text, 0, len(text))


def _may_credit(text: str, begin: int, stop: int) -> bool:
    """Cheap pre-test for :func:`_tail`: can ``text[begin:stop]`` credit anyone?

    A tail byline names its reporters by a role word, an e-mail or a desk (a word holding a desk stem
    and ending like a team, "디지털뉴스부"): without one of those (an info line "입력 2023-04-04 16:31",
    a caption, a heading) the window is not tokenised.
    """
    if _CREDIT_CUE.search(text, begin, stop):
        return True
    return bool(_TEAM_END.search(text, begin, stop) and _DESK_STEM.search(text, begin, stop))


def _walk_back(toks: list[_Tok]) -> int | None:
    """Index of the first token of the byline that ends ``toks``, or None."""
    seen_name = False
    seen_core = False
    quals = 0
    first: int | None = None
    i = len(toks) - 1
    while i >= 0:
        t = toks[i]
        k = t.kind
        if k in ("space", "sep", "open", "close"):
            if k == "sep" and t.text == ":":
                break
            first = i
            i -= 1
            continue
        if k == "role":
            seen_core, quals, seen_name = True, 0, False
        elif k == "name":
            seen_name = True
        elif k in ("email", "id"):
            if k == "id" and (seen_core or _next_solid(toks, i) is not None):
                break
        elif k in ("team", "outlet", "credit", "place"):
            pass
        elif k == "word":
            nxt = _next_solid(toks, i)
            if nxt is not None and toks[nxt].text in ("=", "/") and _is_loc_word(t.text):
                pass
            elif seen_core and not seen_name and quals < 2 and not t.text.endswith(_PARTICLE_END):
                quals += 1
            else:
                break
        else:
            break
        first = i
        i -= 1
    return first


def _is_loc_word(word: str) -> bool:
    return 1 <= len(word) <= 10 and word not in kb.CREDIT_WORDS


def _next_solid(toks: list[_Tok], i: int) -> int | None:
    for j in range(i + 1, len(toks)):
        if toks[j].kind != "space":
            return j
    return None


# ---------------------------------------------------------------- sign-off
_SIGNOFF_OUTLETS = "|".join(
    regex.escape(o).replace(r"\ ", r"\s{0,2}") for o in sorted(kb.SIGNOFF_OUTLETS, key=len, reverse=True)
)
_SIGNOFF = regex.compile(
    r"(?:(?:지금까지|이상)\s{0,2})?(?:(?P<loc>\p{Hangul}{1,12})에서\s{0,2})?"
    rf"(?P<outlet>{_SIGNOFF_OUTLETS})\s{{0,2}}(?P<name>\p{{Hangul}}{{2,4}}?)(?:\s{{0,2}}(?P<role>{_ROLE_ALT}))?"
    r"(?:입니다|였습니다|이었습니다)[.!]?"
)
_ROLE_SIGNOFF = regex.compile(
    rf"(?P<name>\p{{Hangul}}{{2,4}})\s{{0,2}}(?P<role>{_ROLE_ALT})(?:였습니다|이었습니다)[.!]?"
)
_ENDINGS = regex.compile(r"입니다|였습니다")


def _signoff(text: str) -> BylineMatch | None:
    if "니다" not in text:  # both endings hold it: most paragraphs stop here
        return None
    ends = [m.end() for m in _ENDINGS.finditer(text, max(0, len(text) - 4000))]
    for end in reversed(ends[-_MAX_CANDIDATES:]):
        lo = max(0, end - 60)
        for pattern in (_SIGNOFF, _ROLE_SIGNOFF):
            for m in pattern.finditer(text, lo, min(len(text), end + 2)):
                if not is_name(m["name"]):
                    continue
                before = text[: m.start()].rstrip()
                if before and before[-1] not in _SENTENCE_END and text[m.start() - 1] != "\n":
                    continue
                loc = m.groupdict().get("loc")
                rep = Reporter(name=m["name"], role=m["role"], location=loc)
                return BylineMatch(m.start(), m.end(), (rep,), "signoff")
    return None


# ---------------------------------------------------------------- public
def find_bylines(text: str) -> tuple[BylineMatch, ...]:
    """Every byline in ``text`` (head, tail/line, sign-off), in text order, without overlaps."""
    if not isinstance(text, str) or not text.strip():
        return ()
    return _find_bylines(text)


@page_memo
def _find_bylines(text: str) -> tuple[BylineMatch, ...]:
    # Memoised for the page: the stages ask about the same lines (head, tail) several times each.
    found: list[BylineMatch] = []
    head = _head(text) or _inner_dateline(text)
    if head:
        found.append(head)
    for got in (_signoff(text), _tail(text)):
        if got and not any(got.start < f.end and f.start < got.end for f in found):
            found.append(got)
    found.sort(key=lambda b: b.start)
    return tuple(b if b.kind == "signoff" else _as_line(b, text) for b in found)


def _as_line(b: BylineMatch, text: str) -> BylineMatch:
    """``b`` as kind "line" when it spans the whole of ``text`` (but its outer spaces)."""
    lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
    return replace(b, kind="line") if b.start <= lead and b.end >= trail else b


def find_head(text: str) -> BylineMatch | None:
    """The byline heading ``text`` ("(서울=연합뉴스) 김시은 기자 = ", "[OSEN=박준형 기자] ") as
    :func:`find_bylines` gives it (kind "head", or "line" when it is all the text), or None.

    Cheaper than :func:`find_bylines` when only the head matters: the tail is not tokenised.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    head = _head(text) or _inner_dateline(text)
    return None if head is None else _as_line(head, text)


def find_byline(text: str) -> BylineMatch | None:
    """The first byline in ``text`` with its span and kind ("head", "tail", "signoff", "line"), or None."""
    found = find_bylines(text)
    return found[0] if found else None


def parse_byline(text: str) -> tuple[Reporter, ...]:
    """Reporters credited in ``text`` (a byline line, or a paragraph that holds one).

    Never raises on a str; a non-str raises :class:`~newsextract.errors.InputTypeError`.
    """
    require_str(text, "parse_byline")
    return _parse_byline(text)


@page_memo
def _parse_byline(text: str) -> tuple[Reporter, ...]:
    # Memoised for the page: the door, classify and the fields each ask about the same lines.
    if not _may_name(text):
        return ()
    reps: list[Reporter] = []
    for b in find_bylines(text):
        reps.extend(b.reporters)
    return tuple(_dedupe(reps))
