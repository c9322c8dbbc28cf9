"""Stages 3-4 (HTML): prune the furniture, find the article, cut the tree into zoned blocks, with hints.

One walk over the tree (:func:`~newsextract.html.blocks.walk_tree`) prunes furniture, matches every profile's
selectors and cuts raw blocks. Then a profile recognised by its markup, or the generic finder when none is,
names the article container; blocks inside it are ``body``, the header pieces (title, subtitle, time lines,
byline) are ``head``, the rest ``outside`` (classify labels those furniture). The profile's visible elements
fill the :class:`~newsextract.blocks.PageHints`, merged over what the page's metadata says (visible wins).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import regex
from lxml import etree

from ..blocks import Block, PageHints, Zone
from ..fields.byline import EMAIL, LABELLED_NAMES, parse_byline
from ..fields.captions import cut_credit
from ..fields.dates import find_dates, find_times, label_field
from ..knowledge.labels import ROLE_WORDS
from ..knowledge.profiles import Profile
from ..limits import Limits
from ..model import Image, Reporter
from .blocks import RawBlock, Walk, walk_tree
from .container import find_container
from .embedded import embedded_blocks
from .meta import page_hints
from .profile import default_index

_NAME_ONLY = regex.compile(r"^\p{Hangul}{2,4}$")
_MEMBER_ID = regex.compile(r"\s?\([A-Za-z0-9_.\-]{1,30}\)$")
"""A member id after a citizen reporter's name: "장하람(haram)"."""
_DIGITS = regex.compile(r"\d{1,9}")
_POINTERS = ("▲", "△", "↑", "▶", "[", "<", "(")
"""Bold lines opening with these are captions, markers or credits, not a deck."""
_BYLINE_BOX_WORDS = ("byline", "writer", "reporter", "author", "journalist")
_YEAR = regex.compile(r"\d{2}[.\-/년]|\d{4}")
_TRUSTED_TITLE = 12
"""A metadata title shorter than this is taken for the site's name, not the headline."""
_MIN_BODY = 80
"""A profile container with less text than this is not trusted; the generic path (or script data) is tried."""
_HEAD_ROLES = ("title", "subtitle", "info", "byline")
"""The header pieces the door zones ``head`` (the other roles only feed the hints)."""
_HEAD_ROLE_SET = frozenset(_HEAD_ROLES)


@dataclasses.dataclass(frozen=True, slots=True)
class _Found:
    """The article as located on the page: container nodes and header pieces."""

    profile: Profile | None
    container: tuple[int, ...]
    head: dict[str, tuple[int, ...]]
    removed: tuple[int, ...]
    head_blocks: dict[int, str] = dataclasses.field(default_factory=dict)
    """Header pieces found block by block (generic path): block index -> role."""


def html_blocks(
    root: etree._Element,
    *,
    url: str | None,
    encoding: str | None,
    limits: Limits,
    profiles: bool = True,
    markup: str | bytes | None = None,
) -> tuple[list[Block], PageHints]:
    """Blocks of the page in reading order (zoned), and what the page says about itself.

    ``profiles=False`` skips the CMS profiles and uses the generic article finder only; ``markup`` is the
    page's source, when at hand (it spares the metadata reader passes over the tree).
    """
    w = walk_tree(root, default_index(profiles), limits=limits)
    meta = page_hints(root, url=url, encoding=encoding, markup=markup)
    found = _locate(w, meta, profiles=profiles)
    paint = _paint(w, found)
    have = _container_chars(w, paint)
    embedded: list[Block] | None = None
    if (found.profile is not None and found.profile.embedded) or have < _MIN_BODY:
        got = embedded_blocks(root)
        if got is not None and sum(len(b.text) for b in got[0]) > have:
            embedded, extra = got
            meta = _merge(extra, meta)
    if embedded is None and found.profile is not None:
        checked = _checked(w, found, paint, meta, have)
        if checked is not found:
            found, paint = checked, _paint(w, checked)
    blocks = _zoned(w, found, paint, replace_body=embedded)
    visible = _visible_hints(w, found, paint)  # (never a url or an encoding: those come from meta)
    hints = _merge(
        visible,
        meta,
        url=meta.url or url,
        encoding=encoding or meta.encoding,
        profile=found.profile.name if found.profile else None,
    )
    return blocks, hints


