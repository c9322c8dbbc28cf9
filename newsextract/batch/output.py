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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .work import Record, body_key

CSV_COLUMNS = (
    "source", "status", "title", "subtitle", "published", "modified", "reporters", "emails",
    "url", "outlet", "section", "text", "duplicate_of", "error_type", "error_message",
)


def record_line(rec: Record, fmt: str) -> str:
    """One record as one output line (CSV: one row, newlines inside quoted fields)."""
    if fmt == "jsonl":
        return json.dumps(rec.to_dict(), ensure_ascii=False) + "\n"
    a = rec.article
    row: dict[str, Any] = {"source": rec.source, "status": rec.status, "duplicate_of": rec.duplicate_of or "",
                           "error_type": rec.error_type or "", "error_message": rec.error_message or ""}
    if a is not None:
        row.update(
            title=a.title or "", subtitle=a.subtitle or "",
            published=a.published.isoformat() if a.published else "",
            modified=a.modified.isoformat() if a.modified else "",
            reporters="; ".join(r.name for r in a.reporters), emails="; ".join(a.emails),
            url=a.url or "", outlet=a.outlet or "", section=a.section or "", text=a.text,
        )
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_COLUMNS, restval="", lineterminator="\n").writerow(row)
    return buf.getvalue()


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

