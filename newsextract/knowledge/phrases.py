"""Data: the boilerplate phrase catalog (reference §6). Lines matching these are page furniture.

``EXACT`` lines are furniture when the whole (normalised) line equals one; ``PREFIXES`` when the line starts
with one; ``PATTERNS`` are regular expressions (linear, anchored) over the whole line.
"""

from __future__ import annotations

from typing import Final

EXACT: Final[frozenset[str]] = frozenset(
    {
        "이 기사를 공유합니다",
        "기사공유하기",
        "SNS 기사보내기",
        "본문 글씨 줄이기",
        "본문 글씨 키우기",
        "글자크기 설정",
        "바로가기 복사하기",
        "다른 공유 찾기",
        "댓글삭제",
        "삭제한 댓글은 다시 복구할 수 없습니다.",
        "그래도 삭제하시겠습니까?",
        "댓글쓰기",
        "댓글수정",
        "내 댓글 모음",
        "BEST댓글",
        "상태바",
        "스크롤 이동 상태바",
        "기자명",
        "본문 바로가기",
        "관련기사",
        "관련 기사",
        "많이 본 뉴스",
        "많이 본 기사",
        "인기기사",
        "추천기사",
        "주요뉴스",
        "기사제보",
        "반론신청",
        "광고문의",
        "제휴문의",
        "개인정보처리방침",
        "청소년보호정책",
        "이메일무단수집거부",
        "ADVERTISEMENT",
        "기사를 읽어드립니다.",
    }
)

PREFIXES: Final[tuple[str, ...]] = (
    "계정을 선택하시면",
    "댓글을 남기실 수 있습니다",
    "저작권자",
    "Copyright",
    "copyright",
    "ⓒ",
    "©",
)

PATTERNS: Final[tuple[str, ...]] = (
    r"^댓글\s*\d+$",
    r"^(?:좋아요|훈훈해요|슬퍼요|화나요|후속요청|싫어요)\s*\d*$",
)
