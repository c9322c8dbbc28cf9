#!/usr/bin/env python3
"""Clean a folder of saved pages into JSON Lines with the Python API.

    python examples/clean_folder.py PAGES_DIR [OUT.jsonl] [--jobs N]

Two ways, both giving one record per page:

- ``simple``: a plain loop over the files with :func:`newsextract.extract` (one process, any error kept
  as a record). Enough for a few thousand pages.
- ``batch``: :func:`newsextract.batch.clean`, the engine behind ``newsextract batch``: worker processes,
  a time limit per page, archives (zip, tar, WARC, JSON Lines) as well as folders, records in input order.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsextract
from newsextract.batch import clean


def simple(folder: Path) -> Iterator[dict[str, Any]]:
    """One JSON-ready dict per file of ``folder`` (sorted), with newsextract.extract."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            article = newsextract.extract(path)
        except newsextract.NewsExtractError as exc:  # every error newsextract raises is one of these
            yield {
                "source": str(path),
                "status": "error",
                "error": {"type": type(exc).__name__, "message": str(exc)},
            }
        else:
            yield {"source": str(path), "status": "ok", "article": article.to_dict()}


def batch(folder: Path, jobs: int) -> Iterator[dict[str, Any]]:
    """The same with the batch engine: ``jobs`` worker processes, 60 s allowed per page."""
    for record in clean([folder], jobs=jobs, timeout=60 if jobs else None):
        yield record.to_dict()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("output", type=Path, nargs="?", default=Path("articles.jsonl"))
    ap.add_argument(
        "--jobs", type=int, default=2, help="worker processes for the batch engine (0: in-process)"
    )
    ap.add_argument("--simple", action="store_true", help="use the plain loop instead of the batch engine")
    args = ap.parse_args()
    rows = simple(args.folder) if args.simple else batch(args.folder, args.jobs)
    ok = failed = 0
    with args.output.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            ok += row["status"] == "ok"
            failed += row["status"] != "ok"
    print(f"wrote {args.output}: {ok} articles, {failed} errors")


if __name__ == "__main__":
    main()
