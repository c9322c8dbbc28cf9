"""``newsextract batch INPUT... -o OUT.jsonl``: clean folders and archives into one record per item."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal

from . import clean_lines, learn
from .learn import MIN_PAGES_FLOOR, furniture_summary, load_furniture, save_furniture
from .output import ResumeState, SyncedWriter, csv_header, mark_line_duplicates, scan_done
from .progress import Progress
from .sources import DEFAULT_SOURCE_LIMITS, SourceLimits, count_items

DEFAULT_TIMEOUT = 60.0
Format = Literal["jsonl", "csv"]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newsextract batch",
        description="Clean folders, zip/tar archives, gzip'd files, WARC and JSON Lines into one record per item.",
    )
    ap.add_argument("inputs", nargs="+", help="folders, archives or files")
    ap.add_argument("-o", "--output", required=True, help="output file (JSON Lines or CSV), or - for stdout")
    ap.add_argument("--format", choices=("jsonl", "csv"), help="output format (default: from -o's suffix)")
    ap.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count; 0: none)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help=f"seconds allowed per item (default {DEFAULT_TIMEOUT:g}; 0: no limit)")
    ap.add_argument("--resume", action="store_true", help="complete the output of an interrupted run")
    ap.add_argument("--dedupe", action="store_true", help="flag exact duplicates (same normalised body)")
    ap.add_argument("--learn", action="store_true", help="learn per-site furniture in a first pass and drop it")
    ap.add_argument("--min-pages", type=int, default=MIN_PAGES_FLOOR,
                    help=f"--learn: a line is furniture on >= this many articles of a site (>= {MIN_PAGES_FLOOR})")
    ap.add_argument("--field", help="JSON Lines: the field holding the page (default: html, raw_html, content, body, text)")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_SOURCE_LIMITS.max_bytes, help="largest item, bytes")
    ap.add_argument("--max-ratio", type=float, default=DEFAULT_SOURCE_LIMITS.max_ratio,
                    help="largest compression ratio of an archive member")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress line and no summary")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    fmt: Format = "csv" if (args.format or ("csv" if args.output.lower().endswith(".csv") else "")) == "csv" else "jsonl"
    missing = [p for p in args.inputs if not os.path.lexists(p)]
    if missing:
        ap.error(f"no such input: {', '.join(missing)}")
    if args.output == "-" and args.resume:
        ap.error("--resume needs an output file, not stdout")
    if args.min_pages < MIN_PAGES_FLOOR:
        ap.error(f"--min-pages must be at least {MIN_PAGES_FLOOR}")
    limits = SourceLimits(max_bytes=args.max_bytes, max_ratio=args.max_ratio)
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    try:
        return _run(args, fmt, limits, timeout)
    except OSError as exc:
        print(f"newsextract batch: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, fmt: Format, limits: SourceLimits, timeout: float | None) -> int:
    out_path = None if args.output == "-" else Path(args.output)
    state = scan_done(out_path, fmt) if (out_path is not None and args.resume) else ResumeState()
    if state.truncated:
        print(f"newsextract batch: cut a partial last line ({state.truncated} bytes) off {out_path}", file=sys.stderr)
    furniture = None
    if args.learn:
        furniture = _furniture(args, out_path, limits, timeout)
    live = not args.quiet and sys.stderr.isatty()
    total = count_items(args.inputs) if live else None
    progress = Progress(sys.stderr, total=None if total is None else max(total - len(state.done), 0), live=live)
    fh: IO[bytes] = sys.stdout.buffer if out_path is None else open(out_path, "ab" if args.resume else "wb")  # noqa: SIM115
    writer = SyncedWriter(fh)
    try:
        if fmt == "csv" and (out_path is None or fh.tell() == 0):
            writer.write(csv_header())
        lines = clean_lines(args.inputs, fmt=fmt, digest=args.dedupe, jobs=args.jobs, timeout=timeout,
                            field=args.field, furniture=furniture, skip=state.done, source_limits=limits)
        for line, text, dup in mark_line_duplicates(lines, state.bodies, fmt):
            writer.write(text)
            progress.add(line.status == "ok", dup)
    except KeyboardInterrupt:
        writer.flush()
        print("\nnewsextract batch: interrupted; run again with --resume to finish", file=sys.stderr)
        return 130
    finally:
        writer.flush()
        if out_path is not None:
            fh.close()
    if not args.quiet:
        progress.close(skipped=len(state.done))
    return 0


def _furniture(
    args: argparse.Namespace, out_path: Path | None, limits: SourceLimits, timeout: float | None
) -> dict[str, frozenset[str]]:
    """Learned furniture: read back from the side file on --resume, else learned (and saved) now."""
    side = None if out_path is None else out_path.with_name(out_path.name + ".furniture.json")
    if side is not None and args.resume and side.exists():
        return load_furniture(side)
    if not args.quiet:
        print("newsextract batch: --learn: first pass over the inputs", file=sys.stderr)
    furniture = learn(args.inputs, min_pages=args.min_pages, jobs=args.jobs, timeout=timeout,
                      field=args.field, source_limits=limits)
    if side is not None:
        save_furniture(furniture, side)
    if not args.quiet:
        n, sites = furniture_summary(furniture)
        print(f"newsextract batch: --learn: {n} furniture lines on {sites} sites", file=sys.stderr)
    return furniture
