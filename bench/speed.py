#!/usr/bin/env python3
"""Speed: newsextract vs trafilatura vs a bare lxml parse, on the same pages, in one process.

    python bench/speed.py                     # dev corpus pages from ../shared when present, else fixtures
    python bench/speed.py --pages DIR --rounds 5 --json out.json
    python bench/speed.py --dumps             # also time the text-dump door on ../shared dumps
    python bench/speed.py --profile           # where newsextract spends its time (cProfile, top 25)
    python bench/speed.py --stages --cpu      # each pipeline stage's share, timed inside real extract() runs

Every page is read into memory first; each tool then runs over all pages ``--rounds`` times after one
warm-up pass, and the best round counts (the least disturbed by the machine). trafilatura is timed with
``bare_extraction(data, with_metadata=True)`` (its metadata pass is the fair match for our fields); it is
not a dependency and is skipped when it cannot be imported. The bare parse is
``lxml.html.document_fromstring(data)`` on the same bytes: the floor any lxml-based extractor stands on.

Targets: newsextract >= 5x the pages/s of trafilatura, and <= 4x the time of the bare parse.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_PAGES = ROOT.parent / "shared" / "corpus" / "dev" / "pages"
SHARED_DUMPS = ROOT.parent / "shared" / "corpus" / "dev" / "dumps"
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"
TARGET_VS_TRAFILATURA = 5.0
TARGET_VS_PARSE = 4.0


def default_pages() -> Path:
    """The dev corpus when ../shared is there, else the project's own fixture pages."""
    return SHARED_PAGES if SHARED_PAGES.is_dir() else FIXTURE_PAGES


def read_pages(folder: Path, patterns: tuple[str, ...] = ("*.html", "*.htm")) -> list[bytes]:
    """Every page in ``folder`` as bytes, in name order."""
    files = sorted({p for pat in patterns for p in folder.glob(pat) if p.is_file()})
    return [p.read_bytes() for p in files]


CLOCK: Callable[[], float] = time.perf_counter
"""The clock ``time_tool`` reads: wall time, or with ``--cpu`` the process's CPU time (``time.process_time``),
which a busy machine (other jobs on the same cores) disturbs far less."""


def time_tool(fn: Callable[[Any], object], items: list[Any], rounds: int) -> tuple[float, int]:
    """Best total seconds over ``rounds`` passes (after a warm-up pass), and how many items raised."""
    failures = warm_up(fn, items)
    return min(one_pass(fn, items) for _ in range(rounds)), failures


def warm_up(fn: Callable[[Any], object], items: list[Any]) -> int:
    """One untimed pass (imports, caches, compiled patterns); how many items raised."""
    failures = 0
    for item in items:
        try:
            fn(item)
        except Exception:
            failures += 1
    return failures


def one_pass(fn: Callable[[Any], object], items: list[Any]) -> float:
    """Seconds for one pass of ``fn`` over ``items`` on :data:`CLOCK`."""
    gc.collect()
    start = CLOCK()
    for item in items:
        with contextlib.suppress(Exception):
            fn(item)
    return CLOCK() - start


def tools() -> dict[str, Callable[[bytes], object]]:
    """The tools to time: name -> callable on page bytes."""
    import lxml.html

    import newsextract

    out: dict[str, Callable[[bytes], object]] = {
        "newsextract": newsextract.extract,
        "lxml parse": lxml.html.document_fromstring,
    }
    try:
        from trafilatura import bare_extraction
    except ImportError:
        print("(trafilatura is not installed: skipped)", file=sys.stderr)
    else:
        out["trafilatura"] = lambda data: bare_extraction(data, with_metadata=True)
    return out


