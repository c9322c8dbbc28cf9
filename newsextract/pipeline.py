"""The extraction pipeline, top to bottom.

    source -> decode -> parse -> prune -> blocks -> classify -> fields -> Article
                      (text dumps: lines -> blocks)

Each stage lives in its own module; this file only wires them.
"""

from __future__ import annotations

from typing import Any

from .blocks import PageHints
from .classify import classify
from .fields.record import build_article
from .html.door import html_blocks
from .html.parse import parse_html
from .limits import DEFAULT_LIMITS, Limits
from .model import Article
from .source import Loaded, load_source
from .text.door import text_blocks


def extract(source: Any, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Extract the article from a saved page or a text dump of one.

    ``source`` is bytes, str (HTML or a text dump: detected), an ``os.PathLike`` (``.gz`` too) or a
    BeautifulSoup object.
    """
    loaded = load_source(source, limits=limits)
    if loaded.kind == "html":
        return _from_html(loaded, url=url, limits=limits)
    return _from_text(loaded.text, encoding=loaded.encoding, url=url, limits=limits)


def extract_text(text: str, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Extract the article from a plain-text dump (w3m, lynx, select-all copy, get_text, html2text)."""
    loaded = load_source(text, limits=limits, kind="text")
    return _from_text(loaded.text, encoding=None, url=url, limits=limits)


def extract_html(html: Any, *, url: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Extract the article from a saved HTML page (bytes, str, path or BeautifulSoup object)."""
    loaded = load_source(html, limits=limits, kind="html")
    return _from_html(loaded, url=url, limits=limits)


def _from_text(text: str, *, encoding: str | None, url: str | None, limits: Limits) -> Article:
    blocks = text_blocks(text, limits=limits)  # blocks
    decisions = classify(blocks, PageHints())  # classify
    return build_article(decisions, PageHints(url=url, encoding=encoding), kind="text")  # fields


def _from_html(loaded: Loaded, *, url: str | None, limits: Limits) -> Article:
    root = loaded.tree if loaded.tree is not None else parse_html(loaded.text, limits=limits)  # parse
    blocks, hints = html_blocks(root, url=url, encoding=loaded.encoding, limits=limits)  # prune + blocks
    decisions = classify(blocks, hints)  # classify
    return build_article(decisions, hints, kind="html")  # fields
