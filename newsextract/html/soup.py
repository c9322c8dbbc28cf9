"""BeautifulSoup objects as input: turned into the lxml tree the HTML door reads.

The soup is walked once, iteratively (no recursion, whatever the nesting), and lxml elements are built
as it goes: no re-serialising to a string and no second parse. Text and attribute values lose the
characters lxml cannot hold (C0 controls, lone surrogates); tag and attribute names lxml refuses are
dropped (the element's content is kept, its attribute is not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex
from bs4 import BeautifulSoup, Tag
from bs4.element import CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction
from lxml import etree

from ..errors import EmptyInputError, InputTooLargeError, ParseError
from ..limits import Limits

_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DOUBLE_HYPHEN = regex.compile(r"-(?=-)")
_SKIPPED = (Doctype, Declaration, ProcessingInstruction)


@dataclass(slots=True)
class _Budget:
    """What one conversion has built so far, against the limits (local to one call)."""

    limits: Limits
    elements: int = 0
    chars: int = 0

    def element(self, depth: int) -> None:
        self.elements += 1
        if self.elements > self.limits.max_elements:
            raise InputTooLargeError(
                f"the soup has more than {self.limits.max_elements} elements (limits.max_elements)"
            )
        if depth > self.limits.max_depth:
            raise ParseError(f"the soup nests elements deeper than {self.limits.max_depth} levels (limits.max_depth)")

    def text(self, n: int) -> None:
        self.chars += n
        if self.chars > self.limits.max_bytes:
            raise InputTooLargeError(f"the soup holds more than {self.limits.max_bytes} characters (limits.max_bytes)")


@dataclass(slots=True)
class _Frame:
    """One open element: where its children go, and the text waiting to be set after its last child."""

    nodes: Iterator[Any]
    parent: etree._Element
    depth: int
    pending: list[str]


def soup_to_tree(soup: Any, *, limits: Limits) -> etree._Element:
    """An lxml HTML tree equivalent to the soup (a ``BeautifulSoup`` document or any ``Tag``)."""
    budget = _Budget(limits)
    parser = etree.HTMLParser(no_network=True, remove_pis=True, huge_tree=True)  # plain elements, as parse.py
    root = parser.makeelement("html")
    budget.element(1)
    attrs, nodes = _top(soup)
    _set_attrs(root, attrs)
    body: etree._Element | None = None
    for node in nodes:
        if isinstance(node, Tag) and node.name in ("head", "body"):
            el = _child(root, node, budget, 2)
            if el is not None:
                _build(el, node.contents, 2, budget)
                if node.name == "body":
                    body = el
        elif isinstance(node, Tag) or (
            isinstance(node, NavigableString) and not isinstance(node, (*_SKIPPED, Comment)) and node.strip()
        ):
            if body is None:
                body = etree.SubElement(root, "body")
                budget.element(2)
            _build(body, [node], 2, budget)
    if len(root) == 0 and not (root.text or "").strip():
        raise EmptyInputError("the soup holds no elements and no text")
    return root


def _top(soup: Any) -> tuple[dict[str, Any], list[Any]]:
    """The attributes of the page's ``<html>`` and the nodes that go under it."""
    if not isinstance(soup, BeautifulSoup):
        return (dict(soup.attrs), list(soup.contents)) if soup.name == "html" else ({}, [soup])
    attrs: dict[str, Any] = {}
    nodes: list[Any] = []
    for node in soup.contents:
        if isinstance(node, Tag) and node.name == "html":
            attrs = attrs or dict(node.attrs)
            nodes.extend(node.contents)
        else:
            nodes.append(node)
    return attrs, nodes


def _build(parent: etree._Element, nodes: Iterable[Any], depth: int, budget: _Budget) -> None:
    """Append ``nodes`` (and all below them) to ``parent``, after its existing children. Iterative."""
    stack = [_Frame(iter(nodes), parent, depth, [])]
    while stack:
        frame = stack[-1]
        node = next(frame.nodes, None)
        if node is None:
            _flush(frame)
            stack.pop()
            continue
        if isinstance(node, Tag):
            _flush(frame)
            el = _child(frame.parent, node, budget, frame.depth + 1)
            if el is None:  # a name lxml refuses: keep the content, in place
                stack.append(_Frame(iter(node.contents), frame.parent, frame.depth, []))
            else:
                stack.append(_Frame(iter(node.contents), el, frame.depth + 1, []))
        elif isinstance(node, Comment):
            _flush(frame)
            frame.parent.append(etree.Comment(_comment_text(node)))
        elif isinstance(node, _SKIPPED):
            continue
        elif isinstance(node, (CData, NavigableString)):
            text = _clean(str(node))
            budget.text(len(text))
            frame.pending.append(text)


def _child(parent: etree._Element, tag: Tag, budget: _Budget, depth: int) -> etree._Element | None:
    name = tag.name if not tag.prefix or ":" in tag.name else f"{tag.prefix}:{tag.name}"
    try:
        el = etree.SubElement(parent, name)
    except ValueError:
        return None
    budget.element(depth)
    _set_attrs(el, tag.attrs)
    return el


def _set_attrs(el: etree._Element, attrs: dict[str, Any]) -> None:
    for key, value in attrs.items():
        text = " ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        try:
            el.set(str(key), _clean(text))
        except (ValueError, TypeError):
            continue  # an attribute name lxml refuses


def _flush(frame: _Frame) -> None:
    """Set the text gathered since the frame's last child: the parent's text, or that child's tail."""
    if not frame.pending:
        return
    text = "".join(frame.pending)
    frame.pending.clear()
    if len(frame.parent):
        last = frame.parent[-1]
        last.tail = (last.tail or "") + text
    else:
        frame.parent.text = (frame.parent.text or "") + text


def _clean(text: str) -> str:
    return text if text.isascii() and text.isprintable() else _NOT_XML.sub("", text)


def _comment_text(node: str) -> str:
    """The comment's text as lxml accepts it: no "--" (any run of hyphens is spaced) and no final "-"."""
    text = _DOUBLE_HYPHEN.sub("- ", _clean(str(node)))
    return text + " " if text.endswith("-") else text