def run(pages: list[bytes], rounds: int) -> dict[str, Any]:
    """Time every tool on ``pages``; the result holds per-tool figures and the two target ratios.

    Rounds interleave the tools (each round runs every tool once, back to back), so a ratio taken within
    one round compares the tools under the same machine load; the report gives the best pass of each tool
    and the median and range of the per-round ratios (what a busy, shared machine still measures fairly).
    """
    size = sum(len(p) for p in pages)
    result: dict[str, Any] = {"pages": len(pages), "bytes": size, "rounds": rounds, "tools": {}}
    fns = tools()
    failures = {name: warm_up(fn, pages) for name, fn in fns.items()}
    passes: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            passes[name].append(one_pass(fn, pages))
    for name in fns:
        secs = min(passes[name])
        result["tools"][name] = {
            "seconds": secs,
            "pages_per_s": len(pages) / secs,
            "ms_per_page": 1000 * secs / len(pages),
            "mb_per_s": size / secs / 1e6,
            "failures": failures[name],
        }
    t = result["tools"]
    ours = t["newsextract"]["seconds"]
    if "trafilatura" in t:
        result["speedup_vs_trafilatura"] = t["trafilatura"]["seconds"] / ours
        result["speedup_rounds"] = [
            a / b for a, b in zip(passes["trafilatura"], passes["newsextract"], strict=True)
        ]
    result["times_bare_parse"] = ours / t["lxml parse"]["seconds"]
    result["parse_rounds"] = [a / b for a, b in zip(passes["newsextract"], passes["lxml parse"], strict=True)]
    return result


def import_ms(runs: int = 5) -> float:
    """Milliseconds ``import newsextract`` adds to a fresh interpreter (best of ``runs``)."""
    import subprocess

    def best(code: str) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    return 1000 * (best("import newsextract") - best("pass"))


def run_dumps(folder: Path, rounds: int) -> dict[str, Any]:
    """Time the text-dump door on every dump in ``folder`` (no other tool reads dumps)."""
    import newsextract

    dumps = read_pages(folder, ("*.txt",))
    secs, failures = time_tool(newsextract.extract, dumps, rounds)
    return {
        "dumps": len(dumps),
        "bytes": sum(len(d) for d in dumps),
        "pages_per_s": len(dumps) / secs,
        "ms_per_page": 1000 * secs / len(dumps),
        "failures": failures,
    }


