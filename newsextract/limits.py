"""Explicit, configurable limits on what one call will read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one input. Exceeding one raises a typed :class:`~newsextract.errors.NewsExtractError`."""

    max_bytes: int = 64 * 1024 * 1024
    """Largest input accepted, in bytes (after gzip decompression)."""
    max_depth: int = 2000
    """Deepest element nesting walked in an HTML tree; deeper content is cut, not recursed into."""
    max_lines: int = 2_000_000
    """Most lines read from a text dump."""


DEFAULT_LIMITS = Limits()
