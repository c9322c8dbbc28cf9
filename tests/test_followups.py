"""Correctness follow-ups: sign-offs and outlet tails, production credits, "▲" bullets versus captions,
header info lines, glued time labels, URL dates, closing e-mails, captions as displayed.

All article text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsextract
from newsextract.blocks import Block, PageHints
from newsextract.classify import classify
from newsextract.fields.captions import cut_credit
from newsextract.fields.dates import find_times
from newsextract.fields.record import build_article
from newsextract.model import Article, Image

KST = timezone(timedelta(hours=9))

TITLE = "한울군, 빈집 고쳐 청년에게 빌려준다"
P1 = "한울군은 올해 농촌 빈집 40채를 고쳐 귀농 청년에게 최장 5년 동안 싼값에 빌려준다고 3일 밝혔다."
P2 = "군은 지난해 시범사업으로 빈집 열두 채를 고쳤고, 입주한 청년 가운데 아홉 가구가 마을에 정착했다."
P3 = '한울군 관계자는 "빈집이 청년의 첫 집이 되도록 돕겠다"고 말했다.'
B1 = "▲첫째 빈집 수리비를 한 채에 최대 3천만 원까지 지원한다. 지붕과 부엌, 화장실 공사가 대상이다."
B2 = "▲둘째 입주 청년에게 한 해 동안 영농 교육을 제공하고 마을 선배 농부를 짝지어 준다."


def _page(article: str, before: str = "", url: str = "") -> str:
    link = f'<link rel="canonical" href="{url}">' if url else ""
    return (
        f"<html><head><title>{TITLE}</title>{link}</head><body><h1>{TITLE}</h1>"
        f"<p>입력 2024.05.03 10:20</p>{before}<article>{article}</article>"
        "<footer>저작권자 © 가상뉴스 무단전재 및 재배포 금지</footer></body></html>"
    )


def _dump(*lines: str) -> Article:
    return newsextract.extract_text("\n\n".join([TITLE, "입력 2024.05.03 10:20", *lines]))


# ------------------------------------------------------------------ 1. tails leaking into the body


def test_tv_sign_off_glued_to_the_last_paragraph_is_dropped_and_credits_the_reporter() -> None:
    for a in (
        newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3} KBS 뉴스 박하람입니다.</p>")),
        _dump(P1, P2, P3 + " KBS 뉴스 박하람입니다."),
    ):
        assert list(a.paragraphs) == [P1, P2, P3]
        assert [r.name for r in a.reporters] == ["박하람"]


def test_outlet_tail_with_an_address_is_cut_and_its_address_kept() -> None:
    tail = "◎공감언론 뉴시스 haram@example.com"
    for a in (
        newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3} {tail}</p>")),
        newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}<br>{tail}</p>")),
        _dump(P1, P2, P3 + " " + tail),
        _dump(P1, P2, P3, tail),
    ):
        assert list(a.paragraphs) == [P1, P2, P3]
        assert a.emails == ("haram@example.com",)
        assert all(r.name != "뉴시스" for r in a.reporters)


# ------------------------------------------------------------------ 2. production credits


def test_video_credits_are_neither_reporters_nor_body() -> None:
    credits = ["영상취재 : 임채원 기자", "영상편집 : 조은비", "촬영기자:김하늘"]
    html = _page(f"<p>[앵커]</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>가상방송 박하람입니다.</p>"
                 + "".join(f"<p>{c}</p>" for c in credits))  # fmt: skip
    for a in (newsextract.extract(html), _dump("[앵커]", P1, P2, P3, "가상방송 박하람입니다.", *credits)):
        assert [r.name for r in a.reporters] == ["박하람"]
        body = " ".join(a.paragraphs)
        assert not any(name in body for name in ("임채원", "조은비", "김하늘"))


# ------------------------------------------------------------------ 3. "▲" lines: bullets or captions


def test_pointer_lines_without_an_image_are_body_points() -> None:
    a = newsextract.extract(_page(f"<p>{P1}</p><div>{B1}</div><div>{B2}</div><p>{P2}</p><p>{P3}</p>"))
    assert list(a.paragraphs) == [P1, B1, B2, P2, P3]
    assert a.images == ()


def test_pointer_line_beside_an_image_is_its_caption() -> None:
    cap = "▲ 고쳐 지은 빈집의 부엌"
    a = newsextract.extract(_page(f"<p>{P1}</p><img src='k.jpg'><p>{cap}</p><p>{P2}</p><p>{B1}</p><p>{P3}</p>"))
    assert a.captions == (cap,)
    assert list(a.paragraphs) == [P1, P2, B1, P3]


def test_lead_photo_right_above_the_article_container_makes_its_caption() -> None:
    cap = "▲ 고쳐 지은 빈집의 부엌"
    a = newsextract.extract(_page(f"<p>{cap}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>", before="<img src='k.jpg'>"))
    assert a.captions == (cap,)
    assert list(a.paragraphs) == [P1, P2, P3]


def test_pointer_lines_in_a_dump() -> None:
    a = _dump(P1, B1, B2, P2, "▲ 고쳐 지은 빈집의 부엌", P3)
    assert list(a.paragraphs) == [P1, B1, B2, P2, P3]  # sentences are points, a bare phrase a caption
    assert a.captions == ("▲ 고쳐 지은 빈집의 부엌",)
    # a zoom button where the image was makes even a sentence a caption
    b = _dump(P1, "이미지 확대하기", "▲ 주민들이 고쳐 지은 빈집 앞에 모여 입주를 축하하고 있다.", P2, P3)
    assert list(b.paragraphs) == [P1, P2, P3]
    assert len(b.captions) == 1


# ------------------------------------------------------------------ 4. an info line is no deck


def test_unlabelled_info_line_in_the_header_is_not_the_subtitle() -> None:
    blocks = [
        Block(text=TITLE, kind="heading", index=0, zone="head"),
        Block(text="글쓴이 최서린 · 2024년 4월 9일", kind="meta", index=1, zone="head"),
        Block(text=P1, index=2, zone="body"),
        Block(text=P2, index=3, zone="body"),
    ]
    decisions = classify(blocks, PageHints(title=TITLE))
    assert decisions[1].label == "info"
    a = build_article(decisions, PageHints(title=TITLE), kind="html")
    assert a.subtitle is None
    assert [r.name for r in a.reporters] == ["최서린"]


# ------------------------------------------------------------------ 5. time labels


def test_sent_label_and_labels_glued_to_a_byline() -> None:
    when = datetime(2024, 4, 9, 14, 22, tzinfo=KST)
    assert find_times("가상일보 기사전송 2024-04-09 14:22") == (("기사전송", when),)
    assert find_times("2024/04/09 14:22 전송") == (("전송", when),)
    assert find_times("최서린 기자입력 2024-04-09 14:22") == (("입력", when),)
    assert find_times("최서린 기자기사입력 2024.04.09. 14:22") == (("기사입력", when),)
    assert find_times("최서린입력 2024-04-09 14:22") == (("입력", when),)
    assert find_times("미등록 2024-04-09 14:22") == ((None, when),)  # a word ending in a label is none


# ------------------------------------------------------------------ 6. a URL never adds seconds


def test_url_time_is_only_a_last_resort() -> None:
    url = "https://news.example.kr/view/?no=20240503102017"
    a = newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", url=url))
    assert a.published == datetime(2024, 5, 3, 10, 20, tzinfo=KST)  # the displayed minute, no :17
    bare = f"<html><head><link rel='canonical' href='{url}'></head><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    assert newsextract.extract(bare).published == datetime(2024, 5, 3, 10, 20, 17, tzinfo=KST)


def test_metadata_seconds_still_refine_the_displayed_minute() -> None:
    meta = '<meta property="article:published_time" content="2024-05-03T10:20:41+09:00">'
    a = newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>").replace("</head>", meta + "</head>"))
    assert a.published == datetime(2024, 5, 3, 10, 20, 41, tzinfo=KST)


# ------------------------------------------------------------------ 8. an address closing the article


def test_address_closing_the_last_paragraph_is_the_articles() -> None:
    last = "행사장을 찾은 주민들이 고쳐 지은 빈집을 둘러보고 있다. 2024.05.03 / photo@example.com"
    a = newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{last}</p>"))
    assert a.paragraphs[-1] == last
    assert a.emails == ("photo@example.com",)
    tip = f"{P3} 제보는 tips@example.com"
    assert newsextract.extract(_page(f"<p>{P1}</p><p>{P2}</p><p>{tip}</p>")).emails == ()


# ------------------------------------------------------------------ 9. captions as displayed


def test_captions_are_given_as_displayed_with_the_credit_apart() -> None:
    cap = "▲ 고쳐 지은 빈집의 부엌 /사진=한울군 제공"
    a = newsextract.extract(_page(f"<p>{P1}</p><figure><img src='k.jpg'><figcaption>{cap}</figcaption></figure><p>{P2}</p>"))
    assert a.captions == (cap,)
    (im,) = a.images
    assert im.shown == cap and im.credit and "한울군" in im.credit
    assert im.caption and "사진=" not in im.caption
    # an Image made without ``shown`` still gives its caption and credit joined
    assert Article(images=(Image(caption="빈집의 부엌", credit="한울군"),)).captions == ("빈집의 부엌 한울군",)


def test_cut_credit_keeps_the_framing_and_cuts_only_the_credit() -> None:
    assert cut_credit("고쳐 지은 빈집의 거실 모습(사진 한울군)") == ("고쳐 지은 빈집의 거실 모습", "한울군")
    wire = "(한울=가상뉴스) 박하람 기자 = 고쳐 지은 빈집의 부엌. 2024.5.3/가상뉴스 재판매 및 DB 금지"
    assert cut_credit(wire) == ("고쳐 지은 빈집의 부엌. 2024.5.3/가상뉴스 재판매 및 DB 금지", "박하람 기자")
    assert cut_credit("사진=가상뉴스") == ("사진=가상뉴스", None)  # only a credit: the line is the caption
    assert cut_credit("고쳐 지은 빈집의 부엌") == ("고쳐 지은 빈집의 부엌", None)
