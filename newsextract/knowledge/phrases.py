"""Data: the boilerplate phrase catalog (reference §6) and the line shapes the classifier reads.

Every list here is plain data; the logic that reads it lives in ``newsextract/classify.py`` and
``newsextract/text/shapes.py``. Lines are compared after whitespace is collapsed.

- ``EXACT``: a line equal to one is furniture.
- ``PREFIXES``: a line starting with one is furniture.
- ``PATTERNS``: regular expressions (linear, anchored) over the whole line; a match is furniture
  (and so is a line with a ``FORM_FIELD`` near its start, or a short line matching a ``SHORT_PATTERNS`` one).
- ``END_PREFIXES`` / ``END_PATTERNS``: lines that open the tail of a page (copyright, comment widget,
  reporter card, related lists, tip lines): the article body never runs past one.
- the remaining tuples describe line shapes: speaker markers, photo credits, captions, sign-offs, datelines.
"""

from __future__ import annotations

from typing import Final

EXACT: Final[frozenset[str]] = frozenset(
    {
        # share / tools / font size / print
        "이 기사를 공유합니다",
        "기사공유하기",
        "SNS 기사보내기",
        "SNS 보내기",
        "본문 글씨 줄이기",
        "본문 글씨 키우기",
        "글자크기 설정",
        "글자크기 변경",
        "글자 크기",
        "글자크기",
        "글자 크기 변경하기",
        "글씨크기 조절하기",
        "글자 크기 조절 레이어",
        "글자크기 조정하기",
        "바로가기 복사하기",
        "다른 공유 찾기",
        "공유",
        "공유하기",
        "인쇄",
        "인쇄하기",
        "인쇄하기 새창열림",
        "프린트",
        "스크랩",
        "링크 복사",
        "링크 복사하기",
        "URL 복사하기",
        "URL복사",
        "본문 복사",
        "주소가 복사되었습니다.",
        "기사 도구 모음",
        "닫기",
        "레이어 닫기",
        "확인",
        "이전",
        "다음",
        "이전 다음",
        "더보기",
        "가",
        # comments
        "댓글",
        "댓글삭제",
        "삭제한 댓글은 다시 복구할 수 없습니다.",
        "그래도 삭제하시겠습니까?",
        "댓글쓰기",
        "댓글 쓰기",
        "댓글 달기",
        "댓글수정",
        "내 댓글 모음",
        "BEST댓글",
        # reactions
        "좋아요",
        "추천",
        "이 기사 어땠나요?",
        "이 기사 어때요?",
        "이 기사에 대해 어떻게 생각하시나요?",
        # navigation and lists
        "상태바",
        "스크롤 이동 상태바",
        "기자명",
        "본문 바로가기",
        "메뉴 바로가기",
        "본문 바로가기 메뉴 바로가기",
        "관련기사",
        "관련 기사",
        "많이 본 뉴스",
        "많이 본 기사",
        "인기기사",
        "추천기사",
        "주요뉴스",
        "실시간 주요뉴스",
        "이 시각 주요뉴스",
        "이 시각 헤드라인",
        "이 시각 인기기사",
        "화제 뉴스",
        "기사제보",
        "반론신청",
        "광고문의",
        "제휴문의",
        "개인정보처리방침",
        "청소년보호정책",
        "이메일무단수집거부",
        "ADVERTISEMENT",
        "AD",
        "광고",
        "기사를 읽어드립니다.",
        # portal chrome (reference §6.2)
        "기자 프로필",
        "기자 정보",
        "구독",
        "구독중",
        "구독 구독중",
        "응원수",
        "기사원문",
        "본문 요약봇",
        "기사 섹션 분류 안내",
        "텍스트 음성 변환 서비스 사용하기",
        "본문듣기 시작",
        "음성 기사 듣기",
        "음성 기사 옵션 조절 레이어",
        "자동요약",
        "번역 설정",
        "번역beta",
        "Translated by kakao i",
        "번역할 언어 선택",
        "쏠쏠정보",
        "흥미진진",
        "공감백배",
        "분석탁월",
        "후속강추",
        # video player
        "동영상영역 시작",
        "동영상영역 끝",
        "동영상 시작",
        "키보드 컨트롤 안내",
        "브라우저가 video 태그를 지원하지 않습니다.",
        "죄송하지만 다른 브라우저를 사용하여 주십시오.",
        "전체재생",
        "재생목록",
        "연속재생",
        "상세 기사보기",
        "Previous Next",
        "동영상 재생",
        "동영상 보기",
    }
)

