"""The generic article finder on its own (``profiles=False``): every fixture page, and the dev corpus when
the shared material is present. Body scoring is the project's bag-of-tokens F1."""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from conftest import PAGES_DIR, load_expected, page_names

import newsextract

_WS = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def tokens(s: str) -> list[str]:
    s = _WS.sub(" ", unicodedata.normalize("NFC", s).replace("\u00a0", " ")).strip()
    return [t for t in (_EDGE.sub("", w) for w in s.split(" ")) if t]


def body_f1(paragraphs: tuple[str, ...] | list[str], gold: list[str]) -> float:
    pred, want = tokens(" ".join(paragraphs)), tokens(" ".join(gold))
    if not pred and not want:
        return 1.0
    common = sum((Counter(pred) & Counter(want)).values())
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(want)
    return 2 * p * r / (p + r)


@pytest.mark.parametrize("name", page_names())
def test_generic_path_finds_each_fixture_body(name: str) -> None:
    exp = load_expected(name)
    art = newsextract.extract((PAGES_DIR / f"{name}.html").read_bytes(), profiles=False)
    assert body_f1(art.paragraphs, exp["paragraphs"]) >= 0.9
    assert art.title == exp["title"]


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not present")
def test_generic_path_on_the_dev_corpus() -> None:
    scores = []
    for gold_path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = (DEV / "pages" / f"{gold_path.stem}.html").read_bytes()
        art = newsextract.extract(data, profiles=False)
        scores.append(body_f1(art.paragraphs, gold["paragraphs"]))
    assert statistics.fmean(scores) >= 0.92
