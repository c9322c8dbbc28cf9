"""Accuracy of the HTML door with CMS profiles on and off, and on pages whose markup names mean nothing.

Usage (from the project root)::

    python bench/accuracy.py ../shared/corpus/dev [--scorer ../shared/eval/score.py] [--per-page] [--only ID ...]

It imports the scorer's own functions (``load_corpus``, ``from_newsextract``, ``score_one``) so the figures
match ``score.py``. Three rows: profiles on; profiles off (``profiles=False``: the generic finder, which still
reads class names such as ``share`` or ``article_body``); and "scrambled": every ``class`` and ``id`` value
replaced by a hash of itself before extraction, so no profile, no class hint and no id is recognisable,
as on the page of a CMS nobody has seen. Only tag structure, text and metadata are left to go on.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import re
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

KEYS = (
    "body_f1",
    "body_p",
    "body_r",
    "title",
    "reporters",
    "emails",
    "published",
    "modified",
    "captions_f1",
    "leaks",
)


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its file."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_NAMES = re.compile(rb"""\b(class|id)\s*=\s*(["'])([^"'<>]*)\2""", re.I)


def scramble(data: bytes) -> bytes:
    """``data`` with every class and id value replaced by a hash of itself (same name, same hash)."""

    def one(value: bytes) -> bytes:
        return b"x" + hashlib.blake2b(value, digest_size=4).hexdigest().encode()

    def rep(m: re.Match[bytes]) -> bytes:
        words = m.group(3).split() if m.group(1).lower() == b"class" else [m.group(3)]
        return m.group(1) + b"=" + m.group(2) + b" ".join(one(w) for w in words) + m.group(2)

    return _NAMES.sub(rep, data)


def run(
    corpus: Path,
    scorer: ModuleType,
    *,
    profiles: bool,
    only: set[str] | None,
    gold: Path | None = None,
    scrambled: bool = False,
) -> list[tuple[str, dict[str, Any], float]]:
    """(page id, metrics, seconds) for every page of the corpus."""
    import newsextract

    rows = []
    for pid, truth, page, _dumps in scorer.load_corpus(corpus, only, gold):
        data = page.read_bytes()
        if scrambled:
            data = scramble(data)
        t0 = time.perf_counter()
        try:
            res = scorer.from_newsextract(newsextract.extract(data, profiles=profiles))
            err = None
        except Exception as exc:
            res, err = scorer.Result(), f"{type(exc).__name__}: {exc}"
        secs = time.perf_counter() - t0
        m = scorer.score_one(res, truth)
        if err:
            m["error"] = err
        rows.append((pid, m, secs))
    return rows


def summary_line(name: str, rows: list[tuple[str, dict[str, Any], float]]) -> str:
    cells = []
    for key in KEYS:
        vals = [m[key] for _, m, _ in rows if key in m]
        if not vals:
            cells.append(f"{'-':>11s}")
        elif key == "leaks":
            cells.append(f"{int(sum(vals)):>11d}")
        else:
            cells.append(f"{statistics.fmean(vals):>6.3f}({len(vals):>3d})")
    worst = min((m["body_f1"] for _, m, _ in rows), default=0.0)
    errors = sum(1 for _, m, _ in rows if "error" in m)
    secs = sum(s for *_, s in rows)
    return f"{name:14s} {len(rows):>5d} {errors:>4d} " + " ".join(cells) + f" {worst:>9.3f} {secs:>7.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--scorer", type=Path, default=Path("../shared/eval/score.py"))
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument(
        "--gold", type=Path, help="gold folder, if not <corpus>/gold (fixtures: tests/fixtures/expected)"
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path.cwd()))
    scorer = load_scorer(args.scorer)
    only = set(args.only) if args.only else None
    results = {
        flag: run(args.corpus, scorer, profiles=flag, only=only, gold=args.gold) for flag in (True, False)
    }
    scrambled = run(args.corpus, scorer, profiles=True, only=only, gold=args.gold, scrambled=True)
    if args.per_page:
        off = {pid: m for pid, m, _ in results[False]}
        for pid, m, _ in results[True]:
            print(f"{pid:16s} profiles on body_f1={m['body_f1']:.3f}  off body_f1={off[pid]['body_f1']:.3f}")
        print()
    print(
        f"{'profiles':14s} {'pages':>5s} {'err':>4s} "
        + " ".join(f"{k:>11s}" for k in KEYS)
        + f" {'min_body':>9s} {'secs':>7s}"
    )
    print(summary_line("on", results[True]))
    print(summary_line("off (generic)", results[False]))
    print(summary_line("scrambled", scrambled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
