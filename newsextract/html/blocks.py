"""The HTML door's single walk: prune furniture, match profile selectors and cut the tree into raw blocks.

One iterative pass (``lxml.etree.iterwalk``, no Python recursion) over the whole tree, bounded by
``limits.max_depth`` (deeper raises :class:`~newsextract.errors.ParseError`). Every visited element gets a preorder number; a raw block remembers the element that
owned it, so the door can later place blocks inside or outside the article container by interval tests.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from ..blocks import BlockKind
from ..knowledge.phrases import CAPTION_END
from ..knowledge.profiles import PRUNE_TAGS, RELATED_HEADINGS
from ..limits import Limits
from .parse import too_deep
from .profile import (
    A_DESC,
    A_ID,
    A_INDEX,
    Ancestor,
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


_NO_ROLES: frozenset[str] = frozenset()
_Hits = dict[tuple[str, str], list[tuple[int, int]]]
_HEAD_IDS = etree.XPath(".//*[@id]")
"""Elements with an id inside ``<head>`` (the walk skips the head whole)."""
_INHERITING_BLOCKS = BLOCK_TAGS - {"div", "section", "article", "main", "body"}
"""Block tags whose blocks keep an item/quote/cell/caption kind from outside (as :func:`_kind` says)."""


def walk_tree(root: etree._Element, index: SelectorIndex, *, limits: Limits) -> Walk:
    """Walk the tree once: prune, match selectors, cut blocks.

    The loop is the door's hot path (every element of every page passes here), so it is written flat:
    helpers inlined, what an element's tag, class and id imply memoised per distinct shape.
    """
    w = Walk()
    stack: list[Ancestor | None] = []
    frames: list[tuple[bool, BlockKind, bool, tuple[str, ...], int]] = []
    """Per open element: (cuts a block, block kind, inside an atomic caption, anchor keys it opened,
    _LINK or _BOLD when it is an ``<a>`` or a bold element, else 0)."""
    open_keys: dict[str, int] = {}
    open_anchors: set[str] = set()  # the keys open_keys counts above zero
    parts: list[str] = []
    chars = [0, 0]  # [link chars, bold chars] in parts (flush empties both)
    in_link = in_bold = 0  # open <a> depth, open <b>/<strong> depth
    memos: dict[tuple[str, str], _Memo] = index.shapes  # (tag, class) -> _memo(...), across pages
    if len(memos) > _MAX_SHAPES:
        memos.clear()
    wheres: dict[int, str] = {}  # node -> its block's "where" (the same for every block it cuts)
    max_depth = limits.depth_cap
    blocks = w.blocks
    parents, ends, tags, elements = w.parent, w.end, w.tags, w.elements
    flags, first_block = w.flags, w.first_block
    prune_tags = PRUNE_TAGS | {"head"}
    by_id = index.by_id
    attr_keys = index.by_attr.keys() - {"class", "id"}
    """Attribute names some selector keys on (an element with none of them needs no attribute lookup)."""
    _, br_static, br_flag, br_keys, br_hidden, br_chrome, _ = _memo("br", "", None, index)
    plain_br = not (br_static.cands or br_flag or br_keys or br_hidden or br_chrome)
    """No selector, flag or anchor key concerns a ``<br>`` without attributes (true unless a profile names one)."""

    def flush() -> None:
        text = " ".join("".join(parts).split())
        link_chars, bold = chars
        parts.clear()
        chars[0] = chars[1] = 0
        if not text:
            return
        top = stack[-1] if stack else None
        if top is None:
            top = _top(stack)
        kind: BlockKind = frames[-1][1] if frames else "text"
        if bold and kind == "text" and bold >= len(text.replace(" ", "")) > 0:
            kind = "heading"  # a line wholly in bold: an in-body subheading or a deck
        node = top[A_INDEX] if top else 0
        if top is None:
            where = _where(stack)
        else:
            where = wheres.get(node) or ""
            if node not in wheres:
                where = wheres[node] = _where(stack)
        if CAPTION_END in text and kind != "caption":  # a wire photo's caption glued to the next paragraph
            cut = text.find(CAPTION_END) + len(CAPTION_END)
            if cut < len(text) and text[cut:].strip():
                blocks.append(RawBlock(text[:cut], "caption", node, where, 0))
                text = text[cut:].lstrip()
        blocks.append(RawBlock(text, kind, node, where, min(link_chars, len(text))))
        if text in RELATED_HEADINGS and top is not None and len(text) < 20:
            region = parents[node] if node < len(parents) else -1
            if region > 0:
                w.related.append((region, len(blocks) - 1))

    # A comment (soup trees keep them) is skipped below.
    walker = etree.iterwalk(root, events=("start", "end"))
    skip = walker.skip_subtree
    for event, el in walker:
        if event == "end":
            a = stack[-1]
            if a is not None:
                boundary, _, inside, keys, style = frames[-1]
                if parts and (boundary or inside) and not (inside and len(frames) > 1 and frames[-2][2]):
                    flush()  # the block belongs to the element being closed (still open on both stacks)
                frames.pop()
                for k in keys:
                    n = open_keys[k] - 1
                    open_keys[k] = n
                    if not n:
                        open_anchors.discard(k)
                if style == _LINK:
                    in_link -= 1
                elif style == _BOLD_STYLE:
                    in_bold -= 1
                ends[a[A_INDEX]] = len(parents) - 1
            stack.pop()
            text = el.tail  # after an element's end
            if text and (parts or not text.isspace()):
                parts.append(text)
                if in_link:
                    chars[0] += len(text.strip())
                if in_bold:
                    chars[1] += len(text.replace(" ", "").strip())
            continue
        tag = el.tag
        if len(stack) >= max_depth:
            raise too_deep(max_depth)
        if not isinstance(tag, str) or not tag:
            skip()
            stack.append(None)
            continue
        tag = tag.lower()
        if tag in prune_tags or (tag == "button" and tag_pruned(tag, el)):
            # Pruned whole (<head> too: it holds no text to read); an id may still name the CMS
            # (script#fusion-metadata), so elements with one are matched against the detectors.
            if tag == "head":
                for sub in _with_ids(el):
                    _detect_by_id(sub, index, stack, w.hits)
            elif el.get("id") in by_id:
                _detect_by_id(el, index, stack, w.hits)
            skip()
            stack.append(None)
            continue
        get: Callable[[str], str | None] = el.get
        names = el.keys()  # one call; most elements have no attribute, so no get() either
        if tag == "br" and not names and plain_br:
            # A bare line break (a fifth of the elements kept): it ends the line, or inside a caption it is a
            # space; it holds no text and owns no block, so it gets no node and the rest is skipped.
            if frames and frames[-1][2]:
                parts.append(" ")
            elif parts:
                flush()
            stack.append(None)
            continue
        cls = (get("class") or "") if "class" in names else ""
        el_id = get("id") if "id" in names else None
        memo = memos.get((tag, cls))
        if memo is None:
            memo = memos[(tag, cls)] = _memo(tag, cls, None, index)
        if el_id:
            memo = _with_id(memo, tag, cls, el_id, index)
        classes, static, flag, keys, hidden, chrome, desc = memo
        reason = None
        if hidden:
            reason = "hidden (class)"
        elif tag != "img" and "style" in names:  # lazy images start hidden
            style_attr = get("style")
            if style_attr and style_hides(style_attr):
                reason = "hidden (style)"
        node = len(parents)
        roles = _NO_ROLES
        hits: list[Selector] = []
        if reason is None:
            if static.cands and (  # Screened.may_match, inlined: this runs for every element
                static.always
                or not static.anchors.isdisjoint(open_anchors)
                or not static.attr_names.isdisjoint(names)
            ):
                hits = match_screened(static, get, stack, open_keys)
            if names and not attr_keys.isdisjoint(names):
                extra = index.attr_candidates(names, get)
                if extra:
                    hits = [*hits, *index.match(tag, el_id, classes, get, stack, open_keys, extra)]
            if hits:
                found: set[str] = set()
                for h in hits:
                    if h.role == "prune":
                        reason = f"furniture ({h.source})"
                        break
                    found.add(h.role)
                roles = frozenset(found)
        if reason is None and chrome and not (roles & _PROTECTED) and tag not in _HEADINGS:
            reason = "furniture (class)"
        if reason is not None:
            skip()
            stack.append(None)
            continue
        for h in hits:
            w.hits.setdefault((h.owner, h.role), []).append((h.rank, node))
        boundary = tag in BLOCK_TAGS or tag == "br" or bool(roles)
        outer = frames[-1] if frames else None
        if boundary and parts and not (outer and outer[2]):
            flush()
        parent = stack[-1] if stack else None
        parents.append(parent[A_INDEX] if parent else -1)
        first_block.append(len(blocks))
        ends.append(node)
        tags.append(tag)
        elements.append(el)
        flags.append(flag)
        stack.append((tag, el_id, classes, get, node, desc))
        for k in keys:
            n = open_keys.get(k, 0)
            open_keys[k] = n + 1
            if not n:
                open_anchors.add(k)
        inside = "caption" in roles or bool(outer and outer[2])
        kind: BlockKind | None = "caption" if "caption" in roles else _TAG_KIND.get(tag)
        if kind is None:
            outer_kind = outer[1] if outer else None
            if tag == "p":
                kind = _kind(tag, roles, el, outer_kind)
            elif tag in _INHERITING_BLOCKS:
                kind = outer_kind if outer_kind in ("item", "quote", "cell", "caption") else "text"
            else:
                kind = outer_kind or "text"
        style = _LINK if tag == "a" else (_BOLD_STYLE if tag in _BOLD else 0)
        frames.append((boundary, kind, inside, keys, style))
        if style == _LINK:
            in_link += 1
        elif style:
            in_bold += 1
        elif tag == "img":
            src = get("src") or get("data-src") or get("data-org-src")
            alt = get("alt")
            if src or alt:
                if parts:
                    flush()
                blocks.append(RawBlock(alt or "", "image", node, _where(stack), 0, src, alt))
        elif tag == "br" and inside:
            parts.append(" ")
        text = el.text
        if text and (parts or not text.isspace()):  # leading blanks: the block's split drops them
            parts.append(text)
            if in_link:
                chars[0] += len(text.strip())
            if in_bold:
                chars[1] += len(text.replace(" ", "").strip())
    if parts:
        flush()
    return w


_LINK, _BOLD_STYLE = 1, 2
_MAX_SHAPES = 16384
"""Element shapes an index remembers before it forgets them all (an archive of many sites has many)."""
"""What an open element adds to the link and bold character counts (see ``walk_tree``'s frames)."""


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


_Memo = tuple[frozenset[str], Screened, int, tuple[str, ...], bool, bool, str]


@lru_cache(maxsize=16384)
def _memo(tag: str, cls: str, el_id: str | None, index: SelectorIndex) -> _Memo:
    """What an element's tag, class and id say: a pure function of them, cached across pages."""
    t = traits(cls, el_id)
    keys = tuple(k for k in open_keys_of(tag, el_id, t.classes) if k in index.anchors)
    desc = tag + (f"#{el_id}" if el_id else "") + ("." + ".".join(sorted(t.classes)[:2]) if t.classes else "")
    cands = screen(index.candidates(tag, el_id, t.classes, cls), tag, el_id, t.classes)
    return t.classes, cands, t.flag, keys, t.hidden, t.chrome, desc


def _with_id(memo: _Memo, tag: str, cls: str, el_id: str, index: SelectorIndex) -> _Memo:
    """The memo of an element with an id: ids are unique, so only the id's own part is worked out.

    No selector keyed by class, tag or attribute names an id in its rightmost compound (such a selector is
    keyed by its id), so the screened candidates of the id-less memo hold for the element as they are.
    """
    id_attr = index.by_attr.get("id")
    if (
        el_id in index.by_id
        or f"#{el_id}" in index.anchors
        or (id_attr is not None and (id_attr[0] is None or id_attr[0].search(el_id)))
    ):
        return _memo(tag, cls, el_id, index)
    classes, static, flag, keys, hidden, _, desc = memo
    t = traits(cls, el_id)
    return classes, static, t.flag or flag, keys, hidden, t.chrome, desc.replace(tag, f"{tag}#{el_id}", 1)


def _with_ids(head: etree._Element) -> list[etree._Element]:
    found = _HEAD_IDS(head)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def _kind(tag: str, roles: AbstractSet[str], el: etree._Element, outer: BlockKind | None) -> BlockKind:
    if "caption" in roles:
        return "caption"
    k = _TAG_KIND.get(tag)
    if k is not None:
        return k
    if (
        tag == "p"
        and len(el) == 1
        and el[0].tag in _BOLD
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
    ):
        return "heading"
    if tag in BLOCK_TAGS and tag not in ("div", "section", "article", "main", "body"):
        return outer if outer in ("item", "quote", "cell", "caption") else "text"
    return outer or "text"


def _top(stack: list[Ancestor | None]) -> Ancestor | None:
    for a in reversed(stack):
        if a is not None:
            return a
    return None


def _where(stack: list[Ancestor | None]) -> str:
    out: list[str] = []
    for a in reversed(stack):
        if a is None:
            continue
        out.append(a[A_DESC])
        if a[A_ID] or len(out) >= 3:
            break
    return " > ".join(reversed(out))
