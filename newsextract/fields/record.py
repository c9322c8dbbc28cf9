"""Stage 6: read the fields from the labelled blocks and the page hints, and build the Article.

Visible text wins over hints: reporters from byline/info lines, a stripped dateline or sign-off; times
from info lines by label (승인 -> approved, and published when no 입력; 입력/등록/송고/작성 -> published;
수정/업데이트 -> modified); captions with their credit split off; the comment count from "댓글 N".
"""

from __future__ import annotations

from datetime import datetime

import regex

from ..blocks import Decision, PageHints
from ..knowledge import names as name_words
from ..knowledge import phrases
from ..knowledge.labels import ROLE_WORDS, TIME_LABELS, TimeField
from ..model import Article, Image, Kind, Removal, Reporter
from ..text import shapes
from .byline import EMAIL, LABELLED_NAME, parse_byline
from .captions import cut_credit
from .dates import find_times, label_field
from .emails import clean_email

_COMMENTS = regex.compile(r"(?:^|\s)댓글\s{0,4}(?P<n>\d+)\s{0,4}개?(?:\s|$)")
_NAME = r"\p{Hangul}{2,4}"
_NAME_EMAIL = regex.compile(
    rf"(?:^|\s|[\[(<])(?P<name>{_NAME})\s{{0,4}}[(\[<]?\s{{0,4}}(?P<email>" + EMAIL.pattern + r")"
)
_BARE_NAME = regex.compile(r"\p{Hangul}{3}")
_SIGNED_EMAIL = regex.compile(r"(?:^|[\s/(\[<])(?P<email>" + EMAIL.pattern + r")[\s)\]>.]{0,4}$")
"""An address closing the last paragraph (a photographer's or reporter's sign-off): the article's."""
_GLUED_TIME = regex.compile(r"(\d{1,2}:\d{2})(?=(?:19|20)\d{2}\s{0,4}[.\-/년])")
"""A time glued to the next date by a dump ("03:002024년 5월 30일"): split them."""
_LABEL_TAILS = tuple(TIME_LABELS)
"""A word ending in a time label ("기자입력") is no name."""
_SPLIT_NAMES = regex.compile(r"[·,\s]+")


def build_article(decisions: list[Decision], hints: PageHints, *, kind: Kind) -> Article:
    """The Article for these labelled blocks."""
    title = next((d.kept_text for d in decisions if d.label == "title"), None) or hints.title
    subtitles = [d.kept_text for d in decisions if d.label == "subtitle"]
    paragraphs = tuple(d.kept_text for d in decisions if d.label == "body")
    reporters = _reporters(decisions) or hints.reporters
    times = _times(decisions)
    published = _finer(times.get("published"), hints.published)
    approved = _finer(times.get("approved"), hints.approved)
    if published is None:
        published = approved or hints.url_published  # the URL's date: the last resort
    modified = _finer(times.get("modified"), hints.modified)
    if modified is not None and modified == published:
        modified = None  # "modified at the moment of publication" says nothing
    images = _images(decisions) or hints.images
    emails = _emails(reporters, decisions)
    comment_count = _comment_count(decisions)
    if comment_count is None:
        comment_count = hints.comment_count
    removed = tuple(
        Removal(f"{d.label}: {d.reason}", d.block.text, d.block.where) for d in decisions if d.label != "body"
    )  # (reason, text, where)
    return Article(
        title=title,
        subtitle="\n".join(subtitles) or hints.subtitle,
        paragraphs=paragraphs,
        reporters=reporters,
        emails=emails,
        published=published,
        modified=modified,
        approved=approved,
        images=images,
        comment_count=comment_count,
        outlet=hints.outlet,
        url=hints.url,
        section=hints.section,
        tags=hints.tags,
        encoding=hints.encoding,
        kind=kind,
        removed=removed,
    )


def _finer(shown: datetime | None, hinted: datetime | None) -> datetime | None:
    """The displayed time, or the page's machine time when it is the same minute with seconds.

    ``hinted`` comes from metadata (meta tags, JSON-LD, data-* attributes), never from the URL.
    """
    if shown is None:
        return hinted
    if hinted is not None and hinted.replace(second=0, microsecond=0) == shown.replace(
        second=0, microsecond=0
    ):
        return hinted
    return shown


