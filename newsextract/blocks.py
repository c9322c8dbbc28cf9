"""The block model both doors (HTML and text dumps) produce, and the labels classify gives them.

A :class:`Block` is one visual unit of a page: a paragraph, a heading, a list item, a caption, an info line,
an image. Everything after the doors (boilerplate rules, field parsers) reads blocks, so one rule serves
both inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .model import Image, Reporter, slot_setters

BlockKind = Literal["text", "heading", "item", "caption", "image", "quote", "cell", "meta"]
"""Structural hint from the door: what the markup (or the dump's layout) says the block is."""

Zone = Literal["body", "head", "outside", "unknown"]
"""Where the door placed the block: inside the article container found by a profile or the generic
path (``body``), in the article header (title, info line), outside both, or unknown (text dumps)."""

Label = Literal["body", "title", "subtitle", "caption", "byline", "info", "furniture"]
"""What classify decided the block is."""


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self,
        text: str,
        kind: BlockKind = "text",
        index: int = 0,
        where: str = "",
        zone: Zone = "unknown",
        link_density: float = 0.0,
        gap_before: bool = True,
        src: str | None = None,
        alt: str | None = None,
    ) -> None:
        # Slots written directly (see :func:`~newsextract.model.slot_setters`): the doors make one per block.
        (s_text, s_kind, s_index, s_where, s_zone, s_density, s_gap, s_src, s_alt) = _BLOCK_SLOTS
        s_text(self, text)
        s_kind(self, kind)
        s_index(self, index)
        s_where(self, where)
        s_zone(self, zone)
        s_density(self, link_density)
        s_gap(self, gap_before)
        s_src(self, src)
        s_alt(self, alt)


_BLOCK_SLOTS = slot_setters(Block)


@dataclass(frozen=True, slots=True, init=False)
class Decision:
    """A block with its label and the reason for it (the audit trail reads the reasons)."""

    block: Block
    label: Label
    reason: str
    text: str = ""
    """The block's text after cleaning (a dateline stripped, a caption credit cut), if it differs."""

    def __init__(self, block: Block, label: Label, reason: str, text: str = "") -> None:
        # The generated frozen __init__ calls object.__setattr__ per field; writing the slots directly
        # makes a Decision (one per block) a third cheaper, ~5% of classify.
        s_block, s_label, s_reason, s_text = _DECISION_SLOTS
        s_block(self, block)
        s_label(self, label)
        s_reason(self, reason)
        s_text(self, text)

    @property
    def kept_text(self) -> str:
        return self.text or self.block.text


_DECISION_SLOTS = slot_setters(Decision)


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
