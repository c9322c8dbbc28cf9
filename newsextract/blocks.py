"""The block model both doors (HTML and text dumps) produce, and the labels classify gives them.

A :class:`Block` is one visual unit of a page: a paragraph, a heading, a list item, a caption, an info line,
an image. Everything after the doors (boilerplate rules, field parsers) reads blocks, so one rule serves
both inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .model import Image, Reporter

BlockKind = Literal["text", "heading", "item", "caption", "image", "quote", "cell", "meta"]
"""Structural hint from the door: what the markup (or the dump's layout) says the block is."""

Zone = Literal["body", "head", "outside", "unknown"]
"""Where the door placed the block: inside the article container found by a profile or the generic
path (``body``), in the article header (title, info line), outside both, or unknown (text dumps)."""

Label = Literal["body", "title", "subtitle", "caption", "byline", "info", "furniture"]
"""What classify decided the block is."""


@dataclass(frozen=True, slots=True)
class Block:
    """One visual unit of a page, with the features the classifier reads."""

    text: str
    kind: BlockKind = "text"
    index: int = 0
    where: str = ""
    zone: Zone = "unknown"
    link_density: float = 0.0
    gap_before: bool = True
    src: str | None = None
    alt: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A block with its label and the reason for it (the audit trail reads the reasons)."""

    block: Block
    label: Label
    reason: str
    text: str = ""
    """The block's text after cleaning (a dateline stripped, a caption credit cut), if it differs."""

    @property
    def kept_text(self) -> str:
        return self.text or self.block.text


@dataclass(frozen=True, slots=True)
class PageHints:
    """What the page says about itself outside the visible text: metadata, JSON-LD, profile finds.

    The HTML door fills it; a text dump gives an empty one. Visible text wins over hints.
    """

    title: str | None = None
    subtitle: str | None = None
    reporters: tuple[Reporter, ...] = ()
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
    profile: str | None = None
    """Name of the profile that recognised the page, if any."""
    url_published: datetime | None = None
    """A publication time read from the page's URL: only a last resort when nothing shows a time (it
    never adds seconds to a displayed one)."""