# --- locating the article ------------------------------------------------------------------------


def _checked(w: Walk, found: _Found, paint: list[str | None], meta: PageHints, have: int) -> _Found:
    """The profile's find (``paint`` is its :func:`_paint`), unless the generic finder sees the article elsewhere.

    A profile whose container is (nearly) empty, or holds far less prose than a generic container lying
    wholly outside it, recognised the wrong element (a class name shared by another layout).
    """
    mine = 0
    if have >= _MIN_BODY:
        mine, page = _prose_chars(w, paint)
        if mine * 3 >= page:
            return found  # no container outside this one can hold twice its prose
    title_block = _title_block(w, _trusted_title(meta))
    hinted = tuple(n for _, n in w.hits.get(("*", "body"), ()))
    other = _Found(None, tuple(find_container(w, title_block=title_block, hinted=hinted)), {}, ())
    if have < _MIN_BODY:
        better = _container_chars(w, _paint(w, other)) > max(5 * have, 500)
    else:
        apart = not any(w.inside(g, c) or w.inside(c, g) for g in other.container for c in found.container)
        better = apart and mine * 2 < _prose_chars(w, _paint(w, other))[0]
    return _generic(w, meta) if better else found


def _prose_chars(w: Walk, paint: list[str | None]) -> tuple[int, int]:
    """Characters of sentence-like blocks (Korean endings, some length): in the container painted
    (``paint``, from :func:`_paint`), on the page."""
    inside = total = 0
    for b in w.blocks:
        t = b.text
        if len(t) >= 25 and t.rstrip("\"'”’) ").endswith(("다.", "요.", "다", ".")):
            total += len(t)
            if paint[b.node] == _BODY:
                inside += len(t)
    return inside, total


def _first(w: Walk, key: tuple[str, str]) -> int | None:
    hits = w.hits.get(key)
    if not hits:
        return None
    best = min(r for r, _ in hits)
    return next(n for r, n in hits if r == best)


def _all_best(w: Walk, key: tuple[str, str]) -> tuple[int, ...]:
    hits = w.hits.get(key)
    if not hits:
        return ()
    best = min(r for r, _ in hits)
    return tuple(n for r, n in hits if r == best)


def _locate(w: Walk, meta: PageHints, *, profiles: bool) -> _Found:
    if profiles:
        detected = {name for name, role in w.hits if role == "detect"}
        for p in default_index(True).profiles:
            if p.name not in detected:
                continue
            body = _all_best(w, (p.name, "body"))
            if body or p.embedded:
                return _profile_found(w, meta, p, body)
    return _generic(w, meta)


def _profile_found(w: Walk, meta: PageHints, p: Profile, body: tuple[int, ...]) -> _Found:
    """The article as profile ``p`` finds it; header pieces it has no selector for are scanned for."""
    head = {
        "title": _single(_first(w, (p.name, "title"))),
        "subtitle": _all_best(w, (p.name, "subtitle")),
        "info": _all_ranks(w, (p.name, "info")),
        "byline": _all_ranks(w, (p.name, "byline")),
        "tags": _all_best(w, (p.name, "tags")),
        "section": _single(_first(w, (p.name, "section"))),
        "comments": _single(_first(w, (p.name, "comments"))),
    }
    container = tuple(sorted({*body, *(n for _, n in w.hits.get((p.name, "figures"), ()))}))
    missing = tuple(r for r in _HEAD_ROLES if not head[r])
    extra: dict[int, str] = {}
    if missing:
        title_block = _title_block(w, _trusted_title(meta)) if "title" in missing else None
        extra = _header_scan(w, container, title_block, roles=missing)
    removed = tuple(n for _, n in w.hits.get((p.name, "remove"), ()))
    return _Found(profile=p, container=container, head=head, removed=removed, head_blocks=extra)


