"""The text door: dump lines into blocks (bullets, markdown, lynx wrapping, side-by-side columns).

All text is invented.
"""

from __future__ import annotations

import newsextract
from newsextract.limits import DEFAULT_LIMITS, Limits
from newsextract.text.columns import column_edge, split_columns
from newsextract.text.door import text_blocks
from newsextract.text.markdown import looks_like_markdown, strip_markdown
from newsextract.text.reflow import display_width, reflow, wrap_width

S1 = "가온시는 올해 하반기부터 시내버스 노선 열두 개를 새로 짜고 배차 간격을 평균 4분 줄인다고 밝혔다."
S2 = "시는 출퇴근 시간에 승객이 몰리는 구간에 차량 스무 대를 더 넣을 계획이다."


def _texts(dump: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in text_blocks(dump, limits=DEFAULT_LIMITS)]


def test_w3m_bullets_are_items_and_gaps_are_kept() -> None:
    blocks = text_blocks("메뉴\n  • 정치\n  • 경제\n\n" + S1 + "\n", limits=DEFAULT_LIMITS)
    assert [(b.kind, b.text) for b in blocks] == [
        ("text", "메뉴"),
        ("item", "정치"),
        ("item", "경제"),
        ("text", S1),
    ]
    assert [b.gap_before for b in blocks] == [True, False, False, True]
    assert [b.where for b in blocks] == ["line 1", "line 2", "line 3", "line 5"]


def test_lynx_marks_and_bullets() -> None:
    dump = "   (BUTTON) 공유하기 (BUTTON) 인쇄\n     * 정치\n     + 경제\n   [IMG] 사진 설명\n"
    assert _texts(dump) == [
        ("text", "공유하기 인쇄"),
        ("item", "정치"),
        ("item", "경제"),
        ("text", "사진 설명"),
    ]


def test_a_dash_is_not_a_bullet_in_a_plain_dump() -> None:
    assert _texts("- 첫째 요점은 이렇다\n") == [("text", "- 첫째 요점은 이렇다")]


def _wrap(text: str, width: int, measure=display_width, indent: str = "   ") -> list[str]:  # type: ignore[no-untyped-def]
    lines, cur = [], ""
    for word in text.split(" "):
        trial = f"{cur} {word}" if cur else word
        if cur and measure(indent + trial) > width:
            lines.append(indent + cur)
            cur = word
        else:
            cur = trial
    return [*lines, indent + cur]


def test_reflow_joins_lines_wrapped_by_terminal_columns() -> None:
    lines = ["   메뉴", "", *_wrap(S1 + " " + S2, 60), "", *_wrap(S2 + " " + S1, 60), "", *_wrap(S1, 60)]
    assert wrap_width(lines) is not None
    joined = [x.strip() for x in reflow(lines) if x.strip()]
    assert joined == ["메뉴", S1 + " " + S2, S2 + " " + S1, S1]


def test_reflow_joins_lines_wrapped_by_character_count() -> None:
    menu = ["   메뉴 하나", "   메뉴 둘"] * 3
    lines = [*menu, *_wrap(S1 + " " + S2, 40, measure=len), "", *_wrap(S2 + " " + S1, 40, measure=len)]
    joined = [x.strip() for x in reflow(lines) if x.strip()]
    assert joined == [x.strip() for x in menu] + [S1 + " " + S2, S2 + " " + S1]


def test_reflow_leaves_unwrapped_dumps_alone() -> None:
    lines = [S1, S2, S1, S2, S1, S2, S1, S2, S1, S2, S1, S2]
    assert reflow(lines) == lines
    assert wrap_width(lines) is None


def test_lynx_wrapped_paragraph_becomes_one_block() -> None:
    filler = ["   메뉴 하나", "   메뉴 둘"] * 5
    dump = "\n".join([*filler, "", *_wrap(S1 + " " + S2, 56), "", *_wrap(S2 + " " + S1, 56)])
    texts = [t for _, t in _texts(dump)]
    assert S1 + " " + S2 in texts
    assert S2 + " " + S1 in texts


def test_markdown_is_undone() -> None:
    lines = [
        "[가온일보](https://news.example.kr/)",
        "  * [정치](/politics)",
        "# 가온시 버스 노선 개편",
        "**굵은 소제목**",
        "_입력 2024.06.01 (09:00)_",
        "![버스 정류장](https://img.example.kr/a.jpg)",
        "1\\. 번호가 아닌 문장\\-기호",
        "| 표 안의 글 |",
        "[링크 글](javascript:go\\(1\\)) 뒤의 글",
    ]
    assert looks_like_markdown(lines * 3)
    blocks = text_blocks("\n".join(lines), limits=DEFAULT_LIMITS)
    assert [(b.kind, b.text) for b in blocks] == [
        ("text", "가온일보"),
        ("item", "정치"),
        ("heading", "가온시 버스 노선 개편"),
        ("text", "굵은 소제목"),
        ("text", "입력 2024.06.01 (09:00)"),
        ("image", "버스 정류장"),
        ("text", "1. 번호가 아닌 문장-기호"),
        ("text", "표 안의 글"),
        ("text", "링크 글 뒤의 글"),
    ]
    assert blocks[0].link_density == 1.0
    assert blocks[5].src == "https://img.example.kr/a.jpg"


def test_markdown_keeps_emails_and_inner_underscores() -> None:
    md = strip_markdown("가온 기자 [kim_a@example.kr](mailto:kim_a@example.kr) snake_case_word")
    assert md.text == "가온 기자 kim_a@example.kr snake_case_word"


