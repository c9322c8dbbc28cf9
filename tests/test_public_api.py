"""The public names: everything in ``__all__`` exists, and the field parsers work on their own."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsextract

KST = timezone(timedelta(hours=9))


def test_every_public_name_exists() -> None:
    for name in newsextract.__all__:
        assert hasattr(newsextract, name), name


def test_field_parsers_on_their_own() -> None:
    m = newsextract.find_byline("(한빛=연합뉴스) 박하늘 기자 = 시는 12일 밝혔다.")
    assert m is not None and m.start == 0 and m.kind == "head"
    assert [(r.name, r.location) for r in m.reporters] == [("박하늘", "한빛")]
    times = newsextract.find_times("입력 2024-03-12 10:25 | 수정 2024-03-12 11:02")
    assert [label for label, _ in times] == ["입력", "수정"]
    assert times[1][1] == datetime(2024, 3, 12, 11, 2, tzinfo=KST)
    assert newsextract.split_credit("창업마을 작업실 내부(사진 한빛시)") == ("창업마을 작업실 내부", "한빛시")
