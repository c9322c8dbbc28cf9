"""The typed results: :class:`Article` and the small records it holds.

All are frozen, slotted dataclasses, safe to pickle and send between processes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal

Kind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Reporter:
    """A credited author: bare name, role word as written, e-mail, dateline place."""

    name: str
    role: str | None = None
    email: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """An image of the article with its caption and, apart, the caption's credit.

    ``caption`` is the caption without its credit, ``credit`` the source it names ("연합뉴스"), and
    ``shown`` the caption exactly as the page displays it (credit, brackets and "▲" included).
    """

    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    shown: str | None = None


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot writers of a frozen slotted dataclass, one per field in order: a hand-written ``__init__``
    calls them, skipping the generated one's ``object.__setattr__`` per field (for records made by the
    dozen per page)."""
    return tuple(vars(cls)[f.name].__set__ for f in fields(cls))


@dataclass(frozen=True, slots=True, init=False)
class Removal:
    """One piece of the page that was left out of the article, and why."""

    reason: str
    text: str
    where: str = ""

    def __init__(self, reason: str, text: str, where: str = "") -> None:
        # Slots written directly (see :func:`slot_setters`): one Removal per dropped block, ~5% of fields.
        s_reason, s_text, s_where = _REMOVAL_SLOTS
        s_reason(self, reason)
        s_text(self, text)
        s_where(self, where)


_REMOVAL_SLOTS = slot_setters(Removal)


@dataclass(frozen=True, slots=True)
class Article:
    """A clean news article and its fields."""

    title: str | None = None
    subtitle: str | None = None
    paragraphs: tuple[str, ...] = ()
    reporters: tuple[Reporter, ...] = ()
    emails: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    approved: datetime | None = None
    images: tuple[Image, ...] = ()
    comment_count: int | None = None
    outlet: str | None = None
    url: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    encoding: str | None = None
    kind: Kind = "text"
    removed: tuple[Removal, ...] = field(default=(), repr=False, compare=False)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def title_prefix(self) -> str | None:
        """The title's leading tag ("[속보]", "[이슈+]"), which ``title`` shows as the page does; or None."""
        from .fields.titles import split_title_prefix

        return split_title_prefix(self.title)[0] if self.title else None

    @property
    def captions(self) -> tuple[str, ...]:
        """Image captions as displayed (``Image.shown``; else caption and credit joined)."""
        out = []
        for im in self.images:
            shown = im.shown or " ".join(x for x in (im.caption, im.credit) if x)
            if shown:
                out.append(shown)
        return tuple(out)

    def to_dict(self, *, removed: bool = False) -> dict[str, Any]:
        """A JSON-ready dict (datetimes as ISO 8601); ``removed=True`` adds the audit trail."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "removed" and not removed:
                continue
            out[f.name] = _plain(getattr(self, f.name))
        out["title_prefix"] = self.title_prefix
        out["text"] = self.text
        return out

    def to_json(self, *, removed: bool = False, indent: int | None = None) -> str:
        """The record as JSON text (UTF-8 friendly: Hangul is not escaped)."""
        return json.dumps(self.to_dict(removed=removed), ensure_ascii=False, indent=indent)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value
