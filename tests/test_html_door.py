"""The HTML door: pruning, block cutting, zones, header hints. Pages here are small invented snippets."""

from __future__ import annotations

import time

import pytest

import newsextract
from newsextract.blocks import Block, PageHints
from newsextract.errors import ParseError
from newsextract.html.door import html_blocks
from newsextract.html.parse import parse_html
from newsextract.html.prune import style_hides, tag_pruned, traits
from newsextract.limits import DEFAULT_LIMITS, Limits

PROSE = [
    "가람시가 내년부터 시내버스 노선 열두 개를 새로 짜고 배차 간격을 평균 8분으로 줄인다고 밝혔다.",
    "시는 출퇴근 시간대 승객이 몰리는 구간에 차량 스무 대를 더 넣고 심야 노선도 두 개 만든다.",
    '시민들은 환영하는 분위기다. 한 시민은 "기다리는 시간이 줄면 차를 두고 다닐 생각"이라고 말했다.',
    "시는 다음 달 공청회를 열어 주민 의견을 듣고 최종 노선안을 확정할 계획이다.",
]


def page(body: str, *, head: str = "<title>가람시 시내버스 노선 전면 개편 - 가람일보</title>") -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def door(
    markup: str, *, profiles: bool = True, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Block], PageHints]:
    root = parse_html(markup, limits=DEFAULT_LIMITS)
    return html_blocks(root, url=None, encoding="utf-8", limits=limits, profiles=profiles)


def texts(blocks: list[Block], zone: str | None = None) -> list[str]:
    return [b.text for b in blocks if zone is None or b.zone == zone]


def paragraphs_html() -> str:
    return "".join(f"<p>{p}</p>" for p in PROSE)


# --- pruning -----------------------------------------------------------------------------------------


def test_scripts_styles_comments_and_hidden_elements_never_become_text() -> None:
    body = (
        "<div id='article'>"
        "<script>var leak = '스크립트 글';</script><style>.x{}</style><noscript>노스크립트 글</noscript>"
        "<!-- 주석 속의 글 -->"
        f"<p>{PROSE[0]}</p>"
        "<p style='display: none'>숨은 문단 하나</p>"
        "<p style='visibility:hidden'>숨은 문단 둘</p>"
        "<div hidden>숨은 문단 셋</div>"
        "<div aria-hidden='true'>숨은 목록</div>"
        "<span class='blind'>기자명</span><span class='show-for-sr'>기사공유하기</span>"
        f"<p>{PROSE[1]}</p><template><p>템플릿 글</p></template>"
        "</div>"
    )
    blocks, _ = door(page(body))
    joined = " ".join(texts(blocks))
    for leak in ("스크립트", "노스크립트", "주석", "숨은", "기자명", "기사공유하기", "템플릿"):
        assert leak not in joined
    assert PROSE[0] in joined and PROSE[1] in joined


def test_comment_tail_text_is_kept() -> None:
    body = f"<div><p>{PROSE[0]}<!-- 광고 -->{PROSE[1]}</p></div>"
    blocks, _ = door(page(body))
    assert any(PROSE[1] in t for t in texts(blocks))


def test_share_comment_ad_and_related_widgets_are_pruned() -> None:
    body = (
        "<div class='article_view'><h1>가람시 시내버스 노선 전면 개편</h1>"
        f"{paragraphs_html()}"
        "<div class='share_btns'><a>페이스북</a><a>카카오톡</a></div>"
        "<div class='ad_wrap'>광고 영역 문구</div><ins class='adsbygoogle'>광고</ins>"
        "<div class='comment_area'>댓글을 남겨 주세요 이곳에</div>"
        "<div class='box'><h3>많이 본 뉴스</h3><ul><li><a>솔내군 폐교 부지에 캠핑장</a></li></ul></div>"
        "</div>"
    )
    blocks, _ = door(page(body))
    body_texts = texts(blocks, "body")
    joined = " ".join(body_texts)
    for leak in ("페이스북", "광고 영역", "댓글을 남겨", "솔내군 폐교"):
        assert leak not in joined
    assert all(p in body_texts for p in PROSE)


