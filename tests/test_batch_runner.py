"""The worker pool itself: how workers start, big items, crashes and time limits in either start method,
and workers that stop when the parent is killed."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from test_batch_fixtures import dump, page, slow_or_crash

from newsextract.batch import Item, Record, WorkOptions, process_item, runner
from newsextract.batch.runner import run_items

METHODS = [m for m in ("fork", "forkserver") if m in mp.get_all_start_methods()]




def _force(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["newsextract.batch.work", "newsextract.batch.output"])
    monkeypatch.setattr(runner, "_context", lambda: ctx)


def test_fork_only_while_single_threaded() -> None:
    if "fork" not in mp.get_all_start_methods() or not os.path.isdir("/proc/self/task"):
        assert runner._context().get_start_method() != "fork"  # never fork where threads cannot be counted
        return
    if runner._threads() == 1:
        assert runner._context().get_start_method() == "fork"
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert runner._threads() >= 2
        assert runner._context().get_start_method() != "fork"
    finally:
        stop.set()
        t.join()


@pytest.mark.parametrize("method", METHODS)
def test_timeout_and_crash_in_either_start_method(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _force(monkeypatch, method)
    names = ["a", "hang", "b", "c", "crash", "d", "e", "f", "g", "h"]
    items = [Item(source=f"mem!{n}", data=dump(i)) for i, n in enumerate(names)]
    recs = list(run_items(items, jobs=2, timeout=2.0, func=slow_or_crash, chunk_size=2))
    assert [r.source for r in recs] == [it.source for it in items]
    kinds = {r.source.split("!")[1]: (r.status, r.error_type) for r in recs}
    assert kinds.pop("hang") == ("error", "Timeout")
    assert kinds.pop("crash") == ("error", "WorkerCrashed")
    assert set(kinds.values()) == {("ok", None)}


def test_items_larger_than_a_pipe_keep_their_order() -> None:
    filler = "<p>" + "가" * 50_000 + "</p>"  # ~150 KB per page: a few of them fill any pipe buffer
    big = [page(i).replace(b"</body>", filler.encode() + b"</body>") for i in range(3)]
    items = [Item(source=f"mem!{i}", data=big[i % 3] if i % 4 == 0 else page(i)) for i in range(40)]
    recs = list(run_items(items, jobs=2, timeout=60))
    assert [r.source for r in recs] == [it.source for it in items]
    assert all(r.status == "ok" for r in recs)


def test_many_small_items_in_order_with_errors_between() -> None:
    items: list[Item] = []
    for i in range(300):
        if i % 50 == 7:
            items.append(Item(source=f"mem!{i}", error=("SourceReadError", "cannot read")))
        else:
            items.append(Item(source=f"mem!{i}", data=dump(i) if i % 2 else page(i)))
    recs = list(run_items(items, jobs=2, timeout=60, chunk_size=3))
    assert [r.source for r in recs] == [it.source for it in items]
    assert [r.error_type for r in recs if r.status == "error"] == ["SourceReadError"] * 6


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def slowish(item: Item, options: WorkOptions) -> Record:
    time.sleep(0.2)
    return process_item(item, options)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs /proc")
def test_workers_stop_when_the_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_batch_runner import slowish
        from newsextract.batch import Item
        from newsextract.batch.runner import run_items
        items = [Item(source=f"mem!{{i}}", data=b"<p>x</p>") for i in range(8)]
        for rec in run_items(items, jobs=2, timeout=300, func=slowish):
            print("first", flush=True)
            time.sleep(600)  # stalled, then killed: the workers finish their queues and must not linger
    """))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, start_new_session=True)
    workers: list[int] = []
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"first"
        workers = _children(proc.pid)
        assert len(workers) == 2, workers
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its group
        proc.wait(timeout=10)
        deadline = time.monotonic() + 20
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_without_posix_poll_the_batch_runs_in_process_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import select

    monkeypatch.delattr(select, "poll")  # as on Windows
    items = [Item(source=f"p{i}.html", data=page(i)) for i in range(3)] + [Item(source="d.txt", data=dump(9))]
    with pytest.warns(RuntimeWarning, match="POSIX"):
        got = list(run_items(items, jobs=2, timeout=30))
    assert [r.source for r in got] == [it.source for it in items]
    assert all(r.status == "ok" for r in got)
