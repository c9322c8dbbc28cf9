"""One invented article, dumped the way each tool dumps a page, comes out the same clean record.

All text here is invented. The layouts imitate w3m -dump, lynx -dump -nolist (wrapped at 76 columns),
BeautifulSoup get_text("\\n"), html2text markdown and a browser select-all copy.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import newsextract
from newsextract.text.reflow import display_width

KST = timezone(timedelta(hours=9))

TITLE = "누리시, 강변 산책로 12km 새로 잇는다"
DECK = "내년 봄까지 끊긴 구간 세 곳 연결…야간 조명도 설치"
DATELINE = "(누리=가상뉴스) 이하늘 기자 = "
PARAS = [
    "누리시는 강변을 따라 끊겨 있던 산책로 세 구간을 이어 모두 12km 길이의 순환 산책로를 만든다고 2일 밝혔다. "
    "시는 올해 하반기 공사를 시작해 내년 봄 개통할 계획이다.",
    "새로 잇는 구간은 옛 나루터와 체육공원 사이, 철교 아래, 습지공원 입구 세 곳이다. 시는 이 구간에 폭 3m의 "
    "보행로와 자전거 도로를 함께 놓는다.",
    "야간에도 걸을 수 있도록 산책로 전 구간에 발광다이오드 조명 240개를 설치하고, 쉼터 여섯 곳을 새로 만든다.",
    '누리시 관계자는 "강변 어디서나 걸어서 이어지는 길을 만들겠다"며 "시민 의견을 받아 쉼터 위치를 정하겠다"고 말했다.',
]
CAPTION = "강변 산책로 조감도(사진 누리시)"
BYLINE = "이하늘 기자 haneul.lee@example.kr"
RELATED = ["누리시 도서관 야간 개방 시간 늘린다", "누리천 벚꽃길 주말 차 없는 거리 운영"]
COPYRIGHT = "저작권자 © 가상뉴스 무단전재 및 재배포 금지"
NAV = ["전체기사", "정치", "경제", "사회", "문화", "스포츠", "오피니언", "포토"]
SHARE = ["페이스북", "트위터", "카카오톡", "URL복사"]


def w3m() -> str:
    out = ["가상뉴스", ""]
    out += [f"  • {n}" for n in NAV] + [""]
    out += [
        TITLE,
        "",
        "  • 이하늘 기자",
        "  • 입력 2024.05.02 09:15",
        "  • 수정 2024.05.02 10:40",
        "  • 댓글 2",
        "",
    ]
    out += ["이 기사를 공유합니다", ""] + [f"  • {s}" for s in SHARE] + ["", DECK, ""]
    out += [
        DATELINE + PARAS[0],
        "",
        PARAS[1],
        "",
        CAPTION,
        CAPTION,
        "",
        PARAS[2],
        "",
        PARAS[3],
        "",
        BYLINE,
        "",
    ]
    out += [COPYRIGHT, "", "관련기사", ""] + [f"  • {r}" for r in RELATED]
    out += ["", "댓글쓰기", "댓글 2", "많이 본 뉴스", ""] + [f"  • {r}" for r in reversed(RELATED)]
    return "\n".join(out) + "\n"


def _lynx_wrap(text: str, width: int = 76, indent: str = "   ") -> list[str]:
    """Wrap like lynx: break at spaces so no line is wider than ``width`` columns."""
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        trial = f"{cur} {word}" if cur else word
        if cur and display_width(indent + trial) > width:
            lines.append(indent + cur)
            cur = word
        else:
            cur = trial
    lines.append(indent + cur)
    return lines


def lynx() -> str:
    out = ["   가상뉴스", ""]
    out += [f"     * {n}" for n in NAV] + [""]
    out += [TITLE, "", "     * 이하늘 기자", "     * 입력 2024.05.02 09:15", "     * 수정 2024.05.02 10:40"]
    out += ["     * 댓글 2", "", "   이 기사를 공유합니다", "   (BUTTON) 페이스북 (BUTTON) 트위터", ""]
    out += ["   " + DECK, ""]
    out += [*_lynx_wrap(DATELINE + PARAS[0]), "", *_lynx_wrap(PARAS[1]), ""]
    out += ["   " + CAPTION, "   " + CAPTION, ""]
    out += [*_lynx_wrap(PARAS[2]), "", *_lynx_wrap(PARAS[3]), "", "   " + BYLINE, ""]
    out += ["   " + COPYRIGHT, "", "   관련기사", ""] + [f"     * {r}" for r in RELATED]
    out += ["", "   댓글쓰기", "   많이 본 뉴스"]
    return "\n".join(out) + "\n"


def gettext() -> str:
    out = [f"{TITLE} - 가상뉴스", "본문 바로가기", "가상뉴스", *NAV, TITLE, "이하늘 기자"]
    out += ["입력", "2024.05.02 09:15", "수정", "2024.05.02 10:40", "댓글 2", "이 기사를 공유합니다", *SHARE]
    out += [DECK, DATELINE + PARAS[0], PARAS[1], CAPTION, PARAS[2], PARAS[3], BYLINE, COPYRIGHT]
    out += ["관련기사", *RELATED, "댓글쓰기", "많이 본 뉴스", *RELATED]
    return "\n".join(out) + "\n"


def html2text() -> str:
    out = ["[가상뉴스](https://news.example.kr/)", ""]
    out += [f"  * [{n}](/section/{i})" for i, n in enumerate(NAV)] + [""]
    out += [f"# {TITLE}", "", "  * 이하늘 기자", "  * 입력 2024.05.02 09:15", "  * 수정 2024.05.02 10:40", ""]
    out += ["이 기사를 공유합니다", ""]
    out += [f"  * [![{s}](/img/{i}.png)](javascript:share\\({i}\\))" for i, s in enumerate(SHARE)] + [""]
    out += [f"**{DECK}**", "", DATELINE + PARAS[0], "", PARAS[1], ""]
    out += ["![강변 산책로 조감도](https://img.example.kr/a.jpg)", "", CAPTION, ""]
    out += [
        PARAS[2],
        "",
        PARAS[3],
        "",
        "이하늘 기자 [haneul.lee@example.kr](mailto:haneul.lee@example.kr)",
        "",
    ]
    out += [COPYRIGHT, "", "## 관련기사", ""] + [f"  * [{r}](/news/{i})" for i, r in enumerate(RELATED)]
    return "\n".join(out) + "\n"


def select_all() -> str:
    out = ["가상뉴스\t전체기사\t정치\t경제", "로그인", "", TITLE, "", "이하늘 기자", "입력 2024.05.02 09:15"]
    out += [
        "수정 2024.05.02 10:40",
        "댓글 2",
        "",
        "공유하기",
        "",
        DECK,
        "",
        DATELINE + PARAS[0],
        "",
        PARAS[1],
    ]
    out += ["", "강변 산책로 조감도", "", CAPTION, "", PARAS[2], "", PARAS[3], "", BYLINE, "", COPYRIGHT, ""]
    out += ["관련기사", *RELATED, "", "많이 본 뉴스", *RELATED]
    return "\n".join(out)


DUMPS = {"w3m": w3m, "lynx": lynx, "gettext": gettext, "html2text": html2text, "select_all": select_all}


@pytest.mark.parametrize("tool", sorted(DUMPS))
def test_dump_body_and_fields(tool: str) -> None:
    a = newsextract.extract(DUMPS[tool]())
    assert a.kind == "text"
    assert a.title == TITLE
    assert list(a.paragraphs) == PARAS
    assert [(r.name, r.role) for r in a.reporters] == [("이하늘", "기자")]
    assert a.reporters[0].email == "haneul.lee@example.kr"
    assert a.emails == ("haneul.lee@example.kr",)
    assert a.published == datetime(2024, 5, 2, 9, 15, tzinfo=KST)
    assert a.modified == datetime(2024, 5, 2, 10, 40, tzinfo=KST)
    assert a.approved is None
    assert [(i.caption, i.credit) for i in a.images] == [("강변 산책로 조감도", "누리시")]


@pytest.mark.parametrize("tool", sorted(DUMPS))
def test_dump_leaks_nothing(tool: str) -> None:
    a = newsextract.extract(DUMPS[tool]())
    text = a.text
    for junk in [COPYRIGHT, *RELATED, "댓글쓰기", "공유", "많이 본 뉴스", BYLINE, "누리시)", *NAV[1:]]:
        assert junk not in text, junk
    reasons = {r.text.strip(): r.reason for r in a.removed}
    assert reasons[COPYRIGHT].startswith("furniture")
    assert all(r.reason for r in a.removed)


@pytest.mark.parametrize("tool", ["w3m", "lynx", "select_all"])
def test_dump_deck(tool: str) -> None:
    assert newsextract.extract(DUMPS[tool]()).subtitle == DECK


def test_lynx_dump_is_really_wrapped() -> None:
    lines = lynx().splitlines()
    assert max(display_width(x) for x in lines) <= 76
    assert sum(1 for x in lines if x.startswith("   구간을")) >= 1
    assert len([x for x in lines if x.strip()]) > len(PARAS) + 20
