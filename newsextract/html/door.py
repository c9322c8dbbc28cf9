"""Stages 3-4 (HTML): prune the furniture and cut the tree into blocks, with the page's hints.

Placeholder walk: every block-level element's text becomes a block. The real door (profiles, pruning,
generic container finding, metadata) replaces this.
"""

from __future__ import annotations

from lxml import html as lxml_html

from ..blocks import Block, PageHints
from ..limits import Limits

_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "figcaption",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "tr",
    "table",
    "ul",
    "ol",
    "br",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg"}


def html_blocks(
    root: lxml_html.HtmlElement, *, url: str | None, encoding: str | None, limits: Limits
) -> tuple[list[Block], PageHints]:
    """Blocks of the page in reading order, and what its metadata says."""
    parts: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            lines.append(text)
        parts.clear()

    def walk(el: lxml_html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCK_TAGS:
            flush()
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS:
            flush()
        if el.tail:
            parts.append(el.tail)

    walk(root)
    flush()
    blocks = [Block(text=t, index=i, where=f"block {i}") for i, t in enumerate(lines)]
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    return blocks, PageHints(title=title, url=url, encoding=encoding)
