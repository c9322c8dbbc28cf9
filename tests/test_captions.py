"""split_credit / is_credit_only (reference §5.2): credit apart, caption kept, nothing invented."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.fields.captions import find_credit, is_credit_only, split_credit


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("시청 앞 광장의 모습 (사진 대구시)", "시청 앞 광장의 모습", "대구시"),
        ("시청 앞 광장 /사진=연합뉴스", "시청 앞 광장", "연합뉴스"),
        ("시청 앞 광장 [연합뉴스 자료사진]", "시청 앞 광장", "연합뉴스"),
        ("시청 앞 광장 (사진=연합뉴스)", "시청 앞 광장", "연합뉴스"),
        ("임금 인상 요구 [사진 제공: 연합뉴스]", "임금 인상 요구", "연합뉴스"),
        ("발사 시험 [자료사진 제공 : 연합뉴스]", "발사 시험", "연합뉴스"),
        ("가수 김시은 /사진제공=JYP엔터테인먼트", "가수 김시은", "JYP엔터테인먼트"),
        ("실험 장면 [촬영 김시은]", "실험 장면", "김시은"),
        ("교민들이 모였다 [교민 김시은씨 제공. 재판매 및 DB 금지]", "교민들이 모였다", "교민 김시은씨"),
        ("고속열차 [SR 제공]", "고속열차", "SR"),
        ("▲ 행사에 참석한 시민들 ⓒ새마을금고중앙회", "행사에 참석한 시민들", "새마을금고중앙회"),
        ("▲영화 속 한 장면", "영화 속 한 장면", None),
        ("피의자 김모(36) /서울경찰청 제공", "피의자 김모(36)", "서울경찰청"),
        ("배우 김시은 사진=방송 화면 캡처", "배우 김시은", "방송 화면 캡처"),
        ("회의 장면 (자료사진)", "회의 장면", "자료사진"),
        (
            "(수원=연합뉴스) 김시은 기자 = 16일 시민들이 구호를 외치고 있다. 2026.7.16 abc@yna.co.kr",
            "16일 시민들이 구호를 외치고 있다.",
            "김시은 기자",
        ),
        (
            "[서울=뉴시스]30일 제품이 전시돼 있다. (사진 = 김시은 제공) photo@newsis.com *재판매 및 DB 금지",
            None,
            None,
        ),
        (
            "김시은이 포즈를 취하고 있다. 박세준 기자 ab@sports.com/2026.04.07",
            "김시은이 포즈를 취하고 있다.",
            "박세준 기자",
        ),
        ("기사 내용과 무관한 사진", "기사 내용과 무관한 사진", None),
        ("마루시 청년센터의 상담 창구. 마루시 제공", "마루시 청년센터의 상담 창구.", "마루시"),
        ("마루시 청년센터의 상담 창구. ⓒ 마루시 제공", "마루시 청년센터의 상담 창구.", "마루시"),
        ("마루시 청년센터의 상담 창구. 연합뉴스", "마루시 청년센터의 상담 창구.", "연합뉴스"),
        ("마루시 청년센터의 상담 창구. /뉴스1", "마루시 청년센터의 상담 창구.", "뉴스1"),
        ("마루시 청년센터의 상담 창구 /AP 연합뉴스", "마루시 청년센터의 상담 창구", "AP 연합뉴스"),
        ("마루시 청년센터의 상담 창구 [게티이미지뱅크]", "마루시 청년센터의 상담 창구", "게티이미지뱅크"),
        ("연합뉴스 기자들이 마루시 청년센터를 찾았다", "연합뉴스 기자들이 마루시 청년센터를 찾았다", None),
    ],
)
def test_split_credit(caption: str, text: str | None, credit: str | None) -> None:
    got_text, got_credit = split_credit(caption)
    if text is not None:
        assert (got_text, got_credit) == (text, credit)
    else:
        assert got_text == "30일 제품이 전시돼 있다."
        assert got_credit is not None and "김시은" in got_credit


@pytest.mark.parametrize(
    "text",
    [
        "사진=김시은 기자",
        "스포츠조선DB",
        "/사진=클립아트코리아",
        "사진 제공: 연합뉴스",
        "경기도소방재난본부 제공",
        "OSEN DB",
    ],
)
def test_credit_only(text: str) -> None:
    assert is_credit_only(text)
    assert split_credit(text)[0] == ""


@pytest.mark.parametrize("text", ["정부가 대책을 내놨다.", "시청 앞 광장 (사진=연합뉴스)", "", "사진"])
def test_not_credit_only(text: str) -> None:
    assert not is_credit_only(text)


def test_find_credit_span() -> None:
    caption = "시청 앞 광장 [사진 제공: 연합뉴스]"
    m = find_credit(caption)
    assert m is not None and caption[m.start : m.end] == "[사진 제공: 연합뉴스]" and m.credit == "연합뉴스"


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _squash(text: str) -> str:
    return " ".join(text.split())


_PIECES = st.sampled_from(
    [
        "시청",
        " ",
        "광장",
        "(",
        ")",
        "[",
        "]",
        "사진",
        "=",
        "제공",
        ":",
        "연합뉴스",
        "/",
        "자료사진",
        "ⓒ",
        "▲",
        "DB",
        "촬영",
        "김시은",
        "기자",
        "abc@yna.co.kr",
        "2026.7.16",
        "(서울=연합뉴스)",
        "재판매 및 DB 금지",
        ".",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=14).map("".join)))
def test_never_invents(caption: str) -> None:
    text, credit = split_credit(caption)
    assert _is_subsequence(_squash(text), _squash(caption))
    if credit is not None:
        assert credit and _squash(credit) in _squash(caption)
    is_credit_only(caption)


@pytest.mark.parametrize(
    "unit", ["(서울=", "기자 ", "가", "(사진=", "[서울=뉴시스] 김시은 기자 = ", "ⓒ", "2026.01."]
)
def test_pathological_input_is_fast(unit: str) -> None:
    text = unit * 100_000
    t = time.perf_counter()
    split_credit(text)
    is_credit_only(text)
    assert time.perf_counter() - t < 1.0


_PIECES = (
    "시청 앞 광장의 모습",
    "행사에 참석한 시민들.",
    " ",
    "  ",
    "\n",
    "(사진=해오름시)",
    "[해오름일보 자료사진]",
    "(자료사진)",
    "/사진=연합뉴스",
    "/가람경찰청 제공",
    "사진 출처 : 해오름시",
    "해오름시 제공",
    "해오름시 사진 제공",
    "재판매 및 DB 금지",
    ". 연합뉴스",
    "/뉴스1",
    "[게티이미지뱅크]",
    "ⓒ해오름일보",
    "해오름일보DB",
    " 촬영",
    " 제작",
    "김시은 기자",
    "=",
    "/",
    ". ",
    "!",
    "]",
    ")",
)


def test_credit_cues_skip_only_searches_that_cannot_match() -> None:
    """Each pattern's cue is a necessary condition: with the cues, the same credit as with every search run."""
    import random

    from newsextract.fields import captions

    def bare(caption: str) -> captions.CreditMatch | None:
        best: captions.CreditMatch | None = None
        base = max(0, len(caption) - captions._WINDOW)
        for pattern in captions._CREDIT_PATTERNS:
            for n, m in enumerate(pattern.finditer(caption, base)):
                if n >= 20:
                    break
                credit = captions._clean(m["credit"])
                if credit:
                    got = captions.CreditMatch(m.start(), m.end(), credit)
                    if best is None or got.start > best.start:
                        best = got
            if best is not None and best.end >= len(caption.rstrip()) - 1:
                break
        return best

    rng = random.Random(11)
    found = 0
    for _ in range(6000):
        caption = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 6)))
        want = bare(caption)
        assert captions._find_credit.__wrapped__(caption) == want, repr(caption)  # type: ignore[attr-defined]
        found += want is not None
    assert 1000 < found < 5000  # captions with and without a credit are both well represented
    # and each pattern matches somewhere in the sample (so each cue was put to the test)
    samples = ["".join(rng.choice(_PIECES) for _ in range(4)) for _ in range(3000)]
    for pattern in captions._CREDIT_PATTERNS:
        assert any(pattern.search(s) for s in samples), pattern
