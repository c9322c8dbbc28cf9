"""Effect of ``--learn`` (per-site furniture learned across an archive) on the dev corpus scores.

    python bench/learn_effect.py [--min-pages 3] [--jobs 2] [--show]

Two runs, each cleaned with ``newsextract.batch.clean`` without and with learned furniture and scored
with ../shared/eval/score.py's own functions (per input kind: body F1 / precision / recall, title,
reporters, captions, boilerplate leaks):

``pages -/+`` counts the pages whose body F1 fell / rose with learning.

(a) ``dev``: ../shared/corpus/dev/pages and dumps/ as they are. Pages group by the host of their URL
    (canonical/og:url); the dumps carry no URL and group by template (shared lines).
(b) ``unknown``: a temporary archive built at run time, standing for a site nobody wrote rules for:
    every page with its canonical and og:url removed, every dump given site furniture in new wording
    (invented here, consistent per site: menu lines on top, a promo line inside the article, app and
    newsletter prompts after it; the phrase catalog knows none of them), and every file renamed to an
    opaque name. Grouping can only come from markup and lines.

It also prints how the items were grouped (groups, and whether any mixes two sites), how many learned
lines are a gold paragraph, title or caption of the page they were dropped from (must be 0), and how
many injected lines the output kept (and how many of those are on sites with fewer than ``min_pages``
articles in the corpus, which by design learn nothing).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import re
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsextract.batch import clean  # noqa: E402
from newsextract.batch.learn import FurnitureLearner, furniture_summary  # noqa: E402
from newsextract.batch.runner import run_items  # noqa: E402
from newsextract.batch.sources import iter_sources  # noqa: E402
from newsextract.batch.work import Record, WorkOptions  # noqa: E402
from newsextract.classify import LEARNED_FURNITURE, is_furniture  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
KINDS = ("html", "w3m", "lynx", "gettext", "html2text")

# Invented site furniture: the words a small site's template might use, in wording the catalog lacks.
_BRANDS = ("새벽바람", "푸른들", "한빛골", "물결소리", "초록길", "달빛마루", "솔향기", "은하수", "바람개비", "별똥별", "해오름")
_MENUS = ("오늘의 이슈", "동네 소식", "사람과 삶", "우리 마을", "생활 꿀팁", "지역 경제", "문화 산책", "건강 백과",
          "여행 수첩", "독자 마당")
_INSIDE = ("{b} 앱에서 이 소식의 다음 이야기를 먼저 받아보세요", "지금 {b} 멤버십에 가입하면 첫 달 구독료가 무료",
           "이 기사는 {b} 제휴 콘텐츠 제작팀이 함께 만들었습니다 자세히 알아보기")
_AFTER = ("{b} 소식 알림 켜고 선물 받아가세요", "{b} 주간 편지 신청하기", "함께 읽으면 좋은 {b} 이야기 더 보기",
          "{b} 앱 내려받고 더 편하게 읽기", "{b} 독자위원회 모집 중")
_URL_TAGS = re.compile(rb"<link\b[^>]*\bcanonical\b[^>]*>|<meta\b[^>]*\bog:url\b[^>]*>", re.I)


def load_score() -> Any:
    spec = importlib.util.spec_from_file_location("ne_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kind_of(name: str) -> tuple[str, str]:
    """(page id, input kind) from a corpus file name: ``id.html`` or ``id.tool.txt``."""
    if name.endswith(".html"):
        return name[: -len(".html")], "html"
    pid, tool, _txt = name.rsplit(".", 2)
    return pid, tool


def site_furniture(site: str) -> dict[str, list[str]]:
    """The invented furniture of one site (the same on every page of it)."""
    rng = random.Random(hashlib.sha256(site.encode()).digest())
    brand = rng.choice(_BRANDS) + rng.choice(("뉴스", "일보", "타임즈", "저널"))
    return {
        "top": [f"{brand} 처음으로", *rng.sample(_MENUS, 4)],
        "inside": [rng.choice(_INSIDE).format(b=brand)],
        "after": [line.format(b=brand) for line in rng.sample(_AFTER, 3)],
    }


def _line_of(lines: list[str], paragraph: str) -> int | None:
    head = " ".join(paragraph.split())[:12]
    for i, line in enumerate(lines):
        if head and head in " ".join(line.split()):
            return i
    return None


def inject(text: str, gold: dict[str, Any], extra: dict[str, list[str]]) -> str:
    """The dump with the site's furniture: menus on top, a promo before the article's second
    paragraph, prompts after its last (each a paragraph of its own, indented like its neighbour)."""
    lines = text.split("\n")
    paras = gold.get("paragraphs") or []
    inside = _line_of(lines, paras[1]) if len(paras) > 2 else None
    last = _line_of(lines, paras[-1]) if paras else None
    out: list[str] = [*extra["top"], ""]
    for i, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip())]
        if i == inside:
            out += [""] + [indent + x for x in extra["inside"]] + [""]
        out.append(line)
        if i == last:
            out += [""] + [indent + x for x in extra["after"]]
    return "\n".join(out)


def build_unknown(tmp: Path, golds: dict[str, dict[str, Any]]) -> tuple[dict[str, str], set[str]]:
    """The ``unknown`` archive in ``tmp``: opaque file name -> corpus file name, and the injected lines."""
    names: dict[str, str] = {}
    injected: set[str] = set()
    for src in sorted((DEV / "pages").glob("*.html")) + sorted((DEV / "dumps").glob("*.txt")):
        pid, kind = kind_of(src.name)
        opaque = hashlib.sha256(src.name.encode()).hexdigest()[:12] + (".html" if kind == "html" else ".txt")
        names[opaque] = src.name
        if kind == "html":
            (tmp / opaque).write_bytes(_URL_TAGS.sub(b"", src.read_bytes()))
            continue
        extra = site_furniture(pid.rsplit("-", 1)[0])
        injected.update(x for v in extra.values() for x in v)
        text = src.read_text(encoding="utf-8")
        (tmp / opaque).write_text(inject(text, golds.get(pid, {}), extra), encoding="utf-8")
    return names, injected


def score_run(
    score: Any, records: list[Record], golds: dict[str, dict[str, Any]], names: dict[str, str], injected: set[str],
    min_pages: int = 3,
) -> dict[str, dict[str, float]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    per_site = Counter(pid.rsplit("-", 1)[0] for pid in golds)
    for rec in records:
        pid, kind = kind_of(names.get(Path(rec.source).name, Path(rec.source).name))
        if pid not in golds:
            continue
        res = score.from_newsextract(rec.article) if rec.article is not None else score.Result()
        m = score.score_one(res, golds[pid])
        paras = {score.norm(p) for p in (rec.article.paragraphs if rec.article else ())}
        m["injected"] = len(paras & injected)
        m["injected_small"] = m["injected"] if per_site[pid.rsplit("-", 1)[0]] < min_pages else 0
        m["page"] = pid
        rows[kind].append(m)
    out = {}
    for kind in KINDS:
        ms = rows.get(kind)
        if not ms:
            continue
        mean = {k: statistics.fmean(m[k] for m in ms if k in m) for k in ("body_f1", "body_p", "body_r", "title")}
        mean["reporters"] = statistics.fmean([m["reporters"] for m in ms if "reporters" in m] or [0.0])
        mean["captions_f1"] = statistics.fmean([m["captions_f1"] for m in ms if "captions_f1" in m] or [0.0])
        mean["n"] = len(ms)
        mean["leaks"] = sum(m["leaks"] for m in ms)
        mean["injected"] = sum(m["injected"] for m in ms)
        mean["injected_small"] = sum(m["injected_small"] for m in ms)
        out[kind] = mean
        out[kind + "/pages"] = {m["page"]: m["body_f1"] for m in ms}
    return out


def gold_lines_dropped(
    score: Any, records: list[Record], golds: dict[str, dict[str, Any]], names: dict[str, str]
) -> tuple[int, int, int]:
    """(blocks dropped as learned furniture, of them a gold paragraph/title/caption, of them inside
    a gold paragraph: learned lines of 10+ characters only)."""
    dropped = exact = inside = 0
    for rec in records:
        if rec.article is None:
            continue
        pid, _kind = kind_of(names.get(Path(rec.source).name, Path(rec.source).name))
        gold = golds.get(pid)
        if gold is None:
            continue
        whole = {score.norm(x) for x in [*(gold.get("paragraphs") or []), gold.get("title") or "",
                                          *(gold.get("captions") or [])]}
        body = score.norm(" ".join(gold.get("paragraphs") or []))
        for r in rec.article.removed:
            if LEARNED_FURNITURE not in r.reason:
                continue
            dropped += 1
            line = score.norm(r.text)
            exact += line in whole
            inside += len(line) >= 10 and line in body
    return dropped, exact, inside


def grouping(records: list[Record], names: dict[str, str], learner: FurnitureLearner) -> str:
    """How the items without a host were grouped: groups, sites split, groups mixing sites."""
    groups: dict[str, set[str]] = defaultdict(set)
    pages: dict[str, set[str]] = defaultdict(set)
    alone = 0
    for rec in records:
        s = rec.sighting
        if s is None or s.host is not None:
            continue
        site = kind_of(names.get(Path(rec.source).name, Path(rec.source).name))[0].rsplit("-", 1)[0]
        if not s.bands:
            alone += 1
            continue
        root = learner._find(s.bands[0])
        groups[root].add(site)
        pages[root].add(kind_of(names.get(Path(rec.source).name, Path(rec.source).name))[0])
    mixed = sum(len(v) > 1 for v in groups.values())
    counted = sum(len(learner._groups[r].articles) - learner._groups[r].slack for r in groups)
    distinct = sum(len(v) for v in pages.values())
    per_site = Counter(site for v in groups.values() for site in v)
    return (f"{sum(len(v) for v in groups.values())} site-groups in {len(groups)} template groups, "
            f"{mixed} mixing sites, {alone} items too bare to group; articles counted {counted} "
            f"for {distinct} distinct pages (net of slack); groups per site: "
            + " ".join(f"{k}={n}" for k, n in sorted(per_site.items())))


def run(name: str, inputs: list[Path], names: dict[str, str], injected: set[str], args: argparse.Namespace,
        score: Any, golds: dict[str, dict[str, Any]]) -> None:
    first = list(run_items(iter_sources(*inputs), jobs=args.jobs, timeout=120, options=WorkOptions(learn=True)))
    learner = FurnitureLearner(args.min_pages)
    for rec in first:
        learner.add(rec)
    furniture = learner.furniture()
    n_lines, n_sites = furniture_summary(furniture)
    print(f"\n== {name}: learned {n_lines} lines on {n_sites} sites (min_pages={args.min_pages})")
    print("grouping (no URL): " + grouping(first, names, learner))
    if args.show:
        for site, lines in furniture.items():
            if not site.startswith("key:"):
                print(f"  {site}: {len(lines)} lines")
    base_recs = list(clean(inputs, jobs=args.jobs, timeout=120))
    learned_recs = list(clean(inputs, jobs=args.jobs, timeout=120, furniture=furniture, keep_removed=True))
    base = score_run(score, base_recs, golds, names, injected, args.min_pages)
    after = score_run(score, learned_recs, golds, names, injected, args.min_pages)
    print(f"{'input':10s} {'n':>3s} {'body F1':>13s} {'precision':>13s} {'recall':>13s} {'title':>11s} "
          f"{'reporters':>11s} {'captions':>11s} {'leaks':>7s}"
          + f" {'pages -/+':>9s}" + (f" {'injected kept':>13s} {'(small sites)':>13s}" if injected else ""))
    for kind, b in base.items():
        if kind.endswith("/pages"):
            continue
        a = after[kind]
        cells = [f"{b[k]:.3f}>{a[k]:.3f}" for k in ("body_f1", "body_p", "body_r")]
        cells += [f"{b[k]:.2f}>{a[k]:.2f}" for k in ("title", "reporters", "captions_f1")]
        line = (f"{kind:10s} {b['n']:>3.0f} {cells[0]:>13s} {cells[1]:>13s} {cells[2]:>13s} {cells[3]:>11s} "
                f"{cells[4]:>11s} {cells[5]:>11s} {b['leaks']:>3.0f}>{a['leaks']:<3.0f}")
        pb, pa = base[kind + "/pages"], after[kind + "/pages"]
        down = sum(pa[k] < pb[k] - 1e-9 for k in pb)
        up = sum(pa[k] > pb[k] + 1e-9 for k in pb)
        line += f" {down:>4d}/{up:<4d}"
        if injected:
            line += f" {b['injected']:>6.0f}>{a['injected']:<6.0f} {b['injected_small']:>6.0f}>{a['injected_small']:<6.0f}"
        print(line)
    dropped, exact, inside = gold_lines_dropped(score, learned_recs, golds, names)
    print(f"blocks dropped as learned furniture: {dropped}; of them a gold paragraph/title/caption: {exact}; "
          f"inside a gold paragraph (10+ chars): {inside}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-pages", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", action="store_true", help="print how many lines were learned per site")
    ap.add_argument("--only", choices=("dev", "unknown"), help="one of the two runs")
    args = ap.parse_args()
    if not DEV.is_dir():
        print("../shared/corpus/dev is not here; nothing to measure")
        return 0
    score = load_score()
    golds = {}
    for gp in sorted((DEV / "gold").glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        golds[g.get("id") or gp.stem] = g
    if args.only in (None, "dev"):
        run("dev (pages by host, dumps by template)", [DEV / "pages", DEV / "dumps"], {}, set(), args, score, golds)
    if args.only in (None, "unknown"):
        with tempfile.TemporaryDirectory() as tmp:
            names, injected = build_unknown(Path(tmp), golds)
            known = sum(is_furniture(x) for x in injected)
            print(f"\n(unknown: {len(injected)} invented furniture lines injected, {known} of them in the phrase catalog; "
                  "pages without canonical/og:url; opaque file names)")
            run("unknown site", [Path(tmp)], names, injected, args, score, golds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
