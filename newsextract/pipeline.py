"""The extraction pipeline, top to bottom.

    source -> decode -> parse -> prune -> blocks -> classify -> fields -> Article
                      (text dumps: lines -> blocks)

Each stage lives in its own module; this file only wires them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .blocks import Block, Decision, PageHints
from .classify import classify
from .fields.record import build_article
from .html.door import html_blocks
from .html.meta import url_date
from .html.parse import parse_html
from .limits import DEFAULT_LIMITS, Limits
from .memo import forget_page
from .model import Article
from .source import load_source
from .text.door import text_blocks


def extract(
    source: Any,
    *,
    url: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    profiles: bool = True,
    furniture: frozenset[str] | None = None,
) -> Article:
    """Extract the article from a saved page or a text dump of one.

    ``source`` is bytes, str (HTML or a text dump: detected), an ``os.PathLike`` (``.gz`` too) or a
    BeautifulSoup object. ``profiles=False`` finds the article of an HTML page without the CMS profiles.
    ``furniture``: lines learned to be the site's furniture (``furniture_key`` form, see
    ``newsextract.batch --learn``); blocks showing one are dropped before the article is looked for.
    """
    page = page_blocks(source, url=url, limits=limits, profiles=profiles)
    return article_from(page, furniture=furniture)


def extract_text(
    text: str, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS, furniture: frozenset[str] | None = None
) -> Article:
    """Extract the article from a plain-text dump (w3m, lynx, select-all copy, get_text, html2text)."""
    return article_from(page_blocks(text, url=url, limits=limits, kind="text"), furniture=furniture)


def extract_html(
    html: Any,
    *,
    url: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    profiles: bool = True,
    furniture: frozenset[str] | None = None,
) -> Article:
    """Extract the article from a saved HTML page (bytes, str, path or BeautifulSoup object).

    ``profiles=False`` skips the CMS profiles and uses the generic article finder only.
    """
    page = page_blocks(html, url=url, limits=limits, profiles=profiles, kind="html")
    return article_from(page, furniture=furniture)


def explain_decisions(
    source: Any,
    *,
    url: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    profiles: bool = True,
    furniture: frozenset[str] | None = None,
) -> tuple[Article, list[Decision]]:
    """The article and every block's decision (label and reason), in page order: what ``explain`` shows."""
    return explain_blocks(page_blocks(source, url=url, limits=limits, profiles=profiles), furniture=furniture)


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """A page read as far as its blocks (decode -> parse -> prune -> blocks), before classify."""

    blocks: list[Block]
    hints: PageHints
    kind: Literal["html", "text"]
    root: Any = None
    """The parsed tree of an HTML page (its markup, for template fingerprints); None for a dump."""


def page_blocks(
    source: Any,
    *,
    url: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    profiles: bool = True,
    kind: Literal["html", "text"] | None = None,
) -> PageBlocks:
    """The first stages: source -> decode -> (parse -> prune ->) blocks, for an HTML page or a text dump."""
    forget_page()  # a new page: no stage's memo carries answers over from the last one
    loaded = load_source(source, limits=limits, kind=kind, url=url)  # read + decode
    if loaded.kind == "text":
        url_published = url_date(url) if url else None  # a URL's date: the last resort for a missing time
        hints = PageHints(url=url, encoding=loaded.encoding, url_published=url_published)
        return PageBlocks(text_blocks(loaded.text, limits=limits), hints, "text")  # lines -> blocks
    if loaded.tree is not None:  # a BeautifulSoup object, converted
        root, markup = loaded.tree, None
    else:
        root = parse_html(loaded.text, limits=limits, utf8=loaded.utf8)  # parse
        markup = loaded.utf8 if loaded.utf8 is not None else loaded.text
    blocks, page_hints = html_blocks(
        root, url=url, encoding=loaded.encoding, limits=limits, profiles=profiles, markup=markup
    )  # prune + blocks
    return PageBlocks(blocks, page_hints, "html", root)


def article_from(page: PageBlocks, *, furniture: frozenset[str] | None = None) -> Article:
    """The last stages (classify -> fields) over :func:`page_blocks`' result."""
    return explain_blocks(page, furniture=furniture)[0]


def explain_blocks(page: PageBlocks, *, furniture: frozenset[str] | None = None) -> tuple[Article, list[Decision]]:
    """:func:`article_from` with every block's decision, like :func:`explain_decisions`."""
    hints = page.hints if page.kind == "html" else PageHints()  # a dump's classify sees no hints
    decisions = classify(page.blocks, hints, furniture)  # classify
    return build_article(decisions, page.hints, kind=page.kind), decisions  # fields
