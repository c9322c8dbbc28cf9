"""``--learn``: find the lines a site repeats on many of its pages (furniture) and drop them.

A first pass cleans every item and counts, per site (:func:`~newsextract.batch.work.site_of`), on how
many *different articles* each normalised paragraph occurs. Pages are counted once per distinct title
(or body, when untitled), so syndicated or re-saved copies of one article never make its lines look
like furniture. A line becomes furniture only when it recurs on at least ``min_pages`` (>= 3) distinct
articles of the same site, so a line belonging to a single article is never removed; broadcast speaker
markers ("[앵커]"), which recur on every transcript but belong to each, are never learned. The second pass
drops paragraphs equal to a learned line of the page's site
(:func:`~newsextract.batch.work.drop_furniture`, applied after extraction in the worker).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..text.shapes import is_speaker_marker
from .work import Record, body_key, norm_line, site_of

MIN_PAGES_FLOOR = 3
Furniture = Mapping[str, frozenset[str]]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


class FurnitureLearner:
    """Accumulates line counts per site from cleaned records; :meth:`furniture` gives the result."""

    def __init__(self, min_pages: int = MIN_PAGES_FLOOR) -> None:
        if min_pages < MIN_PAGES_FLOOR:
            raise ValueError(f"min_pages must be at least {MIN_PAGES_FLOOR}, not {min_pages}")
        self.min_pages = min_pages
        self._counts: Counter[tuple[str, bytes]] = Counter()
        self._texts: dict[tuple[str, bytes], str] = {}
        self._articles: set[tuple[str, bytes]] = set()

    def add(self, record: Record) -> None:
        art = record.article
        if record.status != "ok" or art is None or not art.paragraphs:
            return
        site = site_of(record.source, art)
        ident = norm_line(art.title or "") or body_key(art.paragraphs) or ""
        akey = (site, _digest(ident))
        if akey in self._articles:
            return  # another copy of an article already counted
        self._articles.add(akey)
        for line in {norm_line(p) for p in art.paragraphs}:
            if not line or is_speaker_marker(line):
                continue  # "[앵커]" recurs on every transcript but is part of each one
            key = (site, _digest(line))
            self._counts[key] += 1
            if self._counts[key] == 2:
                self._texts[key] = line

    def furniture(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for key, n in self._counts.items():
            if n >= self.min_pages:
                out.setdefault(key[0], set()).add(self._texts[key])
        return {site: frozenset(lines) for site, lines in sorted(out.items())}


def learn_from(records: Iterable[Record], min_pages: int = MIN_PAGES_FLOOR) -> dict[str, frozenset[str]]:
    """Learn furniture from cleaned records."""
    learner = FurnitureLearner(min_pages)
    for rec in records:
        learner.add(rec)
    return learner.furniture()


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
