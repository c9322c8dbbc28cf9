#!/usr/bin/env python3
"""Load the JSON Lines of ``newsextract batch`` (or examples/clean_folder.py) into a pandas DataFrame.

    python examples/load_pandas.py articles.jsonl

Needs pandas (``pip install pandas``); newsextract itself does not.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd


def load(path: Path) -> pd.DataFrame:
    """One row per page: source, status, the article's fields flattened, times as datetimes."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    df = pd.json_normalize(rows, sep=".")
    df = df.rename(columns=lambda c: c.removeprefix("article."))
    for col in ("published", "modified", "approved"):
        if col in df:
            df[col] = pd.to_datetime(df[col], utc=True).dt.tz_convert("Asia/Seoul")
    if "reporters" in df:
        df["reporter_names"] = df["reporters"].map(
            lambda rs: ", ".join(r["name"] for r in rs) if isinstance(rs, list) else ""
        )
    if "paragraphs" in df:
        df["n_paragraphs"] = df["paragraphs"].map(lambda ps: len(ps) if isinstance(ps, list) else 0)
        df["chars"] = df["text"].fillna("").str.len()
    return df


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "articles.jsonl")
    df = load(path)
    ok = df[df["status"] == "ok"]
    print(f"{len(df)} records, {len(ok)} articles, {len(df) - len(ok)} errors")
    if len(ok):
        cols = [c for c in ("title", "reporter_names", "published", "n_paragraphs", "chars") if c in ok]
        with pd.option_context("display.max_colwidth", 40, "display.width", 160):
            print(ok[cols].to_string(index=False))
    if len(ok) < len(df):
        print(df[df["status"] != "ok"][["source", "error.type", "error.message"]].to_string(index=False))


if __name__ == "__main__":
    main()
