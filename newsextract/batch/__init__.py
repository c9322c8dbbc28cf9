"""Batch cleaning of archives: folders, zip, tar(.gz), gzip'd files, WARC, JSON Lines.

>>> from newsextract.batch import clean
>>> for rec in clean(["pages/", "crawl.warc.gz"], jobs=2, timeout=60):
...     print(rec.source, rec.status, rec.article.title if rec.article else rec.error_type)

:func:`clean` yields exactly one :class:`Record` per input item, in input order (the order of
:func:`iter_sources`: arguments in turn, folders walked sorted by name, archive members in stored order).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

from ..limits import DEFAULT_LIMITS, Limits
from ..source import check_paths
from .learn import MIN_PAGES_FLOOR, FurnitureLearner, learn_from
from .output import Line
from .runner import run_items, run_lines
from .sources import DEFAULT_SOURCE_LIMITS, Item, SourceLimits, iter_sources
from .work import Record, WorkOptions, body_key, process_item

PathArg = str | os.PathLike[str]

__all__ = [
    "FurnitureLearner",
    "Item",
    "Line",
    "Record",
    "SourceLimits",
    "WorkOptions",
    "body_key",
    "clean",
    "clean_lines",
    "iter_sources",
    "learn",
    "learn_from",
    "mark_duplicates",
    "process_item",
]


def _as_paths(paths: PathArg | Iterable[PathArg]) -> list[PathArg]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return check_paths(paths)  # InputTypeError for None, an int, a list holding one...


def learn(
    paths: PathArg | Iterable[PathArg],
    *,
    min_pages: int = MIN_PAGES_FLOOR,
    jobs: int | None = None,
    timeout: float | None = None,
    field: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    source_limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
) -> dict[str, frozenset[str]]:
    """First pass of ``--learn``: the furniture lines of every site in ``paths`` (see :mod:`.learn`)."""
    opts = WorkOptions(limits=limits, source_limits=source_limits, learn=True)
    items = iter_sources(*_as_paths(paths), field=field, limits=source_limits)
    return learn_from(run_items(items, jobs=jobs, timeout=timeout, options=opts), min_pages)


def clean(
    paths: PathArg | Iterable[PathArg],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    field: str | None = None,
    dedupe: bool = False,
    learn_furniture: bool = False,
    min_pages: int = MIN_PAGES_FLOOR,
    furniture: Mapping[str, frozenset[str]] | None = None,
    skip: frozenset[str] | set[str] | None = None,
    keep_removed: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    source_limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
) -> Iterator[Record]:
    """Clean every item under ``paths``; yield one :class:`Record` per item, in input order.

    ``jobs`` worker processes (default: CPU count; ``0``: in this process, no time limit); ``timeout``
    seconds per item; ``field`` the JSON Lines field holding the page; ``dedupe`` marks exact copies
    (same normalised body) with ``duplicate_of`` = the first copy's source; ``learn_furniture`` runs
    a first pass to learn per-site furniture (lines on >= ``min_pages`` articles) and drops it;
    ``furniture`` gives it ready-made; ``skip`` is a set of source ids to leave out (resume);
    ``keep_removed`` keeps each article's audit trail (``Article.removed``, empty otherwise).
    """
    plist = _as_paths(paths)
    if learn_furniture and furniture is None:
        furniture = learn(plist, min_pages=min_pages, jobs=jobs, timeout=timeout, field=field,
                          limits=limits, source_limits=source_limits)
    opts = WorkOptions(limits=limits, source_limits=source_limits, furniture=dict(furniture or {}),
                       keep_removed=keep_removed)
    records = run_items(iter_sources(*plist, field=field, limits=source_limits, skip=skip),
                        jobs=jobs, timeout=timeout, options=opts)
    if dedupe:
        return mark_duplicates(records, {})
    return records


def clean_lines(
    paths: PathArg | Iterable[PathArg],
    *,
    fmt: Literal["jsonl", "csv"] = "jsonl",
    digest: bool = False,
    jobs: int | None = None,
    timeout: float | None = None,
    field: str | None = None,
    furniture: Mapping[str, frozenset[str]] | None = None,
    skip: frozenset[str] | set[str] | None = None,
    keep_removed: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    source_limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
) -> Iterator[Line]:
    """What ``newsextract batch`` writes: like :func:`clean`, but each item comes back as its output
    :class:`Line` in ``fmt`` (rendered in the worker), with its body digest when ``digest`` (for
    :func:`~newsextract.batch.output.mark_line_duplicates`)."""
    opts = WorkOptions(limits=limits, source_limits=source_limits, furniture=dict(furniture or {}),
                       keep_removed=keep_removed, line_format=fmt, digest=digest)
    return run_lines(iter_sources(*_as_paths(paths), field=field, limits=source_limits, skip=skip),
                     jobs=jobs, timeout=timeout, options=opts)


def mark_duplicates(records: Iterable[Record], seen: dict[str, str]) -> Iterator[Record]:
    """Set ``duplicate_of`` on records whose normalised body equals an earlier one (``seen``: key -> source)."""
    from dataclasses import replace

    for rec in records:
        if rec.article is not None:
            key = body_key(rec.article.paragraphs)
            if key is not None:
                first = seen.setdefault(key, rec.source)
                if first != rec.source:
                    rec = replace(rec, duplicate_of=first)
        yield rec
