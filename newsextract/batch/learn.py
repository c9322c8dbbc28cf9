"""``--learn``: find the lines a site repeats across its pages (furniture) and drop them.

The first pass reads every item (:class:`~newsextract.batch.work.Sighting`: all the lines the page
shows, which of them the pipeline kept as the article, and which article it is) and groups items by site:
the host of a URL when one is known (the item's, or the page's canonical/``og:url``), else by template
(:mod:`.fingerprint`: pages sharing an LSH band key are joined with union-find). Per site it counts on
how many *distinct articles* each line occurs; a copy of an article already seen (same title or body, or
most of its long paragraphs) adds nothing, so syndicated or re-saved copies never make an article's lines
look like furniture. A line is learned when it occurs on at least ``min_pages`` (>= 3) distinct articles and:

- the pipeline never kept it as part of an article (pure furniture, which still misleads the search for
  the article in a text dump), or it kept it on two articles or more *and* the line is on at least
  ``share`` of the site's articles (furniture leaking into the text of some pages, not a stock phrase
  some articles use); a line kept as the text of a single article is never learned, nor is any
  article's title (a headline that other pages list in their sidebars);
- it is no speaker marker (``[앵커]``), byline, TV sign-off, time line, catalogued boilerplate phrase or
  tail marker (copyright, related-news header): the pipeline reads those itself and uses them as
  landmarks.

The second pass hands each page its site's lines (:func:`~newsextract.batch.work.furniture_for`) and
classify drops the blocks showing one before it looks for the article.

The result is a plain mapping: ``"host:<host>"`` or ``"group:<key>"`` -> lines, plus one
``"key:<band key>"`` -> ``{"group:<key>"}`` entry per template band key that two pages or more of a group
with lines share (how a page without URL finds its group again: each page of a group shares one).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..classify import is_byline_line, is_furniture
from ..text import shapes
from .work import GROUP_KEY, Record, Sighting

MIN_PAGES_FLOOR = 3
SHARE = 0.5
"""Least share of a site's articles a line the pipeline keeps as text must be on to be learned."""
Furniture = Mapping[str, frozenset[str]]


@dataclass(slots=True)
class _Site:
    """One site's counts: lines seen and kept per distinct article, and which articles were counted."""

    seen: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    articles: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    idents: set[str] = field(default_factory=set)
    paras: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    slack: int = 0
    """Articles counted twice because two groups that each counted a copy merged: every count may be
    this much too high, so this much more is asked of it."""

    def has(self, idents: tuple[str, ...], paras: tuple[str, ...]) -> bool:
        """True when an article with these keys was counted: same title or body, or most long paragraphs."""
        if not self.idents.isdisjoint(idents):
            return True
        return bool(paras) and 2 * sum(p in self.paras for p in paras) > len(paras)

    def count(self, s: Sighting) -> None:
        if s.title:
            self.titles.add(s.title)  # a copy's title too: it may be the form other pages list
        if not s.idents or self.has(s.idents, s.paras):
            return  # a copy of an article already counted (or no article at all)
        self.idents.update(s.idents)
        self.paras.update(s.paras)
        self.articles.append((s.idents, s.paras))
        self.seen.update(s.lines)
        self.kept.update(s.kept)

    def absorb(self, other: _Site) -> None:
        twice = sum(1 for idents, paras in other.articles if self.has(idents, paras))
        self.slack += other.slack + twice
        self.idents.update(other.idents)
        self.paras.update(other.paras)
        self.titles.update(other.titles)
        self.articles.extend(other.articles)
        self.seen.update(other.seen)
        self.kept.update(other.kept)


class FurnitureLearner:
    """Accumulates line counts per site from first-pass records; :meth:`furniture` gives the result."""

    def __init__(self, min_pages: int = MIN_PAGES_FLOOR, share: float = SHARE) -> None:
        if min_pages < MIN_PAGES_FLOOR:
            raise ValueError(f"min_pages must be at least {MIN_PAGES_FLOOR}, not {min_pages}")
        self.min_pages = min_pages
        self.share = share
        self._hosts: dict[str, _Site] = {}
        self._parent: dict[str, str] = {}  # band key -> parent band key (union-find)
        self._uses: Counter[str] = Counter()  # band key -> items showing it
        self._groups: dict[str, _Site] = {}  # root band key -> its site

    def _find(self, key: str) -> str:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def _group(self, bands: tuple[str, ...]) -> _Site:
        roots = []
        self._uses.update(bands)
        for key in bands:
            if key not in self._parent:
                self._parent[key] = key
                self._groups[key] = _Site()
            roots.append(self._find(key))
        roots = sorted(set(roots), key=lambda r: (-len(self._groups[r].seen), r))
        top = roots[0]
        for r in roots[1:]:  # union by size: the smaller group's counts move into the larger one
            self._parent[r] = top
            self._groups[top].absorb(self._groups.pop(r))
        return self._groups[top]

    def add(self, record: Record) -> None:
        s: Sighting | None = record.sighting
        if record.status != "ok" or s is None:
            return
        if s.host is not None:
            site = self._hosts.setdefault(s.host, _Site())
        elif s.bands:
            site = self._group(s.bands)
        else:
            return  # no URL and too little template to group by: its lines can never recur
        site.count(s)

    def _learnable(self, line: str, n: int, site: _Site) -> bool:
        if n - site.slack < self.min_pages or line in site.titles or _landmark(line):
            return False
        kept = site.kept[line]
        return kept == 0 or (kept - site.slack >= 2 and n >= self.share * len(site.articles))

    def _lines(self, site: _Site) -> frozenset[str]:
        return frozenset(line for line, n in site.seen.items() if self._learnable(line, n, site))

    def furniture(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for host, site in self._hosts.items():
            if lines := self._lines(site):
                out["host:" + host] = lines
        members: dict[str, list[str]] = {}
        for key in self._parent:
            members.setdefault(self._find(key), []).append(key)
        for root, site in self._groups.items():
            if lines := self._lines(site):
                keys = members[root]
                name = "group:" + min(keys)
                out[name] = lines
                for key in keys:
                    if self._uses[key] > 1:  # every page of a group shares one with another page
                        out[GROUP_KEY + key] = frozenset({name})
        return dict(sorted(out.items()))


def _landmark(line: str) -> bool:
    """A line the pipeline reads itself (never learned, see the module docstring)."""
    return (
        shapes.is_speaker_marker(line)
        or is_furniture(line)
        or shapes.is_end_marker(line)
        or shapes.is_time_line(line)
        or is_byline_line(line)
        or shapes.sign_off(line) is not None
    )


def learn_from(records: Iterable[Record], min_pages: int = MIN_PAGES_FLOOR) -> dict[str, frozenset[str]]:
    """Learn furniture from first-pass records (``WorkOptions(learn=True)``)."""
    learner = FurnitureLearner(min_pages)
    for rec in records:
        learner.add(rec)
    return learner.furniture()


def furniture_summary(furniture: Furniture) -> tuple[int, int]:
    """(learned lines, sites) of a furniture mapping."""
    sites = [v for k, v in furniture.items() if not k.startswith(GROUP_KEY)]
    return sum(len(v) for v in sites), len(sites)


def save_furniture(furniture: Furniture, path: Path) -> None:
    """Write learned furniture as JSON (sorted, readable); atomically, via a temporary file."""
    tmp = path.with_name(path.name + ".tmp")
    data = {site: sorted(lines) for site, lines in sorted(furniture.items())}
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def load_furniture(path: Path) -> dict[str, frozenset[str]]:
    """Read furniture written by :func:`save_furniture`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(site): frozenset(str(x) for x in lines) for site, lines in data.items()}
