"""Page hints from meta tags, JSON-LD, portal attributes and the URL (pages written for the tests)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsextract.blocks import PageHints
from newsextract.fields.titles import split_title_prefix
from newsextract.html.meta import (
    clean_title,
    loads_lenient,
    machine_time,
    page_hints,
    person_reporters,
    strip_js_comments,
    url_date,
)

KST = timezone(timedelta(hours=9))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def hints(markup: str, url: str | None = None) -> PageHints:
    return page_hints(lxml_html.document_fromstring(markup), url=url, encoding="utf-8")


PORTAL_PAGE = """<!DOCTYPE html><html><head><meta charset="euc-kr">
<title>한빛시, 폐교를 청년 창업마을로 : 네이버 뉴스</title>
<meta property="og:title" content="한빛시, 폐교를 청년 창업마을로">
<meta property="og:url" content="https://n.news.naver.com/mnews/article/421/0000000123">
<meta property="og:article:author" content="가나일보 | 네이버">
<meta name="twitter:creator" content="가나일보">
</head><body>
<div class="media_end_head_top"><a class="media_end_head_top_logo"><img class="media_end_head_top_logo_img" alt="가나일보"></a></div>
<span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME" data-date-time="2024-03-12 10:25:07">2024.03.12. 오전 10:25</span>
<span class="media_end_head_info_datestamp_time _ARTICLE_MODIFY_DATE_TIME" data-modify-date-time="2024-03-12 11:02:44">2024.03.12. 오전 11:02</span>
<em class="media_end_categorize_item">사회</em>
<article id="dic_area">본문</article>
</body></html>"""


def test_portal_page() -> None:
    h = hints(PORTAL_PAGE)
    assert h.title == "한빛시, 폐교를 청년 창업마을로"
    assert h.outlet == "가나일보"
    assert h.published == datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)
    assert h.modified == datetime(2024, 3, 12, 11, 2, 44, tzinfo=KST)
    assert h.url == "https://n.news.naver.com/mnews/article/421/0000000123"
    assert h.section == "사회"
    assert h.reporters == ()  # "가나일보 | 네이버" names the outlet, not a person
    assert h.encoding == "utf-8"


BROADCAST_PAGE = """<html><head>
<title>&quot;빈 교실이 작업실로&quot;… 한빛시 창업마을 개장 | 가나방송 뉴스</title>
<meta property="og:site_name" content="가나방송 뉴스">
<meta property="og:title" content="″빈 교실이 작업실로″… 한빛시 창업마을 개장">
<meta property="og:url" content="https://news.example.kr/view/2024/03/12/000123">
<link rel="canonical" href="/view/2024/03/12/000123">
<meta name="author" content="가나방송 뉴스">
<meta property="dable:author" content="박하늘 기자">
<meta property="article:published_time" content="2024-03-12T01:25:00Z">
<meta property="article:section" content="사회">
<meta property="article:tag" content="창업마을">
<meta property="article:tag" content="가나방송 뉴스">
<meta property="article:tag" content="폐교">
<script type="application/ld+json">
{
  "@context": "http://schema.org",
  "@type": "NewsArticle",
  "headline": "&quot;빈 교실이 작업실로&quot;… 한빛시 창업마을 개장",
  "datePublished": "2024-03-12T10:25:00+09:00",   // 입력 시각
  "dateModified": "2024-03-12T10:40:00+09:00",    /* 수정 시각 */
  "author": [{"@type": "Person", "name": "박하늘 기자"}],
  "url": "https://news.example.kr/view/2024/03/12/000123",
  "interactionStatistic": {"@type": "InteractionCounter", "interactionType": "https://schema.org/CommentAction", "userInteractionCount": "17"},
}
</script>
</head><body><p>본문</p></body></html>"""


def test_broadcast_page_with_commented_jsonld() -> None:
    h = hints(BROADCAST_PAGE)
    assert h.title == '"빈 교실이 작업실로"… 한빛시 창업마을 개장'  # <title> preferred over the ″ look-alikes
    assert [(r.name, r.role) for r in h.reporters] == [("박하늘", "기자")]
    assert h.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert h.modified == datetime(2024, 3, 12, 10, 40, tzinfo=KST)
    assert h.outlet == "가나방송 뉴스"
    assert h.url == "https://news.example.kr/view/2024/03/12/000123"
    assert h.section == "사회"
    assert h.tags == ("창업마을", "폐교")
    assert h.comment_count == 17


def test_daum_style_regdate_and_press_author() -> None:
    markup = """<html><head><title>창업마을 문 연다</title>
    <meta property="og:site_name" content="다음뉴스">
    <meta property="og:regDate" content="20240312102507">
    <meta property="og:article:author" content="가나통신">
    </head><body></body></html>"""
    h = hints(markup)
    assert h.published == datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)
    assert h.outlet == "가나통신"
    assert h.reporters == ()


def test_outlet_from_naver_press_id() -> None:
    markup = """<html><head><title>창업마을 문 연다</title>
    <meta property="og:url" content="https://news.naver.com/main/read.naver?mode=LSD&amp;oid=001&amp;aid=0000000001">
    <meta name="twitter:site" content="네이버 뉴스">
    </head><body></body></html>"""
    assert hints(markup).outlet == "연합뉴스"


def test_press_id_only_on_naver_pages() -> None:
    markup = """<html><head><title>창업마을 문 연다</title>
    <meta property="og:url" content="https://www.example.kr/article/001/000123">
    </head><body></body></html>"""
    assert hints(markup).outlet is None


def test_itemprop_times_and_keywords() -> None:
    markup = """<html><head><title>청년 창업마을 개장 - 가나신문</title>
    <meta name="keywords" content="창업마을, 폐교, 청년">
    </head><body>
    <time itemprop="datePublished" datetime="2024-03-12T10:25:00+09:00">3월 12일</time>
    <time itemprop="dateModified" datetime="2024-03-13T08:00:00+09:00">3월 13일</time>
    </body></html>"""
    h = hints(markup)
    assert h.title == "청년 창업마을 개장"
    assert h.published == datetime(2024, 3, 12, 10, 25, tzinfo=KST)
    assert h.modified == datetime(2024, 3, 13, 8, 0, tzinfo=KST)
    assert h.tags == ("창업마을", "폐교", "청년")


def test_site_wide_keywords_are_not_tags() -> None:
    markup = """<html><head><title>청년 창업마을 개장</title>
    <meta property="og:site_name" content="가나방송">
    <meta name="keywords" content="가나방송, 뉴스, 속보, 정치, 경제">
    </head><body></body></html>"""
    assert hints(markup).tags == ()


def test_url_date_is_the_last_resort() -> None:
    markup = "<html><head><title>청년 창업마을 개장</title></head><body><p>2031.01.01 오늘의 날씨</p></body></html>"
    h = hints(markup, url="https://www.example.kr/society/2024/03/12/ABCDEF/")
    assert h.published is None  # the URL is no metadata: kept apart, a last resort for the record
    assert h.url_published == datetime(2024, 3, 12, tzinfo=KST)
    assert h.url == "https://www.example.kr/society/2024/03/12/ABCDEF/"


def test_no_metadata_gives_empty_hints() -> None:
    h = hints("<html><body><p>본문만 있습니다.</p></body></html>")
    assert h.title is None and h.published is None and h.reporters == () and h.outlet is None


@pytest.mark.parametrize(
    "ld",
    [
        "",
        "{",
        "not json at all",
        '[{"@type": "NewsArticle", "headline": "청년 창업마을 개장",}]',
        '{"@graph": [{"@type": "WebSite"}, {"@type": ["NewsArticle"], "headline": "청년 창업마을 개장"}]}',
        '<!-- {"@type": "NewsArticle", "headline": "청년 창업마을 개장"} -->',
        '{"@type": "NewsArticle", "headline": "청년 창업마을 개장"}{"@type": "Organization", "name": "가나"}',
        '{"@type": "NewsArticle", "headline": "청년 창업마을\n개장", "author": "박하늘 기자", "datePublished": 20240312}',
        '{"@type": "NewsArticle", "headline": 12, "author": {"name": null}, "datePublished": "어제"}',
        "[" * 5000,
    ],
)
def test_broken_jsonld_never_raises(ld: str) -> None:
    markup = f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
    h = hints(markup)
    if "청년 창업마을" in ld and 'headline": 12' not in ld:
        assert h.title is not None and h.title.startswith("청년 창업마을")


def test_loads_lenient_and_comment_stripping() -> None:
    assert loads_lenient('{"a": "http://x.kr/y", // note\n "b": [1, 2,],}') == [
        {"a": "http://x.kr/y", "b": [1, 2]}
    ]
    assert strip_js_comments('{"u": "//keep", /* drop */ "v": 1}') == '{"u": "//keep",  "v": 1}'
    assert loads_lenient("") == []


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("청년 창업마을 개장 - 가나일보", (), "청년 창업마을 개장"),
        ("청년 창업마을 개장 | KBS 뉴스", (), "청년 창업마을 개장"),
        ("청년 창업마을 개장 : 네이버 뉴스", (), "청년 창업마을 개장"),
        ("청년 창업마을 개장 :: 한빛닷컴", (), "청년 창업마을 개장"),
        ("청년 창업마을 개장 | 한빛소식", ("한빛소식",), "청년 창업마을 개장"),
        ("가나일보 - 청년 창업마을 개장", (), "청년 창업마을 개장"),
        ("이승기 - 이다인 결혼", (), "이승기 - 이다인 결혼"),
        ("[인터뷰] 김씨 : 경제 살려야", (), "[인터뷰] 김씨 : 경제 살려야"),
        ("  여러   칸  띄운 제목  ", (), "여러 칸 띄운 제목"),
    ],
)
def test_clean_title(title: str, names: tuple[str, ...], expected: str) -> None:
    assert clean_title(title, names) == expected


@pytest.mark.parametrize(
    ("title", "prefix", "rest"),
    [
        ("[속보] 한빛시 창업마을 개장", "[속보]", "한빛시 창업마을 개장"),
        ("【단독】한빛시 창업마을", "【단독】", "한빛시 창업마을"),
        ("[SC현장] 결혼식 시작", "[SC현장]", "결혼식 시작"),
        ("한빛시 [속보] 창업마을", None, "한빛시 [속보] 창업마을"),
        ("[속보]", None, "[속보]"),
    ],
)
def test_split_title_prefix(title: str, prefix: str | None, rest: str) -> None:
    assert split_title_prefix(title) == (prefix, rest)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("박하늘 기자", [("박하늘", "기자", None)]),
        ("박하늘", [("박하늘", None, None)]),
        ("가나스포츠 = 박하늘 기자 (sky@example.kr)", [("박하늘", "기자", "sky@example.kr")]),
        ("박하늘 MK스포츠 기자(sky@example.kr)", [("박하늘", "기자", "sky@example.kr")]),
        ("박하늘, 이바다 기자", [("박하늘", None, None), ("이바다", "기자", None)]),
        ("디지털뉴스부", [("디지털뉴스부", None, None)]),
        ("가나일보", []),
        ("연합뉴스", []),
        ("가나일보 | 네이버", []),
        ("iMBC 연예", []),
        ("https://www.facebook.com/example", []),
        ("@example", []),
    ],
)
def test_person_reporters(value: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [(r.name, r.role, r.email) for r in person_reporters(value)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12T10:25:07+09:00", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("2024-03-12T01:25:07.613Z", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("2024-03-12T10:25:07+0900", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("2024-03-12 10:25", datetime(2024, 3, 12, 10, 25, tzinfo=KST)),
        ("20240312102507", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("Tue, 12 Mar 2024 10:25:07 +0900", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("2024.03.12. 오후 3:05", datetime(2024, 3, 12, 15, 5, tzinfo=KST)),
        ("2024.03.12.", datetime(2024, 3, 12, tzinfo=KST)),
        ("2024년 3월 12일", datetime(2024, 3, 12, tzinfo=KST)),
        ("not a time", None),
        ("0000-00-00 00:00:00", None),
        ("1970-01-01T00:00:00Z", None),
    ],
)
def test_machine_time(value: str, expected: datetime | None) -> None:
    assert machine_time(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.kr/a/2024/03/12/XYZ/", datetime(2024, 3, 12, tzinfo=KST)),
        ("https://www.example.kr/news/article/all/20240312/123/1", datetime(2024, 3, 12, tzinfo=KST)),
        ("https://v.example.net/v/20240312102507316", datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)),
        ("https://www.example.kr/view?no=123456", None),
        ("", None),
    ],
)
def test_url_date(url: str, expected: datetime | None) -> None:
    assert url_date(url) == expected


def _as_utc(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value).astimezone(timezone.utc).replace(second=0)


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="shared corpus not present")
def test_dev_corpus_titles_and_times() -> None:
    """Metadata alone gets every dev title and nearly every publication time."""
    from newsextract.decode import decode_bytes

    titles = times = total = 0
    for gold_path in sorted((SHARED / "dev" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, enc = decode_bytes((SHARED / "dev" / "pages" / f"{gold['id']}.html").read_bytes())
        h = page_hints(lxml_html.document_fromstring(text), url=None, encoding=enc)
        total += 1
        titles += h.title == gold["title"]
        got = h.published.astimezone(timezone.utc).replace(second=0) if h.published else None
        times += got == _as_utc(gold["published"] or gold["approved"])
    assert titles == total
    assert times >= total - 5


@pytest.mark.parametrize("junk", ["[" * 100_000, "{" * 200_000, '{"a":' * 50_000, "/*" * 100_000])
def test_hostile_jsonld_is_cheap(junk: str) -> None:
    import time

    markup = f'<html><head><script type="application/ld+json">{junk}</script></head><body></body></html>'
    root = lxml_html.document_fromstring(markup)
    start = time.perf_counter()
    h = page_hints(root, url=None, encoding=None)
    assert h.title is None
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize(
    ("value", "name"),
    [("서울 박하늘 기자", "박하늘"), ("가나일보 박하늘 기자", "박하늘"), ("박하늘 가나일보 기자", "박하늘")],
)
def test_place_and_outlet_before_the_name(value: str, name: str) -> None:
    assert [r.name for r in person_reporters(value)] == [name]


def test_shortened_og_title_gives_way_to_the_full_one() -> None:
    markup = """<html><head><title>한빛시, 폐교를 청년 창업마을로 바꿔 작업실 40곳 마련 - 가나일보</title>
    <meta property="og:title" content="한빛시, 폐교를 청년 창업마을로...">
    </head><body></body></html>"""
    assert hints(markup).title == "한빛시, 폐교를 청년 창업마을로 바꿔 작업실 40곳 마련"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("시청 새 도서관 문 연다 < 사회 < 기사본문 - 한빛일보", "시청 새 도서관 문 연다"),  # NDSoft <title>
        ("시청 새 도서관 문 연다 | 사회 | 한빛일보", "시청 새 도서관 문 연다"),
        ("한빛일보 - 시청 새 도서관 문 연다", "시청 새 도서관 문 연다"),
        ("KBS 뉴스 | 시청 새 도서관 문 연다", "시청 새 도서관 문 연다"),
        ("새 정부 경제 - 이렇게 바뀐다", "새 정부 경제 - 이렇게 바뀐다"),  # a headline's own words, not a site
        ("A - B 대결 성사", "A - B 대결 성사"),
    ],
)
def test_title_site_and_section_segments(raw: str, clean: str) -> None:
    assert clean_title(raw, ["한빛일보"]) == clean


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- saved from url=(0055)https://news.example.co.kr/article/20260302/0001234.html -->",
        "<!--\n Page saved with SingleFile \n url: https://news.example.co.kr/article/20260302/0001234.html \n"
        " saved date: Mon Mar 02 2026 -->",
    ],
)
def test_address_written_by_the_saving_browser_is_the_url(comment: str) -> None:
    import newsextract

    page = (
        f"<!DOCTYPE html>\n{comment}\n<html><head><meta charset='utf-8'><title>가람시 새 도서관</title></head>"
        "<body><h1>가람시 새 도서관</h1><p>가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 설계했다.</p>"
        "</body></html>"
    )
    art = newsextract.extract(page.encode())
    assert art.url == "https://news.example.co.kr/article/20260302/0001234.html"
    assert art.published is not None and (art.published.month, art.published.day) == (3, 2)
    assert newsextract.extract(page.encode(), url="https://other.example/x").url == "https://other.example/x"


def test_article_gives_the_title_prefix_apart() -> None:
    from newsextract import Article

    art = Article(title="[속보] 가람시 새 도서관 문 연다")
    assert art.title_prefix == "[속보]" and art.title == "[속보] 가람시 새 도서관 문 연다"
    assert art.to_dict()["title_prefix"] == "[속보]"
    assert Article(title="가람시 새 도서관").title_prefix is None and Article().title_prefix is None


def _tokenizer_strip(text: str) -> str:
    """Comments cut by a plain character loop (strings in either quote, with escapes, kept whole)."""
    out, i, start, quote = [], 0, 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif text.startswith(("//", "/*"), i):
            out.append(text[start:i])
            end = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i + 2)
            i = start = len(text) if end < 0 else (end if text[i + 1] == "/" else end + 2)
            continue
        i += 1
    return "".join(out) + text[start:]


@pytest.mark.parametrize("alphabet", ['a"/*\n {}:,', '"/*\n가', "ab\"'\\/*\n"])
def test_comment_stripping_on_every_kind_of_text(alphabet: str) -> None:
    # Texts with no ' and no backslash take the slash-to-slash path; the others the tokenizer.
    rng = random.Random(len(alphabet))
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 18)))
        assert strip_js_comments(text) == _tokenizer_strip(text), repr(text)


def test_broken_jsonld_with_line_notes_reads_whole() -> None:
    ld = (
        '{"@type": "NewsArticle", // 기사\n "headline": "한빛시 창업마을 개장", /* 제목 */\n'
        ' "url": "https://news.example.kr/a/1", // 주소 "따옴표"\n "datePublished": "2024-03-12T10:25:00+09:00",\n}'
    )
    assert loads_lenient(ld) == [
        {
            "@type": "NewsArticle",
            "headline": "한빛시 창업마을 개장",
            "url": "https://news.example.kr/a/1",
            "datePublished": "2024-03-12T10:25:00+09:00",
        }
    ]


def test_lookups_in_the_body_agree_with_and_without_the_source() -> None:
    markup = """<html><head><title>한빛시 창업마을 개장</title></head><body>
    <div><img class="logo\tpress_logo" alt="가나일보"><img class="press_logo_big" alt="다른곳"></div>
    <em class="guide_categorization_item
      x">경제</em>
    <span itemprop="dateModified" content="2024-03-13T08:00:00+09:00"></span>
    <span id="comment_count">1,204</span>
    <p data-date-time="">빈 값</p><p data-date-time="2024-03-12 10:25:07">3월 12일</p>
    </body></html>"""
    root = lxml_html.document_fromstring(markup)
    blind = page_hints(root, url=None, encoding=None)
    for source in (markup, markup.encode()):
        assert page_hints(root, url=None, encoding=None, markup=source) == blind
    assert blind.outlet == "가나일보"  # "press_logo_big" is another class
    assert blind.section == "경제"  # class words split on tabs and newlines, as XPath's normalize-space
    assert blind.published == datetime(2024, 3, 12, 10, 25, 7, tzinfo=KST)  # the blank attribute skipped
    assert blind.modified == datetime(2024, 3, 13, 8, 0, tzinfo=KST)
    assert blind.comment_count == 1204
