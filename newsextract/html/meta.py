"""What a page says about itself outside the visible text: meta tags, JSON-LD, portal attributes, the URL.

:func:`page_hints` reads them into a :class:`~newsextract.blocks.PageHints`; the tables of names it looks for
live in :mod:`newsextract.knowledge.metadata`. Nothing here raises on bad markup or broken JSON-LD: a value
that cannot be read is skipped. Visible text wins over these hints later (fields stage).
"""

from __future__ import annotations

import html as html_lib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urljoin

import regex
from lxml import etree

from ..blocks import PageHints
from ..fields.byline import EMAIL
from ..fields.dates import parse_datetime
from ..knowledge import metadata as K
from ..knowledge import names
from ..knowledge.labels import ROLE_WORDS
from ..model import Reporter
from .prune import text_content

KST = timezone(timedelta(hours=9), "KST")

_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
_QUOTE_SUBSTITUTES = str.maketrans({"″": '"', "′": "'", "＂": '"', "＇": "'"})
_PERSON = regex.compile(r"^\p{Hangul}{2,4}$")
_TEAM = regex.compile(r"^[\p{Hangul}A-Za-z0-9]{3,14}$")
_ISO = regex.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|KST|[+\-]\d{2}:?\d{2}|[+\-]\d{2})?$",
    regex.I,
)
_DATE_ONLY = regex.compile(r"^(?P<y>\d{4})\s*[./년]\s*(?P<m>\d{1,2})\s*[./월]\s*(?P<d>\d{1,2})\s*[.일]?$")
_COMPACT = regex.compile(r"^(?P<d>\d{8})(?P<t>\d{4}|\d{6})?$")
_URL_SLASHED = regex.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|_|\.)")
_URL_DASHED = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_URL_DIGITS = regex.compile(r"(?<!\d)(?:19|20)\d{6,15}(?!\d)")
_NAVER_OID = regex.compile(r"(?:[?&]oid=|/article/(?:\d+/)?)(?P<oid>\d{3})(?:[/&]|$)")
_ROLE_SET = frozenset(ROLE_WORDS)
_ROLE_TOKEN = min(len(r) for r in ROLE_WORDS) + 2
"""The shortest token :func:`_split_role` can split: a role word after a name of two or more letters."""
_SPLIT_AUTHORS = regex.compile(r"(?:(?<!\s)|\G)\s*(?:,|;|·|/|\band\b|및)\s*")  # (?<!\s)|\G: linear
_PARENS = regex.compile(r"[(\[<【［][^)\]>】］]{0,80}[)\]>】］]")
_JS_TOKEN = regex.compile(
    r'"(?:[^"\\]++|\\.?)*+"?' r"|'(?:[^'\\]++|\\.?)*+'?" r"|//[^\n]*+" r"|/\*(?:[^*]++|\*(?!/))*+(?:\*/)?",
    regex.S,
)
"""A string literal (to its closing quote, or the end when unclosed) or a comment: possessive, so linear."""
_SAVED_FROM = regex.compile(
    r"<!--\s{0,4}(?:saved from url=\(\d{1,5}\)|Page saved with SingleFile\s{1,4}url:\s{0,4})"
    r"(?P<url>https?://[^\s<>\"']{1,2000})"
)
_JS_TAIL_COMMA = regex.compile(r",(\s*[}\]])")
_RFC_DAY = regex.compile(r"^[A-Za-z]{3},")
_LIST_SEP = regex.compile(r"[,;]")
_MAX_LD_CHARS = 2_000_000
_MAX_LENIENT = 500_000
"""Broken JSON-LD longer than this is not repaired (the repair scanner is Python-speed)."""
_JSON = json.JSONDecoder(strict=False)
"""One decoder for every call (``json.loads(..., strict=False)`` builds a new one each time: ~2 µs)."""


# --- public ----------------------------------------------------------------------------------------------


