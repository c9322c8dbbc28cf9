"""Data: where pages state their own metadata (meta tags, JSON-LD keys, attributes), how titles carry the
site's name, which names are outlets or portals, and Naver's press ids (reference §2.1, §4.3, §8).

The logic that reads these tables lives in ``newsextract/html/meta.py`` and ``newsextract/html/embedded.py``.
Meta names are compared lower-cased; each tuple is in order of preference.
"""

from __future__ import annotations

from typing import Final

# --- meta tags (property / name / itemprop), best first -----------------------------------------------

TITLE_META: Final[tuple[str, ...]] = (
    "og:title",
    "twitter:title",
    "dable:title",
    "dc.title",
    "title",
    "headline",
)
PUBLISHED_META: Final[tuple[str, ...]] = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "og:regdate",
    "article.published",
    "sailthru.date",
    "nextweb:createdate",
    "dd:published_time",
)
MODIFIED_META: Final[tuple[str, ...]] = (
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "og:updated_time",
    "og:modified_time",
    "modified_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "nextweb:moddate",
    "dd:modified_time",
)
AUTHOR_META: Final[tuple[str, ...]] = (
    "dable:author",
    "author",
    "article:author",
    "og:article:author",
    "byl",
    "writer",
    "nextweb:reporter",
    "dd:author",
    "twitter:creator",
)
"""Meta that may name the reporter. Many sites put the outlet here instead: values are kept only when they
read as a person or a desk (see :data:`TEAM_SUFFIXES`)."""
OUTLET_META: Final[tuple[str, ...]] = (
    "og:article:author",
    "twitter:creator",
    "me2:category1",
    "article:publisher",
    "dd:publisher",
    "og:site_name",
    "application-name",
)
"""Meta that may name the outlet; portal names and URLs are skipped."""
SECTION_META: Final[tuple[str, ...]] = (
    "article:section",
    "article:section2",
    "og:article:section",
    "articlesection",
    "me2:category2",
    "nextweb:section",
    "dd:category",
)
GENERIC_SECTIONS: Final[frozenset[str]] = frozenset(
    {"뉴스", "news", "기사", "홈", "home", "전체", "전체기사", "article"}
)
"""Section values that name the whole site, not a section: skipped for the next candidate."""
TAG_META: Final[tuple[str, ...]] = ("article:tag", "og:article:tag", "me2:post_tag")
KEYWORD_META: Final[tuple[str, ...]] = ("news_keywords", "keywords", "nextweb:keyword")
"""Keyword lists: read as tags only when they look like the article's own (see :data:`GENERIC_TAGS`)."""
URL_META: Final[tuple[str, ...]] = ("og:url", "twitter:url", "dable:url", "url")
COMMENT_COUNT_META: Final[tuple[str, ...]] = ("commentcount",)
"""Meta names whose content is the article's comment count."""

# --- JSON-LD -----------------------------------------------------------------------------------------

ARTICLE_TYPES: Final[frozenset[str]] = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
    }
)
"""``@type`` values of JSON-LD objects that describe the article (lower case)."""
SECONDARY_TYPES: Final[frozenset[str]] = frozenset({"videoobject", "webpage", "itempage"})
"""Types read only when no article object exists (broadcast pages describe the clip)."""
LD_TITLE_KEYS: Final[tuple[str, ...]] = ("headline", "headLine", "name", "alternativeHeadline")
LD_PUBLISHED_KEYS: Final[tuple[str, ...]] = ("datePublished", "dateCreated", "uploadDate")
LD_MODIFIED_KEYS: Final[tuple[str, ...]] = ("dateModified",)
EMBEDDED_TITLE_KEYS: Final[tuple[str, ...]] = ("headline", "headLine", "title", "subject", "articleTitle", "newsTitle")
"""Keys of a headline in script data (Arc XP Fusion, Next.js flight data, JSON-LD)."""
EMBEDDED_BODY_KEYS: Final[tuple[str, ...]] = (
    "articleBody",
    "body",
    "content",
    "contents",
    "html",
    "bodyHtml",
    "articleContent",
    "newsContent",
)
"""Keys of an article body in script data, in the order they are tried."""
LD_SECTION_KEYS: Final[tuple[str, ...]] = ("articleSection", "genre")
LD_TAG_KEYS: Final[tuple[str, ...]] = ("keywords",)

# --- Naver / portal markup -------------------------------------------------------------------------------

