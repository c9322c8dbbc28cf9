"""Write records as JSON Lines or CSV, durably, and read a killed run's output back for ``--resume``.

Lines are written in batches; each batch is flushed and fsync'ed before the next, so after a crash
(kill -9 included) the file holds whole lines plus at most one partial last line, which
:func:`scan_done` cuts off before the run goes on.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

from .sources import Item
from .work import Record, WorkOptions, body_key, process_item

CSV_COLUMNS = (
    "source", "status", "title", "subtitle", "published", "modified", "reporters", "emails",
    "url", "outlet", "section", "text", "duplicate_of", "error_type", "error_message",
)


class Line(NamedTuple):
    """One item's result rendered as its output line, as a worker sends it back (strings only: cheap to
    pickle, and the main process only writes them)."""

    source: str
    status: str
    text: str
    """The output line, without ``duplicate_of``."""
    cut: int
    """Where :func:`with_duplicate` puts a ``duplicate_of`` value into ``text``."""
    key: str | None = None
    """The body digest (:func:`~newsextract.batch.work.body_key`) when ``WorkOptions.digest`` is set."""


def record_line(rec: Record, fmt: str) -> str:
    """One record as one output line (CSV: one row, newlines inside quoted fields)."""
    if fmt == "jsonl":
        return json.dumps(rec.to_dict(), ensure_ascii=False) + "\n"
    return _csv_cells(_csv_row(rec)) + "\n"


def render_record(rec: Record, fmt: str, key: str | None = None) -> Line:
    """A record (without ``duplicate_of``) as a :class:`Line`; the text is what :func:`record_line` gives."""
    if fmt == "jsonl":
        text = json.dumps(rec.to_dict(), ensure_ascii=False) + "\n"
        return Line(rec.source, rec.status, text, len(text) - 2, key)  # before the closing "}\n"
    row = _csv_row(rec)
    head = _csv_cells(row[:_DUP]) + ","
    return Line(rec.source, rec.status, head + "," + _csv_cells(row[_DUP + 1:]) + "\n", len(head), key)


def render_item(item: Item, options: WorkOptions) -> Line:
    """The per-item function of ``newsextract batch``: :func:`process_item`, rendered in the worker."""
    rec = process_item(item, options)
    key = body_key(rec.article.paragraphs) if options.digest and rec.article is not None else None
    return render_record(rec, options.line_format, key)


def line_failed(source: str, error_type: str, message: str, fmt: str = "jsonl") -> Line:
    return render_record(Record.failed(source, error_type, message), fmt)


def with_duplicate(line: Line, first: str, fmt: str) -> str:
    """``line``'s text with ``duplicate_of`` = ``first`` (same bytes as :func:`record_line` would give)."""
    if fmt == "jsonl":
        value = ', "duplicate_of": ' + json.dumps(first, ensure_ascii=False)
    else:
        value = _csv_cells([first])
    return line.text[:line.cut] + value + line.text[line.cut:]


def mark_line_duplicates(lines: Iterable[Line], seen: dict[str, str], fmt: str) -> Iterator[tuple[Line, str, bool]]:
    """``(line, text to write, is a duplicate)``; ``seen`` maps body digests to the first copy's source."""
    for line in lines:
        if line.key is not None:
            first = seen.setdefault(line.key, line.source)
            if first != line.source:
                yield line, with_duplicate(line, first, fmt), True
                continue
        yield line, line.text, False


_DUP = CSV_COLUMNS.index("duplicate_of")


def _csv_row(rec: Record) -> list[str]:
    a = rec.article
    row: dict[str, str] = {"source": rec.source, "status": rec.status, "duplicate_of": rec.duplicate_of or "",
                           "error_type": rec.error_type or "", "error_message": rec.error_message or ""}
    if a is not None:
        row.update(
            title=a.title or "", subtitle=a.subtitle or "",
            published=a.published.isoformat() if a.published else "",
            modified=a.modified.isoformat() if a.modified else "",
            reporters="; ".join(r.name for r in a.reporters), emails="; ".join(a.emails),
            url=a.url or "", outlet=a.outlet or "", section=a.section or "", text=a.text,
        )
    return [row.get(c, "") for c in CSV_COLUMNS]


