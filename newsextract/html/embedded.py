"""Articles that live in script data, for pages whose visible body is empty or a loading shell.

Three sources, tried in order:

- Arc XP Fusion: ``Fusion.globalContent={…}`` in ``script#fusion-metadata`` (조선일보, 조선비즈);
- Next.js: ``self.__next_f.push([1,"…"])`` flight chunks (App Router) and ``script#__NEXT_DATA__`` (Pages Router);
- JSON-LD ``articleBody``.

JavaScript is never evaluated: a bounded scanner finds where the object starts and
``json.JSONDecoder().raw_decode`` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import regex
from lxml import etree
from lxml import html as lxml_html

from ..blocks import Block, BlockKind, PageHints
from ..fields.byline import parse_byline
from ..fields.captions import split_credit
from ..knowledge import metadata as K
from ..model import Image, Reporter
from .meta import (
    clean_value,
    decode_values,
    first_machine_time,
    is_person_name,
    jsonld_objects,
    ld_types,
    person_reporters,
)

_FUSION = regex.compile(r"Fusion\.globalContent\s*=\s*")
_NEXT_PUSH = regex.compile(r"self\.__next_f\.push\(\s*\[\s*1\s*,\s*")
_FLIGHT_TEXT_ROW = regex.compile(r"(?m)^[0-9a-f]{1,8}:T[0-9a-f]{1,8},")
_FLIGHT_ROW = regex.compile(r"(?m)^[0-9a-f]{1,8}:(?=[\[{\"])")
_LEADING_BYLINE = regex.compile(r"^\s*[\[【［(]\s*+(?P<inner>[^\]】］)]{2,40}?)\s*+[\]】］)]")  # *+: linear
_SENTENCE_GAP = regex.compile(r"(?<=[.?!다요][\"'”’)]?)\s{2,}(?=\S)")
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "tr"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MIN_BODY = 80
_MAX_NODES = 200_000
_MAX_SCRIPT = 20_000_000


def embedded_blocks(root: etree._Element) -> tuple[list[Block], PageHints] | None:
    """Body blocks (zone ``body``) and hints read from the page's script data, or None when it has none."""
    for reader in (_fusion, _next_js, _jsonld_body):
        try:
            found = reader(root)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError, etree.LxmlError):
            found = None
        if found is not None and any(b.kind == "text" for b in found[0]):
            return found
    return None


# --- a small builder shared by the readers --------------------------------------------------------------------------


@dataclass(slots=True)
class _Builder:
    source: str
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    def add(
        self, text: str, kind: BlockKind, where: str, *, src: str | None = None, alt: str | None = None
    ) -> None:
        text = " ".join(text.split())
        if not text and kind != "image":
            return
        self.blocks.append(
            Block(
                text=text,
                kind=kind,
                index=len(self.blocks),
                where=f"{self.source} {where}",
                zone="body",
                src=src,
                alt=alt,
            )
        )

    def add_html(self, content: str, where: str, kind: BlockKind = "text") -> None:
        for sub_kind, para in html_paragraphs(content):
            self.add(para, kind if sub_kind == "text" else sub_kind, where)

    def add_image(self, src: str | None, caption: str, credit: str | None, where: str) -> None:
        caption = " ".join(caption.split())
        self.add("", "image", where, src=src, alt=caption or None)
        if caption:
            self.add(caption, "caption", where)
        cap, cut = split_credit(caption) if caption else ("", None)
        self.images.append(Image(src=src, caption=cap or None, credit=cut or credit))


# --- Arc XP Fusion ---------------------------------------------------------------------------------------------


