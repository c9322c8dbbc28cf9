"""Profile matching: a tiny CSS-subset selector engine, compiled once, matched during the door's single walk.

Supported: ``tag``, ``#id``, ``.class``, ``[attr]``, ``[attr=v]``, ``[attr*=v]``, ``[attr^=v]``, ``[attr$=v]``,
compounds of those, descendant (space) and child (``>``) combinators. Selectors are indexed by their most
selective key (id, then a class, then an attribute name, then the tag) so each element is tested only
against the few selectors that could match it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import regex

from ..knowledge.profiles import BODY_HINTS, CAPTION_SELECTORS, PROFILES, PRUNE_SELECTORS, Profile

if TYPE_CHECKING:
    from .blocks import Ancestor

Role = Literal[
    "detect",
    "body",
    "title",
    "subtitle",
    "info",
    "byline",
    "caption",
    "figures",
    "remove",
    "tags",
    "section",
    "comments",
]
GetAttr = Callable[[str], "str | None"]
"""An element's attribute reader (``el.get``)."""

ROLES: tuple[Role, ...] = get_args(Role)
"""Every role, in declaration order."""

_TOKEN = regex.compile(
    r"""(?P<tag>[a-zA-Z][a-zA-Z0-9\-]*|\*)|\#(?P<id>[\w\-]+)|\.(?P<cls>[\w\-]+)"""
    r"""|\[(?P<attr>[\w\-:]+)(?:(?P<op>[*^$]?=)["']?(?P<val>[^"'\]]*)["']?)?\]"""
)


@dataclass(frozen=True, slots=True)
class Compound:
    """One simple-selector compound: ``tag#id.cls[attr op val]``."""

    tag: str | None
    id: str | None
    classes: frozenset[str]
    attrs: tuple[tuple[str, str, str], ...]

    def matches(self, tag: str, el_id: str | None, classes: frozenset[str], get: GetAttr) -> bool:
        if self.tag is not None and self.tag != tag:
            return False
        if self.id is not None and self.id != el_id:
            return False
        if self.classes and not self.classes <= classes:
            return False
        for name, op, val in self.attrs:
            have = get(name)
            if have is None:
                return False
            if (
                (op == "=" and have != val)
                or (op == "*=" and val not in have)
                or (op == "^=" and not have.startswith(val))
                or (op == "$=" and not have.endswith(val))
            ):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Selector:
    """A compiled selector: compounds right to left with their combinators, and what it is for."""

    source: str
    key: tuple[str, str]
    parts: tuple[Compound, ...]
    """Rightmost compound first."""
    child: tuple[bool, ...]
    """``child[i]`` is True when ``parts[i]`` and ``parts[i + 1]`` are joined by ``>``."""
    owner: str
    """Profile name, or ``"*"`` for page-wide rules."""
    role: str
    rank: int
    """Position in the role's list (lower is preferred)."""
    anchor: str | None = None
    """Key (``#id``, ``.class``, ``<tag``) the nearest ancestor compound needs open; a cheap pre-test."""
    gate: str | None = None
    """The most telling key any ancestor compound needs open (an id before a class before a tag): the
    walk runs the selector only while it is open (``.dates ul li`` waits for ``.dates``, not any ``ul``)."""


