"""The exceptions newsextract raises: every one is a :class:`NewsExtractError`."""

from __future__ import annotations


class NewsExtractError(Exception):
    """Base class of every error newsextract raises on purpose."""


class InputTypeError(NewsExtractError, TypeError):
    """The source is of a type ``extract`` cannot read (not bytes, str, a path or a soup)."""


class SourceReadError(NewsExtractError, OSError):
    """A path could not be read (missing, a directory, permission, broken gzip)."""


class DecodeError(NewsExtractError, ValueError):
    """The bytes are not text in any encoding we can recognise (binary, an image, a PDF)."""


class InputTooLargeError(NewsExtractError, ValueError):
    """The input is larger than the configured limit (bytes, lines or elements)."""


class ParseError(NewsExtractError, ValueError):
    """The HTML could not be parsed into a usable tree (or is nested deeper than the limit)."""


class EmptyInputError(NewsExtractError, ValueError):
    """The input holds no text at all."""


class InvalidLimitsError(NewsExtractError, ValueError):
    """A :class:`~newsextract.limits.Limits` value is out of range (zero or negative)."""


def require_str(value: object, what: str) -> str:
    """``value`` if it is a ``str``, else :class:`InputTypeError` naming ``what`` was expected."""
    if not isinstance(value, str):
        raise InputTypeError(f"{what} takes a str, not {type(value).__name__}")
    return value
