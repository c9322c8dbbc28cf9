"""The cheap pre-tests the line rules and field parsers take must give what the long way gives.

Most lines are plain sentences, so the byline, date, furniture and caption rules first look for what
their patterns cannot do without (a role word, an "@", a time label, a sign-off ending, a day-month
order) and skip the regex work when it is missing. Each test below runs the rule both ways over many
lines built from invented byline, date and caption pieces.
"""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from newsextract.blocks import Block, Decision
from newsextract.fields import byline, captions, dates, record
from newsextract.memo import forget_page
from newsextract.model import Reporter
from newsextract.text import shapes

_PIECES = [
    " ", "  ", "\n", ".", ". ", "다.", "요.", "?", "…", "'", "김시은", "박세준", "이가람", "한빛일보", "기자", "특파원",
    "PD", "앵커", "에디터", "@", "garam@example.com", "kim@hanbit.co.kr", "eyes@", "(", ")", "[", "]", "【", "】",
    "=", "/", "·", ":", "|", "(서울=연합뉴스)", "(가람=한빛뉴스) ", "[한빛일보 김시은 기자]", "입니다", "입니다.",
    "였습니다.", "한빛뉴스 ", "KBS 뉴스 ", "경제부", "디지털뉴스부", "사회부", "뉴스팀", "보도국", "강대국", "가나다라마바사아자차카타파하",
    "입력", "수정", "송고시간", "최종 수정", " 2026.03.02 09:15", "2026-03-02 09:15:30", "2026. 3. 2. 오후 3:07", "09:15",
    "Mon, 02 Mar 2026 09:15:00 +0900", "2 Mar 2026", "20260302091500", "▲", "사진=", "(사진=한빛시)", "제공", "캡처",
    "재판매 및 DB 금지", "ⓒ", "DB", "공유하기", "페이스북", "URL복사", "글자크기", "_____", "[ ]", "\t", "\u3000",
    "\xa0", "\x1c", "가람시가 새 도서관을 열었다", "주민들은 반겼다", "댓글 3", "기자 정보", "제보",
]  # fmt: skip


def _lines(seed: int, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 9))) for _ in range(n)]


def _tail_the_long_way(monkeypatch: pytest.MonkeyPatch, text: str) -> byline.BylineMatch | None:
    with monkeypatch.context() as m:
        m.setattr(byline, "_may_credit", lambda *_: True)
        m.setattr(byline, "_may_end_byline", lambda *_: True)
        m.setattr(byline, "_SUFFIX", 10**9)  # the whole window tokenised at once
        return byline._tail(text)


