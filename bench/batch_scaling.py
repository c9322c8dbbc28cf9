"""Throughput of batch cleaning: one process vs N worker processes, in interleaved pairs.

    python bench/batch_scaling.py [--items 3000] [--jobs 2] [--pairs 5] [--zip] [--records]

Pages: the dev corpus pages and dumps from ../shared when present (copied, repeated, into a temporary
folder), else invented pages like the tests'. Each run is what ``newsextract batch -o OUT.jsonl`` does
(:func:`clean_lines`: lines rendered in the workers, written by the main process in fsync'ed batches);
``--records`` measures instead :func:`clean` (a ``Record`` per item sent back) with the line rendered in
the main process. ``--zip`` reads the items from one zip (the main process reads the members).

Every run is a fresh interpreter (like the command: cold caches for both settings, no state carried
from one run to the next), timed from the call of :func:`clean_lines` to the last line written and the
workers stopped. The runs come in pairs, ``jobs=0`` (the work done in the main process itself) and
``jobs=N`` next to each other in time, in alternating order, so that a slow spell of the machine hits
both; every pair's ratio is printed, then the median and the minimum. Whole run: items / wall time
(worker start-up and the tail included). Steady state: the items from the 10 % to the 90 % mark over
the time between. CPU columns: ms per item spent by the main process and by the workers; ``steal`` is
the share of the machine's CPU time the hypervisor took, ``other`` the share that other processes on
this machine used during the run (both from /proc/stat). A pair where either run saw more than
``--max-other`` percent of either is marked ``busy`` (it measured the neighbours, not the code) and
run again, up to ``--tries`` pairs in all; before each pair the benchmark waits (up to ``--patience``
seconds) for a quiet second. Every pair is printed; the summary gives the quiet pairs and all pairs apart.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "corpus" / "dev"


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


def _wait_quiet(limit: float, patience: float = 60.0) -> float:
    """Wait until a second passes with other processes using at most ``limit`` % of the machine (or
    ``patience`` runs out); return the last second's busy share."""
    deadline = time.monotonic() + patience
    while True:
        a = _proc_stat()
        time.sleep(1.0)
        b = _proc_stat()
        busy = 100 * (b[0] - a[0] + b[1] - a[1]) / max(1, b[2] - a[2])
        if busy <= limit or time.monotonic() > deadline:
            return busy
        time.sleep(2.0)


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its workers: its waited-for children (forked workers), plus
    a forkserver's own time and its children's (workers started from one are not ours to wait for)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    server = 0.0
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            server = sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
        except (OSError, ValueError):
            pass
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime + server


def child(path: Path, jobs: int, records: bool) -> dict[str, float]:
    """One timed run, in this (fresh) process."""
    from newsextract.batch import clean, clean_lines
    from newsextract.batch.output import SyncedWriter, record_line

    stamps: list[float] = []
    cpu0, stat0 = _cpu(), _proc_stat()
    t0 = time.perf_counter()
    with open(path.parent / f"out-{os.getpid()}.jsonl", "wb") as fh:  # what `newsextract batch -o` does
        writer = SyncedWriter(fh)
        lines = (record_line(rec, "jsonl") for rec in clean(path, jobs=jobs, timeout=120)) if records else (
            line.text for line in clean_lines(path, fmt="jsonl", jobs=jobs, timeout=120))
        for text in lines:
            writer.write(text)
            stamps.append(time.perf_counter())
        writer.flush()
    end = time.perf_counter()
    cpu1, stat1 = _cpu(), _proc_stat()
    os.remove(path.parent / f"out-{os.getpid()}.jsonl")
    n = len(stamps)
    lo, hi = n // 10, n - n // 10 - 1
    tick = os.sysconf("SC_CLK_TCK")
    machine = (stat1[2] - stat0[2]) / tick
    ours = (cpu1[0] - cpu0[0]) + (cpu1[1] - cpu0[1])
    return {
        "n": n, "wall": end - t0, "rate": n / (end - t0),
        "steady": (hi - lo) / (stamps[hi] - stamps[lo]) if hi > lo else 0.0,
        "main_ms": 1000 * (cpu1[0] - cpu0[0]) / n, "workers_ms": 1000 * (cpu1[1] - cpu0[1]) / n,
        "steal": 100 * (stat1[1] - stat0[1]) / max(1, stat1[2] - stat0[2]),
        "other": 100 * max(0.0, (stat1[0] - stat0[0]) / tick - ours) / machine if machine > 0 else 0.0,
    }


