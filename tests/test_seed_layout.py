"""The bundled sample (an NDSoft w3m-style dump with invented text) comes out exactly right."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsextract
from newsextract.example import sample_bytes

KST = timezone(timedelta(hours=9))


def test_sample_fields() -> None:
    a = newsextract.extract(sample_bytes())
    assert a.kind == "text"
    assert a.title == "한빛시, 폐교 활용한 청년 창업마을 문 연다"
    assert a.subtitle == "옛 초등학교 건물 세 동 고쳐 공유 작업실·숙소 40곳 마련"
    assert [(r.name, r.role, r.email) for r in a.reporters] == [("박하늘", "기자", "sky.park@example.kr")]
    assert a.approved == a.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert a.modified is None
    assert [(i.caption, i.credit) for i in a.images] == [("창업마을 공유 작업실 내부 모습", "한빛시")]
    assert a.comment_count == 0
    assert len(a.paragraphs) == 4
    assert a.paragraphs[0].startswith("한빛시는 문을 닫은")
    assert a.paragraphs[-1].endswith("말했다.")