PREFIXES: Final[tuple[str, ...]] = (
    "SNS 기사보내기",
    "SNS 공유",
    "계정을 선택하시면",
    "댓글을 남기실 수 있습니다",
    "저작권자",
    "Copyright",
    "Copyrights",
    "copyright",
    "COPYRIGHT",
    "ⓒ",
    "©",
    "Ⓒ",
    "<저작권자",
    "[저작권자",
    "< Copyright",
    "- Copyrights",
    "기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다",
    "본문 요약봇",
    "이 기사는 언론사에서",
    "기사의 섹션 정보는",
    "이동 통신망을 이용하여 음성을 재생하면",
    "The copyright belongs to the original writer",
    "기자이미지",
    "해당 기사를 북마크했습니다",
    "확인 내 북마크 보기",
    "라이브리 댓글 작성을 위해",
    "동영상설명",
    "글자크기축소",
    "글자크기확대",
    "프린트기사본문프린트하기",
    "기사입력 본문 글씨",
    "무단전재",
    "무단 전재",
    "어도비 플래시",
    "현재 브라우저 버전에서는",
    "아래 버튼을 클릭하셔서 브라우저",
    "브라우저 업그레이드",
    "주의사항VOD",
    "VOD 시청 안내",
    "고화질 표준화질",
    "동영상 고정 취소",
)

PATTERNS: Final[tuple[str, ...]] = (
    r"^댓글\s{0,4}\d+\s{0,4}개?$",
    r"^(?:(?:좋아요|훈훈해요|슬퍼요|화나요|후속\s?요청|후속\s?원해요|후속기사\s?원해요|싫어요|훌륭해요|추천해요|흥미진진|쏠쏠정보|공감백배|분석탁월|후속강추)\s{0,4}(?:\d+\s{0,4})?){1,8}$",
    r"^재생\s?시간\s{0,4}\d",
    r"^.{0,30}(?:이 기사를 공유합니다|글자크기 설정)",
    r"^#[^\s#]{1,40}(?: #[^\s#]{1,40}){0,30}$",  # hashtag line
    r"^가\d단계",
    r"^\[\s{0,4}\]",  # check box
    r"^\[[ _.]*\]$",
    r"^-+$",
    r"^.{0,20}언론사 구독",
    r"^.{0,20}폰트가 설치되어\s?있지 않습니다",
    r"^.{0,80}이미지 확대하기$",
    r"^[━─_=*]{3,}$",
    r"^[\[(]?\s{0,4}(?:영상취재|영상편집|촬영기자|그래픽|촬영|편집|VJ|CG|영상디자인|취재지원|영상|사진|디자인|구성|연출|제작|취재)\s{0,4}[:：/]",
    r"^(?:이 기사의 덧글 보기|이 기사 좋아요 하기)\s{0,4}\d*$",
    r"^조회\s{0,4}(?:수\s{0,4})?[\d,]*$",
)

SHORT_LINE: Final[int] = 50
"""The longest line :data:`SHORT_PATTERNS` can match."""

SHORT_PATTERNS: Final[tuple[str, ...]] = (
    r"^\(\s{0,4}\)\s{0,4}.{0,30}폰트$",  # font-size radio buttons
    r"^\[[\x21-\x5a\x5e-\x7e]{1,40}\]$",  # image placeholder: "[20230407_I]", "[noimg_633_]"
    r"^\[INS:\s{0,4}:INS\]$",
    r"^.{0,20}\s?닫기$",
    r"^\S.{0,20}\s(?:사진|이미지|썸네일)$",  # an image's alt text ("iMBC 연예뉴스 사진")
    r"^.{0,20}(?:공유하기|보내기)(?:\s{0,4}\S{0,10})?$",
    r"^(?:KBS|MBC|SBS|YTN|MBN|TV조선|연합뉴스TV|JTBC)\s{0,4}(?:NEWS|뉴스)?$",
)
"""Like ``PATTERNS``, but each is anchored at both ends with bounded repeats, so it can only match a line of
at most :data:`SHORT_LINE` characters: longer lines (most body paragraphs) skip them.
tests/test_furniture_catalog.py checks the bound of every such catalog."""