def _all_ranks(w: Walk, key: tuple[str, str]) -> tuple[int, ...]:
    """Every hit, best rank first (a later rank only fills what the earlier ones lack)."""
    return tuple(n for _, n in sorted(w.hits.get(key, ())))


def _single(node: int | None) -> tuple[int, ...]:
    return () if node is None else (node,)


def _generic(w: Walk, meta: PageHints) -> _Found:
    title_block = _title_block(w, _trusted_title(meta))
    hinted = tuple(n for _, n in w.hits.get(("*", "body"), ()))
    container = tuple(find_container(w, title_block=title_block, hinted=hinted))
    head = _header_scan(w, container, title_block, roles=_HEAD_ROLES)
    return _Found(profile=None, container=container, head={}, removed=(), head_blocks=head)


def _trusted_title(meta: PageHints) -> str | None:
    return meta.title if meta.title and len(meta.title.strip()) >= _TRUSTED_TITLE else None


def _header_scan(
    w: Walk, container: tuple[int, ...], title_block: int | None, *, roles: tuple[str, ...]
) -> dict[int, str]:
    """Header pieces found by position around the container: the headline above it (or heading its
    first line), time and byline lines under the headline, a deck opening the body, bylines just after it."""
    start = min((_first_block(w, c) for c in container), default=len(w.blocks))
    if title_block is not None and title_block > start + 3:
        title_block = None  # a match far inside the body is a repeat, not the headline
    if title_block is None:
        first = w.blocks[start] if start < len(w.blocks) else None
        if "title" in roles and first is not None and first.kind == "heading" and 6 <= len(first.text) <= 200:
            title_block = start  # (when a profile found the headline, a heading opening the body is a deck)
        else:
            title_block = _headline_before(w, start)
    head: dict[int, str] = {}
    body_from = start
    if title_block is not None:
        if "title" in roles:
            head[title_block] = "title"
        stop = start if title_block < start else title_block + 4
        for i in range(title_block + 1, min(stop, title_block + 12, len(w.blocks))):
            b = w.blocks[i]
            if len(b.text) > 80 or b.kind == "image":
                continue
            if (
                "info" in roles
                and _maybe_time(b.text)
                and (find_times(b.text) or (i <= title_block + 2 and _date_only(b.text)))
            ):
                head[i] = "info"
            elif "byline" in roles and _maybe_byline(b.text) and parse_byline(b.text):
                head[i] = "byline"
            else:
                continue
            body_from = max(body_from, i + 1)
        body_from = max(body_from, title_block + 1)
    if "subtitle" in roles:
        for i in range(body_from, min(body_from + 12, len(w.blocks))):
            b = w.blocks[i]
            if b.kind == "heading" and not b.text.startswith(_POINTERS):
                head[i] = "subtitle"  # a deck heading opening the body, before any text
            elif b.kind not in ("image", "caption"):
                break
    if "byline" in roles:
        end = max((_last_block(w, c) for c in container), default=-1)
        for i in range(end + 1, min(end + 6, len(w.blocks))):
            b = w.blocks[i]
            if len(b.text) > 80 or b.kind == "image":
                continue
            if (_maybe_byline(b.text) and parse_byline(b.text)) or (
                _NAME_ONLY.match(b.text) and _byline_box(w, b.node)
            ):
                head[i] = "byline"
    return head


def _byline_box(w: Walk, node: int) -> bool:
    """The element (or its parent) is named as a byline box: ``div.byline``, ``span.writer``."""
    for n in (node, w.parent[node]):
        if n >= 0:
            named = f"{w.elements[n].get('class') or ''} {w.elements[n].get('id') or ''}".lower()
            if any(word in named for word in _BYLINE_BOX_WORDS):
                return True
    return False


