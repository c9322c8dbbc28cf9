"""BeautifulSoup objects as input: turned into the lxml tree the HTML door reads."""

from __future__ import annotations

from typing import Any

from lxml import html as lxml_html

from ..limits import Limits
from .parse import parse_html


def soup_to_tree(soup: Any, *, limits: Limits) -> lxml_html.HtmlElement:
    """An lxml tree equivalent to the soup."""
    return parse_html(str(soup), limits=limits)
