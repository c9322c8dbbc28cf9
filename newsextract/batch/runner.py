"""Run :func:`~newsextract.batch.work.process_item` over many items in worker processes.

Order: records come out in input order (the order of :func:`~newsextract.batch.sources.iter_sources`).
At most ``window`` items are in flight (read, sent, or done and waiting for an earlier one), so memory
stays flat however large the input. Each worker has its own task queue and result pipe, so the parent
knows which item every worker is on: a worker silent for longer than ``timeout`` on one item is killed
and replaced, that item becomes a ``Timeout`` error record and the rest of its queue is sent again. A
worker that dies (a crash in C code, the OOM killer) costs only the item it was on (``WorkerCrashed``).
Workers start from a forkserver where there is one (cheap to start and replace), else by spawn.
:func:`run_lines` is what ``newsextract batch`` uses: workers send back the rendered output line
(:func:`~newsextract.batch.output.render_item`), so the main process unpickles and writes only strings.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .output import Line, line_failed, render_item
from .sources import Item
from .work import Record, WorkOptions, process_item

_READY = -1
R = TypeVar("R")

ItemFunc = Callable[[Item, WorkOptions], R]
"""A per-item function: top-level (importable by name), pure, never raising (like :func:`process_item`)."""
FailFunc = Callable[[str, str, str], R]
"""Makes the result for an item that failed outside the function: ``(source, error type, message)``."""


def _worker_main(tasks: Any, results: Connection, options: WorkOptions, func: ItemFunc[Any]) -> None:
    """Body of a worker process: clean the chunks it is given until it gets ``None`` or the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    parent = mp.parent_process()
    try:
        results.send((_READY, None))
        while True:
            try:
                chunk = tasks.get(timeout=2.0)
            except queue.Empty:
                if parent is not None and not parent.is_alive():
                    break  # the parent was killed: do not linger as an orphan
                continue
            if chunk is None:
                break
            for seq, item in chunk:
                results.send((seq, func(item, options)))
    except (OSError, EOFError):
        return  # the parent is gone (its end of the pipe closed): stop quietly
    results.close()


@dataclass
class _Worker:
    proc: Any
    tasks: Any
    results: Connection
    pending: deque[tuple[int, Item]] = field(default_factory=deque)
    ready: bool = False
    since: float = 0.0
    """When the worker started on ``pending[0]`` (its last result, or when it got work while idle)."""


