"""Stage 2 (HTML): parse text into an lxml tree, once, safely (no network, no entities, no DTDs)."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ..errors import ParseError
from ..limits import Limits

_PARSER = lxml_html.HTMLParser(
    no_network=True, remove_comments=False, remove_pis=True, recover=True, huge_tree=True
)


def parse_html(text: str, *, limits: Limits) -> lxml_html.HtmlElement:
    """Parse HTML text into an lxml tree."""
    if not text.strip():
        raise ParseError("the page is empty")
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse the page as HTML: {exc}") from exc
    return root
