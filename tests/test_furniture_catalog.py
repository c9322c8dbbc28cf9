"""The furniture catalog's cheap forms say what the plain patterns said.

The form field ("[ ]", "_____" near a line's start) used to be one anchored catalog pattern,
``^.{0,80}?(?:\\[ {0,30}\\]|_{5,})``; it is now a substring test, a search for the field and a check on
where it starts. Both are run over many invented lines, fields placed anywhere. The short-line patterns
are skipped for longer lines: each must be unable to match one.
"""

from __future__ import annotations

import random
import re

import pytest

try:
    import re._parser as sre_parse
except ImportError:  # Python 3.10 names it sre_parse
    import sre_parse  # type: ignore[no-redef,unused-ignore]

from newsextract.knowledge import phrases
from newsextract.text import shapes

_OLD = re.compile(r"^.{0,80}?(?:\[ {0,30}\]|_{5,})")

_PIECES = [
    " ", "  ", "\n", "[", "]", "[ ]", "[]", "[" + " " * 30 + "]", "[" + " " * 31 + "]", "_", "____", "_____",
    "______", "검색어 입력", "이름 ", "가" * 10, "가" * 40, "a" * 79, "a" * 80, "a" * 81, "x", "[x]", "\t", "\r",
]  # fmt: skip


def _lines(seed: int, n: int = 20000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(n)]


def test_form_field_matches_the_old_catalog_pattern() -> None:
    lines = _lines(7)
    for text in lines:
        assert shapes._has_form_field(text) == (_OLD.match(text) is not None), repr(text)
    assert sum(_OLD.match(t) is not None for t in lines) > 1000  # both answers are well represented
    assert sum(_OLD.match(t) is None for t in lines) > 1000


def test_form_field_reach_edges() -> None:
    reach = phrases.FORM_FIELD_REACH
    assert shapes.is_furniture("가" * reach + "[ ]")
    assert not shapes.is_furniture("가" * (reach + 1) + "[ ]")
    assert shapes.is_furniture("이름 _____")
    assert not shapes.is_furniture("이름 ____ 주소")
    assert not shapes.is_furniture("첫 줄\n[ ]")


@pytest.mark.parametrize(
    ("patterns", "bound"),
    [
        (phrases.SHORT_PATTERNS, phrases.SHORT_LINE),
        (phrases.SHORT_END_PATTERNS, phrases.SHORT_LINE),
        (phrases.SHORT_CAPTION_LINES, phrases.SHORT_LINE),
        (phrases.SHORT_PROMO_PATTERNS, phrases.PROMO_LINE),
    ],
)
def test_short_patterns_cannot_match_a_longer_line(patterns: tuple[str, ...], bound: int) -> None:
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$"), pattern
        widest = sre_parse.parse(pattern).getwidth()[1]
        assert widest + 1 <= bound, pattern  # + 1: "$" also matches before a final newline


def test_short_patterns_still_apply_to_short_lines() -> None:
    assert shapes.is_furniture("KBS 뉴스")
    assert shapes.is_furniture("페이스북 공유하기")
    assert shapes.is_furniture("[20260302_I]")
    assert not shapes.is_furniture(
        "가람시가 새 도서관을 열었다. 주민들은 반겼고 개관식에는 많은 사람이 모였다고 한다. 공유하기"
    )


def test_short_end_caption_and_promo_lines_still_match() -> None:
    from newsextract.classify import is_furniture
    from newsextract.memo import forget_page

    forget_page()
    assert shapes.is_end_marker("해오름 주요 뉴스")
    assert shapes.is_end_marker("김시은 기자의 기사 모음")
    assert shapes.is_end_marker("해오름일보 기사목록 전체보기")
    assert not shapes.is_end_marker("가람시가 새 도서관을 열었다. " * 3 + "해오름 주요 뉴스")
    assert shapes.is_caption_line("해오름시 제공")
    assert not shapes.is_caption_line("가" * 60 + " 제공")
    assert is_furniture("가람시 도서관 행사 신청 안내 (클릭)")
    assert not is_furniture("가" * 70 + " (클릭)")


def test_share_words_match_whatever_their_case() -> None:
    # Lines are lowered before the share-row test, so a catalog word in capitals ("URL복사") must be too.
    assert shapes.is_furniture("URL 복사")
    assert shapes.is_furniture("페이스북 | 트위터 | URL복사")
    assert shapes.is_furniture("url 복사")
    assert not shapes.is_furniture("URL 주소를 복사해 주민들에게 보냈다")