def test_plain_dump_brackets_are_not_markdown() -> None:
    assert not looks_like_markdown(["[앵커]", S1, "[기자]", S2])
    assert _texts("[앵커]\n" + S1) == [("text", "[앵커]"), ("text", S1)]


def test_side_by_side_columns_are_read_one_after_the_other() -> None:
    left = [S1[:25], S1[25:50], S2[:25], "가온시 관계자는 이렇게 말했다.", "다른 줄도 있다."]
    right = ["· 많이 본 기사 하나", "· 많이 본 기사 둘", "· 많이 본 기사 셋", "· 많이 본 기사 넷", "· 다섯"]
    lines = ["가온일보" + " " * 80 + "로그인"]
    for a, b in zip(left, right, strict=True):
        lines.append(a + " " * (70 - display_width(a)) + b)
    lines.append("저작권자 © 가온일보 무단전재 및 재배포 금지")
    assert column_edge(lines) == 70
    out = [x.strip() for x in split_columns(lines)]
    assert out[1:6] == [x.strip() for x in left]
    assert out[-5:] == right  # the side column is read after the main one, never inside it


def test_no_columns_in_a_plain_dump() -> None:
    lines = [S1, "", "   • 메뉴", S2]
    assert column_edge(lines) is None
    assert split_columns(lines) == lines


def test_line_limit_is_enforced() -> None:
    import pytest

    from newsextract.errors import InputTooLargeError

    with pytest.raises(InputTooLargeError):
        text_blocks("가\n" * 20, limits=Limits(max_lines=10))


def test_guest_line_opens_the_body_and_a_bare_photo_credit_line_is_a_caption() -> None:
    dump = "\n".join(
        [
            "가람뉴스TV",
            "",
            "[이슈+] 가람시 새 도서관, 무엇이 달라지나",
            "",
            "<출연 : 윤서진 가람대 문헌정보학과 교수>",
            "",
            "가람시가 새 도서관을 다음 달 연다고 밝혔습니다. 주민 의견을 모아 설계했다고 하는데요.",
            "",
            "새 도서관 열람실 모습 사진=가람시 누리집 갈무리",
            "",
            "열람실은 밤 열 시까지 문을 열고, 어린이 책방은 주말에도 운영한다고 합니다.",
            "",
            "시는 개관 첫 달 동안 방문객 의견을 받아 운영 시간을 다시 정하겠다고 밝혔습니다.",
            "",
        ]
    )
    art = newsextract.extract_text(dump)
    assert art.title == "[이슈+] 가람시 새 도서관, 무엇이 달라지나"
    assert art.subtitle is None
    assert art.paragraphs[0] == "<출연 : 윤서진 가람대 문헌정보학과 교수>"
    assert all("사진=" not in p for p in art.paragraphs)


def test_markdown_bold_deck_over_several_lines_is_unwrapped() -> None:
    from newsextract.text.markdown import unwrap_strong_runs

    lines = ["**첫 줄 요약", "둘째 줄 요약", "셋째 줄 요약**", "", "**한 줄** 그대로", "a ** b", "c ** d"]
    assert unwrap_strong_runs(lines) == ["첫 줄 요약", "둘째 줄 요약", "셋째 줄 요약", "", "**한 줄** 그대로", "a ** b", "c ** d"]


def test_underscored_caption_with_a_star_inside_is_plain_text() -> None:
    got = strip_markdown("_가람시청 앞 광장. (사진 = 가람시) *재판매 및 DB 금지_")
    assert got.text == "가람시청 앞 광장. (사진 = 가람시) *재판매 및 DB 금지"


def test_caption_glued_to_the_lead_paragraph_is_split_off() -> None:
    dump = "\n".join(
        [
            "가람시 새 도서관 문 연다",
            "",
            "가람시청 앞 광장. (사진 = 가람시) garam@example.com *재판매 및 DB 금지[가람=한빛뉴스]김가람 기자 = "
            "가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 설계했다.",
            "",
            "열람실은 밤 열 시까지 문을 열고, 어린이 책방은 주말에도 운영한다.",
            "",
            "시는 개관 첫 달 동안 방문객 의견을 받아 운영 시간을 다시 정하겠다고 밝혔다.",
            "",
        ]
    )
    art = newsextract.extract_text(dump)
    assert art.paragraphs[0] == "가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 설계했다."
    assert all("DB 금지" not in p for p in art.paragraphs)


def test_slogan_under_the_closing_byline_and_lead_sentence_over_the_image() -> None:
    dump = "\n".join(
        [
            "한빛 연예",
            "",
            "‘가람의 노래’ 윤서진, 새 앨범으로 돌아왔다",
            "",
            "윤서진이 새 앨범을 냈다.",
            "",
            "한빛연예 사진",
            "",
            "윤서진은 2일 새 앨범 발매 기념 공연을 열고 수록곡 열 곡을 처음 선보였다.",
            "",
            "그는 공연에서 “오래 기다려 준 분들께 고맙다”며 “여름에는 전국 공연을 하겠다”고 말했다.",
            "",
            "새 앨범은 그가 직접 쓴 곡으로만 채워졌다.",
            "",
            "(한빛연예 김가람 기자)",
            "한빛 연예뉴스 소문보단 사실을, 가볍지만 바르게!",
            "",
        ]
    )
    art = newsextract.extract_text(dump)
    assert art.paragraphs[0] == "윤서진이 새 앨범을 냈다."
    assert art.paragraphs[-1] == "새 앨범은 그가 직접 쓴 곡으로만 채워졌다."
    assert [r.name for r in art.reporters] == ["김가람"]