FORM_FIELD: Final[str] = r"\[ {0,30}\]|_{5}"
"""A form field: an empty box ("검색어 입력[ ]검색") or a blank ("이름 ______"). A line with one starting
within :data:`FORM_FIELD_REACH` characters of its start (on its first line) is furniture. Kept apart from
``PATTERNS``: as the anchored ``^.{0,80}?(?:\\[ {0,30}\\]|_{5,})`` it cost ~0.6 us a line (1.6 on a paragraph),
a third of the catalog's time; alone, behind a substring test for "[ ", "[]" or "_____", it costs a tenth."""

FORM_FIELD_REACH: Final[int] = 80
"""How far into a line a form field may start."""

COPYRIGHT_PREFIXES: Final[tuple[str, ...]] = (
    "저작권자",
    "<저작권자",
    "[저작권자",
    "Copyright",
    "Copyrights",
    "< Copyright",
    "- Copyrights",
    "ⓒ",
    "©",
    "※ ⓒ",
)
"""Copyright lines: inside an article container, nothing after one is body."""

COPYRIGHT_PATTERNS: Final[tuple[str, ...]] = (r"^.{0,40}저작권은 .{1,40}에 있습니다",)
"""Copyright statements in words ("인터뷰 자료의 저작권은 SBS 라디오에 있습니다."): like the prefixes above,
nothing after one is body."""

END_PREFIXES: Final[tuple[str, ...]] = (
    *COPYRIGHT_PREFIXES,
    "SNS 기사보내기",
    "SNS 공유",
    "댓글삭제",
    "댓글쓰기",
    "관련기사",
    "관련 기사",
    "이 기사에 대해 어떻게 생각하시나요?",
    "이 기사 어땠나요?",
    "이 기사 어때요?",
    "기자 정보",
    "기자 프로필",
    "기자의 다른 기사",
    "많이 본 뉴스",
    "많이 본 기사",
    "이 시각 인기기사",
    "이 시각 헤드라인",
    "오늘의 HOT클릭",
    "화제 뉴스",
    "주요 뉴스",
    "※ '당신의 제보가 뉴스가 됩니다'",
    "기사문의 및 제보",
    "제보는 카카오톡",
    "(끝)",
    "라이브리 댓글",
    "공유하기 페이스북",
    "태그:",
    "태그 :",
    "Tags:",
    "이 글 공유하기",
    "이전 글",
    "다음 글",
    "이전글",
    "다음글",
    "댓글 남기기",
    "댓글 작성",
    "페이스북으로 공유하기",
)

END_PATTERNS: Final[tuple[str, ...]] = (
    r"^\S{0,10}\s?뉴스는 24시간 여러분의 제보를 기다립니다",
    r"^\S{1,12}\s?기사문의 및 제보",
    r"^▷\s{0,4}(?:전화|이메일|카카오톡)",
    r"^\[(?:카카오톡|전화|메일)\]",
    *COPYRIGHT_PATTERNS,
    r"^댓글\s{0,4}\d+\s{0,4}개?$",
    # the reprint notice under broadcast interview transcripts: "전문 게재나 인터뷰 인용 보도 시, …",
    # "※ 인터뷰 내용 인용 시 출처를 밝혀주시기 바랍니다"
    r"^[※◇■▶*\[(]?\s{0,2}(?:전문\s{0,2}게재나\s{0,2})?인터뷰\s{0,2}(?:내용\s{0,2})?(?:인용|사용)\s{0,2}(?:보도\s{0,2})?시",
)

SHORT_END_PATTERNS: Final[tuple[str, ...]] = (
    r"^\S{1,12}\s?주요 뉴스$",
    r"^\S{2,4} (?:기자|특파원)의 기사 모음$",
    r"^\S{0,12}\s?기사목록 전체보기$",
)
"""Like ``END_PATTERNS``, but anchored at both ends with bounded repeats (see :data:`SHORT_PATTERNS`): only
lines of at most :data:`SHORT_LINE` characters are tried."""

SPEAKER_MARKERS: Final[tuple[str, ...]] = (
    r"^\[[^\[\]]{1,20}\]$",
    r"^◀[^▶]{1,15}▶$",
    r"^【[^【】]{1,15}】$",
    r"^<[^<>]{1,15}>$",
    r"^\((?:앵커|기자|리포트)\)$",
)
"""Broadcast transcript markers ("[앵커]", "◀ 리포트 ▶", "【 기자 】"): body when they sit in the article."""