def test_tail_bylines_agree_with_the_long_way(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _lines(1)
    lines += [f"가람시가 새 도서관을 열었다고 밝혔다. {'주민 ' * k}김시은 기자 garam@example.com" for k in range(30)]
    found = 0
    for text in lines:
        got = byline._tail(text)
        assert got == _tail_the_long_way(monkeypatch, text), repr(text)
        found += got is not None
    assert found > 20  # the pieces do make bylines


def test_tokens_cover_the_text_end_to_end() -> None:
    for text in _lines(2, 1000):
        toks = byline._tokens(text, 5)
        assert "".join(t.text for t in toks) == text
        assert all(t.end - t.start == len(t.text) for t in toks)
        assert [t.start for t in toks] == [5, *(t.end for t in toks[:-1])]


def test_parse_byline_skips_only_lines_that_credit_nobody() -> None:
    named = 0
    for text in [*_lines(3), "김시은 = ", "한빛뉴스 김시은 = 가람시가", "KBS 뉴스 김시은입니다.", "디지털뉴스부"]:
        forget_page()
        whole = byline._dedupe([r for b in byline.find_bylines(text) for r in b.reporters])
        assert byline.parse_byline(text) == tuple(whole), repr(text)
        named += bool(whole)
    assert named > 100


def test_find_head_is_the_head_find_bylines_gives() -> None:
    for text in [*_lines(4), "(서울=연합뉴스) 김시은 기자 = 가람시가", "[한빛일보 김시은 기자]", "[OSEN=가람, 김시은 기자] 본문"]:
        head = byline.find_head(text)
        first = byline.find_byline(text)
        opening = head is not None and head.kind == "head" and head.start <= 3
        assert opening == (first is not None and first.kind == "head" and first.start <= 3), repr(text)
        if opening:
            assert head == first
        if head is not None:
            assert head in byline.find_bylines(text)


def test_line_shapes_agree_with_their_patterns() -> None:
    for text in _lines(5):
        tail = text.rstrip(shapes._CLOSERS)
        assert bool(shapes._SENTENCE_END.search(tail, max(0, len(tail) - 8))) == bool(
            shapes._SENTENCE_END.search(tail)
        )
        assert shapes.sign_off(text) is None or shapes.SIGN_OFF.search(text) is not None
        if shapes.SIGN_OFF.search(text) is not None:
            assert shapes.sign_off(text) is not None
        if shapes._TIME_LABEL.search(text) is None:
            assert shapes.TIME_LINE.search(text) is None
        lowered = text.lower()
        if shapes._NOT_SHARE.search(lowered) is not None:
            assert shapes._SHARE_WORDS.sub("", lowered).strip(shapes._SHARE_FRAME)
        if shapes._ROLE_WORD.search(text) is None:
            assert shapes._LOOSE_BYLINE.search(text) is None
        assert byline._TRAIL.search(text).span() == byline._TRAIL.search(text, max(0, len(text) - 6)).span()  # type: ignore[union-attr]


def test_caption_line_and_time_line_rules() -> None:
    assert shapes.is_caption_line("가람시청 앞 광장 (사진=한빛시)")
    assert not shapes.is_caption_line("가람시청 앞 광장에서 (사진=한빛시) 주민들이 모였다.")
    assert shapes.is_time_line("입력 2026.03.02 09:15")
    assert shapes.is_time_line("김시은 기자 | 2026-03-02 09:15")
    assert not shapes.is_time_line("가람시가 3월 2일 새 도서관을 열었다.")
    assert shapes.is_furniture("공유하기 | 페이스북 | 트위터")
    assert not shapes.is_furniture("공유하기 좋은 가람시 새 도서관")


def test_date_forms_are_tried_only_with_their_cues() -> None:
    for text in _lines(6):
        if dates._RFC_CUE.search(text) is None:
            assert dates._RFC.search(text) is None, repr(text)
        if dates._COMPACT_CUE.search(text) is None:
            assert dates._COMPACT.search(text) is None, repr(text)
    assert dates.parse_datetime("Mon, 02 Mar 2026 09:15:00 +0900") == datetime.fromisoformat(
        "2026-03-02T09:15:00+09:00"
    )
    assert dates.parse_datetime("20260302091500") == datetime.fromisoformat("2026-03-02T09:15:00+09:00")


def test_captions_split_the_same_with_the_credit_memo() -> None:
    for text in [*_lines(7, 800), "가람시청 앞 광장. 한빛시 제공", "도서관 개관식 모습 /사진=한빛일보 DB"]:
        forget_page()
        first = captions.cut_credit(text)
        again = captions.cut_credit(text)  # memo answers now
        forget_page()
        assert first == again == captions.cut_credit(text)


def _decision(text: str, label: str) -> Decision:
    return Decision(block=Block(text=text), label=label, reason="test")  # type: ignore[arg-type]


def test_times_read_a_label_printed_over_its_time() -> None:
    got = record._times(
        [
            _decision("가람시가 새 도서관을 열었다.", "body"),
            _decision("수정 :", "furniture"),
            _decision("2026.03.02 09:15", "info"),
            _decision("입력", "info"),  # a label alone: its time comes on the next line
            _decision("2026.03.01 08:00", "info"),
        ]
    )
    assert got == {
        "modified": datetime.fromisoformat("2026-03-02T09:15:00+09:00"),
        "published": datetime.fromisoformat("2026-03-01T08:00:00+09:00"),
    }


def test_reporters_and_comment_count_from_the_decisions() -> None:
    decisions = [
        _decision("김시은 기자", "byline"),
        _decision("가람시가 새 도서관을 열었다.", "body"),
        _decision("김시은 기자 garam@example.com", "furniture"),
        _decision("댓글 3", "furniture"),
        _decision("가람 소식", "furniture"),
    ]
    assert record._reporters(decisions) == (Reporter(name="김시은", role="기자", email="garam@example.com"),)
    assert record._comment_count(decisions) == 3
    assert record._comment_count(decisions[:3]) is None
