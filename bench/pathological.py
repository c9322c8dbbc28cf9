"""Time every public entry point on pathological input (issue 5: bounded, linear time).

    python bench/pathological.py [--only NAME ...] [--entry extract ...] [--big]

Prints one row per (case, entry point): seconds, and the outcome (``ok`` or the error class). ``--big``
adds the 50 MB page, the one-million-line dump and inputs just under the default limits. Nothing here asserts: the tests do that loosely
(tests/test_hostile_pathological.py); this measures.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

import newsextract
from newsextract import NewsExtractError

N = 100_000


def cases(big: bool) -> dict[str, str | bytes]:
    """Name -> input. Strings go through every entry point; bytes only through extract/extract_html."""
    out: dict[str, str | bytes] = {
        "기자 x100k": "기자 " * N,
        "(서울= x100k": "(서울=" * N,
        "가 x100k (one line)": "가" * N,
        "<div> x100k": "<div>" * N,
        "<p> x100k": "<p>" * N,
        "&# x100k": "&#" * N,
        "&#9999999999; x50k": "&#9999999999;" * (N // 2),
        "&#x110000; x50k": "<p>" + "&#x110000;" * (N // 2),
        "= x100k (one line)": "=" * N,
        "a@ x50k": "a@" * (N // 2),
        "2023. x50k": "2023." * (N // 2),
        "2023.04.07 08:26 x20k": "2023.04.07 08:26 " * (N // 5),
        "입력 + 100k spaces": "입력" + " " * N,
        "[ + 100k spaces": "[" + " " * N,
        "( x100k": "(" * N,
        "< x100k": "<" * N,
        "<!-- x100k": "<!--" * N,
        "홍길동 기자 = x30k": "홍길동 기자 = " * 30_000,
        "hong@a. x30k": "hong@a." * 30_000,
        "**a x50k": "**a" * (N // 2),
        "[a]( x50k": "[a](" * (N // 2),
        "- x100k": "- " * N,
        "사진= x50k": "사진=" * (N // 2),
        "bidi+zero-width x50k": "\u202e\u200b가\u2066\u200d" * (N // 2),
        "<table><tr><td> x30k": "<table><tr><td>" * 30_000,
        "<meta charset=\" x50k": '<meta charset="' * (N // 2),
        "가\\n x100k lines": "가\n" * N,
        "NUL x100k": "\x00" * N + "가",
        "invalid UTF-8 x100k": b"\xff\xfe\x80" * N + "<p>가</p>".encode(),
        "mixed UTF-8/CP949 x20k": ("<p>" + "가" * 3 + "</p>").encode() * 10_000 + "<p>나다</p>".encode("cp949") * 10_000,
    }
    if big:
        para = "<p>" + "서울시가 새 정책을 발표했다. " * 20 + "</p>\n"
        page = "<html><head><title>t</title></head><body><div id='article-view-content-div'>"
        out["50 MB page"] = (page + para * (50_000_000 // len(para.encode()))).encode()
        out["1M-line dump (over max_lines)"] = "본문 문장이 이어진다.\n" * 1_000_000
        out["99k-line dump (under max_lines)"] = "본문 문장이 이어진다.\n" * 99_000
        out["199k <p>x</p> (under max_elements)"] = "<html><body>" + "<p>본문</p>" * 199_000
    return out


def entries() -> dict[str, Callable[[Any], Any]]:
    return {
        "extract": newsextract.extract,
        "extract_html": newsextract.extract_html,
        "extract_text": newsextract.extract_text,
        "parse_byline": newsextract.parse_byline,
        "parse_datetime": newsextract.parse_datetime,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", default=None, help="case names (substring match)")
    ap.add_argument("--entry", nargs="*", default=None, help="entry points to run")
    ap.add_argument("--big", action="store_true", help="add the 50 MB page and the 1M-line dump")
    args = ap.parse_args(argv)
    worst = 0.0
    print(f"{'case':32} {'entry':15} {'seconds':>8}  outcome")
    for name, data in cases(args.big).items():
        if args.only and not any(o in name for o in args.only):
            continue
        for entry, fn in entries().items():
            if args.entry and entry not in args.entry:
                continue
            if isinstance(data, bytes) and entry not in ("extract", "extract_html"):
                continue
            t0 = time.perf_counter()
            try:
                fn(data)
                outcome = "ok"
            except NewsExtractError as exc:
                outcome = type(exc).__name__
            dt = time.perf_counter() - t0
            worst = max(worst, dt)
            print(f"{name[:32]:32} {entry:15} {dt:8.3f}  {outcome}", flush=True)
    print(f"worst: {worst:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