def credited(text: str) -> tuple[Reporter, ...]:
    """Reporters a byline-ish line credits: role bylines, "name (email)", sign-offs, labelled names."""
    found = list(parse_byline(text)) or [Reporter(name=n, role=r) for n, r in shapes.loose_bylines(text)]
    names = {r.name for r in found}
    for m in _NAME_EMAIL.finditer(text) if "@" in text else ():
        if m["name"] in ROLE_WORDS or any(r.email == m["email"] for r in found):
            continue
        if m["name"] not in names and not any(m["name"] in r.name or r.name in m["name"] for r in found):
            found.append(Reporter(name=m["name"], email=m["email"]))
            names.add(m["name"])
        else:
            found = [
                Reporter(r.name, r.role, r.email or m["email"], r.location) if r.name == m["name"] else r
                for r in found
            ]
    for rx in (LABELLED_NAME, shapes.NAME_BEFORE_TIME, shapes.SLASH_CREDIT, shapes.NAME_WITH_ID):
        hit = rx.match(text)
        if hit and hit["name"] not in names:
            found.append(Reporter(name=hit["name"]))
            names.add(hit["name"])
    so = shapes.sign_off(text)
    if so and so["name"] not in names:
        found.append(Reporter(name=so["name"]))
    bare = text.strip()
    if (
        not found
        and _BARE_NAME.fullmatch(bare)
        and bare[0] in name_words.SURNAMES
        and bare not in name_words.NOT_NAMES
    ):
        found.append(Reporter(name=bare))
    return tuple(r for r in found if _plausible_name(r.name))


def _plausible_name(name: str) -> bool:
    """False for words a loose pattern can take for a name (a time label, a role, a widget word)."""
    return (
        name not in ROLE_WORDS
        and name not in name_words.NOT_NAMES
        and not name.endswith(_LABEL_TAILS)
        and not name.endswith(phrases.OUTLET_TAILS)
    )


def _dateline_reporters(prefix: str) -> tuple[Reporter, ...]:
    m = shapes.DATELINE.search(prefix)
    if not m:
        m2 = shapes.HEAD_CREDIT.match(prefix)
        return parse_byline(m2.group(0)) if m2 else ()
    loc = m["loc"].strip()
    out = []
    for r in parse_byline(m["names"]):
        out.append(Reporter(name=r.name, role=r.role, email=r.email, location=loc))
    if not out:
        for name in _SPLIT_NAMES.split(m["names"]):
            if regex.fullmatch(_NAME, name):
                out.append(Reporter(name=name, location=loc))
    return tuple(out)


def _reporters(decisions: list[Decision]) -> tuple[Reporter, ...]:
    found: dict[str, Reporter] = {}
    loose_emails: list[str] = []

    def add(r: Reporter) -> None:
        old = found.get(r.name)
        if old is None:
            found[r.name] = r
        else:
            found[r.name] = Reporter(
                name=old.name,
                role=old.role or r.role,
                email=old.email or r.email,
                location=old.location or r.location,
            )

    for d in decisions:
        if d.label == "byline" or d.label == "info":
            text = d.kept_text
            got = credited(text)
            for r in got:
                add(r)
            if not got and d.label == "byline":
                loose_emails.extend(m.group(0) for m in EMAIL.finditer(text))
        elif d.label == "body" and d.text and d.text != d.block.text:
            text = d.block.text
            kept = " ".join(d.text.split())
            whole = " ".join(text.split())
            at = whole.find(kept)
            if at > 0:
                for r in _dateline_reporters(whole[:at]):
                    add(r)
            tail = whole[at + len(kept) :].strip() if at >= 0 else ""
            if tail and not any(w in tail for w in phrases.TIP_WORDS):  # a tip line names no reporter
                for r in credited(tail):
                    add(r)
    # an address on its own line under a single byline belongs to that reporter
    if loose_emails:
        without = [r for r in found.values() if not r.email]
        if len(without) == 1:
            r = without[0]
            found[r.name] = Reporter(r.name, r.role, loose_emails[0], r.location)
    for name, email in _card_emails(decisions, {n for n, r in found.items() if not r.email}).items():
        r = found[name]
        found[name] = Reporter(r.name, r.role, email, r.location)
    return tuple(found.values())


