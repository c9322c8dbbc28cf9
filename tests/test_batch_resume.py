"""``--resume``: a run killed at any moment (kill -9 included) completes with no item lost or repeated."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch_fixtures import dump, make_zip, page

from newsextract.batch import iter_sources
from newsextract.batch.cli import main as batch_main
from newsextract.batch.output import CSV_COLUMNS, scan_done


def _inputs(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"{i:04d}.{'html' if i % 2 else 'txt'}").write_bytes(page(i) if i % 2 else dump(i))
    make_zip(root / "zz.zip", {f"m{i}.html": page(1000 + i) for i in range(20)})
    (root / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    return root


def _run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsextract.cli", "batch", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, like a machine that loses power
    proc.wait(timeout=30)


def _check_complete(out: Path, expected: list[str]) -> None:
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    sources = [json.loads(line)["source"] for line in raw.decode("utf-8").splitlines()]
    assert sorted(sources) == sorted(expected)
    assert len(sources) == len(set(sources))


def test_kill_9_then_resume_completes_exactly_once(tmp_path: Path) -> None:
    root = _inputs(tmp_path / "in", 600)
    expected = [it.source for it in iter_sources(root)]
    out = tmp_path / "out.jsonl"
    args = [str(root), "-o", str(out), "--jobs", "1", "--quiet"]
    # 1: killed once the first lines are on disk
    proc = _run(args)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    _kill(proc)
    first = out.read_bytes().count(b"\n")
    assert first < len(expected), "the run finished before it could be killed"
    # 2: resumed, and killed again after a moment (possibly before it wrote anything)
    proc = _run([*args, "--resume"])
    time.sleep(1.0)
    _kill(proc)
    # 3: resumed to the end
    proc = _run([*args, "--resume"])
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    _check_complete(out, expected)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_partial_last_line_is_cut_and_redone(tmp_path: Path, fmt: str) -> None:
    root = _inputs(tmp_path / "in", 12)
    expected = [it.source for it in iter_sources(root)]
    out = tmp_path / f"out.{fmt}"
    assert batch_main([str(root), "-o", str(out), "--jobs", "0", "--quiet"]) == 0
    full = out.read_bytes()
    # cut in the middle of a record: once inside the first record after the header, once near the end
    for cut in (full.index(b"\n") + 15, len(full) - 40):
        out.write_bytes(full[:cut])
        state = scan_done(out, fmt)
        assert state.truncated > 0
        assert out.read_bytes().endswith(b"\n") or out.stat().st_size == 0
        assert batch_main([str(root), "-o", str(out), "--jobs", "0", "--quiet", "--resume"]) == 0
        if fmt == "jsonl":
            _check_complete(out, expected)
        else:
            with open(out, newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            assert tuple(rows[0]) == CSV_COLUMNS
            sources = [r[0] for r in rows[1:]]
            assert sorted(sources) == sorted(expected) and len(set(sources)) == len(sources)


def test_resume_keeps_duplicate_marks_consistent(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a", "b", "c", "d"):
        (root / f"{name}.html").write_bytes(page(1))
    out = tmp_path / "out.jsonl"
    assert batch_main([str(root), "-o", str(out), "--jobs", "0", "--quiet", "--dedupe"]) == 0
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]))
    assert batch_main([str(root), "-o", str(out), "--jobs", "0", "--quiet", "--dedupe", "--resume"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("duplicate_of") for r in recs] == [None] + [str(root / "a.html")] * 3
