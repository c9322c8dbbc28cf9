"""The docs stay true: no dead relative links or anchors, runnable examples run, the sites table is current.

- Every relative link in docs/*.md and README.md points at a file that exists, and every ``#anchor``
  at a heading of that file (GitHub's heading ids).
- Every ```` ```pycon ```` block in docs/index.md runs as a doctest (in a scratch directory).
- Every ```` ```python ```` block in docs/*.md at least compiles.
- docs/sites.md is what ``docs/gen_sites.py`` makes of newsextract/knowledge/profiles.py.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]

_FENCE = re.compile(r"^(```+|~~~+)(.*)$")
_LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*([^)\s]+)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_INLINE_CODE = re.compile(r"`[^`]*`")


def blocks(text: str) -> list[tuple[str, str, int]]:
    """(info string, body, line number of the body's first line) of every fenced code block."""
    out: list[tuple[str, str, int]] = []
    fence: str | None = None
    info, body, start = "", [], 0
    for number, line in enumerate(text.splitlines(), 1):
        m = _FENCE.match(line.strip())
        if fence is None and m:
            fence, info, body, start = m.group(1), m.group(2).strip(), [], number + 1
        elif fence is not None and line.strip().startswith(fence) and not line.strip()[len(fence) :].strip():
            out.append((info, "\n".join(body) + "\n", start))
            fence = None
        elif fence is not None:
            body.append(line)
    return out


def prose(text: str, *, inline_code: bool = False) -> str:
    """The text outside fenced code blocks (and inline code spans, unless ``inline_code``)."""
    lines, fence = [], None
    for line in text.splitlines():
        m = _FENCE.match(line.strip())
        if fence is None and m:
            fence = m.group(1)
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            lines.append(line if inline_code else _INLINE_CODE.sub("", line))
    return "\n".join(lines)


def slug(heading: str) -> str:
    """GitHub's id for a heading: lower-case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"<[^>]+>", "", heading.replace("`", ""))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The heading ids of a markdown file (repeated headings get -1, -2, as on GitHub)."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for line in prose(path.read_text(encoding="utf-8"), inline_code=True).splitlines():
        m = _HEADING.match(line)
        if not m:
            continue
        base = slug(m.group(1))
        n = seen.get(base, 0)
        out.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


def links(path: Path) -> list[str]:
    text = prose(path.read_text(encoding="utf-8"))
    return [m.group(1) for m in _LINK.finditer(text)] + [m.group(1) for m in _IMAGE.finditer(text)]


def test_docs_exist() -> None:
    names = {p.name for p in PAGES}
    for name in ("index.md", "fields.md", "sites.md", "architecture.md", "benchmarks.md", "dependencies.md"):
        assert name in names, f"docs/{name} is missing"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    dead = []
    for target in links(page):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if not dest.exists():
            dead.append(f"{target}: no such file")
            continue
        if anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            dead.append(f"{target}: no heading #{anchor} in {dest.name}")
    assert not dead, f"dead links in {page.name}: {dead}"


def test_slug_matches_github() -> None:
    assert slug("The audit trail: `removed`") == "the-audit-trail-removed"
    assert slug("Add a site in minutes") == "add-a-site-in-minutes"
    assert slug("시간 표기") == "시간-표기"


def test_link_checker_sees_dead_links(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("# Top\n[ok](#top) [bad](#nope) [gone](b.md) `[code](x.md)`\n", encoding="utf-8")
    assert links(page) == ["#top", "#nope", "b.md"]
    assert anchors(page) == {"top"}


def test_index_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    examples = [(body, start) for info, body, start in blocks(text) if info.split()[:1] == ["pycon"]]
    assert examples, "docs/index.md should hold runnable ```pycon examples"
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    for body, start in examples:  # one namespace, in page order, as a reader would type them
        test = parser.get_doctest(body, globs, f"docs/index.md line {start}", "docs/index.md", start - 1)
        runner.run(test, out=sys.stdout.write, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} docs/index.md examples failed (see the output above)"


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_python_blocks_compile(page: Path) -> None:
    for info, body, _ in blocks(page.read_text(encoding="utf-8")):
        if info.split()[:1] == ["python"]:
            compile(textwrap.dedent(body), f"{page.name} code block", "exec")


def test_sites_table_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_sites", DOCS / "gen_sites.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (DOCS / "sites.md").read_text(encoding="utf-8")
    assert current == gen.render(), "docs/sites.md is out of date: run python docs/gen_sites.py"
    from newsextract.knowledge.profiles import PROFILES

    for p in PROFILES:
        assert f"| `{p.name}` |" in current