def _compound(text: str) -> Compound:
    tag = el_id = None
    classes: list[str] = []
    attrs: list[tuple[str, str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            raise ValueError(f"bad selector part {text!r}")
        pos = m.end()
        if m["tag"]:
            tag = None if m["tag"] == "*" else m["tag"].lower()
        elif m["id"]:
            el_id = m["id"]
        elif m["cls"]:
            classes.append(m["cls"])
        else:
            attrs.append((m["attr"].lower(), m["op"] or "", m["val"] or ""))
    if pos != len(text):
        raise ValueError(f"bad selector part {text!r}")
    return Compound(tag, el_id, frozenset(classes), tuple(attrs))


def compile_selector(source: str, *, owner: str = "*", role: str = "", rank: int = 0) -> Selector:
    """Compile one selector string."""
    words = source.replace(">", " > ").split()
    parts: list[Compound] = []
    child: list[bool] = []
    pending_child = False
    for w in reversed(words):
        if w == ">":
            pending_child = True
            continue
        if parts:
            child.append(pending_child)
        pending_child = False
        parts.append(_compound(w))
    if not parts:
        raise ValueError(f"empty selector {source!r}")
    last = parts[0]
    if last.id:
        key = ("id", last.id)
    elif last.classes:
        key = ("class", min(last.classes))
    elif last.tag or not last.attrs:
        key = ("tag", last.tag or "*")
    else:
        key = ("attr", last.attrs[0][0])
    anchor = None
    if len(parts) > 1:
        up = parts[1]
        anchor = (
            f"#{up.id}"
            if up.id
            else (f".{min(up.classes)}" if up.classes else (f"<{up.tag}" if up.tag else None))
        )
    gate, best = None, 3
    for up in parts[1:]:
        found = (
            (f"#{up.id}", 0)
            if up.id
            else ((f".{min(up.classes)}", 1) if up.classes else ((f"<{up.tag}", 2) if up.tag else None))
        )
        if found is not None and found[1] < best:
            gate, best = found
    return Selector(source, key, tuple(parts), tuple(child), owner, role, rank, anchor, gate)


def open_keys_of(tag: str, el_id: str | None, classes: frozenset[str]) -> list[str]:
    """The anchor keys an open element provides to its descendants."""
    keys = [f"<{tag}"]
    if el_id:
        keys.append(f"#{el_id}")
    keys.extend(f".{c}" for c in classes)
    return keys


A_TAG: Final = 0
A_ID: Final = 1
A_CLASSES: Final = 2
A_EL: Final = 3
"""The fields of the walk's open-element record (:data:`~newsextract.html.blocks.Ancestor`) that matching
reads: ``(tag, id, classes, element, ...)``."""


@dataclass(frozen=True, slots=True)
class Screened:
    """The candidate selectors of one element shape (tag, id, classes) that :func:`screen` kept."""

    cands: tuple[tuple[Selector, bool], ...]
    """In index order, each with True when nothing more needs testing (one compound, no attribute)."""
    always: bool
    """Some candidate can match whatever the ancestors and attributes: the match must always run."""
    anchors: frozenset[str]
    """Otherwise each candidate needs one of these anchor keys open above the element ..."""
    attr_names: frozenset[str]
    """... or one of these attributes on it: when neither holds, nothing can match (a cheap gate)."""

    def may_match(self, open_anchors: AbstractSet[str], names: Iterable[str]) -> bool:
        """False when no candidate can match, judging by the open anchor keys and the attribute names."""
        return bool(self.cands) and (
            self.always or not self.anchors.isdisjoint(open_anchors) or not self.attr_names.isdisjoint(names)
        )


def screen(cands: Iterable[Selector], tag: str, el_id: str | None, classes: frozenset[str]) -> Screened:
    """The candidates whose rightmost compound fits an element's tag, id and classes (its other attributes
    and its ancestors aside), with what each still needs (see :class:`Screened`).

    A pure function of tag, id and classes: the walk works it out once per distinct element shape.
    """
    out: list[tuple[Selector, bool]] = []
    always = False
    anchors: set[str] = set()
    attr_names: set[str] = set()
    for s in cands:
        p = s.parts[0]
        if (
            (p.tag is not None and p.tag != tag)
            or (p.id is not None and p.id != el_id)
            or (p.classes and not p.classes <= classes)
        ):
            continue
        whole = len(s.parts) == 1 and not p.attrs
        out.append((s, whole))
        if s.gate is not None:
            anchors.add(s.gate)  # no match unless an ancestor provides it
        elif len(s.parts) == 1 and p.attrs:
            attr_names.add(p.attrs[0][0])  # no match unless the element has the attribute
        else:
            always = True
    return Screened(tuple(out), always, frozenset(anchors), frozenset(attr_names))


def match_screened(
    screened: Screened, get: GetAttr, stack: Sequence[Ancestor | None], open_keys: Mapping[str, int]
) -> list[Selector]:
    """The screened candidates that match: attributes of the element, then its ancestors (anchor first)."""
    return [
        s
        for s, whole in screened.cands
        if whole or ((s.anchor is None or open_keys.get(s.anchor)) and _rest_match(s, get, stack))
    ]


@dataclass(frozen=True, slots=True, eq=False)
class SelectorIndex:
    """All selectors of all profiles (and the page-wide rules), indexed for the walk."""

    by_id: dict[str, tuple[Selector, ...]]
    by_class: dict[str, tuple[Selector, ...]]
    by_attr: dict[str, tuple[regex.Pattern[str] | None, tuple[Selector, ...]]]
    """Attribute name -> (a pattern any matching value contains, or None to always test; selectors)."""
    by_tag: dict[str, tuple[Selector, ...]]
    profiles: tuple[Profile, ...]
    _class_keys: frozenset[str] = frozenset()
    _anchors: frozenset[str] = frozenset()
    shapes: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)
    """The walk's cache of what an element shape (tag, class attribute) implies under this index: a pure
    function of the two strings, kept across pages (bounded by the walk)."""
    tag_shapes: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)
    """The walk's cache of what a tag as parsed implies under this index (kept and bounded the same way)."""

    def candidates(
        self, tag: str, el_id: str | None, classes: frozenset[str], cls: str
    ) -> tuple[Selector, ...]:
        """Selectors this element could match judging by tag, id and class alone (memoizable per page)."""
        cands: list[Selector] = []
        if el_id is not None and el_id in self.by_id:
            cands.extend(self.by_id[el_id])
        for c in classes & self.class_keys:
            cands.extend(self.by_class[c])
        for name, value in (("class", cls), ("id", el_id)):
            entry = self.by_attr.get(name)
            if entry is not None and value:
                screen, sels = entry
                if screen is None or screen.search(value):
                    cands.extend(s for s in sels if _probe(s.parts[0].attrs[0], value))
        hit = self.by_tag.get(tag)
        if hit:
            cands.extend(hit)
        return tuple(cands)

    def attr_candidates(self, names: Iterable[str], get: GetAttr) -> list[Selector]:
        """Selectors keyed on other attributes (``[itemprop=articleBody]``, ``[hidden]``) this element has."""
        out: list[Selector] = []
        for name in names:
            if name in ("class", "id"):
                continue
            entry = self.by_attr.get(name)
            if entry is None:
                continue
            have = get(name)
            screen, sels = entry
            if have is not None and (screen is None or screen.search(have)):
                out.extend(s for s in sels if _probe(s.parts[0].attrs[0], have))
        return out

    def match(
        self,
        tag: str,
        el_id: str | None,
        classes: frozenset[str],
        get: GetAttr,
        stack: Sequence[Ancestor | None],
        open_keys: Mapping[str, int],
        cands: Iterable[Selector] | None = None,
    ) -> list[Selector]:
        """Selectors matching this element (all candidates, or the ``cands`` given).

        ``stack`` holds its open ancestors (outermost first), ``open_keys`` counts the anchor keys they provide.
        """
        if cands is None:
            cands = [
                *self.candidates(tag, el_id, classes, get("class") or ""),
                *self.attr_candidates(self.by_attr, get),
            ]
        return [
            s
            for s in cands
            if (s.anchor is None or open_keys.get(s.anchor))
            and _full_match(s, tag, el_id, classes, get, stack)
        ]

    @property
    def class_keys(self) -> frozenset[str]:
        return self._class_keys

    @property
    def anchors(self) -> frozenset[str]:
        """Every anchor or gate key some selector needs open (others need not be counted)."""
        return self._anchors


