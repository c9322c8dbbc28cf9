"""The HTML door's single walk: prune furniture, match profile selectors and cut the tree into raw blocks.

One iterative pass (``lxml.etree.iterwalk``, no Python recursion) over the whole tree, bounded by
``limits.max_depth`` (deeper raises :class:`~newsextract.errors.ParseError`). Every visited element gets a preorder number; a raw block remembers the element that
owned it, so the door can later place blocks inside or outside the article container by interval tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, get_args

from lxml import etree

from ..blocks import BlockKind
from ..knowledge.phrases import CAPTION_END
from ..knowledge.profiles import PRUNE_TAGS, RELATED_HEADINGS
from ..limits import Limits
from .parse import too_deep
from .profile import (
    A_EL,
    A_ID,
    A_TAG,
    Screened,
    Selector,
    SelectorIndex,
    match_screened,
    open_keys_of,
    screen,
)
from .prune import style_hides, tag_pruned, traits

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "blockquote",
        "section",
        "article",
        "header",
        "main",
        "pre",
        "address",
        "center",
        "hr",
        "details",
        "summary",
        "body",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TAG_KIND: dict[str, BlockKind] = {
    "li": "item",
    "dd": "item",
    "dt": "item",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
    "figcaption": "caption",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
}
_BOLD = frozenset({"strong", "b"})
_PROTECTED = frozenset({"detect", "body", "title", "subtitle", "info", "byline", "caption", "figures"})
"""Roles that keep an element even when its class names a widget (``div.article_share_body``)."""


@dataclass(slots=True)
class RawBlock:
    """A block as cut by the walk, before the door gives it a zone."""

    text: str
    kind: BlockKind
    node: int
    where: str
    link_chars: int = 0
    src: str | None = None
    alt: str | None = None


@dataclass(slots=True)
class Walk:
    """What the single walk found."""

    blocks: list[RawBlock] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    elements: list[etree._Element] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    """Per node: +1 when its class/id names article content, -1 when it names page chrome."""
    hits: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    """(profile, role) -> [(rank, node)] in document order."""
    related: list[tuple[int, int]] = field(default_factory=list)
    """(region node, first block index) for related/most-read lists found by their heading."""

    first_block: list[int] = field(default_factory=list)
    """Per node: how many blocks were cut before it opened (where its own blocks start)."""

    def inside(self, node: int, container: int) -> bool:
        """True when ``node`` is ``container`` or one of its descendants."""
        return container <= node <= self.end[container]

    def block_span(self, node: int) -> range:
        """Indexes of the blocks cut inside ``node``: a contiguous run, since the walk cuts a subtree's
        blocks while it is in that subtree, and each block belongs to the element open when it was cut."""
        start = i = self.first_block[node]
        while self.cut_inside(i, node):
            i += 1
        return range(start, i)

    def cut_inside(self, i: int, node: int) -> bool:
        """True when block ``i`` exists and was cut inside ``node``."""
        return i < len(self.blocks) and node <= self.blocks[i].node <= self.end[node]


_Hits = dict[tuple[str, str], list[tuple[int, int]]]
Undo = tuple[tuple[str, ...], int]
"""What the walk undoes when an element ends: the anchor keys it opened, and a link or bold count to lower."""
Ancestor = tuple[
    str,
    str | None,
    frozenset[str],
    etree._Element,
    int,
    str,
    BlockKind,
    bool,
    bool,
    Undo | None,
    "Ancestor | None",
    int,
    int,
    int,
]
"""What the walk keeps about an element with a node: ``(tag, id, classes, element)`` for matching the left
parts of selectors (:mod:`.profile`), then ``(node number, description, block kind, closes a block, inside a
caption, what its end undoes, the enclosing element with a node)`` for cutting blocks, then the node's
``(parent node, blocks cut before it, flag)`` for the :class:`Walk`. A plain tuple, one per node, both the
open-element stack's entry and the node's row (the Walk's lists are its columns)."""
A_INDEX: Final = 4
A_DESC: Final = 5
A_KIND: Final = 6
A_CLOSES: Final = 7
A_INSIDE: Final = 8
A_UNDO: Final = 9
A_OUTER: Final = 10
A_PARENT: Final = 11
A_FIRST_BLOCK: Final = 12
A_FLAG: Final = 13
_HEAD_IDS = etree.XPath(".//*[@id]")
"""Elements with an id inside ``<head>`` (the walk skips the head whole)."""
_HEAD_ID_VALUES = etree.XPath(".//@id", smart_strings=False)
"""The id values inside ``<head>``: a third of the cost of :data:`_HEAD_IDS`, and most name no detector."""
_INHERITING_BLOCKS = BLOCK_TAGS - {"div", "section", "article", "main", "body"}
"""Block tags whose blocks keep an item/quote/cell/caption kind from outside (see :func:`_kinds_after`)."""
_KEEP, _PRUNE, _BUTTON, _HEAD = 0, 1, 2, 3
"""What a tag alone says: keep the element, prune it whole, prune it unless it shows a time, or it is ``<head>``."""
_LINK, _BOLD_STYLE, _IMG, _BR = 1, 2, 3, 4
"""A tag's part in the text: an ``<a>`` and a bold element add to the link and bold character counts, an
``<img>`` cuts an image block, a ``<br>`` ends a line (see ``walk_tree``)."""
_MAX_SHAPES = 16384
"""Element shapes an index remembers before it forgets them all (an archive of many sites has many)."""


def walk_tree(root: etree._Element, index: SelectorIndex, *, limits: Limits) -> Walk:
    """Walk the tree once: prune, match selectors, cut blocks.

    The loop is the door's hot path (every element of every page passes here), so it is written flat:
    helpers inlined, what an element's tag, class and id imply memoised per distinct shape.
    """
    blocks: list[RawBlock] = []
    rows: list[Ancestor] = []  # per node, in document order
    ends: list[int] = []
    found_hits: _Hits = {}
    related: list[tuple[int, int]] = []
    stack: list[Ancestor | None] = [None]
    """Every open element, None for one that owns no node (pruned, skipped, a bare ``<br>``), above a None
    that stands for the root's parent (no ancestor: selectors see it as they see a skipped element)."""
    top: Ancestor | None = None  # the innermost open element with a node (the top non-None entry of stack)
    open_keys: dict[str, int] = {}
    open_anchors: set[str] = set()  # the keys open_keys counts above zero
    parts: list[str] = []
    chars = [0, 0]  # [link chars, bold chars] in parts (flush empties both)
    in_link = in_bold = 0  # open <a> depth, open <b>/<strong> depth
    memos: dict[tuple[str, str], _Memo] = index.shapes  # (tag, class) -> _memo(...), across pages
    tag_memos: dict[object, _TagMemo] = index.tag_shapes  # raw tag -> _tag_memo(...), across pages
    if len(memos) > _MAX_SHAPES:
        memos.clear()
    if len(tag_memos) > _MAX_SHAPES:
        tag_memos.clear()
    max_depth = limits.depth_cap
    by_id = index.by_id
    attr_keys = index.by_attr.keys() - {"class", "id"}
    """Attribute names some selector keys on (an element with none of them needs no attribute lookup)."""

    def flush(top: Ancestor | None) -> None:
        """Cut the text gathered in ``parts`` into a block owned by ``top`` (the innermost open node)."""
        text = "".join(parts).strip()
        parts.clear()
        if "  " in text or "\n" in text or "\t" in text or not text.isprintable():
            # Other white space than single spaces inside: collapse it (most text needs only the strip,
            # and the test costs a fraction of splitting into words).
            text = " ".join(text.split())
        link_chars, bold = chars
        if link_chars or bold:
            chars[0] = chars[1] = 0
        if not text:
            return
        if top is None:
            kind: BlockKind = "text"
            node = 0
            where = ""
        else:
            kind = top[A_KIND]
            node = top[A_INDEX]
            where = _where(top)  # most nodes cut one block: a memo per node would cost more than it saves
        if bold and kind == "text" and bold >= len(text.replace(" ", "")) > 0:
            kind = "heading"  # a line wholly in bold: an in-body subheading or a deck
        if CAPTION_END in text and kind != "caption":  # a wire photo's caption glued to the next paragraph
            cut = text.find(CAPTION_END) + len(CAPTION_END)
            if cut < len(text) and text[cut:].strip():
                blocks.append(RawBlock(text[:cut], "caption", node, where, 0))
                text = text[cut:].lstrip()
        blocks.append(RawBlock(text, kind, node, where, link_chars and min(link_chars, len(text))))
        if len(text) < 20 and text in RELATED_HEADINGS and top is not None:
            region = top[A_PARENT]
            if region > 0:
                related.append((region, len(blocks) - 1))

    # A comment or processing instruction (trees not parsed by parse_html may keep them) is skipped below.
    walker = etree.iterwalk(root, events=("start", "end"))
    skip = walker.skip_subtree
    for event, el in walker:
        if event == "end":
            a = stack.pop()
            if a is not None:
                # The element's block ends with it; it is still the innermost open node for flush.
                if a[A_CLOSES] and parts:
                    flush(a)
                undo = a[A_UNDO]
                if undo is not None:  # anchor keys to close, a link or bold count to lower
                    keys, style = undo
                    for k in keys:
                        n = open_keys[k] - 1
                        open_keys[k] = n
                        if not n:
                            open_anchors.discard(k)
                    if style == _LINK:
                        in_link -= 1
                    elif style == _BOLD_STYLE:
                        in_bold -= 1
                ends[a[A_INDEX]] = len(rows) - 1
                top = a[A_OUTER]
            text = el.tail  # after an element's end
            if text and (parts or not text.isspace()):
                parts.append(text)
                if in_link:
                    chars[0] += len(text.strip())
                if in_bold:
                    chars[1] += len(text.replace(" ", "").strip())
            continue
        raw = el.tag
        if len(stack) > max_depth:  # the elements open above this one, and the root's parent
            raise too_deep(max_depth)
        try:
            tag, prune, bare, plain_br = tag_memos[raw]
        except KeyError:
            if not isinstance(raw, str) or not raw:
                skip()
                stack.append(None)
                continue
            tag, prune, bare, plain_br = tag_memos[raw] = _tag_memo(raw, index)
        if prune and (prune != _BUTTON or tag_pruned(tag, el)):
            # Pruned whole (<head> too: it holds no text to read); an id may still name the CMS
            # (script#fusion-metadata), so elements with one are matched against the detectors.
            if prune == _HEAD:
                if not by_id.keys().isdisjoint(_head_id_values(el)):
                    for sub in _with_ids(el):
                        _detect_by_id(sub, index, stack, found_hits)
            elif el.get("id") in by_id:
                _detect_by_id(el, index, stack, found_hits)
            skip()
            stack.append(None)
            continue
        names = el.keys()  # one call; a third of the elements have no attribute, so no get() either
        if names:
            cls = (el.get("class") or "") if "class" in names else ""
            el_id = el.get("id") if "id" in names else None
            if el_id:
                memo = _id_memo(tag, cls, el_id, index)
            elif cls:
                try:
                    memo = memos[(tag, cls)]
                except KeyError:
                    memo = memos[(tag, cls)] = _memo(tag, cls, None, index)
            else:
                memo = bare
        elif plain_br:
            # A bare line break (a fifth of the elements kept): it ends the line, or inside a caption it is a
            # space; it holds no text and owns no block, so it gets no node and the rest is skipped.
            if top is not None and top[A_INSIDE]:
                parts.append(" ")
            elif parts:
                flush(top)
            stack.append(None)
            continue
        else:
            el_id = None
            memo = bare
        classes, static, flag, undo, hidden, chrome, desc, boundary, kinds, is_p, code = memo
        # Hidden by a class or an inline style (not an image: lazy images start hidden).
        if hidden or ("style" in names and code != _IMG and style_hides(el.get("style"))):
            skip()
            stack.append(None)
            continue
        node = len(rows)
        hits: Sequence[Selector] = ()
        if static.cands and (  # Screened.may_match, inlined: this runs for every element
            static.always
            or not static.anchors.isdisjoint(open_anchors)
            or (names and not static.attr_names.isdisjoint(names))
        ):
            hits = match_screened(static, el.get, stack, open_keys)
        if names and not attr_keys.isdisjoint(names):
            extra = index.attr_candidates(names, el.get)
            if extra:
                hits = [*hits, *index.match(tag, el_id, classes, el.get, stack, open_keys, extra)]
        caption = False
        if hits:
            roles = {h.role for h in hits}
            # Furniture by a page-wide selector, or by a class word unless a profile's role protects it.
            if "prune" in roles or (chrome and not (roles & _PROTECTED)):
                skip()
                stack.append(None)
                continue
            for h in hits:
                found_hits.setdefault((h.owner, h.role), []).append((h.rank, node))
            boundary = True  # an element with a role owns its blocks
            caption = "caption" in roles
        elif chrome:  # furniture by a class word
            skip()
            stack.append(None)
            continue
        if top is not None:
            outer_inside = top[A_INSIDE]
            outer_kind: BlockKind | None = top[A_KIND]
        else:
            outer_inside = False
            outer_kind = None
        closes = boundary and not outer_inside
        """A block boundary: the text before it and the text in it are blocks of their own (none inside a
        caption, which is cut whole)."""
        if closes and parts:
            flush(top)
        if caption:
            kind: BlockKind = "caption"
            inside = True
        else:
            inside = outer_inside
            if (
                is_p
                and len(el) == 1
                and el[0].tag in _BOLD
                and not (el.text or "").strip()
                and not (el[0].tail or "").strip()
            ):
                kind = "heading"  # <p><b>...</b></p>: a subheading
            else:
                kind = kinds[outer_kind]
        if undo is not None:
            for k in undo[0]:
                n = open_keys.get(k, 0)
                open_keys[k] = n + 1
                if not n:
                    open_anchors.add(k)
        parent = stack[-1]
        top = (
            tag,
            el_id,
            classes,
            el,
            node,
            desc,
            kind,
            closes,
            inside,
            undo,
            top,
            parent[A_INDEX] if parent is not None else -1,
            len(blocks),
            flag,
        )
        rows.append(top)
        stack.append(top)
        ends.append(node)
        if code:
            if code == _LINK:
                in_link += 1
            elif code == _BOLD_STYLE:
                in_bold += 1
            elif code == _IMG:
                src = el.get("src") or el.get("data-src") or el.get("data-org-src")
                alt = el.get("alt")
                if src or alt:
                    if parts:
                        flush(top)
                    blocks.append(RawBlock(alt or "", "image", node, _where(top), 0, src, alt))
            elif inside:  # a <br> inside a caption
                parts.append(" ")
        text = el.text
        if text and (parts or not text.isspace()):  # leading blanks: the block's split drops them
            parts.append(text)
            if in_link:
                chars[0] += len(text.strip())
            if in_bold:
                chars[1] += len(text.replace(" ", "").strip())
    if parts:
        flush(None)
    if not rows:
        return Walk(blocks, [], ends, [], [], [], found_hits, related, [])
    cols = list(zip(*rows, strict=True))
    return Walk(
        blocks,
        list(cols[A_PARENT]),
        ends,
        list(cols[A_TAG]),
        list(cols[A_EL]),
        list(cols[A_FLAG]),
        found_hits,
        related,
        list(cols[A_FIRST_BLOCK]),
    )


def _detect_by_id(
    el: etree._Element, index: SelectorIndex, stack: list[Ancestor | None], hits: _Hits
) -> None:
    """Record the CMS detectors a pruned element's id matches (``script#fusion-metadata``)."""
    el_id = el.get("id")
    if el_id and el_id in index.by_id:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        for h in index.match(tag, el_id, frozenset(), el.get, stack, {}):
            if h.role == "detect":
                hits.setdefault((h.owner, h.role), []).append((h.rank, -1))


_Memo = tuple[
    frozenset[str],
    Screened,
    int,
    Undo | None,
    bool,
    bool,
    str,
    bool,
    Mapping["BlockKind | None", BlockKind],
    bool,
    int,
]
"""What an element's shape implies: (classes, screened selectors, flag, what its end undoes (the anchor keys
it opens, _LINK or _BOLD_STYLE), hidden by its class, pruned as chrome by its class, description, a block tag,
its block kind given the enclosing one, a ``<p>``, its part in the text: _LINK, _BOLD_STYLE, _IMG, _BR or 0)."""
_TagMemo = tuple[str, int, _Memo, bool]
"""What a raw tag implies: (lower-case tag, _KEEP/_PRUNE/_BUTTON/_HEAD, the memo of the tag without
attributes, a bare ``<br>`` needs nothing but a line end)."""


def _kinds_after(tag: str) -> Mapping[BlockKind | None, BlockKind]:
    """A tag's block kind for each kind of the enclosing block (None at the top).

    A heading, item, quote, cell or caption tag has its own kind; another block tag (not a division) keeps
    an item, quote, cell or caption kind from outside, else is text; any other tag takes the kind around it.
    A ``<p>`` holding only one bold element is a heading: the walk tests that on the element itself.
    """
    out: dict[BlockKind | None, BlockKind] = {}
    for outer in (None, *get_args(BlockKind)):
        fixed = _TAG_KIND.get(tag)
        if fixed is not None:
            out[outer] = fixed
        elif tag in _INHERITING_BLOCKS:
            out[outer] = outer if outer in ("item", "quote", "cell", "caption") else "text"
        else:
            out[outer] = outer or "text"
    return out


@lru_cache(maxsize=16384)
def _memo(tag: str, cls: str, el_id: str | None, index: SelectorIndex) -> _Memo:
    """What an element's tag, class and id say: a pure function of them, cached across pages."""
    t = traits(cls, el_id)
    keys = tuple(k for k in open_keys_of(tag, el_id, t.classes) if k in index.anchors)
    desc = tag + (f"#{el_id}" if el_id else "") + ("." + ".".join(sorted(t.classes)[:2]) if t.classes else "")
    cands = screen(index.candidates(tag, el_id, t.classes, cls), tag, el_id, t.classes)
    code = {"a": _LINK, "strong": _BOLD_STYLE, "b": _BOLD_STYLE, "img": _IMG, "br": _BR}.get(tag, 0)
    style = code if code in (_LINK, _BOLD_STYLE) else 0
    return (
        t.classes,
        cands,
        t.flag,
        (keys, style) if keys or style else None,
        t.hidden,
        t.chrome and tag not in _HEADINGS,
        desc,
        tag in BLOCK_TAGS or tag == "br",
        _kinds_after(tag),
        tag == "p",
        code,
    )


@lru_cache(maxsize=16384)
def _id_memo(tag: str, cls: str, el_id: str, index: SelectorIndex) -> _Memo:
    """The memo of an element with an id, cached across pages like :func:`_memo`.

    Most ids name no selector: then only the id's own part is worked out. No selector keyed by class, tag
    or attribute names an id in its rightmost compound (such a selector is keyed by its id), so the
    screened candidates of the id-less memo hold for the element as they are.
    """
    id_attr = index.by_attr.get("id")
    if (
        el_id in index.by_id
        or f"#{el_id}" in index.anchors
        or (id_attr is not None and (id_attr[0] is None or id_attr[0].search(el_id)))
    ):
        return _memo(tag, cls, el_id, index)
    classes, static, flag, undo, hidden, _, desc, boundary, kinds, is_p, code = _memo(tag, cls, None, index)
    t = traits(cls, el_id)
    chrome = t.chrome and tag not in _HEADINGS
    desc = desc.replace(tag, f"{tag}#{el_id}", 1)
    return classes, static, t.flag or flag, undo, hidden, chrome, desc, boundary, kinds, is_p, code


def _tag_memo(raw: str, index: SelectorIndex) -> _TagMemo:
    """What a raw tag says (see :data:`_TagMemo`)."""
    tag = raw.lower()
    prune = _HEAD if tag == "head" else _PRUNE if tag in PRUNE_TAGS else _BUTTON if tag == "button" else _KEEP
    bare = _memo(tag, "", None, index)
    _, static, flag, undo, hidden, chrome, *_ = bare
    plain_br = tag == "br" and not (static.cands or flag or undo or hidden or chrome)
    """No selector, flag or anchor key concerns a ``<br>`` without attributes (true unless a profile names one)."""
    return tag, prune, bare, plain_br


def _with_ids(head: etree._Element) -> list[etree._Element]:
    found = _HEAD_IDS(head)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def _head_id_values(head: etree._Element) -> list[str]:
    found = _HEAD_ID_VALUES(head)
    return [v for v in found if isinstance(v, str)] if isinstance(found, list) else []


def _where(a: Ancestor) -> str:
    """Where a block sits: the descriptions of its open elements, outermost first, from the innermost up to
    one with an id, three at most (unrolled: it runs for every node that cuts a block)."""
    where = a[A_DESC]
    if a[A_ID]:
        return where
    b = a[A_OUTER]
    if b is None:
        return where
    where = f"{b[A_DESC]} > {where}"
    if b[A_ID]:
        return where
    c = b[A_OUTER]
    return where if c is None else f"{c[A_DESC]} > {where}"
