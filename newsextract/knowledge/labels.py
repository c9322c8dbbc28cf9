"""Data: time labels and what they mean, reporter role words. Extend here, not in the parsers."""

from __future__ import annotations

from typing import Final, Literal

TimeField = Literal["published", "modified", "approved"]

TIME_LABELS: Final[dict[str, TimeField]] = {
    "기사입력": "published",
    "입력": "published",
    "등록": "published",
    "송고": "published",
    "송고시간": "published",
    "작성": "published",
    "게재": "published",
    "발행": "published",
    "발행일": "published",
    "최종수정": "modified",
    "최종 수정": "modified",
    "수정": "modified",
    "업데이트": "modified",
    "승인": "approved",
}
"""Label as displayed -> the Article time it fills. Longer labels are tried first."""

ROLE_WORDS: Final[tuple[str, ...]] = (
    "수습기자",
    "인턴기자",
    "선임기자",
    "전문기자",
    "객원기자",
    "편집위원",
    "기자",
    "특파원",
    "통신원",
    "논설위원",
    "논설실장",
    "논설고문",
    "에디터",
    "앵커",
    "PD",
    "위원",
    "연구소장",
    "칼럼니스트",
)
"""Role words that close a byline, longest first where one contains another."""
