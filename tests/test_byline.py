"""parse_byline / find_byline (reference §3): heads, tails, sign-offs, teams; no false reporters; linear."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract import Reporter, parse_byline
from newsextract.fields.byline import find_byline, find_bylines, is_name
from newsextract.knowledge.bylines import OUTLETS
from newsextract.knowledge.labels import ROLE_WORDS

R = Reporter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(서울=연합뉴스) 김시은 기자 = 정부가 대책을 내놨다.", [R("김시은", "기자", None, "서울")]),
        ("[서울=뉴시스] 김시은 기자 = 정부가 대책을 내놨다.", [R("김시은", "기자", None, "서울")]),
        ("[서울=뉴시스]김시은 기자 = 정부가", [R("김시은", "기자", None, "서울")]),
        ("【서울=뉴시스】김시은 기자 = 정부가", [R("김시은", "기자", None, "서울")]),
        ("(랄릿푸르[네팔]=연합뉴스) 박세준 특파원 = 현지", [R("박세준", "특파원", None, "랄릿푸르[네팔]")]),
        (
            "(서울=연합뉴스) 임성호 김민지 기자 = 정부가",
            [R("임성호", "기자", None, "서울"), R("김민지", "기자", None, "서울")],
        ),
        ("[이데일리 김시은 기자] 정부가 대책을 내놨다.", [R("김시은", "기자")]),
        ("[매일경제 스타투데이 진현철 기자]", [R("진현철", "기자")]),
        ("[신찬옥 기자 / 이영욱 기자]", [R("신찬옥", "기자"), R("이영욱", "기자")]),
        ("[옥천=충청일보 김시은기자] 정부가", [R("김시은", "기자", None, "옥천")]),
        ("아시아투데이 디지털뉴스팀 = 정부가", [R("디지털뉴스팀")]),
        ("정부가 대책을 내놨다. 김시은 기자 gnkdg@naver.com", [R("김시은", "기자", "gnkdg@naver.com")]),
        ("김시은기자", [R("김시은", "기자")]),
        ("/대구=김시은기자", [R("김시은", "기자", None, "대구")]),
        ("대구=김시은 기자", [R("김시은", "기자", None, "대구")]),
        ("순천/양선아 기자", [R("양선아", "기자", None, "순천")]),
        ("워싱턴/김원철 특파원", [R("김원철", "특파원", None, "워싱턴")]),
        ("글·사진 김시은 기자", [R("김시은", "기자")]),
        ("김성은 기자 (gttsw@mt.co.kr)", [R("김성은", "기자", "gttsw@mt.co.kr")]),
        ("조문술 기자/freiheit@heraldcorp.com", [R("조문술", "기자", "freiheit@heraldcorp.com")]),
        ("/ parksm@fnnews.com 박선민 기자", [R("박선민", "기자", "parksm@fnnews.com")]),
        ("YTN 김수진[suekim@ytn.co.kr]", [R("김수진", None, "suekim@ytn.co.kr")]),
        ("[ 김시은 기자 / gnkdg@mbn.co.kr ]", [R("김시은", "기자", "gnkdg@mbn.co.kr")]),
        (
            "김동진·박세준 기자 bluewins@segye.com",
            [R("김동진", "기자", "bluewins@segye.com"), R("박세준", "기자")],
        ),
        ("최원형, 고경주 기자", [R("최원형", "기자"), R("고경주", "기자")]),
        ("곽노필 선임기자", [R("곽노필", "선임기자")]),
        ("김시은 수습기자 a1@ksilbo.co.kr", [R("김시은", "수습기자", "a1@ksilbo.co.kr")]),
        ("김시은 인턴기자", [R("김시은", "인턴기자")]),
        ("김시은 논설위원", [R("김시은", "논설위원")]),
        ("방주희 PD (pd@yna.co.kr)", [R("방주희", "PD", "pd@yna.co.kr")]),
        ("김시은 에디터", [R("김시은", "에디터")]),
        ("디지털뉴스부", [R("디지털뉴스부")]),
        ("[MBN 온라인 뉴스팀]", [R("온라인 뉴스팀")]),
        ("곽경민 한경닷컴 연예이슈팀 기자", [R("곽경민", "기자")]),
        ("김은별 미국 통신원 (sisa@sisajournal.com)", [R("김은별", "통신원", "sisa@sisajournal.com")]),
        ("(SBS연예뉴스 강경윤 기자)", [R("강경윤", "기자")]),
        ("[이남경 MBN스타 기자]", [R("이남경", "기자")]),
        ("황상욱 기자 eyes@", [R("황상욱", "기자")]),
        ("/서민우기자 ingaghi", [R("서민우", "기자")]),
        ("MBC뉴스 이준희입니다.", [R("이준희")]),
        (
            "대책은 없었습니다. 로스앤젤레스에서 MBC뉴스 이주훈입니다.",
            [R("이주훈", None, None, "로스앤젤레스")],
        ),
        ("YTN 김상익입니다.", [R("김상익")]),
        ("연합뉴스TV 이준삼입니다.", [R("이준삼")]),
        ("KBS 뉴스 이윤우입니다.", [R("이윤우")]),
    ],
)
def test_bylines(text: str, expected: list[Reporter]) -> None:
    assert list(parse_byline(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "대통령은 기자회견에서 이렇게 말했다.",
        "그는 기자들에게 답했다.",
        "청와대 기자단",
        "기사제보 김시은 기자 jebo@naver.com",
        "관계자는 이렇게 말했다.",
        "그는 김시은 기자",
        "경찰청 수사팀",
        "김시은 기자의 기사 모음",
        "이번 사건을 취재한 기자",
        "사진=김시은 기자",
        "( 취재 : 김시은, 편집 : 박세준 )",
        "보도국",
        "함께 볼만한 기자",
        "",
        "   ",
    ],
)
def test_no_false_reporters(text: str) -> None:
    assert parse_byline(text) == ()


def test_find_byline_head_span_strips_dateline() -> None:
    text = "(서울=연합뉴스) 김시은 기자 = 정부가 대책을 내놨다."
    m = find_byline(text)
    assert m is not None and m.kind == "head" and m.start == 0
    assert text[m.end :] == "정부가 대책을 내놨다."
    assert m.reporters == (R("김시은", "기자", None, "서울"),)


def test_find_byline_head_without_reporter() -> None:
    text = "【서울=뉴시스】 정부가 대책을 내놨다."
    m = find_byline(text)
    assert m is not None and m.kind == "head" and m.reporters == ()
    assert text[m.end :] == "정부가 대책을 내놨다."


def test_find_byline_tail_and_line_kinds() -> None:
    text = "정부가 대책을 내놨다. 김시은 기자 gnkdg@naver.com"
    m = find_byline(text)
    assert m is not None and m.kind == "tail"
    assert text[m.start : m.end] == "김시은 기자 gnkdg@naver.com"
    line = find_byline("김시은 기자 gnkdg@naver.com")
    assert line is not None and line.kind == "line"


def test_find_byline_signoff_span() -> None:
    text = "대책은 없었습니다. MBC뉴스 이준희입니다."
    m = find_byline(text)
    assert m is not None and m.kind == "signoff"
    assert text[m.start : m.end] == "MBC뉴스 이준희입니다."


def test_dateline_glued_after_caption() -> None:
    text = "시청 앞 광장 [연합뉴스 자료사진](서울=연합뉴스) 김시은 기자 = 정부가"
    found = find_bylines(text)
    assert [b.kind for b in found] == ["head"]
    assert found[0].reporters == (R("김시은", "기자", None, "서울"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("경제부 한가람 기자", [R("한가람", "기자")]),
        ("사회부 한가람 기자 garam@example.com", [R("한가람", "기자", "garam@example.com")]),
        ("정치부 한가람·윤서진 기자", [R("한가람", "기자"), R("윤서진", "기자")]),
        ("한가람 경제부기자 garam@example.com", [R("한가람", "기자", "garam@example.com")]),
        ("포항 한가람 기자", [R("한가람", "기자", None, "포항")]),
        ("김포시 한가람 기자", [R("한가람", "기자", None, "김포시")]),
        ("워싱턴 한가람 특파원", [R("한가람", "특파원", None, "워싱턴")]),
        ("포항/한가람 기자", [R("한가람", "기자", None, "포항")]),
        ("한가람/윤서진 기자", [R("한가람", "기자"), R("윤서진", "기자")]),
        ("시청은 새 계획을 내놨다. 대구 한가람 기자", [R("한가람", "기자", None, "대구")]),
        ("한가람 과학전문기자", [R("한가람", "과학전문기자")]),
    ],
)
def test_desks_and_places_around_names(text: str, expected: list[Reporter]) -> None:
    """A desk ("경제부") is never a name; a dateline place before a name is its location, with or without
    a separator; a slash between two names joins co-authors."""
    assert list(parse_byline(text)) == expected


def test_is_name() -> None:
    assert is_name("김시은") and is_name("남궁민수")
    assert (
        not is_name("이데일리") and not is_name("관계자") and not is_name("김") and not is_name("김시은기자")
    )
    assert not is_name("경제부") and not is_name("정치부") and not is_name("포항") and not is_name("김포시")


# ---------------------------------------------------------------- properties
_ROLE_SET = set(ROLE_WORDS)
_HANGUL_TEAM = ("팀", "부", "국", "뉴스룸", "본부", "데스크", "센터", "취재반")


def _check(reps: tuple[Reporter, ...]) -> None:
    for r in reps:
        assert r.name and r.name.strip() == r.name
        assert not any(role in r.name for role in ("기자", "특파원", "통신원", "논설위원"))
        assert r.name not in OUTLETS
        assert is_name(r.name) or r.name.endswith(_HANGUL_TEAM), r
        assert r.role is None or r.role.endswith(tuple(_ROLE_SET)), r
        assert r.email is None or "@" in r.email


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_any_text(text: str) -> None:
    _check(parse_byline(text))


_PIECES = st.sampled_from(
    [
        "김시은",
        "박세준",
        "이데일리",
        "연합뉴스",
        "MBC뉴스",
        "YTN",
        "기자",
        "특파원",
        "수습기자",
        "PD",
        "=",
        "/",
        "·",
        ",",
        " ",
        "(",
        ")",
        "[",
        "]",
        "【",
        "】",
        "서울",
        "대구",
        "gnkdg@naver.com",
        "eyes@",
        "입니다.",
        "기자회견",
        "기자들",
        "관계자는",
        "디지털뉴스부",
        "온라인",
        "뉴스팀",
        "했다.",
        "사진",
        "글",
        "\n",
        "입력",
        "2026.01.06",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_byline_soup(text: str) -> None:
    reps = parse_byline(text)
    _check(reps)
    for b in find_bylines(text):
        assert 0 <= b.start <= b.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "기자 ",
        "(서울=",
        "가",
        "[서울=뉴시스] 김시은 기자 = ",
        "김시은 기자 a@b.com ",
        "MBC뉴스 김",
        "입니다 ",
        "a",
    ],
)
def test_pathological_input_is_fast(unit: str) -> None:
    text = unit * 100_000
    t = time.perf_counter()
    parse_byline(text)
    find_bylines(text)
    assert time.perf_counter() - t < 1.0
