"""The invented fixture pages and their dumps against their expected truth (tests/fixtures/README.md).

Every page and every dump is one input; each aspect (body F1, boilerplate leaks, title, reporter names,
published time) is its own test so a failure says exactly what is wrong where. Scoring follows the
project's evaluation: bag-of-tokens F1 over the whole body, tokens split on whitespace with punctuation
trimmed at their edges, NFC and whitespace normalised.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import DUMPS_DIR, EXPECTED_DIR, PAGES_DIR, dump_page, dump_paths, load_expected, page_names

import newsextract
from newsextract.model import Article

BODY_F1 = 0.9
TOOLS = ("w3m", "lynx", "gettext", "html2text")
PAGES = page_names()
DUMPS = dump_paths()
INPUTS = [("page", name) for name in PAGES] + [("dump", p.name) for p in DUMPS]
IDS = [f"{kind}:{name}" for kind, name in INPUTS]

_WS = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def norm(s: str | None) -> str:
    if not s:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", s).replace("\u00a0", " ")).strip()


def tokens(s: str) -> list[str]:
    return [t for t in (_EDGE.sub("", w) for w in norm(s).split(" ")) if t]


def bag_f1(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    common = sum((Counter(pred) & Counter(gold)).values())
    p = common / len(pred) if pred else 0.0
    r = common / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@functools.cache
def _run(kind: str, name: str) -> Article | BaseException:
    path = PAGES_DIR / f"{name}.html" if kind == "page" else DUMPS_DIR / name
    data: bytes | str = path.read_bytes() if kind == "page" else path.read_text(encoding="utf-8")
    try:
        return newsextract.extract(data)
    except Exception as exc:  # reported by every test of this input
        return exc


def _case(kind: str, name: str) -> tuple[Article, dict[str, Any]]:
    got = _run(kind, name)
    if isinstance(got, BaseException):
        pytest.fail(f"extract raised {type(got).__name__}: {got}")
    page = name if kind == "page" else dump_page(Path(name))
    return got, load_expected(page, dump=kind == "dump")


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# --------------------------------------------------------------------------------- extraction


@pytest.mark.parametrize(("kind", "name"), INPUTS, ids=IDS)
def test_body_f1(kind: str, name: str) -> None:
    art, exp = _case(kind, name)
    if kind == "dump":
        assert art.kind == "text", "a text dump was taken for HTML"
    pred, gold = tokens(" ".join(art.paragraphs)), tokens(" ".join(exp["paragraphs"]))
    p, r, f = bag_f1(pred, gold)
    missing = list((Counter(gold) - Counter(pred)).elements())[:12]
    extra = list((Counter(pred) - Counter(gold)).elements())[:12]
    assert f >= BODY_F1, f"body F1 {f:.3f} (P {p:.3f} R {r:.3f}); missing {missing}; extra {extra}"


@pytest.mark.parametrize(("kind", "name"), INPUTS, ids=IDS)
def test_no_boilerplate_leak(kind: str, name: str) -> None:
    art, exp = _case(kind, name)
    body = norm(" ".join(art.paragraphs))
    leaks = [b for b in exp["boilerplate"] if norm(b) and norm(b) in body]
    assert not leaks, f"boilerplate in the body: {leaks}"


@pytest.mark.parametrize(("kind", "name"), INPUTS, ids=IDS)
def test_title(kind: str, name: str) -> None:
    art, exp = _case(kind, name)
    if not exp["title"]:
        pytest.skip("this input does not show the title")
    assert norm(art.title) == norm(exp["title"])


@pytest.mark.parametrize(("kind", "name"), INPUTS, ids=IDS)
def test_reporter_names(kind: str, name: str) -> None:
    art, exp = _case(kind, name)
    if not exp["reporters"]:
        pytest.skip("this input credits no reporter")
    assert {norm(r.name) for r in art.reporters} == {norm(r["name"]) for r in exp["reporters"]}


@pytest.mark.parametrize(("kind", "name"), INPUTS, ids=IDS)
def test_published(kind: str, name: str) -> None:
    art, exp = _case(kind, name)
    want = _when(exp["published"] or exp.get("approved"))
    if want is None:
        pytest.skip("this input shows no publication time")
    assert art.published == want


# --------------------------------------------------------------------------------- the fixtures themselves

KEYS = {
    "id",
    "site",
    "url",
    "encoding",
    "title",
    "subtitle",
    "paragraphs",
    "reporters",
    "emails",
    "published",
    "modified",
    "approved",
    "captions",
    "boilerplate",
    "notes",
}


def _shown(name: str) -> str:
    """What the page shows, as its get_text dump has it."""
    return norm((DUMPS_DIR / f"{name}.gettext.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PAGES)
def test_fixture_is_complete(name: str) -> None:
    exp = load_expected(name)
    assert exp.keys() >= KEYS
    assert exp["id"] == name
    assert 5 <= len(exp["boilerplate"]) <= 15
    assert exp["title"] and exp["paragraphs"]
    for tool in TOOLS:
        assert (DUMPS_DIR / f"{name}.{tool}.txt").is_file(), tool
    size = (PAGES_DIR / f"{name}.html").stat().st_size
    assert 5_000 <= size <= 40_000


@pytest.mark.parametrize("name", PAGES)
def test_fixture_encoding(name: str) -> None:
    exp, raw = load_expected(name), (PAGES_DIR / f"{name}.html").read_bytes()
    raw.decode(exp["encoding"])  # the recorded encoding is the real one
    if exp["encoding"] != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_fixture_truth_is_on_the_page(name: str) -> None:
    exp, shown = load_expected(name), _shown(name)
    visible = load_expected(name, dump=True)
    for para in visible["paragraphs"]:
        assert norm(para) in shown, para
    for text in [exp["title"], *visible["captions"]]:
        assert norm(text) in shown, text
    source = norm(html.unescape((PAGES_DIR / f"{name}.html").read_bytes().decode(exp["encoding"])))
    # on the page: visible, or in a script/comment where a careless extractor finds it
    for text in exp["boilerplate"]:
        assert norm(text) in source, text
    body = norm(" ".join(exp["paragraphs"]))
    assert not [b for b in exp["boilerplate"] if norm(b) in body]


def test_every_dump_has_a_page() -> None:
    assert DUMPS, "no dumps"
    for path in DUMPS:
        assert (EXPECTED_DIR / f"{dump_page(path)}.json").is_file(), path.name
        json.loads((EXPECTED_DIR / f"{dump_page(path)}.json").read_text(encoding="utf-8"))