def page_hints(
    root: etree._Element, *, url: str | None, encoding: str | None, markup: str | bytes | None = None
) -> PageHints:
    """Title, reporters, times, outlet, canonical URL, section, tags and comment count the page declares.

    ``markup``, the page's source when at hand, lets lookups of names the page does not hold skip the tree.
    """
    scan = _scan(root, markup)
    meta = scan.meta
    lds = [obj for text in scan.scripts for data in loads_lenient(text) for obj in _flatten(data, 0)]
    articles = [o for o in lds if ld_types(o) & K.ARTICLE_TYPES] or [
        o for o in lds if ld_types(o) & K.SECONDARY_TYPES
    ]
    page_url = _canonical(scan, meta, url)
    outlet = _outlet(scan, meta, articles, page_url)
    site = _first(meta, ("og:site_name",))
    known = _known_sites(n for n in (outlet, site) if n)
    published = _published(scan, meta, articles)
    from_url = url_date(page_url or "") or url_date(url or "")
    modified = _modified(scan, meta, articles)
    return PageHints(
        title=_title(scan, meta, articles, known),
        reporters=_reporters(meta, articles, known),
        published=published,
        url_published=from_url,
        modified=modified if modified != (published or from_url) else None,
        comment_count=_comment_count(scan, meta, articles),
        outlet=outlet,
        url=page_url,
        section=_section(scan, meta, articles),
        tags=_tags(meta, articles, known),
        encoding=encoding,
    )


def clean_title(title: str, site_names: Iterable[str] = ()) -> str:
    """The headline without a " - 조선일보" / " | KBS 뉴스" / " : 네이버 뉴스" site segment at either end."""
    return _clean_title(title, _known_sites(site_names))


def _clean_title(title: str, known: frozenset[str]) -> str:
    text = clean_value(title)
    for _ in range(4):
        cut = _cut_site(text, known)
        if cut == text:
            break
        text = cut
    return text


def machine_time(value: str) -> datetime | None:
    """A machine-readable time (ISO 8601, ``YYYYMMDDhhmmss``, RFC 1123, or a displayed form) at KST.

    Values without an offset are Korean time. Years outside 1990-2100 are refused.
    """
    text = clean_value(value)
    if not text:
        return None
    when = _iso(text) or _compact(text) or _rfc(text) or parse_datetime(text) or _date_only(text)
    if when is None or not 1990 <= when.year <= 2100:
        return None
    return when.astimezone(KST)


def url_date(url: str) -> datetime | None:
    """A publication date written in the URL (``/2026/01/06/``, ``20260106…``, Daum's 17-digit id), or None.

    Only whole timestamps (14 or 17 digits) give a time; otherwise midnight KST.
    """
    if not url:
        return None
    path = url.split("#", 1)[0]
    for m in _URL_DIGITS.finditer(path):
        digits = m.group(0)
        if len(digits) in (14, 17):
            when = _compact(digits[:14])
            if when:
                return when
        day = _day(digits[:4], digits[4:6], digits[6:8])
        if day:
            return day
    for pattern in (_URL_SLASHED, _URL_DASHED):
        found = pattern.search(path)
        if found:
            day = _day(found["y"], found["m"], found["d"])
            if day:
                return day
    return None


def person_reporters(value: str, *, site_names: Iterable[str] = ()) -> tuple[Reporter, ...]:
    """Reporters named in an author value ("김철수 기자", "스포츠조선 = 김철수 기자 (…)", "사회부"),
    or () when the value names an outlet, a portal or nobody."""
    return _person_reporters(value, _known_sites(site_names))


def _person_reporters(value: str, known: frozenset[str]) -> tuple[Reporter, ...]:
    text = clean_value(value)
    if not text or "|" in text or text.startswith(("http:", "https:", "@", "//")):
        return ()
    if _key(text) in known:
        return ()
    emails: list[str] = []
    if "@" in text:  # no e-mail address without one: most values skip two regex passes
        emails = [m.group(0) for m in EMAIL.finditer(text)]
        text = EMAIL.sub(" ", text)
    text = _PARENS.sub(" ", text)
    out: list[Reporter] = []
    for part in _SPLIT_AUTHORS.split(text):
        part = part.rsplit("=", 1)[-1]
        rep = _one_reporter(part.split(), known)
        if rep:
            out.append(rep)
    if len(out) == 1 and len(emails) == 1:
        out[0] = replace(out[0], email=emails[0])
    return tuple(out)


