"""``--learn``: lines recurring on >= k articles of one site are dropped; a line of one article never is."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_batch_fixtures import FURNITURE, page

from newsextract.batch import FurnitureLearner, Record, clean, learn
from newsextract.batch.work import norm_line, site_of
from newsextract.model import Article


def _art(title: str, *paras: str, url: str | None = None) -> Record:
    return Record(source=f"site/{title}.html", status="ok", article=Article(title=title, paragraphs=paras, url=url))


def test_learner_threshold_and_distinct_articles() -> None:
    learner = FurnitureLearner(min_pages=3)
    learner.add(_art("t1", "shared", "only one", "twice"))
    learner.add(_art("t2", "shared", "twice"))
    learner.add(_art("t2", "shared", "copy of t2 counted once"))  # same title: a copy, not another article
    learner.add(_art("t2", "shared", "copy of t2 counted once"))
    assert learner.furniture() == {}
    learner.add(_art("t3", "shared  ", "other"))
    assert learner.furniture() == {site_of("site/x.html", None): frozenset({"shared"})}


def test_sites_are_kept_apart() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(3):
        learner.add(_art(f"a{i}", "line", url=f"https://www.one.example.kr/{i}"))
    for i in range(2):
        learner.add(_art(f"b{i}", "line", url=f"https://two.example.kr/{i}"))
    assert learner.furniture() == {"host:one.example.kr": frozenset({"line"})}


def test_min_pages_floor() -> None:
    with pytest.raises(ValueError):
        FurnitureLearner(min_pages=2)


def test_clean_with_learning_drops_furniture_only(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    for i in range(5):
        (root / f"{i}.html").write_bytes(page(i, furniture=True))
    plain = list(clean(root, jobs=0))
    assert all(FURNITURE in r.article.paragraphs for r in plain if r.article)
    furniture = learn(root, jobs=0)
    assert list(furniture.values()) == [frozenset({norm_line(FURNITURE)})]
    learned = list(clean(root, jobs=0, learn_furniture=True))
    for before, after in zip(plain, learned, strict=True):
        assert before.article is not None and after.article is not None
        assert FURNITURE not in after.article.paragraphs
        assert after.article.paragraphs == tuple(p for p in before.article.paragraphs if p != FURNITURE)
        assert len(after.article.paragraphs) == 3  # every article line survives


def test_a_line_below_k_pages_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    for i in range(4):
        (root / f"{i}.html").write_bytes(page(i, furniture=i < 2))
    learned = list(clean(root, jobs=0, learn_furniture=True, min_pages=3))
    assert sum(FURNITURE in r.article.paragraphs for r in learned if r.article) == 2


def test_speaker_markers_are_never_learned() -> None:
    learner = FurnitureLearner(min_pages=3)
    for i in range(5):
        learner.add(_art(f"t{i}", "[앵커]", f"transcript {i}", "recurring footer line"))
    assert learner.furniture() == {site_of("site/x.html", None): frozenset({"recurring footer line"})}
