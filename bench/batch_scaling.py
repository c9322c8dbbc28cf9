"""Throughput of batch cleaning: in-process vs 1 and 2 worker processes.

    python bench/batch_scaling.py [--items 3000] [--jobs 0,1,2] [--zip]

Pages: the dev corpus pages and dumps from ../shared when present (copied, repeated, into a temporary
folder), else invented pages like the tests'. Each record is written as a JSON line to a file, as the
``newsextract batch`` command does. Rates are pages per second over the whole run (worker
start-up included) and in steady state (from the first record on), with the CPU time per page spent in
the main process (with workers: reading, ordering, writing). The load average is printed: the rates only
mean something on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsextract.batch import clean
from newsextract.batch.output import SyncedWriter, record_line

CPU: dict[int, float] = {}
"""jobs -> CPU ms per page spent in this (the parent) process, in the last run."""
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def _invented(i: int) -> bytes:
    paras = "".join(f"<p>한빛시 {i}번 기사의 {j}번째 문단. 주민 {j * 13 + i}명이 모여 의견을 나눴다.</p>" for j in range(12))
    nav = "".join(f"<li><a href='/s/{k}'>메뉴 {k}</a></li>" for k in range(60))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>소식 {i}</title></head><body>"
            f"<ul>{nav}</ul><div id='article-body'><h1>소식 {i}</h1>{paras}</div></body></html>").encode()


def corpus() -> list[tuple[str, bytes]]:
    if SHARED.is_dir():
        files = sorted((SHARED / "pages").glob("*.html")) + sorted((SHARED / "dumps").glob("*.txt"))
        return [(f.name, f.read_bytes()) for f in files]
    return [(f"p{i}.html", _invented(i)) for i in range(50)]


def build(root: Path, n: int, as_zip: bool) -> Path:
    base = corpus()
    if as_zip:
        path = root / "pages.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for i in range(n):
                name, data = base[i % len(base)]
                zf.writestr(f"{i:06d}-{name}", data)
        return path
    folder = root / "pages"
    folder.mkdir()
    for i in range(n):
        name, data = base[i % len(base)]
        (folder / f"{i:06d}-{name}").write_bytes(data)
    return folder


def run(path: Path, jobs: int) -> tuple[float, float, int]:
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    first = None
    n = 0
    with open(path.parent / "out.jsonl", "wb") as fh:  # what `newsextract batch -o` does with each record
        writer = SyncedWriter(fh)
        for rec in clean(path, jobs=jobs, timeout=120):
            writer.write(record_line(rec, "jsonl"))
            if first is None:
                first = time.perf_counter()
            n += 1
        writer.flush()
    end = time.perf_counter()
    CPU[jobs] = (time.process_time() - cpu0) / n * 1000
    steady = (n - 1) / (end - first) if first is not None and end > first else 0.0
    return n / (end - t0), steady, n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--jobs", default="0,1,2")
    ap.add_argument("--repeat", type=int, default=1, help="runs per setting, interleaved; the best is kept")
    ap.add_argument("--zip", action="store_true", help="read the pages from one zip (the parent reads members)")
    args = ap.parse_args()
    src = "dev corpus (../shared)" if SHARED.is_dir() else "invented pages"
    print(f"{args.items} items from {src}, {'one zip' if args.zip else 'a folder'}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="ne-bench-"))
    try:
        path = build(tmp, args.items, args.zip)
        settings = [int(j) for j in args.jobs.split(",")]
        best: dict[int, tuple[float, float]] = {}
        for _ in range(args.repeat):
            for jobs in settings:
                rate, steady, n = run(path, jobs)
                assert n == args.items
                old = best.get(jobs, (0.0, 0.0))
                best[jobs] = (max(old[0], rate), max(old[1], steady))
        base = best[settings[0]]
        print(f"{'jobs':>5s} {'pages/s':>9s} {'steady/s':>9s} {'speed-up':>9s} {'steady x':>9s} {'main CPU':>11s}")
        for jobs in settings:
            rate, steady = best[jobs]
            print(f"{jobs:>5d} {rate:>9.1f} {steady:>9.1f} {rate / base[0]:>8.2f}x {steady / base[1]:>8.2f}x "
                  f"{CPU[jobs]:>8.2f} ms")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