def jsonld_objects(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened (lists, ``@graph``), broken JSON read leniently."""
    out: list[dict[str, Any]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        for data in loads_lenient(script.text or ""):
            out.extend(_flatten(data, 0))
    return out


def loads_lenient(text: str) -> list[Any]:
    """JSON values in ``text``: plain JSON, or JSON with comments, trailing commas, CDATA/comment wrappers,
    raw newlines in strings, or several values in a row. Unreadable parts are skipped, never raised."""
    text = text.strip()[:_MAX_LD_CHARS]
    for wrapper in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if text.startswith(wrapper[0]):
            text = text[len(wrapper[0]) :]
        if text.endswith(wrapper[1]):
            text = text[: -len(wrapper[1])]
    text = text.strip().rstrip(";")
    if not text:
        return []
    try:
        return [_JSON.decode(text)]
    except (ValueError, RecursionError):
        pass
    cleaned = _JS_TAIL_COMMA.sub(r"\1", strip_js_comments(text[:_MAX_LENIENT]))
    return decode_values(cleaned)


def decode_values(text: str, *, start: int = 0, limit: int = 50, attempts: int = 200) -> list[Any]:
    """Consecutive JSON values in ``text`` from ``start`` (separated by whitespace, commas or semicolons).

    Garbage between values is skipped up to the next ``{`` or ``[``; after ``attempts`` failed starts the
    scan gives up, so hostile input costs bounded time.
    """
    out: list[Any] = []
    pos, n = start, len(text)
    while pos < n and len(out) < limit and attempts > 0:
        begin = _next_value(text, pos)
        if begin < 0:
            break
        try:
            value, end = _JSON.raw_decode(text, begin)
        except (ValueError, RecursionError):
            attempts -= 1
            pos = begin + 1
            continue
        out.append(value)
        pos = end
    return out


def strip_js_comments(text: str) -> str:
    """``text`` without ``// …`` and ``/* … */`` comments outside string literals."""
    if "/" not in text:
        return text
    if "'" in text or "\\" in text:
        return _JS_TOKEN.sub(_keep_strings, text)
    return _strip_plain_comments(text)


def _strip_plain_comments(text: str) -> str:
    """:func:`strip_js_comments` for a text with no ``'`` and no backslash, whose only string literals are
    ``"…"`` without escapes: a slash is in one when an odd number of quotes precede it since the last
    comment. Jumps from slash to slash with ``str.find`` (linear), several times faster than the
    tokenizer, which visits every string (broadcasters' JSON-LD often carries ``//`` notes)."""
    out: list[str] = []
    keep = pos = 0  # text[keep:] is not copied yet; at pos no string or comment is open
    while (slash := text.find("/", pos)) >= 0:
        if text.count('"', pos, slash) % 2:  # inside a string: skip past its closing quote
            close = text.find('"', slash)
            if close < 0:
                break  # an unclosed string runs to the end
            pos = close + 1
            continue
        kind = text[slash + 1 : slash + 2]
        if kind == "/":
            end = text.find("\n", slash)
        elif kind == "*":
            end = text.find("*/", slash + 2)
            end = end + 2 if end >= 0 else end
        else:  # a lone slash
            pos = slash + 1
            continue
        end = end if end >= 0 else len(text)
        out.append(text[keep:slash])
        keep = pos = end
    out.append(text[keep:])
    return "".join(out)


def _keep_strings(m: regex.Match[str]) -> str:
    token = m.group()
    return "" if token[0] == "/" else token


def is_person_name(word: str) -> bool:
    """True for a 2-4 syllable Hangul name that starts with a Korean surname and is no outlet word."""
    if not _PERSON.match(word) or word in names.NOT_NAMES or word in _ROLE_SET:
        return False
    if word.endswith(K.OUTLET_ENDINGS) and len(word) > 3:
        return False
    return word[0] in names.SURNAMES or word[:2] in names.DOUBLE_SURNAMES


# --- meta tags ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scan:
    """What the readers below look up in the tree: the head elements, read in one C-filtered pass; the
    rest (elements by attribute, id or class) is looked up on need, in document order.

    ``markup`` is the page's source when the caller has it: a name it does not hold cannot be on the page,
    so a lookup of it costs a substring test instead of a pass over the tree.
    """

    meta: dict[str, list[str]]
    """Meta key (``property``, ``name`` or ``itemprop``, lower-cased) -> its non-blank ``content`` values,
    for the keys in :data:`_META_KEYS` only."""
    scripts: list[str]
    """Texts of ``<script type="application/ld+json">``."""
    links: list[tuple[str, str | None]]
    """``(rel, href)`` of the ``<link>`` elements whose ``rel`` mentions "canonical" (any case)."""
    title: etree._Element | None
    """The first ``<title>`` below the root."""
    root: etree._Element
    markup: str | bytes | None
    tagged: dict[str, list[tuple[etree._Element, str]]]
    """Tag -> its elements that have a class, with the class (for :func:`_by_class`), filled on need."""


_HEAD_TAGS = ("meta", "script", "link", "title")
_META_KEYS = frozenset(
    K.TITLE_META
    + K.AUTHOR_META
    + K.PUBLISHED_META
    + K.MODIFIED_META
    + K.OUTLET_META
    + K.NAVER_MARKER_META
    + K.URL_META
    + K.SECTION_META
    + K.TAG_META
    + K.KEYWORD_META
    + K.COMMENT_COUNT_META
)
"""Every meta key a reader below asks for (a reader of a new key adds it here). The scan keeps no other:
two metas in three are viewport, robots, app-link and the like, and their content is never read."""
_BY_ATTR = {
    name: etree.XPath(f"descendant-or-self::*/@{name}/..")
    for name in K.NAVER_PUBLISHED_ATTRS + K.NAVER_MODIFIED_ATTRS
}
"""Elements carrying an attribute :func:`_attr_time` reads (the names come from the tables: compiled once).

The attribute step (``*/@name/..``) runs about twice as fast in libxml2 as a predicate (``*[@name]``)."""
_BY_VALUE = {
    "itemprop": etree.XPath("descendant-or-self::*/@itemprop[.=$value]/.."),
    "id": etree.XPath("descendant-or-self::*/@id[.=$value]/.."),
}
_CLASS_HOLDS = etree.XPath("descendant-or-self::*/@class[contains(., $value)]/..")
"""Elements whose class attribute holds the text ``value`` (a superset of those with the class word)."""
_XML_SPACE = str.maketrans("\t\r\n", "   ")
"""XPath's ``normalize-space`` splits on these and the space only (not on every Unicode space)."""


def _scan(root: etree._Element, markup: str | bytes | None = None) -> _Scan:
    meta: dict[str, list[str]] = {}
    scripts: list[str] = []
    links: list[tuple[str, str | None]] = []
    title: etree._Element | None = None
    # ``el.get(b"name")``, not a bound ``get`` or a str key: lxml encodes a str key on every call, and
    # a bound method costs an object per element (a fifth of this loop, ~130 elements a page).
    for el in root.iter(*_HEAD_TAGS):  # filtered in C: a proxy only for these few
        tag = el.tag
        if tag == "meta":
            key = (el.get(b"property") or el.get(b"name") or el.get(b"itemprop") or "").strip().lower()
            if key in _META_KEYS:
                value = el.get(b"content")
                if value is not None and value.strip():
                    meta.setdefault(key, []).append(value)
        elif tag == "script":
            if (el.get(b"type") or "").strip().lower() == "application/ld+json":
                scripts.append(el.text or "")
        elif tag == "link":
            rel = el.get(b"rel")
            if rel and "canonical" in rel.lower():  # the href of another link is never read
                links.append((rel, el.get(b"href")))
        elif title is None and el is not root:
            title = el
    return _Scan(meta, scripts, links, title, root, markup, {})


def _on_page(scan: _Scan, word: str) -> bool:
    """False when the page's source is known and does not hold ``word`` (so no element can carry it)."""
    markup = scan.markup
    if markup is None:
        return True
    if isinstance(markup, bytes):
        return word.encode("utf-8") in markup
    return word in markup


def _lookup(scan: _Scan, kind: str, value: str) -> list[etree._Element]:
    """Elements carrying attribute ``value`` (kind ``attr``: one of :data:`_BY_ATTR`), ``itemprop=value``
    (``itemprop``) or ``id=value`` (``id``), in document order."""
    if not _on_page(scan, value):
        return []
    found = _BY_ATTR[value](scan.root) if kind == "attr" else _BY_VALUE[kind](scan.root, value=value)
    return cast(list[etree._Element], found)


def _by_class(scan: _Scan, cls: str, tag: str | None = None) -> list[etree._Element]:
    """Elements (with ``tag``, or any) whose class list holds ``cls``, as XPath's
    ``contains(concat(' ', normalize-space(@class), ' '), ' cls ')`` finds them, in document order.

    With a tag, one C-filtered pass over that tag serves every class asked of it: cheaper than a search
    of the source for each class.
    """
    if tag is not None:
        if tag not in scan.tagged:
            scan.tagged[tag] = [(el, v) for el in scan.root.iter(tag) if (v := el.get("class"))]
        return [el for el, value in scan.tagged[tag] if cls in value and cls in _class_words(value)]
    if not _on_page(scan, cls):
        return []
    # libxml2 finds the few elements whose class holds the text (a Python pass costs a proxy per element)
    found = cast(list[etree._Element], _CLASS_HOLDS(scan.root, value=cls))
    return [el for el in found if cls in _class_words(el.get("class") or "")]


def _class_words(value: str) -> list[str]:
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.translate(_XML_SPACE)
    return value.split(" ")


def _first(meta: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            text = clean_value(value)
            if text:
                return text
    return None


def clean_value(value: Any) -> str:
    """A string value with HTML entities decoded and whitespace collapsed ("" for non-strings)."""
    if not isinstance(value, str):
        return ""
    if "&" in value and _ENTITY.search(value):
        value = html_lib.unescape(value)
    return " ".join(value.split())


def _key(name: str) -> str:
    return "".join(name.split()).lower()


def _known_sites(site_names: Iterable[str]) -> frozenset[str]:
    """The known outlet and portal names and ``site_names``, as :func:`_key` spells them."""
    extra = {_key(n) for n in site_names if n}
    return _KNOWN_SITES | extra if extra else _KNOWN_SITES


_OUTLET_KEYS = frozenset(_key(n) for n in K.OUTLET_NAMES)
_PORTAL_KEYS = frozenset(_key(n) for n in K.PORTAL_NAMES)
_KNOWN_SITES = _OUTLET_KEYS | _PORTAL_KEYS
_GENERIC_KEYS = frozenset(_key(n) for n in K.GENERIC_TAGS)


# --- title -----------------------------------------------------------------------------------------------


def _title(
    scan: _Scan, meta: dict[str, list[str]], articles: list[dict[str, Any]], known: frozenset[str]
) -> str | None:
    candidates: list[str] = []
    for key in K.TITLE_META[:2]:
        candidates += [clean_value(v) for v in meta.get(key, ())]
    for obj in articles:
        for key in K.LD_TITLE_KEYS[:2]:
            candidates.append(clean_value(obj.get(key)))
    for key in K.TITLE_META[2:]:
        candidates += [clean_value(v) for v in meta.get(key, ())]
    title_el = scan.title
    page_title = _clean_title(text_content(title_el), known) if title_el is not None else ""
    candidates.append(page_title)
    for cand in candidates:
        title = _clean_title(cand, known)
        if len(title) < 4 or _key(title) in known:
            continue
        # Attribute values sometimes swap quotes for look-alikes (″); prefer <title> when it is the same text.
        if page_title and page_title != title and _same_text(page_title, title):
            return page_title
        if title.endswith(("...", "…")):  # a shortened og:title: a fuller candidate says the same
            stem = title.rstrip(".… ")
            fuller = [
                c for c in (_clean_title(x, known) for x in candidates) if c.startswith(stem) and c != title
            ]
            if stem and fuller:
                return max(fuller, key=len)
        return title
    return None


def _same_text(a: str, b: str) -> bool:
    return _key(a.translate(_QUOTE_SUBSTITUTES)) == _key(b.translate(_QUOTE_SUBSTITUTES))


def _cut_site(text: str, known: frozenset[str] | set[str]) -> str:
    for sep in K.TITLE_SEPARATORS:
        idx = text.rfind(sep)
        if idx > 0 and (
            _is_site(text[idx + len(sep) :], known) or text[idx + len(sep) :].strip() in K.TITLE_TRAIL_WORDS
        ):
            return text[:idx].rstrip()
        idx = text.find(sep)
        if idx > 0 and _is_lead_site(text[:idx], known) and text[idx + len(sep) :].strip():
            return text[idx + len(sep) :].lstrip()
    return text


def _is_lead_site(segment: str, known: frozenset[str] | set[str]) -> bool:
    """A site name before the headline: known, or shaped like one ("한빛일보", "KBS 뉴스") — a headline's
    opening words ("새 정부 경제 - …") end with the same words, so two Hangul words are not enough."""
    words = segment.split()
    if not words:
        return False
    if _key(segment) in known:
        return True
    return _is_site(segment, known) and (len(words) == 1 or (len(words) == 2 and words[0].isascii()))


def _is_site(segment: str, known: frozenset[str] | set[str]) -> bool:
    seg = segment.strip()
    if not seg:
        return False
    if _key(seg) in known:
        return True
    low = seg.lower()
    return len(seg) <= 16 and len(seg.split()) <= 3 and low.endswith(K.SITE_WORDS)


# --- reporters ---------------------------------------------------------------------------------------------


def _reporters(
    meta: dict[str, list[str]], articles: list[dict[str, Any]], known: frozenset[str]
) -> tuple[Reporter, ...]:
    for key in K.AUTHOR_META:
        for value in meta.get(key, ()):
            found = _person_reporters(value, known)
            if found:
                return found
    for obj in articles:
        found = _ld_people(obj.get("author"), known) or _ld_people(obj.get("creator"), known)
        if found:
            return found
    return ()


def _ld_people(value: Any, known: frozenset[str]) -> tuple[Reporter, ...]:
    items = value if isinstance(value, list) else [value]
    out: list[Reporter] = []
    for item in items[:20]:
        if isinstance(item, dict):
            if "organization" in ld_types(item):
                continue
            name, email = item.get("name"), item.get("email")
        else:
            name, email = item, None
        if not isinstance(name, str):
            continue
        for rep in _person_reporters(name, known):
            if isinstance(email, str) and EMAIL.fullmatch(email.strip()) and not rep.email:
                rep = replace(rep, email=email.strip())
            if all(r.name != rep.name for r in out):
                out.append(rep)
    return tuple(out)


def _one_reporter(tokens: list[str], known: frozenset[str] | set[str]) -> Reporter | None:
    tokens = [t.strip("[]【】［］<>,.:·=/") for t in tokens]
    tokens = [t for t in tokens if t]
    people: list[Reporter] = []
    for i, tok in enumerate(tokens):
        bare, role = _split_role(tok)
        if is_person_name(bare):
            for nxt in tokens[i + 1 : i + 4] if role is None else ():
                if nxt in _ROLE_SET or is_person_name(_split_role(nxt)[0]):
                    role = nxt if nxt in _ROLE_SET else None
                    break
            people.append(Reporter(name=bare, role=role))
    if people:
        # "대구 김철수 기자": the name is the word the role word follows
        return next((p for p in people if p.role), people[0])
    if len(tokens) == 1 and _is_team(tokens[0], known):
        return Reporter(name=tokens[0])
    return None


def _split_role(token: str) -> tuple[str, str | None]:
    if len(token) < _ROLE_TOKEN or not token.endswith(ROLE_WORDS):  # most tokens: no loop over the roles
        return token, None
    for role in ROLE_WORDS:
        if token.endswith(role) and len(token) > len(role) + 1:
            return token[: -len(role)], role
    return token, None


def _is_team(token: str, known: frozenset[str] | set[str]) -> bool:
    return (
        bool(_TEAM.match(token))
        and _key(token) not in known
        and token.endswith(K.TEAM_SUFFIXES)
        and len(token) >= 3
        and not token.endswith(K.OUTLET_ENDINGS)
    )


# --- times -------------------------------------------------------------------------------------------------


def _published(scan: _Scan, meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> datetime | None:
    return (
        _attr_time(scan, K.NAVER_PUBLISHED_ATTRS)
        or _meta_time(meta, K.PUBLISHED_META[:3])
        or first_machine_time(articles, K.LD_PUBLISHED_KEYS)
        or _itemprop_time(scan, "datePublished")
        or _meta_time(meta, K.PUBLISHED_META[3:])
    )


def _modified(scan: _Scan, meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> datetime | None:
    return (
        _attr_time(scan, K.NAVER_MODIFIED_ATTRS)
        or _meta_time(meta, K.MODIFIED_META[:3])
        or first_machine_time(articles, K.LD_MODIFIED_KEYS)
        or _itemprop_time(scan, "dateModified")
        or _meta_time(meta, K.MODIFIED_META[3:])
    )


def _attr_time(scan: _Scan, attrs: tuple[str, ...]) -> datetime | None:
    for attr in attrs:
        for el in _lookup(scan, "attr", attr):
            when = machine_time(el.get(attr) or "")
            if when:
                return when
    return None


def _meta_time(meta: dict[str, list[str]], keys: Iterable[str]) -> datetime | None:
    for key in keys:
        for value in meta.get(key, ()):
            when = machine_time(value)
            if when:
                return when
    return None


def first_machine_time(articles: list[dict[str, Any]], keys: Iterable[str]) -> datetime | None:
    """The first machine-readable time under ``keys`` (in key order) in these JSON objects."""
    for key in keys:
        for obj in articles:
            value = obj.get(key)
            if isinstance(value, str):
                when = machine_time(value)
                if when:
                    return when
    return None


def _itemprop_time(scan: _Scan, prop: str) -> datetime | None:
    for el in _lookup(scan, "itemprop", prop):
        value = el.get("datetime") or el.get("content") or text_content(el)
        when = machine_time(value or "")
        if when:
            return when
    return None


def _iso(text: str) -> datetime | None:
    m = _ISO.match(text)
    if not m:
        return None
    date, hour, minute, second, tz = m.groups()  # one call: each named group costs as much (regex)
    y, mo, d = map(int, date.split("-"))
    try:
        return datetime(y, mo, d, int(hour or 0), int(minute or 0), int(second or 0), tzinfo=_zone(tz))
    except ValueError:
        return None


def _date_only(text: str) -> datetime | None:
    m = _DATE_ONLY.match(text)
    return _day(m["y"], m["m"], m["d"]) if m else None


@lru_cache(maxsize=64)
def _zone(tz: str | None) -> timezone:
    if not tz or tz.upper() == "KST":
        return KST
    if tz.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return KST
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _compact(text: str) -> datetime | None:
    m = _COMPACT.match(text)
    if not m:
        return None
    d, t = m["d"], (m["t"] or "") + "000000"
    try:
        return datetime(
            int(d[:4]), int(d[4:6]), int(d[6:8]), int(t[:2]), int(t[2:4]), int(t[4:6]), tzinfo=KST
        )
    except ValueError:
        return None


def _rfc(text: str) -> datetime | None:
    if not _RFC_DAY.match(text):
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=KST)


def _day(y: str, m: str, d: str) -> datetime | None:
    try:
        when = datetime(int(y), int(m), int(d), tzinfo=KST)
    except ValueError:
        return None
    if when.year < K.URL_DATE_MIN_YEAR or when > datetime.now(KST) + timedelta(days=2):
        return None
    return when


# --- outlet, url, section, tags, comments -------------------------------------------------------------------------


def _outlet(
    scan: _Scan,
    meta: dict[str, list[str]],
    articles: list[dict[str, Any]],
    page_url: str | None,
) -> str | None:
    portals = _PORTAL_KEYS
    for key in K.OUTLET_META:
        for value in meta.get(key, ()):
            text = clean_value(value)
            if "|" in text:  # Naver: "이데일리 | 네이버"
                head, _, tail = text.partition("|")
                if _key(tail) in portals or _key(tail).startswith("네이버"):
                    text = head.strip()
            if _is_outlet_value(text, portals, strict=key not in ("og:site_name", "me2:category1")):
                return text
        if key == "me2:category1":
            logo = _press_logo(scan)
            if logo:
                return logo
            oid = _NAVER_OID.search(page_url or "") if _naver_markup(meta) else None
            if oid and oid["oid"] in K.NAVER_OID_PRESS:
                return K.NAVER_OID_PRESS[oid["oid"]]
    for obj in articles:
        pub = obj.get("publisher")
        name = clean_value(pub.get("name")) if isinstance(pub, dict) else clean_value(pub)
        if name and _key(name) not in portals:
            return name
    return None


def _naver_markup(meta: dict[str, list[str]]) -> bool:
    """The page carries Naver's own metadata (so a press id in its URL is Naver's ``oid``)."""
    return any(
        "네이버" in value or "naver" in value.lower()
        for key in K.NAVER_MARKER_META
        for value in meta.get(key, ())
    )


def _is_outlet_value(text: str, portals: frozenset[str] | set[str], *, strict: bool) -> bool:
    if not text or len(text) > 40 or _key(text) in portals:
        return False
    if text.startswith(("http:", "https:", "@", "//")) or EMAIL.search(text):
        return False
    if not strict:
        return True
    # author-ish meta: an outlet only when it reads as one, never a person
    if _person_reporters(text, _KNOWN_SITES):
        return False
    return _key(text) in _OUTLET_KEYS or text.endswith(K.OUTLET_ENDINGS)


def _press_logo(scan: _Scan) -> str | None:
    for cls in K.PRESS_LOGO_CLASSES:
        for el in _by_class(scan, cls, "img"):
            name = clean_value(el.get("alt") or el.get("title"))
            if name:
                return name
    return None


def _canonical(scan: _Scan, meta: dict[str, list[str]], url: str | None) -> str | None:
    og = _first(meta, K.URL_META[:1])
    base = og or url
    for rel_value, href_value in scan.links:
        rel = rel_value.lower().split()
        href = clean_value(href_value)
        if "canonical" in rel and href and not href.startswith(("javascript:", "#")):
            if href.startswith(("http://", "https://")):
                return href
            if base and base.startswith(("http://", "https://")):
                return urljoin(base, href)
    if og and og.startswith(("http://", "https://")):
        return og
    return url or _saved_from(scan.markup)


def _saved_from(markup: str | bytes | None) -> str | None:
    """The address a browser or SingleFile wrote into the saved copy ("<!-- saved from url=(0047)https://…
    -->", "<!-- Page saved with SingleFile url: https://… -->"): read when the page names no URL itself."""
    if markup is None:
        return None
    head = markup[:4096]
    text = head.decode("utf-8", errors="replace") if isinstance(head, bytes) else head
    m = _SAVED_FROM.search(text)
    return m["url"] if m else None


def _section(scan: _Scan, meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> str | None:
    found = _first_section(meta, K.SECTION_META[:4])
    if found:
        return found
    for obj in articles:
        for key in K.LD_SECTION_KEYS:
            value = obj.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            text = clean_value(value)
            if text:
                return text
    for cls in K.CATEGORY_CLASSES:
        for el in _by_class(scan, cls):
            text = clean_value(text_content(el))
            if text:
                return text
    return _first_section(meta, K.SECTION_META[4:])


def _first_section(meta: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            text = clean_value(value)
            if text and text.lower() not in K.GENERIC_SECTIONS and not _site_ish(text):
                return text
    return None


def _tags(
    meta: dict[str, list[str]], articles: list[dict[str, Any]], known: frozenset[str]
) -> tuple[str, ...]:
    drop = known | _GENERIC_KEYS
    tags: dict[str, None] = {}
    for key in K.TAG_META[:2]:
        for value in meta.get(key, ()):
            for tag in value.split(",") if key == "og:article:tag" else [value]:
                text = clean_value(tag)
                if text and _key(text) not in drop and not _site_ish(text):
                    tags.setdefault(text, None)
    if tags:
        return tuple(tags)[: K.MAX_TAGS]
    lists: list[str] = []
    for obj in articles:
        for key in K.LD_TAG_KEYS:
            listed = obj.get(key)
            if isinstance(listed, list):
                lists.append(",".join(clean_value(v) for v in listed if isinstance(v, str)))
            elif isinstance(listed, str):
                lists.append(listed)
    for key in K.KEYWORD_META:
        lists += meta.get(key, [])
    for raw in lists:
        items = [t for t in (clean_value(x) for x in _LIST_SEP.split(raw)) if t]
        if not items or len(items) > K.MAX_KEYWORD_TAGS:
            continue
        if any(_key(t) in drop or _site_ish(t) for t in items):
            continue  # a site-wide keyword list, not the article's tags
        return tuple(dict.fromkeys(items))
    return ()


def _site_ish(text: str) -> bool:
    low = text.lower()
    return low.startswith(("http", "www.")) or low.endswith((".com", ".co.kr", ".kr", ".net"))


def _comment_count(scan: _Scan, meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> int | None:
    for obj in articles:
        count = _int(obj.get("commentCount"))
        if count is not None:
            return count
        stats = obj.get("interactionStatistic")
        for stat in stats if isinstance(stats, list) else [stats]:
            if isinstance(stat, dict) and "comment" in str(stat.get("interactionType", "")).lower():
                count = _int(stat.get("userInteractionCount"))
                if count is not None:
                    return count
    count = _int(_first(meta, K.COMMENT_COUNT_META))
    if count is not None:
        return count
    for ident in K.COMMENT_COUNT_IDS:
        for el in _lookup(scan, "id", ident):
            count = _int(text_content(el))
            if count is not None:
                return count
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if text.isdigit() and len(text) < 10:
            return int(text)
    return None


# --- JSON-LD helpers ------------------------------------------------------------------------------------------


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:200]:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten(graph, depth + 1)
        if "@type" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, dict) and ld_types(main) & K.ARTICLE_TYPES:
            yield from _flatten(main, depth + 1)


def ld_types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` values of a JSON-LD object."""
    value = obj.get("@type")
    items = value if isinstance(value, list) else [value]
    return {v.strip().lower() for v in items if isinstance(v, str)}


def _next_value(text: str, pos: int) -> int:
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch in "{[":
            return pos
        if ch.isspace() or ch in ",;":
            pos += 1
            continue
        nxt = min((i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0), default=-1)
        return nxt
    return -1
