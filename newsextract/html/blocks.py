"""The HTML door's single walk: prune furniture, match profile selectors and cut the tree into raw blocks.

One iterative pass (``lxml.etree.iterwalk``, no Python recursion) over the whole tree, bounded by
``limits.max_depth``. Every visited element gets a preorder number; a raw block remembers the element that
owned it, so the door can later place blocks inside or outside the article container by interval tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from lxml import etree
from lxml import html as lxml_html

from ..blocks import BlockKind
from ..knowledge.profiles import FURNITURE_WORDS, HIDDEN_CLASSES, KEEP_WORDS, PRUNE_TAGS, RELATED_HEADINGS
from ..limits import Limits
from .profile import Ancestor, Selector, SelectorIndex, open_keys_of

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
_SEP = str.maketrans("-_", "  ")
_TIMEISH = regex.compile(r"\d{4}[.\-/년]\s?\d{1,2}[.\-/월]\s?\d{1,2}")


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
    elements: list[lxml_html.HtmlElement] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    """Per node: +1 when its class/id names article content, -1 when it names page chrome."""
    hits: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    """(profile, role) -> [(rank, node)] in document order."""
    related: list[tuple[int, int]] = field(default_factory=list)
    """(region node, first block index) for related/most-read lists found by their heading."""
    pruned: list[tuple[str, str]] = field(default_factory=list)
    """(reason, where) of each pruned subtree, for the audit trail."""

    def inside(self, node: int, container: int) -> bool:
        """True when ``node`` is ``container`` or one of its descendants."""
        return container <= node <= self.end[container]


_POSITIVE = frozenset(
    {"article", "content", "contents", "body", "news", "view", "text", "txt", "story", "entry"}
)
_NEGATIVE = frozenset(
    {
        "header",
        "footer",
        "nav",
        "menu",
        "side",
        "sidebar",
        "aside",
        "widget",
        "list",
        "tag",
        "tags",
        "util",
        "info",
        "meta",
        "top",
        "bottom",
        "bnr",
        "more",
        "journalist",
        "reporter",
        "writer",
        "profile",
    }
)


def _describe(a: Ancestor) -> str:
    return a.desc


def walk_tree(root: lxml_html.HtmlElement, index: SelectorIndex, *, limits: Limits) -> Walk:
    """Walk the tree once: prune, match selectors, cut blocks."""
    w = Walk()
    stack: list[Ancestor | None] = []
    kinds: list[BlockKind] = []
    atomic: list[bool] = []
    bounds: list[bool] = []
    open_keys: dict[str, int] = {}
    opened: list[list[str]] = []
    parts: list[str] = []
    link = [0, 0]  # [open <a> depth, link chars in parts]
    memos: dict[tuple[str, str], _Memo] = {}
    max_depth = limits.max_depth
    blocks = w.blocks

    def flush() -> None:
        if not parts:
            return
        text = " ".join("".join(parts).split())
        chars = link[1]
        parts.clear()
        link[1] = 0
        if not text:
            return
        top = _top(stack)
        kind: BlockKind = kinds[-1] if kinds else "text"
        where = _where(stack)
        blocks.append(RawBlock(text, kind, top.index if top else 0, where, min(chars, len(text))))
        if text in RELATED_HEADINGS and top is not None and len(text) < 20:
            region = w.parent[top.index] if top.index < len(w.parent) else -1
            if region > 0:
                w.related.append((region, len(blocks) - 1))

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            if link[0]:
                link[1] += len(text.strip())

    walker = etree.iterwalk(root, events=("start", "end", "comment"))
    for event, el in walker:
        if event == "comment":
            add(el.tail)
            continue
        if event == "end":
            a = stack[-1]
            if a is None:
                stack.pop()
                add(el.tail)
                continue
            tag = a.tag
            if (bounds[-1] or atomic[-1]) and not (atomic[-1] and len(atomic) > 1 and atomic[-2]):
                flush()
            stack.pop()
            bounds.pop()
            for k in opened.pop():
                open_keys[k] -= 1
            if tag == "a":
                link[0] -= 1
            w.end[a.index] = len(w.parent) - 1
            kinds.pop()
            atomic.pop()
            add(el.tail)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if len(stack) >= max_depth or not tag:
            walker.skip_subtree()
            stack.append(None)
            continue
        tag = tag.lower()
        if tag in PRUNE_TAGS or (tag == "button" and not _shows_time(el)):
            el_id = el.get("id")
            if el_id and el_id in index.by_id:  # script#fusion-metadata: pruned, but it names the CMS
                for h in index.match(tag, el_id, frozenset(), el.get, stack, {}):
                    if h.role == "detect":
                        w.hits.setdefault((h.owner, h.role), []).append((h.rank, -1))
            walker.skip_subtree()
            stack.append(None)
            w.pruned.append((f"pruned <{tag}>", tag))
            continue
        get: Callable[[str], str | None] = el.get
        cls = get("class") or ""
        el_id = get("id")
        memo_key = (tag, cls)
        memo = memos.get(memo_key)
        if memo is None:
            memo = _memo(tag, cls, None, index)
            memos[memo_key] = memo
        if el_id:
            memo = _with_id(memo, tag, cls, el_id, index)
        classes, static, flag, keys, hidden, chrome, desc = memo
        reason = None
        if hidden:
            reason = "hidden (class)"
        else:
            style = get("style") if tag != "img" else None
            if style and ("none" in style or "hidden" in style):
                s = style.replace(" ", "").lower()
                if "display:none" in s or "visibility:hidden" in s:
                    reason = "hidden (style)"
        parent_a = _top(stack)
        parent_index = parent_a.index if parent_a else -1
        node = len(w.parent)
        anc = Ancestor(tag, el_id, classes, get, node, desc)
        hits: list[Selector] = []
        if reason is None:
            names = el.keys()
            cands: list[Selector] | tuple[Selector, ...] = static
            if len(names) > (1 if cls else 0) + (1 if el_id else 0):
                extra = index.attr_candidates(names, get)
                if extra:
                    cands = [*static, *extra]
            if cands:
                hits = index.match(tag, el_id, classes, get, stack, open_keys, cands)
        roles = set()
        for h in hits:
            if h.role == "prune":
                reason = f"furniture ({h.source})"
                break
            roles.add(h.role)
        if reason is None and chrome and not (roles & _PROTECTED):
            reason = "furniture (class)"
        if reason is not None:
            walker.skip_subtree()
            stack.append(None)
            w.pruned.append((reason, desc))
            continue
        for h in hits:
            w.hits.setdefault((h.owner, h.role), []).append((h.rank, node))
        boundary = tag in BLOCK_TAGS or tag == "br" or bool(roles)
        if boundary and not (atomic and atomic[-1]):
            flush()
        w.parent.append(parent_index)
        w.end.append(node)
        w.tags.append(tag)
        w.elements.append(el)
        w.flags.append(flag)
        stack.append(anc)
        bounds.append(boundary)
        opened.append(keys)
        for k in keys:
            open_keys[k] = open_keys.get(k, 0) + 1
        kind = _kind(tag, roles, el, kinds)
        is_atomic = "caption" in roles
        kinds.append(kind)
        atomic.append(is_atomic or (bool(atomic) and atomic[-1]))
        if tag == "a":
            link[0] += 1
        elif tag == "img":
            src = get("src") or get("data-src") or get("data-org-src")
            alt = get("alt")
            if src or alt:
                flush()
                blocks.append(RawBlock(alt or "", "image", node, _where(stack), 0, src, alt))
        elif tag == "br" and atomic[-1]:
            parts.append(" ")
        add(el.text)
    flush()
    return w


_Memo = tuple[frozenset[str], tuple[Selector, ...], int, list[str], bool, bool, str]


def _memo(tag: str, cls: str, el_id: str | None, index: SelectorIndex) -> _Memo:
    """What an element's tag, class and id say, computed once per distinct (tag, class, id) on a page."""
    classes = frozenset(cls.split())
    words = frozenset(f"{cls} {el_id or ''}".translate(_SEP).lower().split())
    flag = 1 if words & _POSITIVE else (-1 if words & _NEGATIVE else 0)
    keys = [k for k in open_keys_of(tag, el_id, classes) if k in index.anchors]
    hidden = bool(classes & HIDDEN_CLASSES)
    chrome = bool(words & FURNITURE_WORDS) and not (words & KEEP_WORDS)
    desc = tag + (f"#{el_id}" if el_id else "") + ("." + ".".join(sorted(classes)[:2]) if classes else "")
    return classes, index.candidates(tag, el_id, classes, cls), flag, keys, hidden, chrome, desc