def _probe(attr: tuple[str, str, str], have: str) -> bool:
    _, op, val = attr
    return (
        not op
        or (op == "=" and have == val)
        or (op == "*=" and val in have)
        or (op == "^=" and have.startswith(val))
        or (op == "$=" and have.endswith(val))
    )


def _full_match(
    s: Selector,
    tag: str,
    el_id: str | None,
    classes: frozenset[str],
    get: GetAttr,
    stack: Sequence[Ancestor | None],
) -> bool:
    if not s.parts[0].matches(tag, el_id, classes, get):
        return False
    return _ancestors_match(s, stack)


def _rest_match(s: Selector, get: GetAttr, stack: Sequence[Ancestor | None]) -> bool:
    """A screened selector's remaining tests: the rightmost compound's attributes, then the ancestors."""
    for attr in s.parts[0].attrs:
        have = get(attr[0])
        if have is None or not _probe(attr, have):
            return False
    return len(s.parts) == 1 or _ancestors_match(s, stack)


def _ancestors_match(s: Selector, stack: Sequence[Ancestor | None]) -> bool:
    pos = len(stack) - 1
    for i in range(1, len(s.parts)):
        part = s.parts[i]
        if s.child[i - 1]:
            if pos < 0:
                return False
            a = stack[pos]
            if a is None or not part.matches(a[A_TAG], a[A_ID], a[A_CLASSES], a[A_EL].get):
                return False
            pos -= 1
        else:
            while pos >= 0:
                a = stack[pos]
                pos -= 1
                if a is not None and part.matches(a[A_TAG], a[A_ID], a[A_CLASSES], a[A_EL].get):
                    break
            else:
                return False
    return True


