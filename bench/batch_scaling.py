"""Throughput of batch cleaning: in-process vs 1 and 2 worker processes.

    python bench/batch_scaling.py [--items 3000] [--jobs 0,1,2] [--repeat N] [--zip] [--records]

Pages: the dev corpus pages and dumps from ../shared when present (copied, repeated, into a temporary
folder), else invented pages like the tests'. Each item is written as a JSON line to a file the way the
``newsextract batch`` command does it (:func:`clean_lines`: the line is rendered in the worker, the main
process only writes it); ``--records`` measures instead :func:`clean` (a ``Record`` per item sent back)
with the line rendered in the main process. Rates are pages per second over the whole run (worker
start-up included) and in steady state (from the first record on), with the CPU time per page spent in
the main process (with workers: reading, ordering, writing) and by all processes together (machine-wide,
from /proc/stat, so other jobs count too), and the share of CPU time the hypervisor stole. With
``--repeat N`` every run is printed (each against the ``jobs=0`` run next to it in time), then the best
run of each setting. The load average is printed: the rates only mean something on an idle machine.
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

from newsextract.batch import clean, clean_lines
from newsextract.batch.output import SyncedWriter, record_line

Row = tuple[float, float, float, float, float]
"""pages/s over the run, pages/s in steady state, main-process CPU ms/page, all-process CPU ms/page, steal %."""
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


def _proc_stat() -> tuple[int, int, int]:
    """Machine-wide (busy, steal, all) CPU ticks from /proc/stat; zeros where there is none."""
    try:
        with open("/proc/stat") as fh:
            f = [int(x) for x in fh.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0, 0, 0
    user, nice, system, _idle, _iowait, irq, softirq, steal = f
    return user + nice + system + irq + softirq, steal, sum(f)


def run(path: Path, jobs: int, records: bool) -> tuple[Row, int]:
    cpu0 = time.process_time()
    stat0 = _proc_stat()
    t0 = time.perf_counter()
    first = None
    n = 0
    with open(path.parent / "out.jsonl", "wb") as fh:  # what `newsextract batch -o` does with each record
        writer = SyncedWriter(fh)
        lines = (record_line(rec, "jsonl") for rec in clean(path, jobs=jobs, timeout=120)) if records else (
            line.text for line in clean_lines(path, fmt="jsonl", jobs=jobs, timeout=120))
        for text in lines:
            writer.write(text)
            if first is None:
                first = time.perf_counter()
            n += 1
        writer.flush()
    end = time.perf_counter()
    stat1 = _proc_stat()
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    main_cpu = (time.process_time() - cpu0) / n * 1000
    all_cpu = (stat1[0] - stat0[0]) * tick_ms / n
    steal = 100 * (stat1[1] - stat0[1]) / max(1, stat1[2] - stat0[2])
    steady = (n - 1) / (end - first) if first is not None and end > first else 0.0
    return (n / (end - t0), steady, main_cpu, all_cpu, steal), n


def _table(settings: list[int], rows: dict[int, Row]) -> None:
    base = rows[settings[0]]
    print(f"{'jobs':>5s} {'pages/s':>9s} {'steady/s':>9s} {'speed-up':>9s} {'steady x':>9s} {'main CPU':>11s} "
          f"{'all CPU':>11s} {'steal':>6s}")
    for jobs in settings:
        rate, steady, main_cpu, all_cpu, steal = rows[jobs]
        print(f"{jobs:>5d} {rate:>9.1f} {steady:>9.1f} {rate / base[0]:>8.2f}x {steady / base[1]:>8.2f}x "
              f"{main_cpu:>8.2f} ms {all_cpu:>8.2f} ms {steal:>5.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--jobs", default="0,1,2")
    ap.add_argument("--repeat", type=int, default=1, help="runs per setting, interleaved; the best is kept")
    ap.add_argument("--zip", action="store_true", help="read the pages from one zip (the parent reads members)")
    ap.add_argument("--records", action="store_true", help="clean() + record_line in the main process instead")
    args = ap.parse_args()
    src = "dev corpus (../shared)" if SHARED.is_dir() else "invented pages"
    print(f"{args.items} items from {src}, {'one zip' if args.zip else 'a folder'}, "
          f"{'clean() records' if args.records else 'clean_lines() (the command)'}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="ne-bench-"))
    try:
        path = build(tmp, args.items, args.zip)
        settings = [int(j) for j in args.jobs.split(",")]
        best: dict[int, Row] = {}
        for r in range(args.repeat):
            rows: dict[int, Row] = {}
            for jobs in settings:
                row, n = run(path, jobs, args.records)
                assert n == args.items
                rows[jobs] = row
                if jobs not in best or row[0] > best[jobs][0]:
                    best[jobs] = row
            if args.repeat > 1:  # every run, against the jobs=0 run next to it in time
                print(f"run {r + 1} (load average {os.getloadavg()[0]:.2f})")
                _table(settings, rows)
        if args.repeat > 1:
            print("best run of each setting (by pages/s)")
        _table(settings, best)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