def test_button_showing_a_time_is_kept_as_a_header_line() -> None:
    body = (
        "<div class='head'><h1>가람시 시내버스 노선 전면 개편</h1>"
        "<p>입력 2025-03-02 10:00</p><button>업데이트 2025-03-02 12:30</button><button>공유하기</button></div>"
        f"<div class='article_body'>{paragraphs_html()}</div>"
    )
    blocks, hints = door(page(body))
    assert "공유하기" not in " ".join(texts(blocks))
    assert any("업데이트 2025-03-02 12:30" in t for t in texts(blocks))
    assert hints.published is not None and hints.published.hour == 10


# --- block cutting -----------------------------------------------------------------------------------


def test_br_separated_text_becomes_separate_blocks() -> None:
    body = "<div id='dic_area'>" + "<br><br>".join(PROSE[:2]) + "<br>" + PROSE[2] + "</div>"
    blocks, _ = door(page(body))
    assert texts(blocks, "body") == PROSE[:3]


def test_whitespace_is_normalised_and_entities_decoded() -> None:
    body = f"<div id='dic_area'><p>  {PROSE[0][:20]} \n\t {PROSE[0][20:]}&nbsp;</p><p>A&amp;B 협약 {PROSE[1]}</p></div>"
    blocks, _ = door(page(body))
    got = texts(blocks, "body")
    assert got[0] == " ".join(PROSE[0].split()).replace(PROSE[0][:20] + PROSE[0][20:], PROSE[0]) or got[0]
    assert "  " not in got[0] and "\n" not in got[0]
    assert got[1].startswith("A&B 협약")


def test_block_kinds_heading_caption_item_image() -> None:
    body = (
        "<div id='article-view-content-div'>"
        "<figure><img src='/photo/1.jpg' alt='버스 사진'><figcaption>▲새 시내버스 /가람시 제공</figcaption></figure>"
        f"<p>{PROSE[0]}</p><h3>노선 어떻게 바뀌나</h3><p><strong>심야 노선 신설</strong></p>"
        f"<ul><li>1번 노선 연장</li><li>2번 노선 폐지</li></ul><p>{PROSE[1]}</p>"
        "</div>"
    )
    blocks, hints = door(page(body))
    kinds = {b.text: b.kind for b in blocks if b.zone == "body"}
    assert kinds["▲새 시내버스 /가람시 제공"] == "caption"
    assert kinds["노선 어떻게 바뀌나"] == "heading"
    assert kinds["심야 노선 신설"] == "heading"
    assert kinds["1번 노선 연장"] == "item"
    assert kinds[PROSE[0]] == "text"
    images = [b for b in blocks if b.kind == "image"]
    assert images and images[0].src == "/photo/1.jpg" and images[0].alt == "버스 사진"
    assert hints.images and hints.images[0].src == "/photo/1.jpg"


def test_link_density_and_where_are_filled() -> None:
    body = f"<div id='dic_area'><p>{PROSE[0]}</p><p><a href='/x'>가람시 다른 기사 보러 가기</a></p></div>"
    blocks, _ = door(page(body))
    linked = [b for b in blocks if b.text == "가람시 다른 기사 보러 가기"]
    assert linked and linked[0].link_density == pytest.approx(1.0)
    assert linked[0].zone == "outside"  # a line that is only a link is not article text
    prose = next(b for b in blocks if b.text == PROSE[0])
    assert prose.link_density == 0.0
    assert "dic_area" in prose.where


# --- profiles: zones and header hints ------------------------------------------------------------------


NDSOFT = page(
    "<header class='article-view-header'><h3 class='heading'>가람시 시내버스 노선 전면 개편</h3>"
    "<div class='info-group'><ul class='infomation'>"
    "<li><i class='icon-user-o'><span class='show-for-sr'>기자명</span></i> 김하늘 기자</li>"
    "<li><i class='icon-clock-o'></i> 입력 2025.03.02 10:00</li><li>수정 2025.03.02 12:30</li><li>댓글 0</li>"
    "</ul></div></header>"
    "<article id='article-view-content-div' class='article-veiw-body'>"
    "<h2 class='subheading'>배차 간격 8분으로<br>심야 노선 두 개 신설</h2>"
    "<figure class='photo-layout'><img src='/news/photo/1.jpg'><figcaption>▲가람시 시내버스 (사진 가람시)</figcaption></figure>"
    + paragraphs_html()
    + "<div class='ad-template'><p class='ad_title'>ADVERTISEMENT</p></div>"
    "<p>김하늘 기자 sky@example.kr</p></article>"
    "<article class='article-copy'>저작권자 © 가람일보 무단전재 및 재배포 금지</article>"
)