def _with_id(memo: _Memo, tag: str, cls: str, el_id: str, index: SelectorIndex) -> _Memo:
    """The memo of an element with an id: ids are unique, so only the id's own part is worked out."""
    id_attr = index.by_attr.get("id")
    if (
        el_id in index.by_id
        or f"#{el_id}" in index.anchors
        or (id_attr is not None and (id_attr[0] is None or id_attr[0].search(el_id)))
    ):
        return _memo(tag, cls, el_id, index)
    classes, static, flag, keys, hidden, chrome, desc = memo
    words = frozenset(el_id.translate(_SEP).lower().split())
    if not flag:
        flag = 1 if words & _POSITIVE else (-1 if words & _NEGATIVE else 0)
    chrome = chrome or (bool(words & FURNITURE_WORDS) and not (words & KEEP_WORDS))
    return classes, static, flag, keys, hidden, chrome, desc.replace(tag, f"{tag}#{el_id}", 1)


def _shows_time(el: lxml_html.HtmlElement) -> bool:
    """A button that shows a time ("업데이트 2024-05-30 09:12") is a header line, not a control."""
    text = el.text_content()
    return len(text) < 80 and bool(_TIMEISH.search(text))


def _kind(tag: str, roles: set[str], el: lxml_html.HtmlElement, kinds: list[BlockKind]) -> BlockKind:
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
        return kinds[-1] if kinds and kinds[-1] in ("item", "quote", "cell", "caption") else "text"
    return kinds[-1] if kinds else "text"


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
        out.append(_describe(a))
        if a.el_id or len(out) >= 3:
            break
    return " > ".join(reversed(out))
