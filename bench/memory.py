#!/usr/bin/env python3
"""Memory: peak RSS and peak Python allocations (tracemalloc) of one extract() call, per page size.

    python bench/memory.py                    # real pages (smallest, median, largest) + synthetic pages
    python bench/memory.py --sizes 1,4,16,64  # synthetic page sizes in MB
    python bench/memory.py --pages DIR --json out.json

Each measurement runs in a fresh child process, so one page's high-water mark does not hide another's.
The child reads the page, imports newsextract, notes its RSS, runs ``extract`` once (the RSS growth is the
peak resident memory the call added, lxml's C tree included), then runs it again under tracemalloc (the
peak of Python-level allocations; libxml2's own memory is not seen by tracemalloc).

Real pages come from ../shared/corpus/dev/pages when present, else tests/fixtures/pages. Synthetic pages
are generated: an NDSoft-shaped article page with invented paragraphs, repeated up to the size asked.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_PAGES = ROOT.parent / "shared" / "corpus" / "dev" / "pages"
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"

_PARAGRAPH = (
    "<p>한빛시는 문을 닫은 옛 초등학교 건물을 고쳐 청년 창업마을로 꾸미고 다음 달 문을 연다고 밝혔다. "
    "시는 지난해부터 교실과 강당을 공유 작업실과 숙소로 바꿨다. 입주 청년은 최대 2년 동안 공간을 쓸 수 있다.</p>\n"
)
_HEAD = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>한빛시, 폐교 활용한 청년 창업마을 문 연다 - 한빛일보</title>
<meta property="og:title" content="한빛시, 폐교 활용한 청년 창업마을 문 연다"></head><body>
<header><nav><ul><li><a href="/">홈</a></li><li><a href="/s1">정치</a></li><li><a href="/s2">경제</a></li></ul></nav></header>
<div class="article-head-title">한빛시, 폐교 활용한 청년 창업마을 문 연다</div>
<ul class="infomation"><li>박하늘 기자</li><li>승인 2024.03.12 10:25</li></ul>
<article id="article-view-content-div">
"""
_TAIL = """<p>박하늘 기자 sky.park@example.kr</p></article>
<footer><p>저작권자 © 한빛일보 무단전재 및 재배포 금지</p></footer></body></html>
"""


def synthetic_page(megabytes: float) -> bytes:
    """An invented article page of about ``megabytes`` MB (the body repeated)."""
    head, para, tail = (x.encode("utf-8") for x in (_HEAD, _PARAGRAPH, _TAIL))
    count = max(1, int((megabytes * 1_000_000 - len(head) - len(tail)) / len(para)))
    return head + para * count + tail


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(path: Path) -> dict[str, Any]:
    """Measure one extract() of ``path`` (run in a fresh process)."""
    data = path.read_bytes()
    import newsextract

    newsextract.extract(synthetic_page(0.01))  # imports and compiled patterns, outside the measure
    base = _rss_mb()
    start = time.perf_counter()
    newsextract.extract(data)
    seconds = time.perf_counter() - start
    peak = _rss_mb()
    tracemalloc.start()
    newsextract.extract(data)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "bytes": len(data),
        "seconds": seconds,
        "rss_base_mb": base,
        "rss_peak_mb": peak,
        "rss_growth_mb": peak - base,
        "tracemalloc_peak_mb": traced / 1e6,
    }


def measure(path: Path, name: str) -> dict[str, Any]:
    """Run :func:`child` on ``path`` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:]}
    out: dict[str, Any] = json.loads(done.stdout)
    out["name"] = name
    return out


def real_pages(folder: Path) -> list[Path]:
    """The smallest, median and largest page of ``folder``."""
    pages = sorted((p for p in folder.glob("*.htm*") if p.is_file()), key=lambda p: p.stat().st_size)
    if not pages:
        return []
    picks = [pages[0], pages[len(pages) // 2], pages[-1]]
    return list(dict.fromkeys(picks))


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| page | size | time | RSS growth | peak RSS | tracemalloc peak | peak / size |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['name']} | – | failed: {r['error']} | | | | |")
            continue
        mb = r["bytes"] / 1e6
        ratio = r["tracemalloc_peak_mb"] / mb if mb else 0.0
        lines.append(
            f"| {r['name']} | {_size(r['bytes'])} | {r['seconds'] * 1000:.0f} ms | {r['rss_growth_mb']:.1f} MB | "
            f"{r['rss_peak_mb']:.0f} MB | {r['tracemalloc_peak_mb']:.1f} MB | {ratio:.1f}x |"
        )
    return "\n".join(lines)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=None, help="folder of real pages (default: see above)")
    ap.add_argument("--sizes", default="1,4,16", help="synthetic page sizes in MB, comma-separated")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    folder = args.pages or (SHARED_PAGES if SHARED_PAGES.is_dir() else FIXTURE_PAGES)
    rows = [measure(p, p.name) for p in real_pages(folder)]
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(x) for x in args.sizes.split(",") if x.strip()):
            path = Path(tmp) / f"synthetic-{size:g}mb.html"
            path.write_bytes(synthetic_page(size))
            rows.append(measure(path, f"synthetic {size:g} MB"))
    print(f"pages from {folder}; each row is a fresh process\n")
    print(report(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
