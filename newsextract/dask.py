"""Batch cleaning on a dask cluster: archives and files in, a dask bag (or DataFrame) of records out.

Needs the extra: ``pip install 'newsextract[dask]'``. The same per-item function as ``newsextract batch``
(:func:`~newsextract.batch.work.process_item`) runs on the workers::

    from distributed import Client
    from newsextract.dask import records_bag

    client = Client("tcp://scheduler:8786")           # or LocalCluster()
    bag = records_bag(["/data/crawl-1.warc.gz", "/data/pages/"])
    bag.map(lambda r: r.to_dict()).map(json.dumps).to_textfiles("/data/out/*.jsonl")

Partitions: every archive (zip, tar, WARC, JSON Lines) is one partition, streamed on the worker that gets
it; plain files are grouped ``files_per_partition`` to a partition. Folders are listed on the client
(with the same symlink rules as :func:`~newsextract.batch.iter_sources`). Records keep input order.
The inputs must be readable at the same paths on every worker (a shared or network file system).
Per-item time limits are not enforced here (dask runs items in worker threads, which cannot be killed);
use ``newsextract batch --timeout`` for inputs that may hold runaway pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from .batch.output import CSV_COLUMNS, record_line
from .batch.sources import DEFAULT_SOURCE_LIMITS, Item, SourceLimits, archive_kind, iter_file, walk_folder
from .batch.work import Record, WorkOptions, process_item
from .limits import DEFAULT_LIMITS, Limits

Unit = str | Item
"""A file to read on a worker, or an error item found while listing."""

__all__ = ["partitions", "record_row", "records_bag", "records_dataframe"]


def partitions(paths: Iterable[str | os.PathLike[str]], *, files_per_partition: int = 64) -> list[list[Unit]]:
    """Split the inputs into partitions: one per archive, plain files and listing errors grouped."""
    parts: list[list[Unit]] = []
    loose: list[Unit] = []

    def add(unit: Unit) -> None:
        if isinstance(unit, str) and archive_kind(unit) is not None:
            if loose:  # keep input order: the files before the archive go first
                parts.append(loose.copy())
                loose.clear()
            parts.append([unit])
            return
        loose.append(unit)
        if len(loose) >= files_per_partition:
            parts.append(loose.copy())
            loose.clear()

    for p in paths:
        name = os.fspath(p)
        if os.path.isdir(name):
            for path, failed in walk_folder(name):
                add(failed if failed is not None else path)
        else:
            add(name)
    if loose:
        parts.append(loose)
    return parts


def clean_partition(units: list[Unit], field: str | None, options: WorkOptions) -> list[Record]:
    """Clean one partition (runs on a worker): one record per item of its files and archives."""
    out: list[Record] = []
    for unit in units:
        items = [unit] if isinstance(unit, Item) else iter_file(unit, field=field, limits=options.source_limits)
        out.extend(process_item(item, options) for item in items)
    return out


def _clean_groups(groups: list[list[Unit]], field: str | None, options: WorkOptions) -> list[Record]:
    return [rec for units in groups for rec in clean_partition(units, field, options)]


def records_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    field: str | None = None,
    furniture: Mapping[str, frozenset[str]] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    source_limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
    files_per_partition: int = 64,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~newsextract.batch.Record`, one per input item, in input order."""
    import dask.bag as db  # type: ignore[import-untyped, unused-ignore]

    options = WorkOptions(limits=limits, source_limits=source_limits, furniture=dict(furniture or {}))
    groups = partitions(paths, files_per_partition=files_per_partition)
    if not groups:
        return db.from_sequence([], npartitions=1)  # type: ignore[no-untyped-call, unused-ignore]
    bag = db.from_sequence(groups, partition_size=1)  # type: ignore[no-untyped-call, unused-ignore]
    return bag.map_partitions(_clean_groups, field, options)


def record_row(rec: Record) -> dict[str, str]:
    """A record as a flat row of strings (the CSV columns of ``newsextract batch --format csv``)."""
    import csv
    import io

    line = record_line(rec, "csv")
    row = next(csv.reader(io.StringIO(line)))
    return dict(zip(CSV_COLUMNS, row, strict=True))


def records_dataframe(paths: Iterable[str | os.PathLike[str]], **kwargs: Any) -> Any:
    """A ``dask.dataframe.DataFrame`` with the CSV columns (needs ``dask[dataframe]``, i.e. pandas)."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in CSV_COLUMNS})
    return records_bag(paths, **kwargs).map(record_row).to_dataframe(meta=meta)
