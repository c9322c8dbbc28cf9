"""Run :func:`~newsextract.batch.work.process_item` over many items in worker processes.

Order: records come out in input order (the order of :func:`~newsextract.batch.sources.iter_sources`).
At most ``window`` items are in flight (read, sent, or done and waiting for an earlier one), so memory
stays flat however large the input. Each worker has its own task pipe and result pipe, so the parent
knows which item every worker is on: a worker silent for longer than ``timeout`` on one item is killed
and replaced, that item becomes a ``Timeout`` error record and the rest of its queue is sent again. A
worker that dies (a crash in C code, the OOM killer) costs only the item it was on (``WorkerCrashed``).
Workers are forked from this process while it has a single thread (they start at once, with the
package already imported), else from a forkserver where there is one, else spawned.
:func:`run_lines` is what ``newsextract batch`` uses: workers send back the rendered output line
(:func:`~newsextract.batch.output.render_item`), so the main process unpickles and writes only strings.

The main process is kept cheap, since it shares the cores with the workers: items go out in chunks
(one pickle and one write per chunk; a folder's items are paths, read by the worker), each worker writes
every result to its pipe as soon as it has it (so a stuck item is always the one the parent blames), and
the parent reads whatever has arrived in one ``readv`` per wake-up and sleeps in ``poll`` until a result
or the next time-limit deadline: no helper threads and no polling loop. While every worker has queued
work to go on with, the parent lets results gather for up to ``_LINGER`` seconds before it wakes again
(a handful per wake-up rather than one); when the input runs out, queues shrink to keep the tail even.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing as mp
import os
import pickle
import select
import signal
import struct
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar

from .output import Line, line_failed, render_item
from .sources import Item
from .work import Record, WorkOptions, process_item

_READY = -1
_HEAD = struct.Struct("!Q")
"""A frame on a pipe: its length, then a pickle."""
_PIPE_SIZE = 1 << 20
"""Pipe buffer asked for (Linux; the default 64 KiB elsewhere): room for many lines while the parent sleeps."""
_READ_SIZE = 1 << 20
_LINGER = 0.015
"""Longest the parent waits for results to gather, when every worker has queued work beyond that."""
_QUEUED = 0.05
"""Seconds of work (estimated from each worker's pace) queued per worker, within the window."""
R = TypeVar("R")

ItemFunc = Callable[[Item, WorkOptions], R]
"""A per-item function: top-level (importable by name), pure, never raising (like :func:`process_item`)."""
FailFunc = Callable[[str, str, str], R]
"""Makes the result for an item that failed outside the function: ``(source, error type, message)``."""


def _frame(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEAD.pack(len(data)) + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int) -> bytes | None:
    """``n`` bytes from a blocking ``fd``; ``None`` at end of file."""
    parts = []
    while n:
        part = os.read(fd, min(n, _READ_SIZE))
        if not part:
            return None
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def _pipe_size(fd: int) -> int:
    """Grow the pipe behind ``fd`` (best effort) and return its size in bytes."""
    try:
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))
    except (ImportError, AttributeError, OSError):
        return 1 << 16