NAVER_PUBLISHED_ATTRS: Final[tuple[str, ...]] = ("data-date-time",)
NAVER_MODIFIED_ATTRS: Final[tuple[str, ...]] = ("data-modify-date-time",)
NAVER_MARKER_META: Final[tuple[str, ...]] = (
    "twitter:site",
    "og:site_name",
    "og:article:author",
    "me2:post_tag",
)
"""Meta whose value names Naver on Naver News pages; only then is a URL's ``oid`` read as a press id."""
PRESS_LOGO_CLASSES: Final[tuple[str, ...]] = (
    "media_end_head_top_logo_img",
    "press_logo",
    "media_end_head_top_logo",
)
"""Classes of the press logo whose ``alt``/``title`` names the outlet on portal pages."""
CATEGORY_CLASSES: Final[tuple[str, ...]] = ("media_end_categorize_item", "guide_categorization_item")
COMMENT_COUNT_IDS: Final[tuple[str, ...]] = ("comment_count",)

PORTAL_NAMES: Final[frozenset[str]] = frozenset(
    {
        "네이버",
        "네이버 뉴스",
        "네이버뉴스",
        "네이버 스포츠",
        "네이버 TV연예",
        "네이버 연예",
        "naver",
        "naver news",
        "다음",
        "다음뉴스",
        "다음 뉴스",
        "daum",
        "daum news",
        "카카오",
        "네이트",
        "네이트 뉴스",
        "nate",
        "nate news",
        "zum",
        "줌",
        # news archives that frame saved articles
        "언론재단",
        "한국언론진흥재단",
        "빅카인즈",
        "bigkinds",
        "kinds",
    }
)
"""Portal and archive names: an og:site_name among these is not the outlet, a ``<title>`` equal to one is
not the headline; ``"X | 네이버"`` names the outlet X."""

NAVER_OID_PRESS: Final[dict[str, str]] = {
    "001": "연합뉴스",
    "002": "프레시안",
    "003": "뉴시스",
    "005": "국민일보",
    "006": "미디어오늘",
    "008": "머니투데이",
    "009": "매일경제",
    "011": "서울경제",
    "014": "파이낸셜뉴스",
    "015": "한국경제",
    "016": "헤럴드경제",
    "018": "이데일리",
    "020": "동아일보",
    "021": "문화일보",
    "022": "세계일보",
    "023": "조선일보",
    "025": "중앙일보",
    "028": "한겨레",
    "029": "디지털타임스",
    "030": "전자신문",
    "031": "아이뉴스24",
    "032": "경향신문",
    "047": "오마이뉴스",
    "052": "YTN",
    "055": "SBS",
    "056": "KBS",
    "057": "MBN",
    "079": "노컷뉴스",
    "081": "서울신문",
    "082": "부산일보",
    "087": "강원일보",
    "088": "매일신문",
    "092": "ZDNet Korea",
    "119": "데일리안",
    "123": "조세일보",
    "138": "디지털데일리",
    "214": "MBC",
    "215": "한국경제TV",
    "277": "아시아경제",
    "293": "블로터",
    "366": "조선비즈",
    "421": "뉴스1",
    "422": "연합뉴스TV",
    "437": "JTBC",
    "448": "TV조선",
    "449": "채널A",
    "469": "한국일보",
    "629": "더팩트",
    "648": "비즈니스워치",
}
"""Naver press id (``oid``) -> outlet (reference §2.1)."""

OUTLET_NAMES: Final[frozenset[str]] = frozenset(
    {
        *NAVER_OID_PRESS.values(),
        "조선일보",
        "조선닷컴",
        "스포츠조선",
        "OSEN",
        "중앙일보",
        "JoongAng",
        "동아일보",
        "동아닷컴",
        "한겨레",
        "한겨레신문",
        "경향신문",
        "한국일보",
        "서울신문",
        "국민일보",
        "세계일보",
        "문화일보",
        "내일신문",
        "연합뉴스",
        "뉴시스",
        "뉴스1",
        "연합뉴스TV",
        "KBS",
        "KBS 뉴스",
        "KBS NEWS",
        "MBC",
        "MBC 뉴스",
        "MBC NEWS",
        "iMBC",
        "SBS",
        "SBS 뉴스",
        "SBS NEWS",
        "SBS 연예뉴스",
        "JTBC",
        "JTBC 뉴스",
        "YTN",
        "MBN",
        "매일방송",
        "TV조선",
        "TV CHOSUN",
        "채널A",
        "노컷뉴스",
        "CBS 노컷뉴스",
        "매일경제",
        "매경",
        "한국경제",
        "한경",
        "한경닷컴",
        "서울경제",
        "이데일리",
        "머니투데이",
        "아시아경제",
        "헤럴드경제",
        "파이낸셜뉴스",
        "뉴스핌",
        "아주경제",
        "이투데이",
        "뉴데일리",
        "데일리안",
        "더팩트",
        "오마이뉴스",
        "프레시안",
        "전자신문",
        "지디넷코리아",
        "ZDNET Korea",
        "블로터",
        "국제신문",
        "부산일보",
        "매일신문",
        "강원일보",
        "경인일보",
        "광주일보",
        "경기일보",
        "뉴스타파",
        "농민신문",
        "아리랑",
        "Arirang",
        "인사이트",
    }
)
"""Outlet names as sites write them (titles, og:site_name, author meta). Extend freely."""

