"""parse_datetime / find_times: every displayed and machine form (reference §4), round trips, robustness."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract import parse_datetime
from newsextract.fields.dates import KST, find_times, label_field

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018.01.17 19:43", datetime(2018, 1, 17, 19, 43, tzinfo=KST)),
        ("입력 2026.01.06. 08:15", datetime(2026, 1, 6, 8, 15, tzinfo=KST)),
        ("2026-01-06 14:18", datetime(2026, 1, 6, 14, 18, tzinfo=KST)),
        ("2026/09/07 15:34", datetime(2026, 9, 7, 15, 34, tzinfo=KST)),
        ("2024.09.01. 오후 11:55", datetime(2024, 9, 1, 23, 55, tzinfo=KST)),
        ("2024.09.01. 오전 9:01", datetime(2024, 9, 1, 9, 1, tzinfo=KST)),
        ("2024.09.01. 오후 12:05", datetime(2024, 9, 1, 12, 5, tzinfo=KST)),
        ("2024.09.01. 오전 12:05", datetime(2024, 9, 1, 0, 5, tzinfo=KST)),
        ("2026. 9. 27. 09:54", datetime(2026, 9, 27, 9, 54, tzinfo=KST)),
        ("2025년 12월 26일 15시 12분", datetime(2025, 12, 26, 15, 12, tzinfo=KST)),
        ("2026년09월04일 10시23분", datetime(2026, 9, 4, 10, 23, tzinfo=KST)),
        ("2026년 01월 06일 (화) 14:17:30", datetime(2026, 1, 6, 14, 17, 30, tzinfo=KST)),
        ("입력 2026.01.06 (17:45)", datetime(2026, 1, 6, 17, 45, tzinfo=KST)),
        ("2026/01/06 [17:45]", datetime(2026, 1, 6, 17, 45, tzinfo=KST)),
        ("26-01-06 14:51", datetime(2026, 1, 6, 14, 51, tzinfo=KST)),
        ("2026-01-06 12:00:00 KST", datetime(2026, 1, 6, 12, 0, tzinfo=KST)),
        ("2026-01-06T14:17:00+09:00", datetime(2026, 1, 6, 14, 17, tzinfo=KST)),
        ("2026-01-06T05:17:00Z", datetime(2026, 1, 6, 5, 17, tzinfo=UTC)),
        ("2026-01-06T05:17:00.250+00:00", datetime(2026, 1, 6, 5, 17, 0, 250000, tzinfo=UTC)),
        ("2026-01-06T14:17:00", datetime(2026, 1, 6, 14, 17, tzinfo=KST)),
        ("2026-06-23 13:58:38", datetime(2026, 6, 23, 13, 58, 38, tzinfo=KST)),
        ("Sun, 27 Sep 2026 14:00:00 GMT", datetime(2026, 9, 27, 14, 0, tzinfo=UTC)),
        ("Mon, 28 Sep 2026 04:00:00 +09:00", datetime(2026, 9, 28, 4, 0, tzinfo=KST)),
        ("Sun, 27 09 2026 23:00:00 +0900", datetime(2026, 9, 27, 23, 0, tzinfo=KST)),
        ("Sun,27 Sep 2026 23:00:00 +0900", datetime(2026, 9, 27, 23, 0, tzinfo=KST)),
        ("Sun, 27 Sep 2026 23:00:00 KST", datetime(2026, 9, 27, 23, 0, tzinfo=KST)),
        ("20260927095437", datetime(2026, 9, 27, 9, 54, 37, tzinfo=KST)),
        ("2026.02.23", datetime(2026, 2, 23, tzinfo=KST)),
        ("송고2026-01-06 16:46", datetime(2026, 1, 6, 16, 46, tzinfo=KST)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    got = parse_datetime(text)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    ["2026.13.01 10:00", "2026-02-30 10:00", "2026-01-06 25:10", "오전 9:01", "02-784-4000", "", "기자"],
)
def test_rejects(text: str) -> None:
    assert parse_datetime(text) is None


def test_naive_text_is_kst() -> None:
    got = parse_datetime("2026-01-06 14:18")
    assert got is not None and got.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("입력 2023-04-04 16:31 | 수정 2023-04-04 16:32", [("입력", (16, 31)), ("수정", (16, 32))]),
        (
            "기사입력 2023-04-04 19:02 l 최종수정 2023-04-04 19:44",
            [("기사입력", (19, 2)), ("최종수정", (19, 44))],
        ),
        ("입력/수정 2024-01-01 10:00 / 2024-01-01 11:00", [("입력", (10, 0)), ("수정", (11, 0))]),
        ("송고 2026-09-04 10:23 송고 2026년09월04일 10시23분", [("송고", (10, 23)), ("송고", (10, 23))]),
        ("승인 2018.01.17 19:43", [("승인", (19, 43))]),
        ("2026/09/07 15:34 송고", [("송고", (15, 34))]),
        ("등록 2023.04.05 07:38 / 수정 2023.04.05 07:44", [("등록", (7, 38)), ("수정", (7, 44))]),
        ("입력 2026.01.06 (17:45) 수정 2026.01.06 (17:46) 국제", [("입력", (17, 45)), ("수정", (17, 46))]),
        ("입력 : 2026-01-06 14:44:16", [("입력", (14, 44))]),
        ("2026-01-06 15:30", [(None, (15, 30))]),
        ("입력 : 2026.03.02 | 15:15", [("입력", (15, 15))]),  # date and time in two cells of one line
        ("입력 2026.03.02 · 오후 3:15", [("입력", (15, 15))]),
        ("입력 2026.03.02 | 수정 2026.03.03", [("입력", (0, 0)), ("수정", (0, 0))]),
    ],
)
def test_find_times(line: str, expected: list[tuple[str | None, tuple[int, int]]]) -> None:
    got = find_times(line)
    assert [(label, (when.hour, when.minute)) for label, when in got] == expected


def test_label_field() -> None:
    assert label_field("기사입력") == "published"
    assert label_field("최종 수정") == "modified"
    assert label_field("최종수정") == "modified"
    assert label_field("입력 :") == "published"
    assert label_field("승인") == "approved"
    assert label_field("송고") == "published"
    assert label_field("조회") is None
    assert label_field(None) is None


# ---------------------------------------------------------------- properties
_FORMATS = [  # (format, keeps seconds)
    (lambda d: d.strftime("%Y.%m.%d %H:%M"), False),
    (lambda d: d.strftime("%Y.%m.%d. %H:%M"), False),
    (lambda d: d.strftime("%Y-%m-%d %H:%M:%S"), True),
    (lambda d: d.strftime("%Y/%m/%d %H:%M"), False),
    (lambda d: d.strftime("%Y/%m/%d [%H:%M]"), False),
    (lambda d: d.strftime("%Y.%m.%d (%H:%M)"), False),
    (lambda d: d.strftime("%y-%m-%d %H:%M"), False),
    (lambda d: d.strftime("%Y-%m-%d %H:%M:%S KST"), True),
    (lambda d: f"{d.year}. {d.month}. {d.day}. {d:%H:%M}", False),
    (lambda d: f"{d.year}년 {d.month}월 {d.day}일 {d.hour}시 {d.minute}분", False),
    (lambda d: d.strftime("%Y년%m월%d일 %H시%M분"), False),
    (
        lambda d: (
            d.strftime("%Y년 %m월 %d일 ") + f"({'월화수목금토일'[d.weekday()]}) " + d.strftime("%H:%M:%S")
        ),
        True,
    ),
    (lambda d: f"{d:%Y.%m.%d.} {'오전' if d.hour < 12 else '오후'} {(d.hour % 12) or 12}:{d:%M}", False),
    (lambda d: d.isoformat(), True),
    (lambda d: d.strftime("%Y-%m-%dT%H:%M:%S%z"), True),
    (lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +0900"), True),
    (lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +09:00"), True),
    (lambda d: d.strftime("%a, %d %m %Y %H:%M:%S +0900"), True),
    (lambda d: d.strftime("%a,%d %b %Y %H:%M:%S KST"), True),
    (lambda d: d.strftime("%Y%m%d%H%M%S"), True),
]

_DATETIMES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2068, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=KST)
)


@settings(max_examples=60, deadline=None)
@given(d=_DATETIMES, fmt=st.sampled_from(range(len(_FORMATS))))
def test_round_trip(d: datetime, fmt: int) -> None:
    render, keeps_seconds = _FORMATS[fmt]
    text = render(d)
    got = parse_datetime(text)
    assert got == (d if keeps_seconds else d.replace(second=0)), text


@settings(max_examples=30, deadline=None)
@given(d=_DATETIMES, prefix=st.sampled_from(["입력 ", "기사입력 ", "수정", "승인 : ", "등록 "]))
def test_round_trip_labelled(d: datetime, prefix: str) -> None:
    text = prefix + d.strftime("%Y.%m.%d %H:%M")
    assert find_times(text) == ((prefix.strip(" :"), d.replace(second=0)),)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    got = parse_datetime(text)
    assert got is None or got.tzinfo is not None
    for label, when in find_times(text):
        assert label is None or label_field(label) is not None
        assert when.tzinfo is not None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789.-/: 년월일시분오전후()[]KSTZ+", max_size=60))
def test_never_raises_on_digit_soup(text: str) -> None:
    got = parse_datetime(text)
    assert got is None or got.utcoffset() is not None


@pytest.mark.parametrize("unit", ["2026.01.", "(서울=", "기자 ", "가", "Sun, 1 ", "입력 ", "12:"])
def test_pathological_input_is_fast(unit: str) -> None:
    text = unit * 100_000
    t = time.perf_counter()
    parse_datetime(text)
    find_times(text)
    assert time.perf_counter() - t < 1.0
