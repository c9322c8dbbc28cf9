"""Lines rendered in the worker (what ``newsextract batch`` writes) equal the lines of the records."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_batch_fixtures import dump, page

from newsextract.batch import clean, clean_lines, mark_duplicates
from newsextract.batch.output import Line, line_failed, mark_line_duplicates, record_line, render_record
from newsextract.batch.work import Record


def _inputs(root: Path) -> Path:
    root.mkdir()
    (root / "a.html").write_bytes(page(1))
    (root / "b.html").write_bytes(page(1))  # an exact copy: flagged with --dedupe
    (root / "c.txt").write_bytes(dump(2))
    (root / "d.bin").write_bytes(b"\x00\x01\x02 not a page")
    return root


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("jobs", [0, 2])
def test_lines_equal_record_lines(tmp_path: Path, fmt: str, jobs: int) -> None:
    root = _inputs(tmp_path / "in")
    want = [record_line(r, fmt) for r in mark_duplicates(clean(root, jobs=0), {})]
    lines = list(clean_lines(root, fmt="csv" if fmt == "csv" else "jsonl", digest=True, jobs=jobs, timeout=30))
    got = [text for _line, text, _dup in mark_line_duplicates(lines, {}, fmt)]
    assert got == want
    assert [line.status for line in lines] == ["ok", "ok", "ok", "error"]
    assert [dup for _line, _text, dup in mark_line_duplicates(lines, {}, fmt)] == [False, True, False, False]


def test_no_digest_no_duplicates(tmp_path: Path) -> None:
    lines = list(clean_lines(_inputs(tmp_path / "in"), jobs=0))
    assert all(line.key is None for line in lines)
    assert not any(dup for _l, _t, dup in mark_line_duplicates(lines, {}, "jsonl"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_failed_line_and_duplicate_value_quoting(fmt: str) -> None:
    rec = Record.failed('x, "y"', "Timeout", "took longer than 1 s")
    line = line_failed(rec.source, "Timeout", "took longer than 1 s", fmt)
    assert isinstance(line, Line) and line.text == record_line(rec, fmt)
    first = 'first, "one"\n'
    ((_line, text, dup),) = mark_line_duplicates([render_record(rec, fmt, key="k")], {"k": first}, fmt)
    assert dup and text == record_line(replace(rec, duplicate_of=first), fmt)
