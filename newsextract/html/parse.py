"""Stage 2 (HTML): parse text into an lxml tree, once, safely.

Safety: libxml2's HTML parser never loads a DTD, never expands entities declared in an internal subset
(``<!ENTITY e SYSTEM "file:///etc/passwd">`` stays unresolved text), never follows XInclude, and runs
with ``no_network``. XHTML with an XML declaration is parsed by the same HTML parser, never by the XML
one. After parsing, the tree is checked against :class:`~newsextract.limits.Limits` (element count, depth)
with XPath, in C, without recursion.
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


def _parser() -> etree.HTMLParser:
    # One per call: an lxml parser is not safe to share between threads. A plain ``etree`` parser, not
    # ``lxml.html``'s: its elements need no Python class lookup per proxy, which halves the cost of walking.
    return etree.HTMLParser(
        no_network=True, remove_comments=False, remove_pis=True, recover=True, huge_tree=True
    )


def parse_html(text: str, *, limits: Limits) -> etree._Element:
    """Parse HTML text into an lxml tree within ``limits`` (element count, nesting depth)."""
    if not text or text.isspace():
        raise EmptyInputError("the page is empty")
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml_html.document_fromstring(text, parser=_parser())
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            raise EmptyInputError("the page holds no elements and no text (only comments or markup)") from exc
        raise ParseError(f"cannot parse the page as HTML: {exc}") from exc
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"cannot parse the page as HTML: {exc}") from exc
    check_tree(root, limits=limits)
    return root


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
        if cap == PARSER_MAX_DEPTH - 1:
            raise ParseError(
                f"the page nests elements {PARSER_MAX_DEPTH} levels deep, where the HTML parser stops "
                "and drops the rest of the page"
            )
        raise ParseError(f"the page nests elements deeper than {cap} levels (limits.max_depth)")


@lru_cache(maxsize=16)
def _deeper_than(depth: int) -> str:
    """An XPath expression, true when an element sits deeper than ``depth`` levels (``<html>`` is 1).

    Each step selects the next level's elements, so the whole evaluation visits every element once.
    """
    return "boolean(/" + "/".join(["*"] * (depth + 1)) + ")"