def _fusion(root: etree._Element) -> tuple[list[Block], PageHints] | None:
    content = _fusion_content(root)
    if content is None:
        return None
    b = _Builder("fusion")
    _arc_elements(b, content.get("content_elements"), "content_elements", 0)
    headlines = content.get("headlines")
    subheadlines = content.get("subheadlines")
    title = clean_value(headlines.get("basic")) if isinstance(headlines, dict) else ""
    subtitle = clean_value(subheadlines.get("basic")) if isinstance(subheadlines, dict) else ""
    reporters = _arc_reporters(content.get("credits")) or _leading_byline(b.blocks)
    taxonomy = content.get("taxonomy") if isinstance(content.get("taxonomy"), dict) else {}
    section = taxonomy.get("primary_section") if isinstance(taxonomy, dict) else None
    tags = taxonomy.get("tags") if isinstance(taxonomy, dict) else None
    published = _when(content, "display_date", "first_publish_date", "publish_date", "created_date")
    modified = _when(content, "last_updated_date")
    hints = PageHints(
        title=title or None,
        subtitle=subtitle or None,
        reporters=reporters,
        published=published,
        modified=modified if modified and modified != published else None,
        images=tuple(b.images),
        section=clean_value(section.get("name")) or None if isinstance(section, dict) else None,
        tags=tuple(
            dict.fromkeys(
                t
                for t in (clean_value(x.get("text") or x.get("slug")) for x in tags if isinstance(x, dict))
                if t
            )
        )
        if isinstance(tags, list)
        else (),
        profile="arc-fusion",
    )
    return b.blocks, hints


def _fusion_content(root: etree._Element) -> dict[str, Any] | None:
    scripts = list(root.iter("script"))
    scripts.sort(key=lambda s: s.get("id") != "fusion-metadata")  # stable: Fusion's own script first
    for script in scripts:
        text = script.text or ""
        if "Fusion.globalContent" not in text or len(text) > _MAX_SCRIPT:
            continue
        m = _FUSION.search(text)
        if not m:
            continue
        try:
            value, _ = json.JSONDecoder(strict=False).raw_decode(text, m.end())
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict) and isinstance(value.get("content_elements"), list):
            return value
    return None


def _arc_elements(b: _Builder, elements: Any, where: str, depth: int) -> None:
    if not isinstance(elements, list) or depth > 4:
        return
    for i, el in enumerate(elements):
        if not isinstance(el, dict):
            continue
        kind = el.get("type")
        spot = f"{where}[{i}]"
        if kind == "text" and isinstance(el.get("content"), str):
            b.add_html(el["content"], spot)
        elif kind == "header" and isinstance(el.get("content"), str):
            b.add_html(el["content"], spot, "heading")
        elif kind == "image":
            credit = _arc_credit(el.get("credits"))
            b.add_image(_arc_image_url(el), clean_value(el.get("caption")), credit, spot)
        elif kind == "list":
            for j, item in enumerate(el.get("items") or []):
                if isinstance(item, dict) and isinstance(item.get("content"), str):
                    b.add_html(item["content"], f"{spot}.items[{j}]", "item")
        elif kind == "quote":
            for j, item in enumerate(el.get("content_elements") or []):
                if isinstance(item, dict) and isinstance(item.get("content"), str):
                    b.add_html(item["content"], f"{spot}.content_elements[{j}]", "quote")
        # raw_html (ads, related links), reference, oembed, video, gallery, divider: not article text


def _arc_image_url(el: dict[str, Any]) -> str | None:
    url = el.get("url")
    if isinstance(url, str) and url:
        return url
    sizes = el.get("resizedUrls")
    if isinstance(sizes, dict):
        for value in sizes.values():
            if isinstance(value, str) and value:
                return value
    return None


def _arc_credit(credits: Any) -> str | None:
    if not isinstance(credits, dict):
        return None
    names = [clean_value(p.get("name")) for p in credits.get("by") or [] if isinstance(p, dict)]
    names = [n for n in names if n]
    return ", ".join(names) or None


def _arc_reporters(credits: Any) -> tuple[Reporter, ...]:
    if not isinstance(credits, dict):
        return ()
    out: list[Reporter] = []
    for person in credits.get("by") or []:
        if not isinstance(person, dict):
            continue
        for key in ("name", "byline"):
            found = person_reporters(clean_value(person.get(key)))
            if found:
                out.extend(r for r in found if all(o.name != r.name for o in out))
                break
    return tuple(out)


