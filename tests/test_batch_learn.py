"""``--learn``: lines recurring on >= k articles of one site are dropped; a line of one article never is.

All pages and dumps here are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_batch_fixtures import FURNITURE, page

from newsextract import extract, extract_text
from newsextract.batch import FurnitureLearner, Record, clean, learn
from newsextract.batch.learn import furniture_summary, load_furniture, save_furniture
from newsextract.batch.work import GROUP_KEY, Sighting
from newsextract.classify import LEARNED_FURNITURE, furniture_key
from newsextract.model import Article
from newsextract.pipeline import article_from, explain_decisions, page_blocks

PROMO = "초록마을신문 새소식 알림을 켜면 매주 동네 쿠폰을 보내드립니다"
SHARED_QUOTE = "주민 대표는 이번 결정이 마을의 오랜 숙원을 푸는 첫걸음이라고 강조했다."
_TOWNS = ("가람", "나래", "다솜", "라온", "마루", "바다", "사랑", "아라", "자람", "차오")


def _rec(title: str, *lines: str, kept: tuple[str, ...] = (), host: str | None = "a.example.kr",
         paras: tuple[str, ...] = (), bands: tuple[str, ...] = ()) -> Record:
    s = Sighting(host=host, bands=bands, idents=("t:" + title,), paras=paras, lines=tuple(sorted(set(lines))),
                 kept=kept, title=title)
    return Record(source=f"site/{title}.html", status="ok", article=Article(title=title), sighting=s)


def _dump(i: int, *, menus: tuple[str, ...], promo: str | None, quote: bool = False) -> str:
    """An invented w3m-like dump of one article of a small site (``menus[0]`` names the site)."""
    town = _TOWNS[i % len(_TOWNS)]
    site = menus[0].split()[0]
    body = [
        f"{town}동 주민센터는 {i + 3}일 마을 회관에서 주민 {i * 11 + 20}명이 참석한 가운데 골목길 정비 계획 설명회를 열었다.",
        f"설명회에서는 {town}천 산책로를 넓히고 가로등 {i + 12}개를 새로 다는 방안이 소개됐다.",
        f"주민센터 관계자는 {town}동의 의견을 모아 내년 봄까지 공사를 마칠 계획이라고 밝혔다.",
    ]
    if quote:
        body.insert(2, SHARED_QUOTE)
    if promo:
        body.insert(1, promo)
    lines = [*menus, "", f"{town}동 골목길 새 단장 {i}호", "", f"입력 2024.03.{i % 28 + 1:02d} 10:{i:02d}", "", body[0]]
    for para in body[1:]:
        lines += ["", para]
    lines += ["", f"이{town} 기자 town{i}@example.kr", "", f"{site} 제보하기", f"{site} 편집국 안내"]
    return "\n".join(lines) + "\n"


MENUS_A = ("초록마을신문 첫 화면", "동네 한 바퀴", "이웃 이야기", "골목 장터", "마을 달력")
MENUS_B = ("파랑바다일보 처음으로", "바닷가 소식", "항구 사람들", "물때 알림", "어촌 장날")


def _write(root: Path, name: str, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_learner_counts_distinct_articles_only() -> None:
    learner = FurnitureLearner(min_pages=3)
    learner.add(_rec("t1", "shared", "only one", "twice"))
    learner.add(_rec("t2", "shared", "twice"))
    learner.add(_rec("t2", "shared", "copy of t2 counted once"))  # same title: a copy, not another article
    learner.add(_rec("t2", "shared", "copy of t2 counted once"))
    assert learner.furniture() == {}
    learner.add(_rec("t3", "shared", "other"))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"shared"})}


def test_a_copy_under_another_title_is_one_article() -> None:
    """A dump of the same page by another tool: its title differs, most long paragraphs do not."""
    learner = FurnitureLearner(min_pages=3)
    learner.add(_rec("t1", "menu", paras=("p1", "p2", "p3")))
    learner.add(_rec("t1 - 사이트", "menu", paras=("p1", "p2", "p3", "px")))  # 3 of 4 already counted
    learner.add(_rec("t2", "menu", paras=("q1", "q2", "p1")))  # one shared paragraph: another article
    assert learner.furniture() == {}
    learner.add(_rec("t3", "menu", paras=("r1",)))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"menu"})}


def test_joined_groups_never_count_one_article_twice() -> None:
    """Two template groups each counted a copy of t1; when a page joins them, the count asks one more."""
    learner = FurnitureLearner(min_pages=3)
    learner.add(_rec("t1", "menu", host=None, bands=("k1",)))
    learner.add(_rec("t1", "menu", host=None, bands=("k2",)))  # a copy, but in a group of its own so far
    learner.add(_rec("t2", "menu", host=None, bands=("k1", "k2")))  # joins both groups
    assert learner.furniture() == {}  # "menu" counted 3 times, on 2 distinct articles
    learner.add(_rec("t3", "menu", host=None, bands=("k1", "k9")))
    furniture = learner.furniture()
    assert furniture == {
        "group:k1": frozenset({"menu"}),
        GROUP_KEY + "k1": frozenset({"group:k1"}),
        GROUP_KEY + "k2": frozenset({"group:k1"}),  # k9 is on one page only: no page needs it to find the group
    }


def test_a_line_kept_by_one_article_is_never_learned() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(8):
        kept = ("a paragraph of t0",) if i == 0 else ()
        learner.add(_rec(f"t{i}", "a paragraph of t0", "menu", kept=kept))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"menu"})}


def test_a_headline_listed_on_other_pages_is_never_learned() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(8):
        learner.add(_rec(f"t{i}", "t0", "t1", "menu"))  # a "most read" box lists t0 and t1 everywhere
    assert learner.furniture() == {"host:a.example.kr": frozenset({"menu"})}


def test_furniture_leaking_into_some_pages_is_learned() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(8):
        learner.add(_rec(f"t{i}", "newsletter prompt", kept=("newsletter prompt",) if i < 2 else ()))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"newsletter prompt"})}


def test_text_kept_on_many_articles_needs_a_large_share_of_the_site() -> None:
    """A stock phrase some articles use is kept; furniture leaking into most pages is learned."""
    learner = FurnitureLearner(min_pages=3)
    for i in range(10):
        stock = ("stock phrase",) if i < 3 else ()
        learner.add(_rec(f"t{i}", "leaked promo", *stock, kept=("leaked promo", *stock)))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"leaked promo"})}


def test_landmarks_are_never_learned() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(5):
        learner.add(_rec(f"t{i}", "[앵커]", "김하나 기자 hana@example.kr", "Copyright © 한빛일보", "recurring footer line"))
    assert learner.furniture() == {"host:a.example.kr": frozenset({"recurring footer line"})}


def test_sites_are_kept_apart() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(3):
        learner.add(_rec(f"a{i}", "line", host="one.example.kr"))
    for i in range(2):
        learner.add(_rec(f"b{i}", "line", host="two.example.kr"))
    assert learner.furniture() == {"host:one.example.kr": frozenset({"line"})}


def test_min_pages_floor() -> None:
    with pytest.raises(ValueError):
        FurnitureLearner(min_pages=2)


def test_the_hook_labels_learned_blocks_first() -> None:
    text = _dump(0, menus=MENUS_A, promo=PROMO)
    plain = extract_text(text)
    assert PROMO in plain.paragraphs  # the catalog does not know it: it reads as article text
    art, decisions = explain_decisions(text, furniture=frozenset({PROMO, furniture_key(MENUS_A[1])}))
    assert PROMO not in art.paragraphs
    assert [p for p in plain.paragraphs if p != PROMO] == list(art.paragraphs)
    learned = [d for d in decisions if d.reason == LEARNED_FURNITURE]
    assert {d.block.text for d in learned} == {PROMO, MENUS_A[1]}
    assert all(d.label == "furniture" for d in learned)
    assert any(LEARNED_FURNITURE in r.reason for r in art.removed)


def test_the_staged_entry_points_give_what_extract_gives() -> None:
    text = _dump(1, menus=MENUS_A, promo=PROMO)
    assert article_from(page_blocks(text, kind="text")) == extract_text(text)
    html = page(3, furniture=True, url="https://hanbit.example.kr/3")
    assert article_from(page_blocks(html)) == extract(html)
    lines = frozenset({FURNITURE})
    assert article_from(page_blocks(html), furniture=lines) == extract(html, furniture=lines)
    assert FURNITURE not in extract(html, furniture=lines).paragraphs


def test_dumps_without_url_learn_their_site_furniture(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    for i in range(6):  # site A: a promo inside every article; articles 1 and 2 quote the same sentence
        _write(root, f"a{i}.txt", _dump(i, menus=MENUS_A, promo=PROMO, quote=i in (1, 2)))
    _write(root, "a0-copy.txt", _dump(0, menus=MENUS_A, promo=PROMO))  # a re-saved copy
    plain = {Path(r.source).name: r.article for r in clean(root, jobs=0)}
    assert all(PROMO in a.paragraphs for n, a in plain.items() if a)
    furniture = learn(root, jobs=0)
    groups = [k for k in furniture if k.startswith("group:")]
    assert len(groups) == 1
    lines = furniture[groups[0]]
    assert PROMO in lines and furniture_key(MENUS_A[2]) in lines
    assert SHARED_QUOTE not in lines  # the text of two articles only
    learned = {Path(r.source).name: r.article for r in clean(root, jobs=0, furniture=furniture)}
    for name, before in plain.items():
        after = learned[name]
        assert before is not None and after is not None
        assert PROMO not in after.paragraphs
        assert after.paragraphs == tuple(p for p in before.paragraphs if p != PROMO)  # nothing else lost
        assert after.title == before.title and after.reporters == before.reporters
    assert sum(SHARED_QUOTE in a.paragraphs for a in learned.values() if a) == 2


def test_grouping_without_url_keeps_templates_apart(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    for i in range(4):
        _write(root, f"a{i}.txt", _dump(i, menus=MENUS_A, promo=PROMO))
        _write(root, f"b{i}.txt", _dump(i + 20, menus=MENUS_B, promo=None))
    furniture = learn(root, jobs=0)
    groups = {k: v for k, v in furniture.items() if k.startswith("group:")}
    assert len(groups) == 2
    a_lines, b_lines = sorted(groups.values(), key=lambda v: furniture_key(MENUS_A[1]) not in v)
    assert furniture_key(MENUS_A[1]) in a_lines and not any(m in a_lines for m in MENUS_B)
    assert furniture_key(MENUS_B[1]) in b_lines and not any(m in b_lines for m in MENUS_A) and PROMO not in b_lines
    assert all(next(iter(v)) in groups for k, v in furniture.items() if k.startswith(GROUP_KEY))


def test_html_pages_without_url_group_by_markup(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    for i in range(5):
        (root / f"{i}.html").write_bytes(page(i, furniture=True))
    plain = list(clean(root, jobs=0))
    assert all(FURNITURE in r.article.paragraphs for r in plain if r.article)
    furniture = learn(root, jobs=0)
    assert [v for k, v in furniture.items() if k.startswith("group:")] == [frozenset({furniture_key(FURNITURE)})]
    learned = list(clean(root, jobs=0, learn_furniture=True))
    for before, after in zip(plain, learned, strict=True):
        assert before.article is not None and after.article is not None
        assert after.article.paragraphs == tuple(p for p in before.article.paragraphs if p != FURNITURE)
        assert len(after.article.paragraphs) == 3  # every article line survives


def test_html_pages_group_by_host_and_a_line_below_k_pages_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    for i in range(4):
        (root / f"{i}.html").write_bytes(page(i, furniture=i < 2, url=f"https://www.hanbit.example.kr/{i}"))
    furniture = learn(root, jobs=0)
    assert set(furniture) <= {"host:hanbit.example.kr"}
    learned = list(clean(root, jobs=0, learn_furniture=True, min_pages=3))
    assert sum(FURNITURE in r.article.paragraphs for r in learned if r.article) == 2


def test_furniture_file_round_trip(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    for i in range(4):
        _write(root, f"a{i}.txt", _dump(i, menus=MENUS_A, promo=PROMO))
    furniture = learn(root, jobs=0)
    save_furniture(furniture, tmp_path / "f.json")
    assert load_furniture(tmp_path / "f.json") == furniture
    n_lines, n_sites = furniture_summary(furniture)
    assert n_sites == 1 and n_lines == len(next(v for k, v in furniture.items() if k.startswith("group:")))
