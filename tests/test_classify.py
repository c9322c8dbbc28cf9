"""The shared classifier and the record builder: line rules, the span path, the zoned (HTML) path.

All article text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsextract
from newsextract.blocks import Block, PageHints
from newsextract.classify import classify, is_bare_name, is_byline_line
from newsextract.fields.record import build_article
from newsextract.text import shapes

KST = timezone(timedelta(hours=9))

P1 = "한울군은 올해 농촌 빈집 40채를 고쳐 귀농 청년에게 최장 5년 동안 싼값에 빌려준다고 3일 밝혔다."
P2 = "군은 지난해 시범사업으로 빈집 열두 채를 고쳤고, 입주한 청년 가운데 아홉 가구가 마을에 정착했다."
P3 = '한울군 관계자는 "빈집이 청년의 첫 집이 되도록 돕겠다"고 말했다.'


def _blocks(lines: list[str], zone: str = "unknown") -> list[Block]:
    return [Block(text=t, index=i, where=f"line {i + 1}", zone=zone) for i, t in enumerate(lines)]  # type: ignore[arg-type]


def _article(lines: list[str]) -> newsextract.Article:
    return newsextract.extract_text("\n".join(lines))


def test_shapes() -> None:
    assert shapes.is_prose(P1)
    assert not shapes.is_sentence("한울군, 빈집 40채 고쳐 청년에게 빌려준다")
    assert shapes.is_speaker_marker("[앵커]")
    assert shapes.is_speaker_marker("◀ 리포트 ▶")
    assert shapes.is_speaker_marker("【 기자 】")
    assert not shapes.is_speaker_marker("[20240503_A]")
    assert shapes.is_time_line("입력 2024.05.03 10:20 | 수정 2024.05.03 11:05")
    assert shapes.is_time_line("기사입력 2024-05-03 10:20 l 최종수정 2024-05-03 11:05")
    assert shapes.is_time_line("2024년 05월 03일 10시 20분")
    assert not shapes.is_time_line(P1)
    assert shapes.is_credit_only("(사진=가상뉴스)")
    assert shapes.is_credit_only("[사진 출처 : 한울군청 누리집 갈무리]")
    assert shapes.is_caption_line("▲ 고쳐 지은 빈집의 부엌")
    assert shapes.is_caption_line("고쳐 지은 빈집 [한울군 제공]")
    assert not shapes.is_caption_line(P1)
    assert shapes.is_end_marker("저작권자 © 가상뉴스 무단전재 및 재배포 금지")
    assert shapes.is_end_marker("가상뉴스는 24시간 여러분의 제보를 기다립니다.")


def test_byline_lines() -> None:
    assert is_byline_line("박하람 기자 haram@example.kr")
    assert is_byline_line("가상TV 박하람 (haram@example.kr)")
    assert is_byline_line("[haram@example.kr]")
    assert is_byline_line("박하람 / 사진제공 한울군")
    assert not is_byline_line("박하람 기자가 보도합니다.")
    assert not is_byline_line("박하람 기자의 보도입니다.")
    assert not is_byline_line("(사진=박하람 기자)")
    assert is_bare_name("박하람")
    assert not is_bare_name("경제")
    assert not is_bare_name("구독중")


def test_info_lines_and_times() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "박하람 기자",
            "입력 2024.05.03 10:20",
            "수정 2024.05.03 11:05",
            "",
            P1,
            "",
            P2,
            "",
            P3,
        ]
    )
    assert a.title == "한울군, 빈집 40채 고쳐 청년에게 빌려준다"
    assert a.published == datetime(2024, 5, 3, 10, 20, tzinfo=KST)
    assert a.modified == datetime(2024, 5, 3, 11, 5, tzinfo=KST)
    assert a.approved is None
    assert [r.name for r in a.reporters] == ["박하람"]
    assert list(a.paragraphs) == [P1, P2, P3]


def test_approved_time_is_publication_when_alone() -> None:
    a = _article(
        ["한울군, 빈집 40채 고쳐 청년에게 빌려준다", "  • 승인 2024.05.03 10:20", "", P1, "", P2, "", P3]
    )
    assert a.approved == a.published == datetime(2024, 5, 3, 10, 20, tzinfo=KST)


def test_labels_on_their_own_lines() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "등록",
            "2024.05.03 10:20",
            "업데이트",
            "2024.05.03 12:00",
            P1,
            P2,
            P3,
        ]
    )
    assert a.published == datetime(2024, 5, 3, 10, 20, tzinfo=KST)
    assert a.modified == datetime(2024, 5, 3, 12, 0, tzinfo=KST)


def test_dateline_is_stripped_and_feeds_reporters() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "송고시간 2024-05-03 10:20",
            "",
            "(한울=가상통신) 박하람 기자 = " + P1,
            "",
            P2,
            "",
            P3,
        ]
    )
    assert a.paragraphs[0] == P1
    assert [(r.name, r.role, r.location) for r in a.reporters] == [("박하람", "기자", "한울")]


def test_dateline_without_reporter_and_page_junk_before_it() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            "닫기 인쇄하기 보내기 (한울=가상통신) " + P1,
            "",
            P2,
            "",
            P3,
        ]
    )
    assert a.paragraphs[0] == P1


def test_caption_repeated_is_one_image_with_credit() -> None:
    cap = "고쳐 지은 빈집의 거실 모습(사진 한울군)"
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            P1,
            "",
            cap,
            cap,
            "",
            P2,
            "",
            P3,
        ]
    )
    assert [(i.caption, i.credit) for i in a.images] == [("고쳐 지은 빈집의 거실 모습", "한울군")]
    assert a.captions == (cap,)  # as displayed, credit and brackets included
    assert a.images[0].shown == cap
    assert list(a.paragraphs) == [P1, P2, P3]


def test_pointer_caption_and_credit_line() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            "▲ 고쳐 지은 빈집의 부엌",
            P1,
            P2,
            P3,
            "(사진=가상뉴스)",
        ]
    )
    assert a.captions == ("▲ 고쳐 지은 빈집의 부엌",)
    assert "(사진=가상뉴스)" in {r.text for r in a.removed}
    assert list(a.paragraphs) == [P1, P2, P3]


def test_tv_report_sign_off_and_markers() -> None:
    lead = "한울군이 빈집을 고쳐 청년에게 빌려주는 사업을 넓힙니다."
    a = _article(
        [
            "빈집 고쳐 청년에게…한울군 사업 확대",
            "입력 2024.05.03 19:40",
            "",
            "[앵커]",
            lead,
            "박하람 기자가 보도합니다.",
            "",
            "[리포트]",
            P1,
            "",
            P2,
            "",
            P3 + " 가상뉴스 박하람입니다.",
            "",
            "가상뉴스는 24시간 여러분의 제보를 기다립니다.",
            "▷ 전화 02-000-0000",
            "#빈집 #귀농 #청년",
        ]
    )
    assert list(a.paragraphs) == ["[앵커]", lead, "박하람 기자가 보도합니다.", "[리포트]", P1, P2, P3]
    assert [r.name for r in a.reporters] == ["박하람"]


def test_whole_line_sign_off_is_a_byline() -> None:
    a = _article(
        [
            "빈집 고쳐 청년에게…한울군 사업 확대",
            "등록 2024.05.03 19:40",
            "",
            P1,
            "",
            P2,
            "",
            P3,
            "",
            "가상TV 박하람입니다.",
        ]
    )
    assert list(a.paragraphs) == [P1, P2, P3]
    assert [r.name for r in a.reporters] == ["박하람"]


def test_end_markers_cut_the_body() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            P1,
            "",
            P2,
            "",
            P3,
            "",
            "저작권자 © 가상뉴스 무단전재 및 재배포 금지",
            "",
            "많이 본 뉴스",
            "한울군 다른 소식이 이어지는 문장입니다.",
        ]
    )
    assert list(a.paragraphs) == [P1, P2, P3]


def test_reprinted_body_is_dropped() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            P1,
            "",
            P2,
            "",
            P3,
            "",
            "국제",
            "",
            P1,
            "",
            P2,
            "",
            P3,
        ]
    )
    assert list(a.paragraphs) == [P1, P2, P3]


def test_no_prose_at_all_gives_an_empty_body() -> None:
    a = _article(["메뉴", "  • 정치", "  • 경제", "로그인"])
    assert a.paragraphs == ()
    assert all(r.reason for r in a.removed)


def test_every_removed_block_has_a_reason() -> None:
    ds = classify(
        _blocks(["한울군, 빈집 40채 고쳐 청년에게 빌려준다", "입력 2024.05.03 10:20", P1, P2, "관련기사"]),
        PageHints(),
    )
    assert [d.label for d in ds] == ["title", "info", "body", "body", "furniture"]
    assert all(d.reason for d in ds)


def test_zoned_blocks_follow_the_door() -> None:
    blocks = [
        Block(text="메뉴 전체보기", index=0, zone="outside"),
        Block(text="한울군, 빈집 40채 고쳐 청년에게 빌려준다", kind="heading", index=1, zone="head"),
        Block(text="입력 2024.05.03 10:20", index=2, zone="head"),
        Block(text="짧은 소제목", kind="heading", index=3, zone="body"),
        Block(text=P1, index=4, zone="body"),
        Block(text="빈집 거실 모습", kind="caption", index=5, zone="body"),
        Block(text="표 한 칸", kind="cell", index=6, zone="body"),
        Block(text="박하람 기자 haram@example.kr", index=7, zone="body"),
        Block(text="저작권자 © 가상뉴스 무단전재 및 재배포 금지", index=8, zone="body"),
        Block(text="다른 기사 제목이 여기에 있습니다.", index=9, zone="outside"),
    ]
    hints = PageHints(title="한울군, 빈집 40채 고쳐 청년에게 빌려준다")
    ds = classify(blocks, hints)
    assert [d.label for d in ds] == [
        "furniture",
        "title",
        "info",
        "body",
        "body",
        "caption",
        "body",
        "byline",
        "furniture",
        "furniture",
    ]
    a = build_article(ds, hints, kind="html")
    assert a.paragraphs == ("짧은 소제목", P1, "표 한 칸")
    assert a.published == datetime(2024, 5, 3, 10, 20, tzinfo=KST)
    assert [(r.name, r.email) for r in a.reporters] == [("박하람", "haram@example.kr")]
    assert a.captions == ("빈집 거실 모습",)


def test_zoned_unknown_blocks_take_the_span_path() -> None:
    ds = classify(
        _blocks(["한울군, 빈집 40채 고쳐 청년에게 빌려준다", "입력 2024.05.03 10:20", P1, P2, P3]),
        PageHints(),
    )
    assert [d.label for d in ds] == ["title", "info", "body", "body", "body"]


def test_hints_fill_what_the_text_lacks() -> None:
    hints = PageHints(title="힌트 제목", published=datetime(2024, 5, 3, 9, 0, tzinfo=KST))
    ds = classify(_blocks([P1, P2, P3]), hints)
    a = build_article(ds, hints, kind="text")
    assert a.title == "힌트 제목"
    assert a.published == hints.published
    assert list(a.paragraphs) == [P1, P2, P3]


def test_head_and_outside_zones_without_a_container_take_the_span_path() -> None:
    blocks = [
        Block(text="메뉴 전체보기", index=0, zone="outside"),
        Block(text="한울군, 빈집 40채 고쳐 청년에게 빌려준다", index=1, zone="unknown"),
        Block(text="입력 2024.05.03 10:20", index=2, zone="unknown"),
        Block(text=P1, index=3, zone="unknown"),
        Block(text="다른 기사 제목이 여기에 있습니다.", index=4, zone="outside"),
        Block(text=P2, index=5, zone="unknown"),
    ]
    ds = classify(blocks, PageHints())
    assert [d.label for d in ds] == ["furniture", "title", "info", "body", "furniture", "body"]
    assert ds[4].reason == "outside the article container"


def test_reader_comments_after_the_copyright_do_not_win_over_a_short_article() -> None:
    comment = "올해도 꼭 가 보고 싶네요. 작년에는 사람이 너무 많아서 제대로 구경을 못 했거든요. 주차장도 늘려 주세요."
    lines = [
        "가상일보",
        "  • 정치",
        "",
        "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
        "입력 2024.05.03 10:20",
        "",
        P1,
        "",
        P3,
    ]
    lines += ["", "저작권자 © 가상일보 무단전재 및 재배포 금지", "", "댓글 10"]
    for i in range(10):
        lines += [f"독자{i}", comment]
    a = _article(lines)
    assert list(a.paragraphs) == [P1, P3]


def test_dump_artefacts_glued_lines() -> None:
    cap = "빈집을 고친 마을 회관 모습. 한울군 제공"
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            cap + P1,
            "",
            P2 + P3,
            "",
            P3 + " 박하람 기자 haram@example.kr",
        ]
    )
    assert list(a.paragraphs) == [P1, P2, P3, P3]
    assert [(r.name, r.email) for r in a.reporters] == [("박하람", "haram@example.kr")]


def test_a_verb_after_a_credit_word_is_not_a_glued_caption() -> None:
    p = "한울군은 귀농 청년에게 빈집을 제공하는 사업을 넓힌다. 군은 올해 예산을 두 배로 늘렸다."
    a = _article(["한울군, 빈집 40채 고쳐 청년에게 빌려준다", "입력 2024.05.03 10:20", "", p, "", P2])
    assert list(a.paragraphs) == [p, P2]


def test_a_related_box_inside_the_article_does_not_cut_it() -> None:
    a = _article(
        [
            "한울군, 빈집 40채 고쳐 청년에게 빌려준다",
            "입력 2024.05.03 10:20",
            "",
            P1,
            "",
            P2,
            "",
            "관련기사",
            "  • 한울군 귀농 박람회 열려",
            "  • 빈집 정비 조례 통과",
            "",
            P3,
            "",
            P1.replace("한울군", "군"),
            "",
            "저작권자 © 가상일보 무단전재 및 재배포 금지",
            "",
            "관련기사",
            "  • 다른 기사 제목",
        ]
    )
    assert list(a.paragraphs) == [P1, P2, P3, P1.replace("한울군", "군")]
    assert "관련기사" in {r.text for r in a.removed}


def test_a_clip_with_one_line_and_no_sentence_still_has_a_body() -> None:
    a = _article(
        [
            "가상TV",
            "  • 사회",
            "",
            "[영상] 빈집 고쳐 만든 청년 카페",
            "등록 2024.05.03 16:25",
            "디지털뉴스부",
            "",
            "고친 빈집에서 커피를 내리는 청년 창업자",
            "",
            "Copyrights ⓒ 가상TV. 무단전재 및 재배포 금지",
        ]
    )
    assert a.title == "[영상] 빈집 고쳐 만든 청년 카페"
    assert list(a.paragraphs) == ["고친 빈집에서 커피를 내리는 청년 창업자"]
    assert [r.name for r in a.reporters] == ["디지털뉴스부"]


def test_a_numbered_rundown_without_sentences_is_the_body() -> None:
    items = ["1. 한울군 빈집 40채 청년에게", "2. 가람시 버스 노선 개편 확정", "3. 새들시 봄꽃 축제 개막"]
    a = _article(
        [
            "가상TV",
            "",
            "오늘 저녁 뉴스 미리보기",
            "등록 2024.05.03 18:00",
            "",
            *items,
            "",
            "저작권자 © 가상TV",
        ]
    )
    assert list(a.paragraphs) == items


def test_decision_and_removal_stay_frozen_slotted_records() -> None:
    """Their hand-written ``__init__`` (slots written directly) keeps every dataclass behaviour."""
    import dataclasses
    import pickle

    import pytest

    from newsextract.blocks import Block, Decision
    from newsextract.model import Removal

    d = Decision(Block("가람시 소식"), "body", "article text")
    assert d.text == "" and d.kept_text == "가람시 소식"
    assert d == Decision(block=Block("가람시 소식"), label="body", reason="article text", text="")
    assert pickle.loads(pickle.dumps(d)) == d and hash(d) == hash(dataclasses.replace(d))
    assert dataclasses.replace(d, label="title").label == "title"
    assert [f.name for f in dataclasses.fields(Decision)] == ["block", "label", "reason", "text"]
    r = Removal("furniture: phrase catalog", "공유하기")
    assert (r.reason, r.text, r.where) == ("furniture: phrase catalog", "공유하기", "")
    assert pickle.loads(pickle.dumps(r)) == r
    for record in (d, r):
        assert not hasattr(record, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.reason = "x"  # type: ignore[misc]
