"""Shared helpers for the fixture tests: where the fixtures are and how to load them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
PAGES_DIR = FIXTURES / "pages"
EXPECTED_DIR = FIXTURES / "expected"
DUMPS_DIR = FIXTURES / "dumps"


def page_names() -> list[str]:
    """Every fixture page (pages/<name>.html), sorted."""
    return sorted(p.stem for p in PAGES_DIR.glob("*.html"))


def dump_paths() -> list[Path]:
    """Every text dump (dumps/<name>.<tool>.txt), sorted."""
    return sorted(DUMPS_DIR.glob("*.txt"))


def dump_page(path: Path) -> str:
    """The page a dump was made from: ``ndsoft-current-1.w3m.txt`` -> ``ndsoft-current-1``."""
    return path.name.split(".", 1)[0]


def load_expected(name: str, *, dump: bool = False) -> dict[str, Any]:
    """The truth for a page; for a dump, with the page's ``dumps`` overrides applied (what a dump can show)."""
    exp: dict[str, Any] = json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"))
    if dump and isinstance(exp.get("dumps"), dict):
        exp = {**exp, **{k: v for k, v in exp["dumps"].items() if k != "why"}}
    return exp