def test_profile_container_zones_and_head() -> None:
    blocks, hints = door(NDSOFT)
    assert hints.profile == "ndsoft"
    body = texts(blocks, "body")
    assert all(p in body for p in PROSE)
    assert "ADVERTISEMENT" not in " ".join(texts(blocks))
    head = texts(blocks, "head")
    assert "가람시 시내버스 노선 전면 개편" in head
    assert "배차 간격 8분으로" in head and "심야 노선 두 개 신설" in head
    assert "저작권자 © 가람일보 무단전재 및 재배포 금지" not in body
    assert "댓글 0" not in head


def test_profile_visible_hints() -> None:
    _, hints = door(NDSOFT)
    assert hints.title == "가람시 시내버스 노선 전면 개편"
    assert hints.subtitle == "배차 간격 8분으로\n심야 노선 두 개 신설"
    assert hints.published is not None and (hints.published.hour, hints.published.minute) == (10, 0)
    assert hints.modified is not None and (hints.modified.hour, hints.modified.minute) == (12, 30)
    assert [r.name for r in hints.reporters] == ["김하늘"]
    assert hints.images and "가람시 시내버스" in (hints.images[0].caption or "")
    assert hints.images[0].src == "/news/photo/1.jpg"


def test_extract_end_to_end_with_and_without_profiles() -> None:
    for flag in (True, False):
        art = newsextract.extract(NDSOFT, profiles=flag)
        assert list(art.paragraphs) == PROSE, flag
        assert art.title == "가람시 시내버스 노선 전면 개편"


# --- generic path --------------------------------------------------------------------------------------


GENERIC = page(
    "<div id='top'><div class='logo'>가람소식</div><div class='menu'><a>홈</a> | <a>시정</a> | <a>교육</a></div></div>"
    "<div id='left'><div class='newstitle'>가람시 시내버스 노선 전면 개편</div>"
    "<div class='newsinfo'>김하늘 기자 | 작성 2025.03.02 10:00</div>"
    "<div class='newsbody'>" + "<br><br>".join(PROSE) + "</div>"
    "<div class='list'><a>다른 기사 하나</a><br><a>다른 기사 둘</a><br><a>다른 기사 셋</a></div></div>"
    "<div id='right'><b>오늘의 주요뉴스</b><ul><li><a>솔내군 폐교 부지에 캠핑장 들어선다 소식</a></li>"
    "<li><a>누리시 심야 약국 다섯 곳 지정 소식</a></li></ul></div>",
)


def test_generic_path_finds_body_title_and_info() -> None:
    blocks, hints = door(GENERIC, profiles=False)
    assert hints.profile is None
    assert texts(blocks, "body") == PROSE
    head = texts(blocks, "head")
    assert head[0] == "가람시 시내버스 노선 전면 개편"
    assert "김하늘 기자 | 작성 2025.03.02 10:00" in head
    assert hints.published is not None and hints.published.day == 2


def test_generic_title_when_the_page_title_is_only_the_site_name() -> None:
    markup = GENERIC.replace(
        "<title>가람시 시내버스 노선 전면 개편 - 가람일보</title>", "<title>가람소식</title>"
    )
    art = newsextract.extract(markup, profiles=False)
    assert art.title == "가람시 시내버스 노선 전면 개편"
    assert list(art.paragraphs) == PROSE


def test_generic_relaxed_retry_finds_a_short_body() -> None:
    body = (
        "<div class='nav'><a>홈</a><a>뉴스</a><a>사진</a></div>"
        "<div class='wrap'><h1>가람시 꽃길 개장</h1><div class='txt'>꽃길이 오늘 문을 연다</div></div>"
    )
    blocks, _ = door(page(body, head="<title>가람시 꽃길 개장</title>"), profiles=False)
    assert "꽃길이 오늘 문을 연다" in texts(blocks, "body")


# --- limits and robustness -----------------------------------------------------------------------------