def _leading_byline(blocks: list[Block]) -> tuple[Reporter, ...]:
    """The reporter of a leading "[OSEN=김철수 기자]" dateline when the credits name only an agency."""
    first = next((blk for blk in blocks if blk.kind == "text"), None)
    m = _LEADING_BYLINE.match(first.text) if first else None
    if not m:
        return ()
    inner = m["inner"]
    if "=" in inner:  # "[AGENCY=place, 김철수 기자]": the place follows the agency
        inner = inner.rsplit("=", 1)[1]
        _, comma, rest = inner.partition(",")
        if comma and rest.strip():
            inner = rest
    found = tuple(r for r in parse_byline(inner) if is_person_name(r.name))
    return found or person_reporters(inner)


def _when(obj: dict[str, Any], *keys: str) -> datetime | None:
    return first_machine_time([obj], keys)


# --- Next.js -----------------------------------------------------------------------------------------------------


def _next_js(root: etree._Element) -> tuple[list[Block], PageHints] | None:
    best: dict[str, Any] | None = None
    best_size = 0
    for data in _next_payloads(root):
        for node in _article_nodes(data):
            size = _article_size(node)
            if size > best_size:  # the article, not a teaser or a related item: the longest body
                best, best_size = node, size
    return _generic_article(best, "next") if best is not None else None


def _next_payloads(root: etree._Element) -> Iterator[Any]:
    chunks: list[str] = []
    for script in root.iter("script"):
        text = script.text or ""
        if script.get("id") == "__NEXT_DATA__":
            yield from decode_values(text, limit=1)
            continue
        if "__next_f" not in text or len(text) > _MAX_SCRIPT:
            continue
        for m in _NEXT_PUSH.finditer(text):
            try:
                chunk, _ = json.JSONDecoder(strict=False).raw_decode(text, m.end())
            except (ValueError, RecursionError):
                continue
            if isinstance(chunk, str):
                chunks.append(chunk)
    if chunks:
        yield from _flight_values("".join(chunks))


def _flight_values(payload: str) -> Iterator[Any]:
    """JSON values of a React flight payload: ``id:{json}`` rows, and ``id:T<len>,<text>`` text rows."""
    for m in _FLIGHT_ROW.finditer(payload):
        yield from decode_values(payload, start=m.end(), limit=1, attempts=1)
    texts = [payload[m.end() : m.end() + 200_000] for m in _FLIGHT_TEXT_ROW.finditer(payload)]
    html_texts = [t for t in texts if "<p" in t[:2000] or len(t) > 400]
    if html_texts:
        yield {"articleBody": max(html_texts, key=len)}


def _article_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Dicts that look like an article: a title and a long body, or Arc content elements (bounded walk)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, depth = stack.pop()
        seen += 1
        if isinstance(node, dict):
            if isinstance(node.get("content_elements"), list) and node.get("headlines"):
                yield node
                continue
            if _body_of(node) and (
                any(isinstance(node.get(k), str) for k in K.EMBEDDED_TITLE_KEYS) or "articleBody" in node
            ):
                yield node
                continue
            if depth < 40:
                stack.extend(
                    (v, depth + 1) for v in reversed(list(node.values())) if isinstance(v, (dict, list))
                )
        elif isinstance(node, list) and depth < 40:
            stack.extend((v, depth + 1) for v in reversed(node) if isinstance(v, (dict, list)))


def _article_size(node: dict[str, Any]) -> int:
    elements = node.get("content_elements")
    if isinstance(elements, list):
        return sum(
            len(e["content"]) for e in elements if isinstance(e, dict) and isinstance(e.get("content"), str)
        )
    return len(_body_of(node) or "")


def _body_of(node: dict[str, Any]) -> str | None:
    for key in K.EMBEDDED_BODY_KEYS:
        value = node.get(key)
        if isinstance(value, str) and len(value) >= _MIN_BODY and not value.startswith(("http", "$")):
            return value
    return None