PHOTO_CREDIT_ONLY: Final[tuple[str, ...]] = (
    r"^[(\[<]\s{0,4}(?:사진|자료사진|사진 출처|사진출처|화면 출처|화면출처|영상 출처|그래픽|영상|출처|제공)\s{0,4}[=:：]?[^)\]>]{0,40}[)\]>]$",
    r"^[(\[<][^)\]>]{1,30}(?:제공|캡처|캡쳐)[^)\]>]{0,20}[)\]>]$",
    r"^/\s{0,4}\S.{0,30}$",
    r"^(?:사진|영상|그래픽)\s{0,4}=\s{0,4}\S.{0,30}(?:기자|PD|작가)$",
)
"""A bracketed photo credit on its own line ("(사진=연합뉴스)", "[사진 출처 : …]"): furniture."""

CAPTION_LINES: Final[tuple[str, ...]] = (
    r"^[▲△↑]",
    r"^사진\s{0,4}(?:(?:제공|출처)\s{0,4})?[:=：]\s{0,4}\S.{0,40}$",
)
"""Lines shaped like captions: "▲ …", a bare unbracketed credit under a photo ("사진 제공: 연합뉴스")."""

SHORT_CAPTION_LINES: Final[tuple[str, ...]] = (r"^\S.{0,40}\s제공$",)
"""Caption lines anchored at both ends with bounded repeats ("해오름시 제공"): only lines of at most
:data:`SHORT_LINE` characters are tried."""

CAPTION_POINTERS: Final[tuple[str, ...]] = ("▲", "△", "↑")
"""Marks opening a caption under a photo, and also the bullets of a body's list of points: a line opening
with one is a caption only next to an image (or, in a dump, when it is no sentence)."""

IMAGE_MARKS: Final[tuple[str, ...]] = ("이미지 확대", "사진 확대", "이미지 크게보기", "사진 크게보기", "확대보기")
"""Words of an image's zoom button: in a dump, the line that shows them stands where the image was."""

IMAGE_FILE_LINE: Final[str] = r"^\[[A-Za-z0-9_.\-]{0,80}\d[A-Za-z0-9_.\-]{0,80}\]$"
"""An image shown by its file name in a w3m or lynx dump ("[31337_22031_1120.jpg]")."""

PROGRAMME_LINES: Final[tuple[str, ...]] = (
    r"^<\s{0,2}출연\s{0,2}[:：]",  # "<출연 : 이은희 인하대 교수>"
    r"^\S{1,12}라디오\s{0,2}\(FM\s{0,2}[\d.]+\)",  # "YTN라디오(FM 94.5) [뉴스킹 박지훈입니다]"
)
"""Lines that open a broadcast interview's text (the guest, the programme): part of the article, never a deck."""

CAPTION_END: Final[str] = "재판매 및 DB 금지"
"""The notice that closes a wire photo's caption: text glued after it ("…DB 금지[서울=뉴시스]김가람 기자 = …")
starts the next paragraph."""

CAPTION_CREDIT_MARKS: Final[tuple[str, ...]] = (
    r"[(\[]\s{0,4}(?:사진|자료사진|사진\s{0,4}제공|자료사진\s{0,4}제공)\s{0,4}[=:：]?\s{0,4}[^)\]]{1,40}[)\]]",
    r"재판매 및 DB 금지",
    r"(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s?/\s?(?![\w.\-]{0,40}@)[\p{Hangul}A-Za-z]",
    r"(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s{0,4}[\w.+\-]{1,40}@[\w.\-]{1,60}$",
    r"[(\[][^)\]]{1,30}\s?제공\s{0,4}[)\]]$",
    r"\s사진\s{0,2}(?:제공|출처)?\s{0,2}[=:：]\s{0,2}\S[^=]{0,60}$",  # "… 신고은 사진=KBS2 드라마 캡처"
    r"\s/\s?(?:[\p{Hangul}A-Za-z]{2,15}\s?제공|연합뉴스|뉴스1|뉴시스|AP|AFP|로이터|EPA|게티이미지(?:코리아)?|신화)\s{0,4}$",
)
"""A credit inside a line ("… (사진=삼성전자)", "… [사진 제공: 연합뉴스]"): with no sentence ending, a caption."""

SIGN_OFF_OUTLETS: Final[tuple[str, ...]] = (
    "뉴스",
    "News",
    "NEWS",
    "TV",
    "방송",
    "일보",
    "조선",
    "MBC",
    "KBS",
    "SBS",
    "YTN",
    "MBN",
    "JTBC",
    "OBS",
)
"""An outlet word ends (or is) the first word of a TV sign-off: "MBC뉴스 홍길동입니다.", "TV조선 홍길동입니다."."""