def _csv_cells(cells: list[str]) -> str:
    """Cells as part of a CSV row, without the newline (each cell is quoted on its own, as csv does)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)  # "\n" as terminator: cells holding one get quoted
    return buf.getvalue()[:-1]


def csv_header() -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(CSV_COLUMNS)
    return buf.getvalue()


class SyncedWriter:
    """Appends lines; every ``every`` lines or ``seconds`` it writes, flushes and fsyncs the batch."""

    def __init__(self, fh: IO[bytes], *, every: int = 64, seconds: float = 1.0, fsync: bool = True) -> None:
        self.fh = fh
        self.every = every
        self.seconds = seconds
        self.fsync = fsync
        self._buf: list[str] = []
        self._last = time.monotonic()

    def write(self, line: str) -> None:
        self._buf.append(line)
        if len(self._buf) >= self.every or time.monotonic() - self._last >= self.seconds:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self.fh.write("".join(self._buf).encode("utf-8"))
            self._buf.clear()
        self.fh.flush()
        if self.fsync:
            with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
                os.fsync(self.fh.fileno())  # a pipe or a terminal: nothing to sync
        self._last = time.monotonic()


@dataclass
class ResumeState:
    """What a previous run left: the sources done, the bodies seen (for ``--dedupe``), the counts."""

    done: set[str] = field(default_factory=set)
    bodies: dict[str, str] = field(default_factory=dict)
    ok: int = 0
    errors: int = 0
    truncated: int = 0
    """Bytes of a partial last line cut off."""


def scan_done(path: Path, fmt: str) -> ResumeState:
    """Read an earlier run's output, cut a partial last line off (in place), and return its state."""
    state = ResumeState()
    if not path.exists():
        return state
    with open(path, "r+b") as fh:
        good = _scan_jsonl(fh, state) if fmt == "jsonl" else _scan_csv(fh, state)
        size = fh.seek(0, os.SEEK_END)
        if good < size:
            state.truncated = size - good
            fh.truncate(good)
            fh.flush()
            os.fsync(fh.fileno())
    return state


def _note(state: ResumeState, source: str, status: str, paragraphs: list[str] | None) -> None:
    state.done.add(source)
    if status == "ok":
        state.ok += 1
        if paragraphs:
            key = body_key(paragraphs)
            if key is not None:
                state.bodies.setdefault(key, source)
    else:
        state.errors += 1


def _scan_jsonl(fh: IO[bytes], state: ResumeState) -> int:
    good = 0
    for raw in fh:
        if not raw.endswith(b"\n"):
            break
        try:
            rec = json.loads(raw)
            source, status = rec["source"], rec["status"]
        except (ValueError, KeyError, TypeError):
            break  # a damaged line: keep what comes before it
        art = rec.get("article") or {}
        _note(state, source, status, art.get("paragraphs") if isinstance(art, dict) else None)
        good += len(raw)
    return good


def _scan_csv(fh: IO[bytes], state: ResumeState) -> int:
    """Rows are complete when the csv reader yields them with every column and the bytes end in a newline."""
    consumed = 0
    ended = False

    def lines() -> Iterator[str]:
        nonlocal consumed, ended
        for raw in fh:
            consumed += len(raw)
            ended = raw.endswith(b"\n")
            yield raw.decode("utf-8", "replace")

    good = 0
    reader = csv.reader(lines(), strict=True)
    try:
        header = next(reader)
        if tuple(header) != CSV_COLUMNS or not ended:
            return 0
        good = consumed
        for row in reader:
            if len(row) != len(CSV_COLUMNS):
                break
            if not ended:
                break
            rec = dict(zip(CSV_COLUMNS, row, strict=True))
            text = rec["text"]
            _note(state, rec["source"], rec["status"], text.split("\n\n") if text else None)
            good = consumed
    except (csv.Error, StopIteration):
        pass
    return good