OUTLET_ENDINGS: Final[tuple[str, ...]] = (
    "일보",
    "신문",
    "뉴스",
    "방송",
    "경제",
    "투데이",
    "타임스",
    "타임즈",
    "미디어",
    "저널",
    "통신",
    "닷컴",
    "데일리",
    "포스트",
    "코리아",
    "TV",
    "NEWS",
    "News",
    "news",
)
"""Endings that make a name an outlet, not a person ("연합뉴스" is four syllables, like a name)."""

TEAM_SUFFIXES: Final[tuple[str, ...]] = (
    "뉴스부",
    "뉴스팀",
    "취재팀",
    "취재반",
    "팀",
    "부",
    "국",
    "센터",
    "데스크",
)
"""Endings of desk bylines ("디지털뉴스부", "사회부"), which count as a reporter with no role."""

TITLE_SEPARATORS: Final[tuple[str, ...]] = (
    " :: ",
    " | ",
    " ｜ ",
    " - ",
    " – ",
    " — ",
    " : ",
    " < ",
    " > ",
    " · ",
)
"""Separators between a headline and the site name in ``<title>`` and og:title."""

TITLE_TRAIL_WORDS: Final[frozenset[str]] = frozenset(
    {
        "기사본문", "기사 본문", "본문", "기사", "뉴스", "종합", "사회", "정치", "경제", "국제", "문화", "스포츠",
        "연예", "오피니언", "사설", "칼럼", "전국", "지역", "IT", "IT/과학", "과학", "생활", "건강", "교육", "라이프",
        "엔터", "포토", "영상", "산업", "금융", "증권", "부동산", "북한", "사건사고", "날씨", "여행", "세계",
        "사회일반", "정치일반", "경제일반", "전체기사",
    }
)
"""Page and section words that trail a headline in ``<title>`` after a separator: NDSoft's
"제목 < 사회 < 기사본문 - 매체", "제목 | 경제 | 매체". Cut from the end only."""

SITE_WORDS: Final[tuple[str, ...]] = (
    "뉴스",
    "news",
    "일보",
    "신문",
    "방송",
    "닷컴",
    ".com",
    ".co.kr",
    ".kr",
    "네이버",
    "다음",
    "tv",
    "저널",
    "미디어",
    "투데이",
    "타임스",
    "경제",
    "통신",
)
"""Words that make a short trailing title segment read as a site name when no known name matches."""

GENERIC_TAGS: Final[frozenset[str]] = frozenset(
    {
        "뉴스",
        "속보",
        "기사",
        "보도",
        "방송",
        "news",
        "breaking news",
        "korea",
        "south korea",
        "정치",
        "경제",
        "사회",
        "국제",
        "문화",
        "연예",
        "스포츠",
        "생활",
        "건강",
        "지역",
        "it",
        "과학",
        "시사",
        "종편",
        "vod",
        "일반 기사",
        "일반기사",
        "뉴스영상",
        "동영상",
        "영상",
        "포토",
        "전체",
        "전체기사",
        "기타",
    }
)
"""Tag and keyword values that describe the site, not the article."""

MAX_TAGS: Final[int] = 30
MAX_KEYWORD_TAGS: Final[int] = 12
"""A keywords meta with more entries than this is a site-wide list, not the article's tags."""



TITLE_PREFIX_MAX: Final[int] = 16
"""Longest bracketed tag split off a title's start ("[속보]", "【단독】", "[SC현장]")."""

URL_DATE_MIN_YEAR: Final[int] = 1995
"""URL dates before this year are ids, not dates."""