def build_index(profiles: Iterable[Profile]) -> SelectorIndex:
    """Compile the profiles' selectors and the page-wide rules into one index."""
    sels: list[Selector] = []
    profs = tuple(profiles)
    for p in profs:
        for role in ROLES:
            for rank, src in enumerate(getattr(p, role)):
                sels.append(compile_selector(src, owner=p.name, role=role, rank=rank))
    for rank, src in enumerate(PRUNE_SELECTORS):
        sels.append(compile_selector(src, role="prune", rank=rank))
    for rank, src in enumerate(CAPTION_SELECTORS):
        sels.append(compile_selector(src, role="caption", rank=rank))
    for rank, src in enumerate(BODY_HINTS):
        sels.append(compile_selector(src, role="body", rank=rank))
    groups: dict[str, dict[str, list[Selector]]] = {"id": {}, "class": {}, "attr": {}, "tag": {}}
    for s in sels:
        groups[s.key[0]].setdefault(s.key[1], []).append(s)
    frozen = {k: {n: tuple(v) for n, v in g.items()} for k, g in groups.items()}
    by_attr = {name: (_screen(v), v) for name, v in frozen["attr"].items()}
    anchors = frozenset(k for x in sels for k in (x.anchor, x.gate) if k)
    return SelectorIndex(
        frozen["id"], frozen["class"], by_attr, frozen["tag"], profs, frozenset(frozen["class"]), anchors
    )


def _screen(sels: tuple[Selector, ...]) -> regex.Pattern[str] | None:
    """One pattern that finds any of the selectors' attribute values (None when one needs no value)."""
    vals = []
    for s in sels:
        _, op, val = s.parts[0].attrs[0]
        if not op or not val:
            return None
        vals.append(regex.escape(val))
    return regex.compile("|".join(sorted(set(vals))))


@lru_cache(maxsize=2)
def default_index(with_profiles: bool = True) -> SelectorIndex:
    """The compiled index of every known profile (or of the page-wide rules only)."""
    return build_index(PROFILES if with_profiles else ())
