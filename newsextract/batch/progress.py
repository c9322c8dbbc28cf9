"""A one-line progress display on stderr (no dependency): items, errors, rate and, when known, ETA."""

from __future__ import annotations

import time
from typing import TextIO


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    """Counts records; redraws one status line at most every ``every`` seconds when ``live``."""

    def __init__(self, out: TextIO, *, total: int | None, live: bool, every: float = 0.25) -> None:
        self.out = out
        self.total = total
        self.live = live
        self.every = every
        self.items = self.ok = self.errors = self.duplicates = 0
        self.start = time.monotonic()
        self._drawn = 0.0

    def add(self, ok: bool, duplicate: bool = False) -> None:
        self.items += 1
        if ok:
            self.ok += 1
        else:
            self.errors += 1
        self.duplicates += duplicate
        if self.live and time.monotonic() - self._drawn >= self.every:
            self.draw()

    def rate(self) -> float:
        return self.items / max(time.monotonic() - self.start, 1e-9)

    def draw(self) -> None:
        rate = self.rate()
        done = f"{self.items}/{self.total}" if self.total else f"{self.items}"
        eta = ""
        if self.total and rate > 0 and self.total >= self.items:
            eta = f"  ETA {_clock((self.total - self.items) / rate)}"
        self.out.write(f"\r{done} items  {self.errors} errors  {rate:.1f}/s{eta}   ")
        self.out.flush()
        self._drawn = time.monotonic()

    def summary(self, *, skipped: int = 0) -> str:
        secs = time.monotonic() - self.start
        extra = f", {self.duplicates} duplicates" if self.duplicates else ""
        resumed = f" ({skipped} already done)" if skipped else ""
        return (f"{self.items} items{resumed}: {self.ok} ok, {self.errors} errors{extra}; "
                f"{secs:.1f} s, {self.items / max(secs, 1e-9):.1f} pages/s")

    def close(self, *, skipped: int = 0) -> None:
        if self.live:
            self.draw()
            self.out.write("\n")
        self.out.write(f"newsextract batch: {self.summary(skipped=skipped)}\n")
        self.out.flush()
