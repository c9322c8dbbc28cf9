"""The extraction pipeline, top to bottom.

    source -> decode -> parse -> prune -> blocks -> classify -> fields -> Article
                      (text dumps: lines -> blocks)

Each stage lives in its own module; this file only wires them.
"""

from __future__ import annotations

from typing import Any

from .blocks import Decision, PageHints
from .classify import classify
from .fields.record import build_article
from .html.door import html_blocks
from .html.meta import url_date
from .html.parse import parse_html
from .limits import DEFAULT_LIMITS, Limits
from .model import Article
from .source import Loaded, load_source
from .text.door import text_blocks


def extract(
    source: Any, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS, profiles: bool = True
) -> Article:
    """Extract the article from a saved page or a text dump of one.

    ``source`` is bytes, str (HTML or a text dump: detected), an ``os.PathLike`` (``.gz`` too) or a
    BeautifulSoup object. ``profiles=False`` finds the article of an HTML page without the CMS profiles.
    """
    loaded = load_source(source, limits=limits, url=url)
    if loaded.kind == "html":
        return _from_html(loaded, url=url, limits=limits, profiles=profiles)
    return _from_text(loaded.text, encoding=loaded.encoding, url=url, limits=limits)


def extract_text(text: str, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Extract the article from a plain-text dump (w3m, lynx, select-all copy, get_text, html2text)."""
    loaded = load_source(text, limits=limits, kind="text", url=url)
    return _from_text(loaded.text, encoding=None, url=url, limits=limits)


def extract_html(
    html: Any, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS, profiles: bool = True
) -> Article:
    """Extract the article from a saved HTML page (bytes, str, path or BeautifulSoup object).

    ``profiles=False`` skips the CMS profiles and uses the generic article finder only.
    """
    loaded = load_source(html, limits=limits, kind="html", url=url)
    return _from_html(loaded, url=url, limits=limits, profiles=profiles)


def explain_decisions(
    source: Any, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS, profiles: bool = True
) -> tuple[Article, list[Decision]]:
    """The article and every block's decision (label and reason), in page order: what ``explain`` shows."""
    loaded = load_source(source, limits=limits, url=url)
    if loaded.kind == "html":
        decisions, hints = _decide_html(loaded, url=url, limits=limits, profiles=profiles)
        return build_article(decisions, hints, kind="html"), decisions
    decisions, hints = _decide_text(loaded.text, encoding=loaded.encoding, url=url, limits=limits)
    return build_article(decisions, hints, kind="text"), decisions


def _from_text(text: str, *, encoding: str | None, url: str | None, limits: Limits) -> Article:
    decisions, hints = _decide_text(text, encoding=encoding, url=url, limits=limits)
    return build_article(decisions, hints, kind="text")  # fields


def _from_html(loaded: Loaded, *, url: str | None, limits: Limits, profiles: bool = True) -> Article:
    decisions, hints = _decide_html(loaded, url=url, limits=limits, profiles=profiles)
    return build_article(decisions, hints, kind="html")  # fields


def _decide_text(
    text: str, *, encoding: str | None, url: str | None, limits: Limits
) -> tuple[list[Decision], PageHints]:
    blocks = text_blocks(text, limits=limits)  # blocks
    decisions = classify(blocks, PageHints())  # classify
    url_published = url_date(url) if url else None  # a URL's date: the last resort for a missing time
    return decisions, PageHints(url=url, encoding=encoding, url_published=url_published)


def _decide_html(
    loaded: Loaded, *, url: str | None, limits: Limits, profiles: bool = True
) -> tuple[list[Decision], PageHints]:
    root = loaded.tree if loaded.tree is not None else parse_html(loaded.text, limits=limits)  # parse
    blocks, hints = html_blocks(
        root, url=url, encoding=loaded.encoding, limits=limits, profiles=profiles
    )  # prune + blocks
    decisions = classify(blocks, hints)  # classify
    return decisions, hints
