#!/usr/bin/env python3
"""Clean pages on a Dask cluster: the same per-page function as ``newsextract batch``, on Dask workers.

    python examples/dask_clean.py PAGES_OR_ARCHIVES... [--out OUT_DIR] [--scheduler tcp://host:8786]

Needs the extra: ``pip install 'newsextract[dask]'``. Without ``--scheduler`` a local cluster of two
worker processes is started. Every archive (zip, tar, WARC, JSON Lines) becomes one partition; plain files
are grouped 64 to a partition. The inputs must be readable at the same paths on every worker.
"""

from __future__ import annotations

import argparse
import json
from contextlib import ExitStack
from pathlib import Path

from distributed import Client, LocalCluster

from newsextract.dask import records_bag


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="folders, archives or files")
    ap.add_argument("--out", type=Path, default=Path("articles-jsonl"), help="folder for the JSONL parts")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    args = ap.parse_args()

    with ExitStack() as stack:
        if args.scheduler:
            stack.enter_context(Client(args.scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
            )
            stack.enter_context(Client(cluster))

        bag = records_bag(args.inputs)  # a dask.bag.Bag of newsextract.batch.Record, in input order

        # 1. JSON Lines, one part file per partition (the line shape of `newsextract batch`).
        args.out.mkdir(parents=True, exist_ok=True)
        bag.map(lambda r: json.dumps(r.to_dict(), ensure_ascii=False)).to_textfiles(str(args.out / "*.jsonl"))

        # 2. Or aggregate on the cluster: pages per outlet, errors by type.
        counts = bag.map(lambda r: (r.article.outlet or "?") if r.article else f"error: {r.error_type}")
        for what, n in sorted(counts.frequencies().compute(), key=lambda kv: -kv[1]):
            print(f"{n:6d}  {what}")

        # 3. With pandas installed (dask[dataframe]), a DataFrame with the CSV columns of `newsextract batch`:
        #    from newsextract.dask import records_dataframe
        #    df = records_dataframe(args.inputs)
        #    df[df.status == "ok"][["source", "title", "published", "text"]].to_parquet("articles.parquet")
    print(f"wrote {args.out}/*.jsonl")


if __name__ == "__main__":
    main()
