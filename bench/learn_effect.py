"""Effect of ``--learn`` (per-site furniture learned across pages) on the dev corpus scores.

    python bench/learn_effect.py [--min-pages 3] [--jobs 2]

Cleans ../shared/corpus/dev/pages and dumps/ with ``newsextract.batch.clean`` twice, without and
with ``learn_furniture=True``, and scores both with ../shared/eval/score.py's own functions (body
precision/recall/F1 per input kind, boilerplate leaks). Pages group by the host of their URL (from the
page's metadata), dumps without a URL by the folder they are in.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsextract.batch import clean, learn  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def load_score() -> object:
    spec = importlib.util.spec_from_file_location("ne_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kind_of(source: str) -> tuple[str, str]:
    """(page id, input kind) from a corpus file name: ``id.html`` or ``id.tool.txt``."""
    name = Path(source).name
    if name.endswith(".html"):
        return name[: -len(".html")], "html"
    pid, tool, _txt = name.rsplit(".", 2)
    return pid, tool


def score_run(score: object, records: list, golds: dict[str, dict]) -> dict[str, dict[str, float]]:
    rows: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        pid, kind = kind_of(rec.source)
        if pid not in golds:
            continue
        res = score.from_newsextract(rec.article) if rec.article is not None else score.Result()  # type: ignore[attr-defined]
        rows[kind].append(score.score_one(res, golds[pid]))  # type: ignore[attr-defined]
    out = {}
    for kind, ms in sorted(rows.items()):
        out[kind] = {
            "n": len(ms),
            "body_f1": statistics.fmean(m["body_f1"] for m in ms),
            "body_p": statistics.fmean(m["body_p"] for m in ms),
            "body_r": statistics.fmean(m["body_r"] for m in ms),
            "leaks": sum(m["leaks"] for m in ms),
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-pages", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", action="store_true", help="print how many lines were learned per site")
    args = ap.parse_args()
    if not DEV.is_dir():
        print("../shared/corpus/dev is not here; nothing to measure")
        return 0
    score = load_score()
    golds = {}
    for gp in sorted((DEV / "gold").glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        golds[g.get("id") or gp.stem] = g
    inputs = [DEV / "pages", DEV / "dumps"]
    furniture = learn(inputs, min_pages=args.min_pages, jobs=args.jobs, timeout=120)
    if args.show:
        for site, lines in furniture.items():
            print(f"  {site}: {len(lines)} lines")
    base = score_run(score, list(clean(inputs, jobs=args.jobs, timeout=120)), golds)
    learned = score_run(score, list(clean(inputs, jobs=args.jobs, timeout=120, furniture=furniture)), golds)
    n_lines = sum(len(v) for v in furniture.values())
    print(f"learned {n_lines} furniture lines on {len(furniture)} sites (min_pages={args.min_pages})")
    print(f"{'input':10s} {'n':>4s} {'F1 before':>10s} {'F1 after':>9s} {'P before':>9s} {'P after':>8s} "
          f"{'R before':>9s} {'R after':>8s} {'leaks':>11s}")
    for kind in base:
        b, a = base[kind], learned[kind]
        print(f"{kind:10s} {b['n']:>4.0f} {b['body_f1']:>10.3f} {a['body_f1']:>9.3f} {b['body_p']:>9.3f} "
              f"{a['body_p']:>8.3f} {b['body_r']:>9.3f} {a['body_r']:>8.3f} {b['leaks']:>5.0f}->{a['leaks']:<5.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