def _worker_main(
    tasks: Any, results: Any, options: WorkOptions, func: ItemFunc[Any], inherited: tuple[int, ...] = ()
) -> None:
    """Body of a worker process: clean the chunks it is given until it gets ``None`` or the parent dies.

    ``inherited``: the parent's ends of this worker's pipes and of the other workers', closed here (a
    forked worker holds copies), so that every pipe reaches end-of-file when the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    gc.freeze()  # what we inherited stays shared with the parent: the collector never touches it
    parent = mp.parent_process()
    tin, out = tasks.fileno(), results.fileno()
    poller = select.poll()
    poller.register(tin, select.POLLIN)
    try:
        _write_all(out, _frame((_READY, None)))
        while True:
            if not poller.poll(2000):
                if parent is not None and not parent.is_alive():
                    break  # the parent was killed: do not linger as an orphan
                continue
            head = _read_exact(tin, _HEAD.size)
            data = None if head is None else _read_exact(tin, _HEAD.unpack(head)[0])
            chunk = None if data is None else pickle.loads(data)
            if chunk is None:
                break  # stop, or the parent closed its end
            for seq, item in chunk:
                _write_all(out, _frame((seq, func(item, options))))  # at once: the parent tracks each item
    except OSError:
        return  # the parent is gone (its end of a pipe closed): stop quietly
    results.close()


@dataclass(eq=False)
class _Worker:
    proc: Any
    tasks: Any
    results: Any
    room: int
    """Bytes of tasks that may sit in the task pipe: a write within it never blocks."""
    pending: deque[tuple[int, Item]] = field(default_factory=deque)
    sent: deque[tuple[int, int]] = field(default_factory=deque)
    """``(last seq, frame bytes)`` of each chunk sent whose last item is not done: bytes maybe in the pipe."""
    buf: bytearray = field(default_factory=bytearray)
    """Result bytes read, not yet a whole frame."""
    ready: bool = False
    since: float = 0.0
    """When the worker started on ``pending[0]`` (its last result, or when it got work while idle)."""
    pace: float = 0.0
    """Seconds per item, a moving average (0 until its first results)."""

    def queued_bytes(self) -> int:
        return sum(n for _seq, n in self.sent)


class _Pool:
    def __init__(self, jobs: int, options: WorkOptions, func: ItemFunc[Any], ctx: Any) -> None:
        self.options = options
        self.func = func
        self.ctx = ctx
        self.poller = select.poll()
        self.by_fd: dict[int, _Worker] = {}
        self.scratch = bytearray(_READ_SIZE)
        self.woke = 0.0
        self.flowing = False
        """The last wake-up found results: worth letting the next ones gather."""
        self.workers: list[_Worker] = []
        for _ in range(jobs):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        tasks_r, tasks_w = self.ctx.Pipe(duplex=False)
        recv, send = self.ctx.Pipe(duplex=False)
        room = _pipe_size(tasks_w.fileno()) // 2  # half: a pipe's pages also hold partial writes
        _pipe_size(recv.fileno())
        inherited: tuple[int, ...] = ()
        if self.ctx.get_start_method() == "fork":  # the parent's ends, its own pipes' and the other workers'
            inherited = (tasks_w.fileno(), recv.fileno(), *(fd for w in self.workers if not w.tasks.closed
                                                             for fd in (w.tasks.fileno(), w.results.fileno())))
        proc = self.ctx.Process(target=_worker_main, args=(tasks_r, send, self.options, self.func, inherited),
                                daemon=True)
        proc.start()
        send.close()  # the child holds the only write end: EOF tells us it died
        tasks_r.close()  # and the only read end of its tasks: a write to a dead worker fails at once
        os.set_blocking(recv.fileno(), False)
        w = _Worker(proc=proc, tasks=tasks_w, results=recv, room=room)
        self.by_fd[recv.fileno()] = w
        self.poller.register(recv.fileno(), select.POLLIN)
        return w

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
        fd = w.results.fileno()
        if self.by_fd.pop(fd, None) is not None:
            self.poller.unregister(fd)
        w.tasks.close()
        w.results.close()

    def close(self) -> None:
        for w in self.workers:
            if w.proc.is_alive():
                os.set_blocking(w.tasks.fileno(), False)  # a full pipe: the worker is killed below
                with contextlib.suppress(OSError):
                    _write_all(w.tasks.fileno(), _frame(None))
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
    that failed before or outside ``func`` (unreadable source, timeout, crashed worker).

    Items go to a worker ``chunk_size`` at a time, at most ``2 * chunk_size`` queued per worker."""
    opts = options or WorkOptions()
    n = (os.cpu_count() or 1) if jobs is None else jobs
    if n > 0 and not hasattr(select, "poll"):  # Windows: no POSIX pipes to run the pool on
        warnings.warn(
            "newsextract batch: worker processes need POSIX pipes (select.poll); running in this process "
            "instead (no per-item time limit). Use newsextract.dask for parallel runs on this platform.",
            RuntimeWarning,
            stacklevel=2,
        )
        n = 0
    if n <= 0:
        return (fail(item.source, *item.error) if item.error is not None else func(item, opts) for item in items)
    return _run_pool(iter(items), n, timeout, opts, _Funcs(func, fail), max(1, chunk_size),
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
            _dispatch(pool, todo, done, chunk, 2 if exhausted else max(2 * chunk, window // (jobs + 1)), funcs.fail)
            while next_emit in done:
                yield done.pop(next_emit)
                next_emit += 1
            if exhausted and next_emit == next_seq:
                return
            _collect(pool, todo, done, timeout, funcs.fail)
    finally:
        pool.close()


def _context() -> Any:
    """Plain fork while this process has one thread (Linux; a fork is safe then: no lock can be held by
    another thread), else a forkserver where there is one (it imports newsextract once), else spawn.
    The pool itself needs POSIX pipes (``select.poll``, ``os.readv``): on Windows, use ``jobs=0``."""
    methods = mp.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["newsextract.batch.work", "newsextract.batch.output"])
        return ctx
    return mp.get_context("spawn")


def _threads() -> int:
    """Threads of this process, C ones included (Linux); 0 where that cannot be told (no plain fork there:
    on macOS, system libraries may hold threads of their own)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


def _dispatch(
    pool: _Pool, todo: deque[tuple[int, Item]], done: dict[int, R], chunk: int, cap: int, fail: FailFunc[R]
) -> None:
    """Top up the workers' queues, a chunk at a time in turn: ``_QUEUED`` seconds of work at each one's
    pace, at least ``2 * chunk`` and at most ``cap`` items, and only what fits in its task pipe (an idle
    worker takes any size: it is reading)."""
    open_ = list(pool.workers)
    while todo and open_:
        for w in list(open_):
            depth = min(cap, max(2 * chunk, math.ceil(_QUEUED / w.pace))) if w.pace > 0 else min(cap, 2 * chunk)
            step = min(chunk, depth - 1)
            if not todo or len(w.pending) > depth - step or not _send(pool, w, todo, done, step, fail):
                open_.remove(w)


def _send(
    pool: _Pool, w: _Worker, todo: deque[tuple[int, Item]], done: dict[int, R], n: int, fail: FailFunc[R]
) -> bool:
    """Send ``w`` the next ``n`` items; False when they do not fit in its pipe or it died."""
    batch = [todo.popleft() for _ in range(min(n, len(todo)))]
    data = _frame(batch)
    if w.pending and w.queued_bytes() + len(data) > w.room:
        todo.extendleft(reversed(batch))
        return False
    try:
        _write_all(w.tasks.fileno(), data)
    except OSError:  # it died: _drain finds out (EOF) and fails the item it was on, if any
        todo.extendleft(reversed(batch))
        _drain(pool, w, todo, done, fail)
        return False
    if not w.pending:
        w.since = time.monotonic()
    w.pending.extend(batch)
    w.sent.append((batch[-1][0], len(data)))
    return True


def _collect(
    pool: _Pool, todo: deque[tuple[int, Item]], done: dict[int, R], timeout: float | None, fail: FailFunc[R]
) -> None:
    """Sleep until a result arrives (or the next time-limit deadline), then take in all that arrived."""
    now = time.monotonic()
    wait_for = 1.0
    if timeout is not None:
        busy = [w.since + timeout - now for w in pool.workers if w.pending and w.ready]
        if busy:
            wait_for = max(0.0, min(busy))
    linger = min(pool.woke + _LINGER - now, wait_for)
    if pool.flowing and linger > 0 and all(w.ready and (len(w.pending) - 1) * w.pace > linger for w in pool.workers):
        time.sleep(linger)  # results are coming and every worker has work queued: let them gather
        wait_for = 0.0
    events = pool.poller.poll(wait_for * 1000 + 1 if wait_for else 0)
    pool.woke = time.monotonic()
    pool.flowing = bool(events)
    for fd, _event in events:
        w = pool.by_fd.get(fd)
        if w is not None:
            _drain(pool, w, todo, done, fail)
    if timeout is not None:
        now = time.monotonic()
        for w in list(pool.workers):
            if w.pending and w.ready and now - w.since > timeout:
                _drain(pool, w, todo, done, fail)  # a result may have arrived at the last moment
                if w.pending and time.monotonic() - w.since > timeout:
                    _fail_head(pool, w, todo, done, fail, "Timeout", f"took longer than {timeout:g} s; worker stopped")


def _drain(pool: _Pool, w: _Worker, todo: deque[tuple[int, Item]], done: dict[int, R], fail: FailFunc[R]) -> None:
    """Take in every whole result that has arrived from ``w``; a closed pipe means it died."""
    if all(x is not w for x in pool.workers):
        return  # already replaced
    fd = w.results.fileno()
    eof = False
    scratch = memoryview(pool.scratch)
    while True:
        try:
            n = os.readv(fd, [scratch])
        except BlockingIOError:
            break
        except OSError:
            eof = True
            break
        if not n:
            eof = True
            break
        w.buf += scratch[:n]
        if n < len(scratch):
            break
    got = 0
    pos = 0
    buf = w.buf
    while len(buf) - pos >= _HEAD.size:
        (size,) = _HEAD.unpack_from(buf, pos)
        end = pos + _HEAD.size + size
        if len(buf) < end:
            break
        seq, rec = pickle.loads(buf[pos + _HEAD.size:end])
        pos = end
        if seq == _READY:
            w.ready = True
            w.since = time.monotonic()
            continue
        head, _item = w.pending.popleft()
        assert head == seq, "worker answered out of order"
        done[seq] = rec
        got += 1
        while w.sent and w.sent[0][0] <= seq:
            w.sent.popleft()
    del buf[:pos]
    if got:
        now = time.monotonic()
        pace = (now - w.since) / got
        w.pace = pace if w.pace == 0 else 0.7 * w.pace + 0.3 * pace
        w.since = now
    if eof:
        if w.pending:
            _fail_head(pool, w, todo, done, fail, "WorkerCrashed", "the worker process died on this item")
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