class _Pool:
    def __init__(self, jobs: int, options: WorkOptions, func: ItemFunc[Any], ctx: Any) -> None:
        self.options = options
        self.func = func
        self.ctx = ctx
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker:
        tasks = self.ctx.Queue()
        recv, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_worker_main, args=(tasks, send, self.options, self.func), daemon=True)
        proc.start()
        send.close()  # the child holds the only write end: EOF tells us it died
        return _Worker(proc=proc, tasks=tasks, results=recv)

    def replace(self, w: _Worker) -> _Worker:
        self._stop(w, kill=True)
        fresh = self._start()
        self.workers[self.workers.index(w)] = fresh
        return fresh

    def _stop(self, w: _Worker, *, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        if w.proc.is_alive():  # pragma: no cover - a worker deaf to a plain stop
            w.proc.kill()
            w.proc.join(timeout=5)
        w.tasks.cancel_join_thread()
        w.tasks.close()
        w.results.close()

    def close(self) -> None:
        for w in self.workers:
            if w.proc.is_alive():
                with contextlib.suppress(OSError, ValueError):  # a broken queue: killed below
                    w.tasks.put(None)
        deadline = time.monotonic() + 5
        for w in self.workers:
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            self._stop(w, kill=True)


def run_items(
    items: Iterable[Item],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    options: WorkOptions | None = None,
    chunk_size: int = 4,
    window: int | None = None,
    func: ItemFunc[Record] = process_item,
) -> Iterator[Record]:
    """Yield one :class:`Record` per item, in input order.

    ``jobs`` worker processes (default: the CPU count); ``jobs=0`` runs in this process (no time limit).
    ``timeout`` is the per-item limit in seconds (``None``: none). ``func`` replaces
    :func:`process_item` (it must be a top-level function, to reach spawned workers).
    """
    return run_func(items, func, Record.failed, jobs=jobs, timeout=timeout, options=options,
                    chunk_size=chunk_size, window=window)


def run_lines(
    items: Iterable[Item],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    options: WorkOptions | None = None,
) -> Iterator[Line]:
    """Like :func:`run_items`, but each item comes back as its output line (:func:`render_item`, run in
    the worker), so the main process only writes strings."""
    opts = options or WorkOptions()
    return run_func(items, render_item, partial(line_failed, fmt=opts.line_format), jobs=jobs,
                    timeout=timeout, options=opts)


def run_func(
    items: Iterable[Item],
    func: ItemFunc[R],
    fail: FailFunc[R],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    options: WorkOptions | None = None,
    chunk_size: int = 4,
    window: int | None = None,
) -> Iterator[R]:
    """One ``func(item, options)`` result per item, in input order; ``fail`` makes the results of items
    that failed before or outside ``func`` (unreadable source, timeout, crashed worker)."""
    opts = options or WorkOptions()
    n = (os.cpu_count() or 1) if jobs is None else jobs
    if n <= 0:
        return (fail(item.source, *item.error) if item.error is not None else func(item, opts) for item in items)
    return _run_pool(iter(items), n, timeout, opts, _Funcs(func, fail), chunk_size,
                     window or max(64, n * chunk_size * 8))


@dataclass(frozen=True)
class _Funcs(Generic[R]):
    func: ItemFunc[R]
    fail: FailFunc[R]


def _run_pool(
    items: Iterator[Item],
    jobs: int,
    timeout: float | None,
    opts: WorkOptions,
    funcs: _Funcs[R],
    chunk: int,
    window: int,
) -> Iterator[R]:
    pool = _Pool(jobs, opts, funcs.func, _context())
    todo: deque[tuple[int, Item]] = deque()
    done: dict[int, R] = {}
    next_seq = next_emit = 0
    exhausted = False
    try:
        while True:
            # read ahead, within the window
            while not exhausted and next_seq - next_emit < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                if item.error is not None:
                    done[next_seq] = funcs.fail(item.source, *item.error)
                else:
                    todo.append((next_seq, item))
                next_seq += 1
            _dispatch(pool, todo, chunk)
            while next_emit in done:
                yield done.pop(next_emit)
                next_emit += 1
            if exhausted and next_emit == next_seq:
                return
            _collect(pool, todo, done, timeout, funcs.fail)
    finally:
        pool.close()


def _context() -> Any:
    """Forkserver where there is one (workers fork from a server that has imported newsextract once:
    cheap to start and to replace), else spawn. Never plain fork: the parent may hold threads."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["newsextract.batch.work", "newsextract.batch.output"])
        return ctx
    return mp.get_context("spawn")


def _dispatch(pool: _Pool, todo: deque[tuple[int, Item]], chunk: int) -> None:
    for w in pool.workers:
        while todo and len(w.pending) < 2 * chunk:
            batch = [todo.popleft() for _ in range(min(chunk, len(todo)))]
            if not w.pending:
                w.since = time.monotonic()
            w.pending.extend(batch)
            w.tasks.put(batch)


def _collect(
    pool: _Pool, todo: deque[tuple[int, Item]], done: dict[int, R], timeout: float | None, fail: FailFunc[R]
) -> None:
    now = time.monotonic()
    wait_for = 1.0
    if timeout is not None:
        busy = [w.since + timeout - now for w in pool.workers if w.pending and w.ready]
        if busy:
            wait_for = max(0.0, min(busy))
    ready = wait([w.results for w in pool.workers], timeout=wait_for)
    for w in list(pool.workers):
        if w.results in ready:
            _drain(pool, w, todo, done, fail)
    if timeout is not None:
        now = time.monotonic()
        for w in list(pool.workers):
            if w.pending and w.ready and now - w.since > timeout:
                _drain(pool, w, todo, done, fail)  # a result may have arrived at the last moment
                if w.pending and time.monotonic() - w.since > timeout:
                    _fail_head(pool, w, todo, done, fail, "Timeout", f"took longer than {timeout:g} s; worker stopped")


def _drain(pool: _Pool, w: _Worker, todo: deque[tuple[int, Item]], done: dict[int, R], fail: FailFunc[R]) -> None:
    try:
        while w.results.poll():
            seq, rec = w.results.recv()
            if seq == _READY:
                w.ready = True
                w.since = time.monotonic()
                continue
            head, _item = w.pending.popleft()
            assert head == seq, "worker answered out of order"
            done[seq] = rec
            w.since = time.monotonic()
    except (EOFError, OSError):
        if w.pending:
            _fail_head(pool, w, todo, done, fail, "WorkerCrashed",
                       "the worker process died on this item")
        else:
            pool.replace(w)


def _fail_head(
    pool: _Pool, w: _Worker, todo: deque[tuple[int, Item]], done: dict[int, R], fail: FailFunc[R],
    kind: str, message: str,
) -> None:
    """Record the item the worker is stuck on as failed, replace the worker, queue its other items again."""
    seq, item = w.pending.popleft()
    done[seq] = fail(item.source, kind, message)
    todo.extendleft(reversed(w.pending))
    w.pending.clear()
    pool.replace(w)
