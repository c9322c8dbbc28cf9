"""Memos for pure, text-in/value-out helpers that several stages ask about the same line of one page.

A page's lines are read by the door, by classify (the text door's span search scores each line once per
candidate span) and by the field parsers, each asking "is this furniture? a byline? which times does it
hold?". :func:`page_memo` caches such a function's answers
(immutable values only), and :func:`forget_page` empties every memo: the pipeline calls it when it
starts on a page, so nothing is carried from one page to the next (a benchmark that runs the same pages
again gains nothing from an earlier round). The memos only ever hold answers, never inputs' identity,
so clearing one in another thread costs that thread time, never a wrong result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []
"""The cached functions; fixed once the modules are imported (registration happens at import time)."""


def page_memo(fn: F) -> F:
    """Cache ``fn`` (hashable arguments, immutable result) for the page being extracted."""
    cached = lru_cache(maxsize=8192)(fn)
    _MEMOS.append(cached)
    return cached  # type: ignore[return-value]


def forget_page() -> None:
    """Empty every page memo (called as a page starts)."""
    for memo in _MEMOS:
        memo.cache_clear()


def memo_size() -> int:
    """Answers held by all page memos together (for tests and curiosity)."""
    return sum(memo.cache_info().currsize for memo in _MEMOS)