def _generic_article(node: dict[str, Any], source: str) -> tuple[list[Block], PageHints] | None:
    if isinstance(node.get("content_elements"), list):
        b = _Builder(source)
        _arc_elements(b, node["content_elements"], "content_elements", 0)
        headlines = node.get("headlines")
        title = clean_value(headlines.get("basic")) if isinstance(headlines, dict) else ""
        return b.blocks, PageHints(
            title=title or None,
            reporters=_arc_reporters(node.get("credits")) or _leading_byline(b.blocks),
            published=_when(node, "display_date", "first_publish_date"),
            modified=_when(node, "last_updated_date"),
            images=tuple(b.images),
            profile=f"{source}-arc",
        )
    body = _body_of(node)
    if body is None:
        return None
    b = _Builder(source)
    for i, (kind, para) in enumerate(text_paragraphs(body)):
        b.add(para, kind, f"body[{i}]")
    title = next((clean_value(node.get(k)) for k in K.EMBEDDED_TITLE_KEYS if isinstance(node.get(k), str)), "")
    return b.blocks, PageHints(
        title=title or None,
        reporters=_people(node),
        published=_when(
            node, "datePublished", "publishedAt", "published_at", "publishDate", "createdAt", "regDate"
        ),
        modified=_when(node, "dateModified", "updatedAt", "updated_at", "modifyDate", "modDate"),
        profile=source,
    )


def _people(node: dict[str, Any]) -> tuple[Reporter, ...]:
    for key in ("author", "authors", "reporter", "reporters", "byline", "writer", "creator"):
        value = node.get(key)
        items = value if isinstance(value, list) else [value]
        out: list[Reporter] = []
        for item in items[:20]:
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, str):
                out.extend(r for r in person_reporters(name) if all(o.name != r.name for o in out))
        if out:
            return tuple(out)
    return ()


# --- JSON-LD articleBody ------------------------------------------------------------------------------------------------


def _jsonld_body(root: etree._Element) -> tuple[list[Block], PageHints] | None:
    for obj in jsonld_objects(root):
        if not (ld_types(obj) & K.ARTICLE_TYPES):
            continue
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body.strip()) >= _MIN_BODY:
            found = _generic_article(obj, "json-ld")
            if found is None:
                continue
            blocks, hints = found
            images = tuple(_ld_images(obj.get("image")))
            return blocks, PageHints(
                title=hints.title,
                reporters=hints.reporters,
                published=hints.published,
                modified=hints.modified if hints.modified != hints.published else None,
                images=images,
                profile="json-ld",
            )
    return None


def _ld_images(value: Any) -> Iterator[Image]:
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, dict):
            caption = clean_value(item.get("caption") or item.get("description"))
            url = item.get("url") or item.get("contentUrl")
            if caption:
                cap, credit = split_credit(caption)
                yield Image(src=url if isinstance(url, str) else None, caption=cap or None, credit=credit)


# --- text helpers -----------------------------------------------------------------------------------------------


def html_paragraphs(content: str) -> list[tuple[BlockKind, str]]:
    """Paragraphs of an HTML fragment (tags stripped; ``<br>`` and block elements split), with a kind."""
    if "<" not in content:
        text = clean_value(content)
        return [("text", line) for line in (clean_value(x) for x in text.split("\n")) if line] if text else []
    try:
        frag = lxml_html.fragment_fromstring(content, create_parent="div")
    except (etree.LxmlError, ValueError):
        return [("text", clean_value(regex.sub(r"<[^>]{0,500}>", " ", content)))]
    out: list[tuple[BlockKind, str]] = []
    parts: list[str] = []

    def flush(kind: BlockKind = "text") -> None:
        for line in "".join(parts).split("\n"):
            text = " ".join(line.split())
            if text:
                out.append((kind, text))
        parts.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "iframe", "noscript", "template") or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCK_TAGS:
            flush()
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS:
            flush("heading" if tag in _HEADINGS else "text")
        if el.tail:
            parts.append(el.tail)

    walk(frag)
    flush()
    return out


def text_paragraphs(body: str) -> list[tuple[BlockKind, str]]:
    """Paragraphs of a body string: HTML is split by its markup, plain text on line breaks, else on
    wide gaps after sentence ends; a single run-on text stays one paragraph."""
    if regex.search(r"<(?:p|br|div)\b", body[:5000], flags=regex.I):
        return html_paragraphs(body)
    text = _unescape(body)
    if "\n" in text:
        return [("text", p) for p in (" ".join(x.split()) for x in text.split("\n")) if p]
    parts = _SENTENCE_GAP.split(text)
    return [("text", p) for p in (" ".join(x.split()) for x in parts) if p]


def _unescape(value: str) -> str:
    import html as html_lib

    return html_lib.unescape(value) if "&" in value else value