def _headline_before(w: Walk, start: int) -> int | None:
    """The nearest headline-like line above the body: short, not prose, not a time or byline line."""
    for i in range(start - 1, max(start - 9, -1), -1):
        b = w.blocks[i]
        t = b.text
        if b.kind in ("image", "item") or not 8 <= len(t) <= 200 or b.link_chars > len(t) // 2:
            continue
        if (
            t.endswith(("다.", "요."))
            or (_maybe_time(t) and find_times(t))
            or (_maybe_byline(t) and parse_byline(t))
        ):
            continue
        return i
    return None


def _first_block(w: Walk, node: int) -> int:
    """Index of the first block cut inside ``node`` (the start of its :meth:`Walk.block_span`), or
    ``len(w.blocks)`` when it has none: only that first block is looked at."""
    i = w.first_block[node]
    return i if w.cut_inside(i, node) else len(w.blocks)


def _last_block(w: Walk, node: int) -> int:
    span = w.block_span(node)
    return span.stop - 1 if span else -1


def _title_block(w: Walk, title: str | None) -> int | None:
    """The block showing the headline.

    The block equal to the metadata title (a heading first), else the first block the metadata title
    contains ("Site - Headline", "Headline | Site"), a heading first.
    """
    if title:
        t = " ".join(title.split())
        exact: int | None = None
        part: int | None = None
        part_heading: int | None = None
        floor = max(8, int(0.4 * len(t)))
        for i, b in enumerate(w.blocks):
            if b.kind in ("image", "item") or len(b.text) < 4:
                continue
            if b.text == t:
                if b.kind == "heading":
                    return i
                if exact is None:
                    exact = i
            elif len(b.text) >= floor and b.text in t:
                if b.kind == "heading" and part_heading is None:
                    part_heading = i
                elif part is None:
                    part = i
        for found in (exact, part_heading, part):
            if found is not None:
                return found
    return None


_BODY, _REMOVED = "body", "removed"


def _paint(w: Walk, found: _Found) -> list[str | None]:
    """Per node: its header role, "removed", "body" (inside the container) or None, by interval painting."""
    paint: list[str | None] = [None] * len(w.parent)
    layers = [(_BODY, found.container), (_REMOVED, found.removed)]
    layers += [(role, found.head.get(role, ())) for role in _HEAD_ROLES]
    for label, nodes in layers:
        for n in nodes:
            if n >= 0:
                paint[n : w.end[n] + 1] = [label] * (w.end[n] + 1 - n)
    return paint


def _container_chars(w: Walk, paint: list[str | None]) -> int:
    """Characters of text in the container painted (``paint``, from :func:`_paint`)."""
    return sum(len(b.text) for b in w.blocks if b.kind != "image" and paint[b.node] == _BODY)


# --- zoning the blocks ---------------------------------------------------------------------------


def _zoned(
    w: Walk, found: _Found, paint: list[str | None], *, replace_body: list[Block] | None
) -> list[Block]:
    """The walk's blocks, zoned: header pieces ``head``, the container's blocks ``body`` (or
    ``replace_body`` in their place), the rest ``outside``; removed regions, related lists and images
    away from the article are left out."""
    dropped = _related_drops(w, found)
    head_blocks = found.head_blocks
    out: list[Block] = []
    body_done = False
    for i, b in enumerate(w.blocks):
        text, kind, mark = b.text, b.kind, paint[b.node]
        role = head_blocks.get(i) if head_blocks else None
        if role is None and mark in _HEAD_ROLE_SET:
            role = mark
        zone: Zone
        if role is not None:
            zone = "head" if _plays(role, text) else "outside"
            if zone == "head" and role != "byline":
                kind = "meta" if role == "info" else "heading"
        elif mark == _REMOVED or i in dropped:
            continue
        elif mark == _BODY:
            if replace_body is not None:
                if not body_done:
                    out.extend(_renumbered(replace_body, len(out)))
                    body_done = True
                continue
            zone = "body"
            if text and b.link_chars >= 0.9 * len(text) and len(text) < 80 and kind != "caption":
                zone = "outside"  # a line that is only a link: promo or related story
        else:
            zone = "outside"
        if kind == "image" and zone != "body" and not _leads_body(w, paint, i):
            continue  # logos, reporter photos, thumbnails: only the article's own images are kept
        density = round(b.link_chars / len(text), 3) if b.link_chars and text else 0.0
        out.append(Block(text, kind, len(out), b.where, zone, density, True, b.src, b.alt))  # positional: cheaper
    if replace_body is not None and not body_done:
        out.extend(_renumbered(replace_body, len(out)))
    return out


