"""Articles read from script data: Arc XP Fusion, Next.js flight data / __NEXT_DATA__, JSON-LD articleBody.

All pages here are written for the tests (same structure as the real ones, invented text).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsextract.html.embedded import embedded_blocks, html_paragraphs, text_paragraphs

KST = timezone(timedelta(hours=9))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

FUSION_CONTENT = {
    "_id": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "type": "story",
    "headlines": {"basic": "[단독] 한빛시, 폐교를 청년 창업마을로"},
    "subheadlines": {"basic": "옛 초등학교 세 동 고쳐 작업실 40곳"},
    "credits": {
        "by": [{"type": "author", "name": "가나스포츠 = 박하늘 기자", "byline": "가나스포츠 = 박하늘 기자"}]
    },
    "display_date": "2024-03-12T01:25:07Z",
    "first_publish_date": "2024-03-12T01:20:00Z",
    "created_date": "2024-03-12T01:10:00.123Z",
    "last_updated_date": "2024-03-12T02:40:00.456Z",
    "taxonomy": {
        "primary_section": {"_id": "/society", "name": "사회 일반"},
        "tags": [{"text": "창업마을"}, {"text": "폐교"}],
    },
    "content_elements": [
        {
            "type": "image",
            "url": "https://img.example.kr/a.jpg",
            "caption": "창업마을 공유 작업실 내부 모습 (사진 한빛시)",
            "credits": {},
        },
        {
            "type": "text",
            "content": "[가나스포츠 박하늘 기자] 한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.",
        },
        {
            "type": "raw_html",
            "content": "<custom-ad><a href='https://x.example.kr'>▲ 다른 기사 제목</a></custom-ad>",
        },
        {"type": "header", "level": 3, "content": "빈 교실이 작업실로"},
        {
            "type": "text",
            "content": "시는 <b>세 동</b>을 고쳐 작업실 <a href='#'>마흔 곳</a>을 마련했다.<br>숙소도 함께 짓는다.",
        },
        {"type": "reference"},
        {
            "type": "list",
            "items": [{"type": "text", "content": "작업실 40곳"}, {"type": "text", "content": "숙소 12곳"}],
        },
        {"type": "text", "content": "입주 신청은 다음 달부터 받는다."},
        {"type": "text", "content": "박하늘 기자 sky@example.kr"},
    ],
}


def fusion_page(content: dict[str, object]) -> str:
    js = (
        'window.Fusion=window.Fusion||{};Fusion.arcSite="example";Fusion.globalContent='
        + json.dumps(content, ensure_ascii=False)
        + ';Fusion.globalContentConfig={"source":"article"};Fusion.lastModified=1;'
    )
    return (
        "<html><head><title>x</title></head><body>"
        '<div id="fusion-app"><p>Could not render component</p></div>'
        f'<script id="fusion-metadata" type="application/javascript">{js}</script>'
        "</body></html>"
    )


def run(markup: str):  # type: ignore[no-untyped-def]
    return embedded_blocks(lxml_html.document_fromstring(markup))


def test_fusion_article() -> None:
    got = run(fusion_page(FUSION_CONTENT))
    assert got is not None
    blocks, hints = got
    assert all(b.zone == "body" for b in blocks)
    texts = [(b.kind, b.text) for b in blocks if b.kind != "image"]
    assert texts == [
        ("caption", "창업마을 공유 작업실 내부 모습 (사진 한빛시)"),
        ("text", "[가나스포츠 박하늘 기자] 한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다."),
        ("heading", "빈 교실이 작업실로"),
        ("text", "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다."),
        ("text", "숙소도 함께 짓는다."),
        ("item", "작업실 40곳"),
        ("item", "숙소 12곳"),
        ("text", "입주 신청은 다음 달부터 받는다."),
        ("text", "박하늘 기자 sky@example.kr"),
    ]
    assert not any("다른 기사" in b.text for b in blocks)  # raw_html skipped
    images = [b for b in blocks if b.kind == "image"]
    assert images[0].src == "https://img.example.kr/a.jpg"
    assert hints.title == "[단독] 한빛시, 폐교를 청년 창업마을로"
    assert hints.subtitle == "옛 초등학교 세 동 고쳐 작업실 40곳"
    assert [(r.name, r.role) for r in hints.reporters] == [("박하늘", "기자")]
    assert hints.published == datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)  # display_date
    assert hints.modified == datetime(2024, 3, 12, 11, 40, tzinfo=KST)
    assert hints.section == "사회 일반"
    assert hints.tags == ("창업마을", "폐교")
    assert [(i.caption, i.credit) for i in hints.images] == [("창업마을 공유 작업실 내부 모습", "한빛시")]


def test_fusion_agency_credit_falls_back_to_leading_byline() -> None:
    content = dict(FUSION_CONTENT, credits={"by": [{"type": "author", "name": "NEWSAGENCY"}]})
    content["content_elements"] = [
        {"type": "text", "content": "[NEWSAGENCY=한빛, 이바다 기자] 청년 창업마을이 문을 열었다."},
        {"type": "text", "content": "입주 신청은 다음 달부터 받는다."},
    ]
    got = run(fusion_page(content))
    assert got is not None
    assert [(r.name, r.role) for r in got[1].reporters] == [("이바다", "기자")]


def test_broken_fusion_gives_none() -> None:
    markup = (
        '<html><body><script id="fusion-metadata">Fusion.globalContent={"content_elements": [ {"type":'
        "</script></body></html>"
    )
    assert run(markup) is None


def test_page_without_script_data() -> None:
    assert run("<html><body><p>보이는 본문만 있는 기사입니다.</p></body></html>") is None


def _flight(obj: object) -> str:
    """A Next.js App Router page: the RSC payload cut into self.__next_f.push chunks."""
    payload = '0:["$","html",null,{}]\n1:' + json.dumps(obj, ensure_ascii=False) + "\n"
    cut = len(payload) // 2
    chunks = [payload[:cut], payload[cut:]]
    scripts = "".join(
        f"<script>self.__next_f.push([1,{json.dumps(c, ensure_ascii=False)}])</script>" for c in chunks
    )
    return f"<html><body><div id='__next'></div><script>(self.__next_f=self.__next_f||[]).push([0])</script>{scripts}</body></html>"


def test_next_flight_article() -> None:
    article = {
        "article": {
            "title": "한빛시, 폐교를 청년 창업마을로",
            "content": "<p>한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.</p>"
            "<p>시는 세 동을 고쳐 작업실 마흔 곳을 마련했다.</p><h3>빈 교실이 작업실로</h3>"
            "<p>입주 신청은 다음 달부터 받는다.</p>",
            "reporters": [{"name": "박하늘 기자"}],
            "publishedAt": "2024-03-12T10:25:00+09:00",
            "updatedAt": "2024-03-12T11:00:00+09:00",
        }
    }
    got = run(_flight(["$", "div", None, article]))
    assert got is not None
    blocks, hints = got
    assert [(b.kind, b.text) for b in blocks] == [
        ("text", "한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다."),
        ("text", "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다."),
        ("heading", "빈 교실이 작업실로"),
        ("text", "입주 신청은 다음 달부터 받는다."),
    ]
    assert hints.title == "한빛시, 폐교를 청년 창업마을로"
    assert [r.name for r in hints.reporters] == ["박하늘"]
    assert hints.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert hints.modified == datetime(2024, 3, 12, 11, 0, tzinfo=KST)


def test_next_flight_text_row() -> None:
    body = (
        "<p>한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다. 시는 세 동을 고쳐 작업실을 마련했다.</p>"
        "<p>입주 신청은 다음 달부터 받는다. 자세한 내용은 시 누리집에 올린다.</p>"
    )
    payload = f"0:[]\n5:T{len(body.encode()):x},{body}6:[]\n"
    markup = f"<html><body><script>self.__next_f.push([1,{json.dumps(payload, ensure_ascii=False)}])</script></body></html>"
    got = run(markup)
    assert got is not None
    assert next(b.text for b in got[0]).startswith("한빛시가 문을 닫은")


def test_next_data_script() -> None:
    data = {
        "props": {
            "pageProps": {
                "news": {
                    "newsTitle": "청년 창업마을 문 연다",
                    "articleBody": "한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.\n\n"
                    "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다.\n입주 신청은 다음 달부터 시청에서 받는다.",
                    "author": "이바다 기자",
                }
            }
        }
    }
    markup = (
        '<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">'
        + json.dumps(data, ensure_ascii=False)
        + "</script></body></html>"
    )
    got = run(markup)
    assert got is not None
    blocks, hints = got
    assert [b.text for b in blocks] == [
        "한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.",
        "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다.",
        "입주 신청은 다음 달부터 시청에서 받는다.",
    ]
    assert hints.title == "청년 창업마을 문 연다"
    assert [r.name for r in hints.reporters] == ["이바다"]


def test_jsonld_article_body() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "청년 창업마을 문 연다",
        "articleBody": "한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.  "
        "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다.  입주 신청은 다음 달부터 시청에서 받는다.",
        "datePublished": "2024-03-12T10:25:00+09:00",
        "author": {"@type": "Person", "name": "박하늘 기자"},
        "image": {
            "@type": "ImageObject",
            "url": "https://img.example.kr/b.jpg",
            "caption": "작업실 모습 (사진 한빛시)",
        },
    }
    markup = (
        '<html><head><script type="application/ld+json">'
        + json.dumps(ld, ensure_ascii=False)
        + "</script></head><body><div id='root'></div></body></html>"
    )
    got = run(markup)
    assert got is not None
    blocks, hints = got
    assert [b.text for b in blocks] == [
        "한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.",
        "시는 세 동을 고쳐 작업실 마흔 곳을 마련했다.",
        "입주 신청은 다음 달부터 시청에서 받는다.",
    ]
    assert hints.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert [(i.caption, i.credit) for i in hints.images] == [("작업실 모습", "한빛시")]


def test_short_jsonld_body_is_ignored() -> None:
    ld = '{"@type": "NewsArticle", "headline": "제목", "articleBody": "짧다."}'
    markup = f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
    assert run(markup) is None


def test_html_paragraphs() -> None:
    assert html_paragraphs("그냥 글") == [("text", "그냥 글")]
    assert html_paragraphs("첫 줄<br/>둘째 줄<script>var x=1;</script>") == [
        ("text", "첫 줄"),
        ("text", "둘째 줄"),
    ]
    assert html_paragraphs("<h2>소제목</h2><p>문단 &amp; 기호</p>") == [
        ("heading", "소제목"),
        ("text", "문단 & 기호"),
    ]
    assert text_paragraphs("한 줄만 있는 본문입니다") == [("text", "한 줄만 있는 본문입니다")]


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="shared corpus not present")
def test_dev_fusion_pages_match_gold_paragraphs() -> None:
    from newsextract.decode import decode_bytes

    pages = sorted((SHARED / "dev" / "pages").glob("chosun-*.html"))
    assert pages
    for path in pages:
        gold = json.loads((SHARED / "dev" / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        text, _ = decode_bytes(path.read_bytes())
        got = embedded_blocks(lxml_html.document_fromstring(text))
        assert got is not None, path.stem
        blocks, hints = got
        assert hints.title == gold["title"]
        body = " ".join(b.text for b in blocks if b.kind == "text")
        for para in gold["paragraphs"]:
            assert para in body, path.stem
        assert {r.name for r in hints.reporters} == {r["name"] for r in gold["reporters"]}
        assert hints.published == datetime.fromisoformat(gold["published"])
        assert hints.modified == datetime.fromisoformat(gold["modified"])


def test_next_flight_prefers_the_longest_article_over_teasers() -> None:
    teaser = {"title": "다른 기사 제목", "content": "다른 기사의 짧은 요약입니다. " * 4}
    article = {
        "title": "한빛시, 폐교를 청년 창업마을로",
        "content": "<p>한빛시가 문을 닫은 초등학교를 청년 창업마을로 바꾼다.</p>" * 3
        + "<p>입주 신청은 다음 달부터 시청에서 받는다.</p>",
    }
    got = run(_flight({"related": [teaser], "main": article}))
    assert got is not None
    assert got[1].title == "한빛시, 폐교를 청년 창업마을로"
    assert got[0][-1].text == "입주 신청은 다음 달부터 시청에서 받는다."