def run(path: Path, jobs: int, records: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(path), "--jobs", str(jobs)] + (["--records"] if records else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def _row(label: str, r: dict[str, float]) -> str:
    return (f"{label:>8s} {r['rate']:>8.1f} {r['steady']:>8.1f} {r['main_ms']:>8.2f} {r['workers_ms']:>8.2f} "
            f"{r['steal']:>5.1f}% {r['other']:>5.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes, measured against jobs=0")
    ap.add_argument("--pairs", type=int, default=5, help="quiet interleaved (jobs=0, jobs=N) pairs wanted")
    ap.add_argument("--tries", type=int, default=0, help="pairs run at most (default: 3 x --pairs)")
    ap.add_argument("--max-other", type=float, default=2.0,
                    help="a pair where other processes or the hypervisor took more than this %% is busy")
    ap.add_argument("--patience", type=float, default=120.0, help="seconds to wait for a quiet machine per pair")
    ap.add_argument("--zip", action="store_true", help="read the pages from one zip (the parent reads members)")
    ap.add_argument("--records", action="store_true", help="clean() + record_line in the main process instead")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child), args.jobs, args.records)))
        return 0
    src = "dev corpus (../shared)" if SHARED.is_dir() else "invented pages"
    print(f"{args.items} items from {src}, {'one zip' if args.zip else 'a folder'}, "
          f"{'clean() records' if args.records else 'clean_lines() (the command)'}; jobs=0 vs jobs={args.jobs}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="ne-bench-"))
    pairs: list[tuple[float, float, bool]] = []
    """(whole-run ratio, steady-state ratio, quiet) of every pair run."""
    tries = args.tries or 3 * args.pairs
    try:
        path = build(tmp, args.items, args.zip)
        print(f"{'pair':>4s} {'jobs':>8s} {'pages/s':>8s} {'steady/s':>8s} {'main ms':>8s} {'work ms':>8s} "
              f"{'steal':>6s} {'other':>6s}   whole x  steady x")
        while len(pairs) < tries and sum(q for _w, _s, q in pairs) < args.pairs:
            _wait_quiet(args.max_other, args.patience)
            order = (0, args.jobs) if len(pairs) % 2 == 0 else (args.jobs, 0)
            res = {}
            for jobs in order:
                res[jobs] = run(path, jobs, args.records)
                assert res[jobs]["n"] == args.items, res[jobs]
            one, many = res[0], res[args.jobs]
            quiet = all(r["other"] <= args.max_other and r["steal"] <= args.max_other for r in (one, many))
            pairs.append((many["rate"] / one["rate"], many["steady"] / one["steady"], quiet))
            print(f"{len(pairs):>4d} {_row('0', one)}")
            print(f"{'':>4s} {_row(str(args.jobs), many)}   {pairs[-1][0]:>6.2f}x {pairs[-1][1]:>7.2f}x"
                  f"{'' if quiet else '  busy'}")
        for label, chosen in (("quiet pairs", [p for p in pairs if p[2]]), ("all pairs", pairs)):
            if chosen:
                whole, steady = [p[0] for p in chosen], [p[1] for p in chosen]
                print(f"{label} ({len(chosen)}): whole run median {statistics.median(whole):.2f}x, "
                      f"min {min(whole):.2f}x, max {max(whole):.2f}x; steady state median "
                      f"{statistics.median(steady):.2f}x, min {min(steady):.2f}x")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