def _plays(role: str, text: str) -> bool:
    """The line really is a header piece: an info line shows a time (or a byline), a byline line names
    a person; a label or a link in those boxes ("페이지 정보", "댓글 0", "기자의 다른기사 보기") is not."""
    if role == "info":
        return bool(find_times(text) or _date_only(text) or parse_byline(text))
    if role == "byline":
        return _names_a_person(text)
    return True


def _leads_body(w: Walk, paint: list[str | None], i: int) -> bool:
    """The image block ``i`` stands right above the article container (its lead photo, whose caption
    opens the body): kept, outside, so classify sees the image beside that caption."""
    return i + 1 < len(w.blocks) and paint[w.blocks[i + 1].node] == _BODY


def _renumbered(blocks: list[Block], start: int) -> list[Block]:
    """``blocks`` (from script data) numbered on from ``start``, zoned ``body``."""
    return [
        Block(b.text, b.kind, start + i, b.where, "body", b.link_density, b.gap_before, b.src, b.alt)
        for i, b in enumerate(blocks)
    ]


def _related_drops(w: Walk, found: _Found) -> set[int]:
    """Block indexes of related / most-read lists: from their heading to the end of the list's region."""
    out: set[int] = set()
    for region, first in w.related:
        holds_article = any(region < c and w.inside(c, region) for c in found.container)
        for i in range(first, len(w.blocks)):
            node = w.blocks[i].node
            if not w.inside(node, region):
                break
            if holds_article and any(w.inside(node, c) for c in found.container):
                continue
            out.add(i)
    return out


# --- hints from the visible header ---------------------------------------------------------------


def _texts(w: Walk, node: int) -> list[str]:
    blocks = w.blocks
    return [blocks[i].text for i in w.block_span(node) if blocks[i].text and blocks[i].kind != "image"]


def _role_texts(w: Walk, found: _Found) -> dict[str, list[list[str]]]:
    """Per header role, the lines of each element (or block) playing it."""
    out: dict[str, list[list[str]]] = {}
    for role, nodes in found.head.items():
        out[role] = [_texts(w, n) for n in nodes]
    for i, role in sorted(found.head_blocks.items()):
        out.setdefault(role, []).append([w.blocks[i].text])
    return out


def _visible_hints(w: Walk, found: _Found, paint: list[str | None]) -> PageHints:
    roles = _role_texts(w, found)
    title = next((" ".join(lines) for lines in roles.get("title", ()) if lines), None)
    subtitle_lines = [line for lines in roles.get("subtitle", ()) for line in lines]
    times: dict[str, datetime] = {}
    reporters: dict[str, Reporter] = {}
    for lines in roles.get("info", ()):
        line = " ".join(lines)
        for label, when in find_times(line) or _date_only(line):
            field = label_field(label) or ("published" if not times else None)
            if field and field not in times:
                times[field] = when
        for r in parse_byline(line) or _labelled_names(line):
            reporters.setdefault(r.name, r)
    for lines in roles.get("byline", ()):
        for r in _box_reporters(lines):
            old = reporters.get(r.name)
            if old is None or (r.email and not old.email):
                reporters[r.name] = r
    comment_count = None
    for lines in roles.get("comments", ()):
        m = _DIGITS.search(" ".join(lines).replace(",", ""))
        if m:
            comment_count = int(m.group(0))
    section = next((" ".join(lines) for lines in roles.get("section", ()) if lines), None)
    tags = tuple(dict.fromkeys(t.lstrip("#") for lines in roles.get("tags", ()) for t in lines))
    return PageHints(
        title=title,
        subtitle="\n".join(subtitle_lines) or None,
        reporters=tuple(reporters.values()),
        published=times.get("published"),
        modified=times.get("modified"),
        approved=times.get("approved"),
        images=_images(w, paint),
        comment_count=comment_count,
        section=section,
        tags=tuple(t for t in tags if t),
    )


