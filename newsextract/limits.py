"""Explicit, configurable limits on what one call will read.

Pass ``limits=Limits(...)`` to ``extract`` (or ``dataclasses.replace(DEFAULT_LIMITS, max_bytes=...)``).
Exceeding a limit raises a typed error, never ``MemoryError`` or ``RecursionError``:

=================  =====================================  ==============================================
limit              counted on                             exceeding it raises
=================  =====================================  ==============================================
``max_bytes``      bytes (after gunzip); characters (str)  :class:`~newsextract.errors.InputTooLargeError`
``max_elements``   elements in the parsed HTML tree        :class:`~newsextract.errors.InputTooLargeError`
``max_depth``      element nesting in the HTML tree        :class:`~newsextract.errors.ParseError`
``max_lines``      lines of a text dump                    :class:`~newsextract.errors.InputTooLargeError`
=================  =====================================  ==============================================

lxml (libxml2) itself stops building a tree at :data:`PARSER_MAX_DEPTH` levels and drops the rest of the
page; a tree that reaches that depth is always refused with ``ParseError``, whatever ``max_depth`` says.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import InputTypeError, InvalidLimitsError

PARSER_MAX_DEPTH = 2048
"""Nesting at which libxml2 (with ``huge_tree``) stops parsing and silently drops the rest of the page."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one input. Exceeding one raises a typed :class:`~newsextract.errors.NewsExtractError`."""

    max_bytes: int = 64 * 1024 * 1024
    """Largest input accepted: bytes (after gzip decompression), or characters for a ``str``."""
    max_depth: int = 2000
    """Deepest element nesting accepted in an HTML tree (``<html>`` is level 1); deeper raises ParseError."""
    max_lines: int = 100_000
    """Most lines read from a text dump."""
    max_elements: int = 200_000
    """Most elements in one HTML tree (real news pages have a few thousand)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputTypeError(f"Limits.{f.name} must be an int, not {type(value).__name__}")
            if value < 1:
                raise InvalidLimitsError(f"Limits.{f.name} must be at least 1, not {value}")

    @property
    def depth_cap(self) -> int:
        """The nesting actually accepted: ``max_depth``, but below the parser's own ceiling."""
        return min(self.max_depth, PARSER_MAX_DEPTH - 1)


DEFAULT_LIMITS = Limits()


def check_limits(limits: object) -> Limits:
    """``limits`` if it is a :class:`Limits`, else :class:`~newsextract.errors.InputTypeError`."""
    if not isinstance(limits, Limits):
        raise InputTypeError(f"limits must be a newsextract.Limits, not {type(limits).__name__}")
    return limits
