"""The seed dump in ../shared comes out exactly (skipped when the shared material is absent)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsextract

KST = timezone(timedelta(hours=9))
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_73857507c26eaeab.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the shared seed is not on this machine")


@pytest.fixture(scope="module")
def article() -> newsextract.Article:
    return newsextract.extract(SEED.read_bytes())


def test_seed_head(article: newsextract.Article) -> None:
    assert article.kind == "text"
    assert article.title == "대구시, CES2018에서 지역기업들 해외 판로개척 물꼬 텄다!"
    assert article.subtitle == "대구 공동관 통해 총 1,000여개사와 상담, 351만 달러 현지계약 성과 거둬"


def test_seed_fields(article: newsextract.Article) -> None:
    assert [(r.name, r.role, r.email) for r in article.reporters] == [("김시은", "기자", "gnkdg@naver.com")]
    assert article.emails == ("gnkdg@naver.com",)
    when = datetime(2018, 1, 17, 19, 43, tzinfo=KST)
    assert article.approved == when
    assert article.published == when
    assert article.modified is None
    assert [(i.caption, i.credit) for i in article.images] == [("대구 4차산업혁명 청년 체험단", "대구시")]
    assert article.comment_count == 0


def test_seed_body(article: newsextract.Article) -> None:
    seed_lines = [" ".join(x.split()) for x in SEED.read_text(encoding="utf-8").splitlines()]
    expected = [x for x in seed_lines if len(x) > 60 and x.endswith("다.")]
    assert len(expected) == 9
    assert list(article.paragraphs) == expected
    assert article.paragraphs[0].startswith("대구시는 1월 9일부터 12일까지")
    assert article.paragraphs[-1].endswith("지원하겠다고 밝혔다.")


def test_seed_audit_trail(article: newsextract.Article) -> None:
    removed = {r.text.strip() for r in article.removed}
    assert "이 기사를 공유합니다" in removed
    assert "댓글쓰기" in removed
    assert all(r.reason for r in article.removed)
    assert not any("댓글" in p or "공유" in p for p in article.paragraphs)
