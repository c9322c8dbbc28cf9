"""Stage 6: read the fields from the labelled blocks and the page hints, and build the Article."""

from __future__ import annotations

from datetime import datetime

import regex

from ..blocks import Decision, PageHints
from ..knowledge.labels import TIME_LABELS, TimeField
from ..model import Article, Image, Kind, Removal, Reporter
from .byline import EMAIL, parse_byline
from .captions import split_credit
from .dates import parse_datetime

_LABELS = "|".join(sorted(TIME_LABELS, key=len, reverse=True))
_LABELLED_TIME = regex.compile(rf"(?P<label>{_LABELS})\s*:?\s*(?P<rest>\d[^|]*)")
_COMMENTS = regex.compile(r"^댓글\s*(\d+)$")


def build_article(decisions: list[Decision], hints: PageHints, *, kind: Kind) -> Article:
    """The Article for these labelled blocks."""
    title = next((d.kept_text for d in decisions if d.label == "title"), hints.title)
    subtitles = [d.kept_text for d in decisions if d.label == "subtitle"]
    paragraphs = tuple(d.kept_text for d in decisions if d.label == "body")
    reporters = _reporters(decisions) or hints.reporters
    times = _times(decisions)
    published = times.get("published") or hints.published
    approved = times.get("approved") or hints.approved
    if published is None:
        published = approved
    modified = times.get("modified") or hints.modified
    images = (
        tuple(
            Image(caption=c, credit=cr)
            for c, cr in (split_credit(d.kept_text) for d in decisions if d.label == "caption")
        )
        or hints.images
    )
    emails = _emails(reporters, decisions)
    comment_count = hints.comment_count
    for d in decisions:
        m = _COMMENTS.match(d.block.text)
        if m and comment_count is None:
            comment_count = int(m.group(1))
    removed = tuple(
        Removal(reason=f"{d.label}: {d.reason}", text=d.block.text, where=d.block.where)
        for d in decisions
        if d.label != "body"
    )
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


def _reporters(decisions: list[Decision]) -> tuple[Reporter, ...]:
    found: dict[str, Reporter] = {}
    for d in decisions:
        if d.label not in ("byline", "info"):
            continue
        for r in parse_byline(d.block.text):
            old = found.get(r.name)
            if old is None or (r.email and not old.email):
                found[r.name] = r
    return tuple(found.values())


def _emails(reporters: tuple[Reporter, ...], decisions: list[Decision]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for r in reporters:
        if r.email:
            seen.setdefault(r.email.lower(), None)
    for d in decisions:
        if d.label == "byline":
            for m in EMAIL.finditer(d.block.text):
                seen.setdefault(m.group(0).lower(), None)
    return tuple(seen)


def _times(decisions: list[Decision]) -> dict[TimeField, datetime]:
    out: dict[TimeField, datetime] = {}
    for d in decisions:
        if d.label != "info":
            continue
        for m in _LABELLED_TIME.finditer(d.block.text):
            when = parse_datetime(m["rest"])
            field = TIME_LABELS[m["label"]]
            if when is not None and field not in out:
                out[field] = when
    return out
