"""Data: the words that mark a photo credit in a caption (reference §5.2). Extend here, not in the parser."""

from __future__ import annotations

from typing import Final

CREDIT_LEADS: Final[tuple[str, ...]] = (
    "사진",
    "사진 제공",
    "사진제공",
    "자료사진",
    "자료사진 제공",
    "자료 사진",
    "사진 출처",
    "사진출처",
    "출처",
    "제공",
    "촬영",
    "그래픽",
    "영상",
    "화면캡처",
    "화면 캡처",
    "일러스트",
)
"""Words before the source ("(사진=연합뉴스)", "[사진 제공: 연합뉴스]", "[촬영 조승한]", "/사진제공=…")."""

CREDIT_TAILS: Final[tuple[str, ...]] = (
    "자료사진",
    "사진 제공",
    "사진제공",
    "제공",
    "촬영",
    "제작",
)
"""Words after the source ("[연합뉴스 자료사진]", "[SR 제공]", "/서울경찰청 제공", "[이태호 제작]")."""

PHOTO_AGENCIES: Final[tuple[str, ...]] = (
    "연합뉴스",
    "뉴스1",
    "뉴시스",
    "AP",
    "AFP",
    "EPA",
    "로이터",
    "UPI",
    "신화",
    "교도",
    "AP 연합뉴스",
    "AFP 연합뉴스",
    "EPA 연합뉴스",
    "로이터 연합뉴스",
    "게티이미지뱅크",
    "게티이미지코리아",
    "게티이미지",
    "Getty Images",
    "셔터스톡",
    "아이클릭아트",
    "클립아트코리아",
    "픽사베이",
    "언스플래시",
    "pixabay",
    "unsplash",
)
"""Wire services and stock-photo libraries a caption may end with, bare: "… 모습. 연합뉴스", "… /뉴스1",
"… [게티이미지뱅크]". Named alone like this, they are the credit."""