def report(result: dict[str, Any], source: Path) -> str:
    """The figures as a small markdown table, with the targets checked."""
    lines = [
        f"pages: {result['pages']} from {source} ({result['bytes'] / 1e6:.1f} MB), best of {result['rounds']} "
        f"rounds ({result.get('clock', 'wall time')}), Python {platform.python_version()} on {platform.machine()}",
        "",
        "| tool | pages/s | ms/page | MB/s | failures |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, t in result["tools"].items():
        lines.append(
            f"| {name} | {t['pages_per_s']:.1f} | {t['ms_per_page']:.2f} | {t['mb_per_s']:.1f} | {t['failures']} |"
        )
    lines.append("")
    if "speedup_vs_trafilatura" in result:
        x = result["speedup_vs_trafilatura"]
        ok = "meets" if x >= TARGET_VS_TRAFILATURA else "MISSES"
        lines.append(
            f"newsextract vs trafilatura: {x:.2f}x as fast ({ok} the >= {TARGET_VS_TRAFILATURA:g}x target)"
        )
    y = result["times_bare_parse"]
    ok = "meets" if y <= TARGET_VS_PARSE else "MISSES"
    lines.append(
        f"newsextract vs bare lxml parse: {y:.2f}x its time ({ok} the <= {TARGET_VS_PARSE:g}x target)"
    )
    for key, what in (
        ("speedup_rounds", "x trafilatura's speed"),
        ("parse_rounds", "x the bare parse's time"),
    ):
        if key in result:
            r = sorted(result[key])
            lines.append(
                f"  per round (tools interleaved): median {statistics.median(r):.2f}{what}, "
                f"range {r[0]:.2f}-{r[-1]:.2f} over {len(r)} rounds"
            )
    if "import_ms" in result:
        lines.append(f"import newsextract: {result['import_ms']:.0f} ms in a fresh interpreter")
    if "text_dumps" in result:
        d = result["text_dumps"]
        lines.append(
            f"text dumps: {d['dumps']} dumps ({d['bytes'] / 1e6:.1f} MB), {d['pages_per_s']:.1f} dumps/s, "
            f"{d['ms_per_page']:.2f} ms/dump, {d['failures']} failures"
        )
    return "\n".join(lines)


def profile(pages: list[bytes], top: int = 25) -> None:
    """Print the functions newsextract spends the most time in (cumulative and own time)."""
    import cProfile
    import pstats

    import newsextract

    for page in pages:  # warm-up outside the profile
        newsextract.extract(page)
    prof = cProfile.Profile()
    prof.enable()
    for page in pages:
        newsextract.extract(page)
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


STAGES = (
    ("decode", "newsextract.pipeline", "load_source"),
    ("parse", "newsextract.pipeline", "parse_html"),
    ("door (all)", "newsextract.pipeline", "html_blocks"),
    ("  walk", "newsextract.html.door", "walk_tree"),
    ("  metadata", "newsextract.html.door", "page_hints"),
    ("classify", "newsextract.pipeline", "classify"),
    ("fields", "newsextract.pipeline", "build_article"),
)
"""(label, module, name): the stage functions :func:`stages` times, as the pipeline calls them."""


def stages(pages: list[bytes], rounds: int) -> str:
    """Each stage's CPU per page inside real ``extract`` runs, in ms and in bare-parse units.

    Timing a stage alone flatters it (its code and data stay hot in the caches); here every stage is
    timed where the pipeline calls it, by wrapping the names it calls, and the best round counts.
    """
    import importlib

    import lxml.html

    import newsextract

    spent: dict[str, float] = {}
    saved: list[tuple[Any, str, Any]] = []

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        return wrapper

    for label, module, name in STAGES:
        mod = importlib.import_module(module)
        saved.append((mod, name, getattr(mod, name)))
        setattr(mod, name, timed(label, getattr(mod, name)))
    try:
        warm_up(newsextract.extract, pages)
        best: tuple[float, dict[str, float]] | None = None
        bare = float("inf")
        for _ in range(rounds):
            spent.clear()
            total = one_pass(newsextract.extract, pages)
            if best is None or total < best[0]:
                best = (total, dict(spent))
            bare = min(bare, one_pass(lxml.html.document_fromstring, pages))
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
    assert best is not None
    n = len(pages)
    unit = 1000 * bare / n
    lines = [
        f"stages inside extract(), best of {rounds} rounds; unit = one bare lxml parse ({unit:.3f} ms/page)",
        "",
        "| stage | ms/page | units |",
        "|---|---:|---:|",
    ]
    rows = [(label, best[1].get(label, 0.0)) for label, _, _ in STAGES]
    rows.append(("rest (wiring, records)", best[0] - sum(v for k, v in rows if not k.startswith(" "))))
    rows.append(("total", best[0]))
    for label, secs in rows:
        ms = 1000 * secs / n
        lines.append(f"| {label} | {ms:.3f} | {ms / unit:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=None, help="folder of .html pages (default: see above)")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes per tool; the best counts")
    ap.add_argument(
        "--dumps", nargs="?", type=Path, const=SHARED_DUMPS, default=None, help="also time text dumps"
    )
    ap.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    ap.add_argument("--profile", action="store_true", help="profile newsextract on the pages instead")
    ap.add_argument("--stages", action="store_true", help="time each pipeline stage inside extract() instead")
    ap.add_argument(
        "--cpu", action="store_true", help="time with the process's CPU clock (steadier on a busy machine)"
    )
    args = ap.parse_args(argv)
    global CLOCK
    if args.cpu:
        CLOCK = time.process_time
    folder = args.pages or default_pages()
    pages = read_pages(folder)
    if not pages:
        print(f"no .html pages in {folder}", file=sys.stderr)
        return 2
    if args.profile:
        profile(pages)
        return 0
    if args.stages:
        print(stages(pages, max(1, args.rounds)))
        return 0
    result = run(pages, max(1, args.rounds))
    result["clock"] = "process CPU time" if args.cpu else "wall time"
    result["import_ms"] = import_ms()
    if args.dumps is not None and args.dumps.is_dir():
        result["text_dumps"] = run_dumps(args.dumps, max(1, args.rounds))
    print(report(result, folder))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