def test_deep_tree_is_walked_without_recursion_and_refused_past_max_depth() -> None:
    depth = 1500
    markup = page("<div>" * depth + PROSE[0] + "</div>" * depth + f"<p>{PROSE[1]}</p>")
    t0 = time.perf_counter()
    blocks, _ = door(markup)
    assert time.perf_counter() - t0 < 10
    assert PROSE[0] in texts(blocks) and PROSE[1] in texts(blocks)
    with pytest.raises(ParseError, match="deeper than 50 levels"):
        door(markup, limits=Limits(max_depth=50))


def test_empty_and_text_free_pages_give_no_blocks() -> None:
    blocks, hints = door(page("<div><img src='/a.png'></div>"))
    assert [b for b in blocks if b.text] == []
    assert hints.profile is None


def test_many_siblings_finish_quickly() -> None:
    markup = page("<div>" + "<p>가람시 소식 한 줄입니다.</p>" * 20000 + "</div>")
    t0 = time.perf_counter()
    blocks, _ = door(markup)
    assert time.perf_counter() - t0 < 20
    assert len(blocks) >= 20000


def test_headline_heading_the_container_and_a_date_only_line() -> None:
    body = (
        "<table><tr><td id='pop_header'><h1>저장된 페이지 보기</h1></td></tr><tr><td>"
        "<div class='news_view'><h3>가람시 시내버스 노선 전면 개편</h3>"
        "<span>[가람일보] 2013-06-22 24면 40판</span>" + paragraphs_html() + "</div></td></tr></table>"
    )
    blocks, hints = door(page(body, head="<title>언론재단</title>"), profiles=False)
    assert hints.title == "가람시 시내버스 노선 전면 개편"
    assert hints.published is not None and hints.published.date().isoformat() == "2013-06-22"
    assert "[가람일보] 2013-06-22 24면 40판" in texts(blocks, "head")
    assert texts(blocks, "body") == PROSE


def test_labels_and_links_in_info_and_reporter_boxes_are_not_header_lines() -> None:
    markup = NDSOFT.replace(
        "<p>김하늘 기자 sky@example.kr</p></article>",
        "</article><div class='view-editors'><strong>김하늘 기자</strong> <a>sky@example.kr</a>"
        "<p>기자의 다른기사 보기</p></div>",
    )
    blocks, hints = door(markup)
    head = texts(blocks, "head")
    assert "댓글 0" not in head
    assert "기자의 다른기사 보기" not in head
    assert any("sky@example.kr" in t for t in head)
    assert [r.email for r in hints.reporters] == ["sky@example.kr"]


def test_bold_deck_lines_opening_the_body_are_head() -> None:
    body = (
        "<h1 class='art_tit'>가람시 시내버스 노선 전면 개편</h1><div class='text_area'>"
        "<strong>- 배차 간격 8분으로</strong><br><strong>- 심야 노선 두 개 신설</strong><br><br>"
        + "<br><br>".join(PROSE)
        + "</div>"
    )
    blocks, _ = door(page(body), profiles=False)
    assert "- 배차 간격 8분으로" in texts(blocks, "head")
    assert "- 심야 노선 두 개 신설" in texts(blocks, "head")
    assert texts(blocks, "body") == PROSE


# --- prune rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "hidden"),
    [
        ("display:none", True),
        ("DISPLAY : NONE ;color:red", True),
        ("visibility: hidden", True),
        ("display:block", False),
        ("overflow:hidden", False),
        (None, False),
    ],
)
def test_style_hides(style: str | None, hidden: bool) -> None:
    assert style_hides(style) is hidden


def test_traits_of_class_and_id() -> None:
    assert traits("blind", None).hidden
    assert traits("show-for-sr", None).hidden
    assert traits("article_share_btn", None).chrome
    assert traits("x", "comment-area").chrome
    assert not traits("article_view", None).chrome
    assert not traits("news_body sns_free", None).chrome  # a body container is never chrome by its words
    assert traits("article_body", None).flag == 1
    assert traits("sidebar", None).flag == -1


def test_tag_pruned_keeps_a_button_that_shows_a_time() -> None:
    root = parse_html(page("<button id='a'>공유하기</button><button id='b'>업데이트 2024-05-30 09:12</button>"),
                      limits=DEFAULT_LIMITS)  # fmt: skip
    a, b = root.xpath("//*[@id='a']")[0], root.xpath("//*[@id='b']")[0]
    assert tag_pruned("button", a)
    assert not tag_pruned("button", b)
    assert tag_pruned("script", a)
    assert not tag_pruned("p", a)


