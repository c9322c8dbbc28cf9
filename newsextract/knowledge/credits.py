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
