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


def test_reporter_card_outside_the_article_gives_the_credited_reporter_an_email() -> None:
    import newsextract

    markup = (
        "<html><head><meta charset='utf-8'><title>가람시 새 도서관 문 연다</title></head><body>"
        "<div><h1>가람시 새 도서관 문 연다</h1><div>"
        "<p>가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 설계했다고 시는 설명했다.</p>"
        "<p>열람실은 밤 열 시까지 문을 열고, 어린이 책방은 주말에도 운영한다.</p>"
        "<p>시는 개관 첫 달 동안 방문객 의견을 받아 운영 시간을 다시 정하겠다고 밝혔다.</p>"
        "<p>한빛뉴스 김가람입니다.</p></div></div>"
        "<div><h3>많이 본 뉴스</h3><ul>"
        + "".join(f"<li><a href='/n/{i}'>가람시 소식 {i}번째 이야기</a></li>" for i in range(8))
        + "</ul></div>"
        "<div><ul><li>김가람 기자 garam@example.com</li><li>김가람 기자의 기사 모음</li></ul></div>"
        "<div><ul><li>윤서진 기자 seojin@example.com</li></ul></div>"  # the card of someone not credited
        "</body></html>"
    )
    art = newsextract.extract(markup, profiles=False)
    assert [(r.name, r.email) for r in art.reporters] == [("김가람", "garam@example.com")]
    assert art.emails == ("garam@example.com",)