def _images(w: Walk, paint: list[str | None]) -> tuple[Image, ...]:
    out: list[Image] = []
    seen: set[str] = set()
    last_img: RawBlock | None = None
    for b in w.blocks:
        if (b.kind != "image" and b.kind != "caption") or paint[b.node] != _BODY:
            continue  # (the kind first: most blocks are neither)
        if b.kind == "image":
            last_img = b
        elif b.text not in seen:
            seen.add(b.text)
            caption, credit = cut_credit(b.text)
            out.append(
                Image(
                    src=last_img.src if last_img else None,
                    alt=last_img.alt if last_img else None,
                    caption=caption or None,
                    credit=credit,
                    shown=" ".join(b.text.split()) or None,
                )
            )
            last_img = None
    return tuple(out)


# --- metadata ------------------------------------------------------------------------------------


def _date_only(line: str) -> tuple[tuple[str | None, datetime], ...]:
    """The one date of a dated line with no time ("[경향신문] 2013-06-22 24면"), as a publication day."""
    dates = find_dates(line)
    return ((None, dates[0].when),) if len(dates) == 1 else ()


def _box_reporters(lines: list[str]) -> list[Reporter]:
    """Reporters in a byline element, line by line: a name line, then perhaps its e-mail on the next."""
    out: list[Reporter] = []
    joined = " ".join(lines)
    for line in [*lines, joined] if len(lines) > 1 else lines:
        found = list(parse_byline(line))
        if not found:
            name = _MEMBER_ID.sub("", line)
            found = [Reporter(name=name)] if _NAME_ONLY.match(name) else list(_labelled_names(line))
        if found:
            out.extend(found)
            continue
        email = EMAIL.search(line)
        if email and out and not out[-1].email and line is not joined:
            last = out[-1]
            out[-1] = Reporter(name=last.name, role=last.role, email=email.group(0), location=last.location)
    return out


def _maybe_byline(line: str) -> bool:
    """Cheap pre-test before the byline parser: a role word or an e-mail is present."""
    return "@" in line or any(word in line for word in ROLE_WORDS)


def _maybe_time(line: str) -> bool:
    """Cheap pre-test before the date parser: four digits in a row somewhere."""
    return _YEAR.search(line) is not None


def _names_a_person(line: str) -> bool:
    return bool(
        parse_byline(line)
        or _NAME_ONLY.match(_MEMBER_ID.sub("", line))
        or _labelled_names(line)
        or EMAIL.search(line)
    )


def _labelled_names(line: str) -> tuple[Reporter, ...]:
    return tuple(Reporter(name=m["name"]) for m in LABELLED_NAMES.finditer(line))


def _same_minute(a: datetime, b: datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


_HINT_FIELDS = tuple(f.name for f in dataclasses.fields(PageHints))
"""PageHints' field names, in the order its constructor takes them."""


def _merge(visible: PageHints, meta: PageHints, **fixed: Any) -> PageHints:
    """``visible`` over ``meta``: a field the page shows wins over what its metadata says; ``fixed``
    fields are set as given."""
    values: list[Any] = []
    for name in _HINT_FIELDS:
        value = getattr(meta, name)
        shown = getattr(visible, name)
        if name in fixed:
            value = fixed[name]
        elif shown not in (None, (), "") and not (
            isinstance(shown, datetime) and isinstance(value, datetime) and _same_minute(shown, value)
        ):  # (a time the metadata gives to the same minute keeps the metadata's seconds)
            value = shown
        values.append(value)
    return PageHints(*values)