def _card_emails(decisions: list[Decision], names: set[str]) -> dict[str, str]:
    """E-mails of credited reporters shown only in a reporter card outside the article: a line naming one
    of ``names`` with its address ("이윤우 기자 yw@…"), or with a bare address on the next line or two."""
    out: dict[str, str] = {}
    if not names:
        return out
    for i, d in enumerate(decisions):
        text = d.block.text
        if d.label != "furniture" or len(text) > 80:
            continue
        for n in names:  # (a substring test first: most furniture lines name nobody, and parsing costs)
            if n in text:
                break
        else:
            continue
        named = [r for r in parse_byline(text) if r.name in names and r.name not in out]
        if len(named) != 1:
            continue
        if named[0].email:
            out[named[0].name] = named[0].email
            continue
        for e in decisions[i + 1 : i + 3]:
            m = EMAIL.fullmatch(e.block.text.strip(" ()<>[]"))
            if m:
                out[named[0].name] = clean_email(m.group(0)) or m.group(0)
                break
    return out


def _emails(reporters: tuple[Reporter, ...], decisions: list[Decision]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for r in reporters:
        if r.email:
            seen.setdefault(r.email.lower(), None)
    for d in decisions:
        if d.label == "byline":
            for m in EMAIL.finditer(d.block.text):
                seen.setdefault(m.group(0).lower(), None)
    last = next((" ".join(d.block.text.split()) for d in reversed(decisions) if d.label == "body"), "")
    signed = _SIGNED_EMAIL.search(last, max(0, len(last) - 160)) if "@" in last else None
    if signed and not any(w in last[max(0, signed.start() - 24) : signed.start()] for w in phrases.TIP_WORDS):
        seen.setdefault(signed["email"].lower(), None)  # "… 2023.04.07 / id@…" closing the article
    return tuple(seen)


def _times(decisions: list[Decision]) -> dict[TimeField, datetime]:
    out: dict[TimeField, datetime] = {}
    unlabelled: datetime | None = None
    for i, d in enumerate(decisions):
        if d.label != "info":
            continue
        text = " ".join(d.block.text.split())
        if _label_only(text) is not None:
            continue  # a label printed on its own line: its time is on the next
        pending = _label_only(" ".join(decisions[i - 1].block.text.split())) if i else None
        if ":" in text and _GLUED_TIME.search(text):  # (a search first: half the cost of ``sub``)
            text = _GLUED_TIME.sub(r"\1 ", text)
        for label, when in find_times(text):
            field = label_field(label) if label else pending
            pending = None
            if field is not None:
                out.setdefault(field, when)
            elif unlabelled is None:
                unlabelled = when
    if unlabelled is not None and "published" not in out and "approved" not in out:
        out["published"] = unlabelled
    return out


def _label_only(text: str) -> TimeField | None:
    """The field a line holding nothing but a time label fills ("입력 :"), or None."""
    return label_field(text.rstrip(" :：")) if len(text) <= 12 else None


def _images(decisions: list[Decision]) -> tuple[Image, ...]:
    out: list[Image] = []
    seen: set[str] = set()
    for d in decisions:
        if d.label != "caption":
            continue
        text = " ".join(d.kept_text.split())
        if not text or text in seen:
            continue
        seen.add(text)
        caption, credit = cut_credit(text)
        out.append(Image(src=d.block.src, alt=d.block.alt, caption=caption or None, credit=credit, shown=text))
    return tuple(out)


def _comment_count(decisions: list[Decision]) -> int | None:
    for d in decisions:
        if d.label not in ("info", "furniture") or "댓글" not in d.block.text:
            continue
        text = " ".join(d.block.text.split())
        m = _COMMENTS.search(text)
        if m and (d.label == "info" or shapes.COMMENTS.match(text)):
            return int(m["n"])
    return None