BYLINE_CARD_WORDS: Final[tuple[str, ...]] = (
    "이메일 보내기",
    "다른 기사 보기",
    "기사 모음",
    "구독",
    "기자님 좋아요",
)
"""Words of a reporter card next to a byline (never body)."""

SUMMARY_MARKERS: Final[tuple[str, ...]] = (
    "자동요약",
    "본문 요약봇",
    "요약보기",
    "기사 제목과 주요 문장을 기반으로",
    "AI 요약",
    "요약 기술의 특성상",
)
"""Headers of machine summaries that repeat body sentences above the article."""

BYLINE_LABELS: Final[tuple[str, ...]] = ("기자이미지", "기자명", "글쓴이", "작성자", "취재기자")
"""Labels that put a reporter's name after them ("기자이미지 신지영")."""

PROMO_PATTERNS: Final[tuple[str, ...]] = (
    r"^[▶☞▷►].{0,60}(?:구독|바로가기|더보기|클릭|다운로드|신청)",
    r"^[▶☞►]\s{0,4}(?:네이버|다음|카카오|유튜브)",
)
"""Press promos appended to a body (reference §6.2): "▶ 네이버에서 뉴시스 구독하기"."""

PROMO_LINE: Final[int] = 70
"""The longest line :data:`SHORT_PROMO_PATTERNS` can match."""

SHORT_PROMO_PATTERNS: Final[tuple[str, ...]] = (r"^.{0,60}[(\[]\s?클릭!?\s?[)\]]$",)
"""Promos anchored at both ends with bounded repeats ("… 보기 (클릭)"): only lines of at most
:data:`PROMO_LINE` characters are tried (a body paragraph skips the pattern, ~0.45 us a line)."""



TRANSCRIPT_HEAD: Final[str] = (
    r"^[■□◆◇●○▶▷*]?\s?(?:방송|방송일시|방송일|일자|일시|진행|진행자|출연|출연자|대담|정리|프로그램)\s{0,4}[:：]"
)
"""The head lines of a broadcast transcript ("■ 진행 : 김태현 변호사"): body, above the first prose line."""

SHARE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "페이스북",
        "트위터",
        "카카오톡",
        "카카오스토리",
        "카카오 스토리",
        "밴드",
        "네이버",
        "네이버블로그",
        "네이버밴드",
        "라인",
        "링크",
        "링크복사",
        "URL복사",
        "URL",
        "복사",
        "이메일",
        "메일",
        "인쇄",
        "프린트",
        "스크랩",
        "공유",
        "공유하기",
        "글자크기",
        "글씨크기",
        "글자",
        "크기",
        "즐겨찾기",
        "facebook",
        "twitter",
        "kakao",
        "band",
        "print",
        "mail",
        "kakaotalk",
    }
)
"""Share-widget service names: a line made only of these is the share widget."""

PRODUCTION_CREDIT: Final[str] = (
    r"^[\[(]?\s{0,4}(?:영상취재|영상편집|촬영기자|촬영|편집|VJ|CG|영상디자인|취재지원|그래픽|디자인|구성|연출|제작|취재)"
    r"\s{0,4}[:：/]"
)
"""A production credit line: the crew of a report, not its authors."""

TIP_WORDS: Final[tuple[str, ...]] = (
    "제보",
    "문의",
    "이메일",
    "메일",
    "전화",
    "카카오톡",
    "▷",
    "▶",
    "※",
    "광고",
)
"""Words of a tip or contact line ("▷ 이메일 tips@…"): an address there is not a byline."""

OUTLET_TAILS: Final[tuple[str, ...]] = (
    "뉴스",
    "뉴시스",
    "일보",
    "신문",
    "방송",
    "통신",
    "미디어",
    "타임스",
    "저널",
)
"""How outlet names end: a word before an address ending so is the outlet, not a reporter."""

CREDIT_TAIL_WORDS: Final[tuple[str, ...]] = ("제공", "캡처", "자료사진")
"""Words that end a photo credit ("해오름시 제공")."""

SOFT_END_PREFIXES: Final[tuple[str, ...]] = (
    "관련기사",
    "관련 기사",
    "[관련기사]",
    "▶ 관련기사",
    "함께 보면 좋은 기사",
)
"""Tail markers that also head a box of links inside a long article: the body may go on after one."""
