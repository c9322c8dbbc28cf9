"""newsextract: clean articles and typed records from saved Korean news pages and their text dumps.

>>> import newsextract
>>> article = newsextract.extract(open("page.html", "rb").read())
>>> article.title, article.reporters, article.published
"""

from __future__ import annotations

from .errors import (
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    InputTypeError,
    InvalidLimitsError,
    NewsExtractError,
    ParseError,
    SourceReadError,
)
from .fields.byline import find_byline, parse_byline
from .fields.captions import split_credit
from .fields.dates import find_times, parse_datetime
from .limits import DEFAULT_LIMITS, Limits
from .model import Article, Image, Removal, Reporter
from .pipeline import extract, extract_html, extract_text

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LIMITS",
    "Article",
    "DecodeError",
    "EmptyInputError",
    "Image",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidLimitsError",
    "Limits",
    "NewsExtractError",
    "ParseError",
    "Removal",
    "Reporter",
    "SourceReadError",
    "__version__",
    "extract",
    "extract_html",
    "extract_text",
    "find_byline",
    "find_times",
    "parse_byline",
    "parse_datetime",
    "split_credit",
]
