"""Stage 2 (HTML): parse text into an lxml tree, once, safely.

Safety: libxml2's HTML parser never loads a DTD, never expands entities declared in an internal subset
(``<!ENTITY e SYSTEM "file:///etc/passwd">`` stays unresolved text), never follows XInclude, and runs
with ``no_network``. XHTML with an XML declaration is parsed by the same HTML parser, never by the XML
one. The tree is held to :class:`~newsextract.limits.Limits` without recursion: a page whose markup could make
more elements than ``max_elements`` is counted with XPath, in C; a nesting deeper than ``max_depth`` is refused
by the walk where it meets one, and the parser's own depth ceiling is read off its error log.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from lxml import etree
from lxml import html as lxml_html

from ..errors import EmptyInputError, InputTooLargeError, ParseError
from ..limits import PARSER_MAX_DEPTH, Limits

_XML_DECLARATION = regex.compile(r"\A[\ufeff\s]{0,64}<\?xml[^>]*>")
"""lxml refuses a ``str`` that starts with an encoding declaration; the text is decoded already, drop it."""


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    # One per call: an lxml parser is not safe to share between threads. A plain ``etree`` parser, not
    # ``lxml.html``'s: its elements need no Python class lookup per proxy, which halves the cost of walking.
    # Comments are dropped while parsing (the text either side of one joins, as it reads on screen). No id
    # table is built (``collect_ids``): nothing looks an element up by id, and the table costs ~6% of a parse.
    return etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=True,
        collect_ids=False,
        encoding=encoding,
    )


def parse_html(text: str, *, limits: Limits, utf8: bytes | None = None) -> etree._Element:
    """Parse HTML text into an lxml tree within ``limits`` (element count, nesting depth).

    ``utf8``, when given, is ``text`` encoded in UTF-8 (the page's own bytes): libxml2 reads those without
    the conversion a Python string needs, whatever charset the page declares.
    """
    if not text or text.isspace():
        raise EmptyInputError("the page is empty")
    parser = _parser("utf-8" if utf8 is not None else None)
    try:
        if utf8 is not None:
            root = lxml_html.document_fromstring(utf8, parser=parser)
        else:
            text = _XML_DECLARATION.sub("", text, count=1)
            root = lxml_html.document_fromstring(text, parser=parser)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            raise EmptyInputError("the page holds no elements and no text (only comments or markup)") from exc
        raise ParseError(f"cannot parse the page as HTML: {exc}") from exc
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"cannot parse the page as HTML: {exc}") from exc
    last = parser.error_log.last_error
    if last is not None and last.type_name == "ERR_RESOURCE_LIMIT":  # the parser stopped at its depth ceiling
        raise too_deep(PARSER_MAX_DEPTH - 1)
    tags = utf8.count(b"<") if utf8 is not None else text.count("<")
    if tags * _ELEMENTS_PER_TAG + _IMPLIED_ELEMENTS > limits.max_elements:
        check_tree(root, limits=limits)
    # Else the tree cannot hold more elements than the limit, and the walk refuses a nesting deeper than
    # ``limits.max_depth`` where it meets one (:func:`~newsextract.html.blocks.walk_tree`).
    return root


def too_deep(cap: int) -> ParseError:
    """The error for a tree nesting deeper than ``cap`` levels."""
    if cap >= PARSER_MAX_DEPTH - 1:
        return ParseError(
            f"the page nests elements {PARSER_MAX_DEPTH} levels deep, where the HTML parser stops "
            "and drops the rest of the page"
        )
    return ParseError(f"the page nests elements deeper than {cap} levels (limits.max_depth)")


_ELEMENTS_PER_TAG = 4
"""More than libxml2 makes of one ``<``: a lone ``<td>`` gets an implied ``<tbody>`` and ``<tr>``."""
_IMPLIED_ELEMENTS = 8
"""``<html>``, ``<head>``, ``<body>`` and a ``<p>`` around stray text, with room to spare."""


def check_tree(root: etree._Element, *, limits: Limits) -> None:
    """Raise when the tree has more elements than ``limits.max_elements`` or nests deeper than allowed.

    Linear in the tree's size and done by libxml2's XPath engine: no Python walk, no recursion.
    """
    found = root.xpath("count(//*)")
    count = int(found) if isinstance(found, float) else 0
    if count > limits.max_elements:
        raise InputTooLargeError(
            f"the page has {count} elements; the limit (max_elements) is {limits.max_elements}"
        )
    cap = limits.depth_cap
    if count > cap and root.xpath(_deeper_than(cap)):
        raise too_deep(cap)


@lru_cache(maxsize=16)
def _deeper_than(depth: int) -> str:
    """An XPath expression, true when an element sits deeper than ``depth`` levels (``<html>`` is 1).

    Each step selects the next level's elements, so the whole evaluation visits every element once.
    """
    return "boolean(/" + "/".join(["*"] * (depth + 1)) + ")"
