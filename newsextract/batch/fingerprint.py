"""A page's template fingerprint, for grouping pages of one site when no URL names it.

The tokens are what a site repeats around its articles: for HTML the ids and classes of its elements
(with their tag) and the short texts outside the article; for a text dump its short lines.
Digits are folded to ``0`` (dates, counters, ids). The token set becomes a one-permutation MinHash
sketch (48 values, optimal densification) cut into 12 bands of 4 whose hashes are its keys
(locality-sensitive hashing): two pages share a key with probability 0.998 at a token Jaccard similarity
of 0.8, 0.96 at 0.7, 0.54 at 0.5, 0.02 at 0.2; :mod:`.learn` joins them with union-find, in O(items), never comparing all pairs. Everything is keyed
by blake2b, so the keys are the same in every process and every run.
"""

from __future__ import annotations

import hashlib

import regex
from lxml import etree

from ..classify import furniture_key
from ..pipeline import PageBlocks

SKETCH = 48
"""MinHash values per page."""
ROWS = 4
"""Values per band: a band key is shared only when all of them agree."""
MIN_TOKENS = 4
"""Fewer tokens than this make no fingerprint (the page stays alone)."""
MAX_ELEMENTS = 20000
"""Most elements of a page read for its markup tokens."""
SHORT_LINE = 40
"""Longest line taken as a template token (menus, footers, buttons: not article prose)."""

_DIGITS = regex.compile(r"\d+")
_EMPTY = (1 << 64) - 1


def _probes(i: int) -> tuple[int, ...]:
    """The fixed order in which an empty bin ``i`` looks for a full one (optimal densification)."""
    order = sorted(range(SKETCH), key=lambda j: hashlib.blake2b(f"{i}:{j}".encode(), digest_size=8).digest())
    return tuple(j for j in order if j != i)


_PROBES = tuple(_probes(i) for i in range(SKETCH))


def template_tokens(page: PageBlocks) -> set[str]:
    """The tokens of a page's template (see the module docstring)."""
    tokens: set[str] = set()
    if page.kind == "html":
        if page.root is not None:
            tokens.update(_markup_tokens(page.root))
        for b in page.blocks:
            if b.zone == "body":
                continue
            line = furniture_key(b.text)
            if line and len(line) <= SHORT_LINE:
                tokens.add("t:" + _DIGITS.sub("0", line))
        return tokens
    for b in page.blocks:
        line = furniture_key(b.text)
        if line and len(line) <= SHORT_LINE:
            tokens.add("t:" + _DIGITS.sub("0", line))
    return tokens


def _markup_tokens(root: etree._Element) -> set[str]:
    tokens: set[str] = set()
    for n, el in enumerate(root.iter(etree.Element)):
        if n >= MAX_ELEMENTS:
            break
        tag = el.tag if isinstance(el.tag, str) else ""
        ident = el.get("id")
        if ident:
            tokens.add(f"#{tag}#{_DIGITS.sub('0', ident.strip())[:40]}")
        for name in (el.get("class") or "").split()[:8]:
            tokens.add(f".{tag}.{_DIGITS.sub('0', name)[:40]}")
    return tokens


def _hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def sketch(tokens: set[str]) -> list[int] | None:
    """One-permutation MinHash of ``tokens`` (an empty bin takes a full one's value), or None."""
    if len(tokens) < MIN_TOKENS:
        return None
    bins = [_EMPTY] * SKETCH
    for token in tokens:
        h = _hash(token)
        i = h % SKETCH
        v = h // SKETCH
        if v < bins[i]:
            bins[i] = v
    out = list(bins)
    for i in range(SKETCH):
        if bins[i] == _EMPTY:  # each empty bin probes the others in its own fixed random order
            out[i] = next(bins[j] for j in _PROBES[i] if bins[j] != _EMPTY)
    return out


def band_keys(page: PageBlocks) -> tuple[str, ...]:
    """The LSH band keys of a page's template (hex), or ``()`` when it shows too little to tell."""
    values = sketch(template_tokens(page))
    if values is None:
        return ()
    keys = []
    for b in range(SKETCH // ROWS):
        band = ",".join(str(v) for v in values[b * ROWS : (b + 1) * ROWS])
        keys.append(hashlib.blake2b(f"{b}|{band}".encode(), digest_size=8).hexdigest())
    return tuple(keys)