def test_bold_deck_opening_the_body_is_the_subtitle_when_the_profile_found_the_headline() -> None:
    markup = (
        "<html><head><title>가람시 대담</title></head><body>"
        '<h1 id="news-title" class="article_main_tit">가람시장 "새 도서관은 모두의 서재"</h1>'
        '<div class="info_area"><span class="date"><span>2026.03.02 09:15</span></span></div>'
        '<div class="main_text"><div class="text_area">'
        "<strong>- 새 도서관, 다음 달 문 연다</strong><br><strong>- 주민 의견 모아 설계</strong><br><br>"
        "■ 방송 : 가람라디오 아침대담<br>"
        "▷진행자 : 새 도서관 이야기를 들어보겠습니다. 준비는 어디까지 됐습니까?<br>"
        "▶가람시장 : 공사는 끝났고 책을 들이는 중입니다. 다음 달이면 문을 엽니다.<br>"
        "인터뷰 자료의 저작권은 가람라디오에 있습니다.<br>"
        "전문 게재나 인터뷰 인용 보도 시,<br>아래와 같이 프로그램명을 밝혀주시기 바랍니다.<br>[가람라디오 아침대담]"
        "</div></div></body></html>"
    )
    art = newsextract.extract(markup)
    assert art.title == '가람시장 "새 도서관은 모두의 서재"'
    assert art.subtitle == "- 새 도서관, 다음 달 문 연다\n- 주민 의견 모아 설계"
    assert art.paragraphs[0] == "■ 방송 : 가람라디오 아침대담"
    assert art.paragraphs[-1].startswith("▶가람시장 : 공사는 끝났고")  # the copyright statement ends the article


def test_wire_caption_glued_to_the_lead_paragraph_is_cut_off_on_an_unknown_page() -> None:
    markup = (
        "<html><head><title>가람시 새 도서관 문 연다</title></head><body>"
        '<div class="x1"><h2 class="x2">가람시 새 도서관 문 연다</h2>'
        '<div class="x3"><img src="/a.jpg"><span>가람시청 앞 광장. (사진 = 가람시) garam@example.com '
        "*재판매 및 DB 금지</span>[가람=한빛뉴스]김가람 기자 = 가람시가 새 도서관을 다음 달 연다고 밝혔다. "
        "주민 의견을 모아 설계했다.<br><br>열람실은 밤 열 시까지 문을 열고, 어린이 책방은 주말에도 운영한다.<br><br>"
        "시는 개관 첫 달 동안 방문객 의견을 받아 운영 시간을 다시 정하겠다고 밝혔다.</div></div></body></html>"
    )
    art = newsextract.extract(markup)
    assert art.paragraphs[0] == "가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 설계했다."
    assert all("DB 금지" not in p for p in art.paragraphs)


def test_visible_hints_merge_over_metadata() -> None:
    from datetime import datetime, timedelta, timezone

    from newsextract.html.door import _merge

    kst = timezone(timedelta(hours=9))
    meta = PageHints(
        title="메타데이터 제목",
        published=datetime(2024, 3, 5, 9, 12, 45, tzinfo=kst),
        modified=datetime(2024, 3, 5, 10, 0, tzinfo=kst),
        section="사회",
        url="https://example.com/a",
        encoding="euc-kr",
    )
    visible = PageHints(
        title="화면에 보이는 제목",
        published=datetime(2024, 3, 5, 9, 12, tzinfo=kst),  # the same minute: the metadata's seconds stay
        modified=datetime(2024, 3, 5, 11, 30, tzinfo=kst),
        tags=("버스",),
    )
    got = _merge(visible, meta, encoding="utf-8", profile="demo")
    assert got == PageHints(
        title="화면에 보이는 제목",
        published=datetime(2024, 3, 5, 9, 12, 45, tzinfo=kst),
        modified=datetime(2024, 3, 5, 11, 30, tzinfo=kst),
        section="사회",
        url="https://example.com/a",
        tags=("버스",),
        encoding="utf-8",
        profile="demo",
    )
