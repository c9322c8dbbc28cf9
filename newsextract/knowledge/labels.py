"""Data: time labels and what they mean, reporter role words. Extend here, not in the parsers."""

from __future__ import annotations

from typing import Final, Literal

TimeField = Literal["published", "modified", "approved"]

TIME_LABELS: Final[dict[str, TimeField]] = {
    "기사입력": "published",
    "입력": "published",
    "입력일": "published",
    "입력시간": "published",
    "최초입력": "published",
    "최초 입력": "published",
    "등록": "published",
    "등록일": "published",
    "등록일시": "published",
    "송고": "published",
    "송고시간": "published",
    "송고일": "published",
    "작성": "published",
    "작성일": "published",
    "기사전송": "published",
    "전송": "published",
    "게재": "published",
    "게재일": "published",
    "게시": "published",
    "게시일": "published",
    "발행": "published",
    "발행일": "published",
    "Published": "published",
    "최종수정": "modified",
    "최종 수정": "modified",
    "최종수정일": "modified",
    "기사수정": "modified",
    "수정": "modified",
    "수정일": "modified",
    "수정시간": "modified",
    "업데이트": "modified",
    "최종 업데이트": "modified",
    "최종업데이트": "modified",
    "Updated": "modified",
    "Modified": "modified",
    "승인": "approved",
}
"""Label as displayed -> the Article time it fills. Longer labels are tried first."""

LABEL_AFTER: Final[frozenset[str]] = frozenset({"송고", "전송", "입력", "수정", "등록", "작성"})
"""Labels that may also follow their time ("2026/09/07 15:34 송고", a Yonhap footer)."""

ROLE_WORDS: Final[tuple[str, ...]] = (
    "수습기자",
    "인턴기자",
    "선임기자",
    "전문기자",
    "객원기자",
    "시민기자",
    "명예기자",
    "사진기자",
    "영상기자",
    "대기자",
    "편집위원",
    "전문위원",
    "연구위원",
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
"""Role words that close a byline, longest first where one contains another (callers rely on the order)."""
