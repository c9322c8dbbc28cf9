"""The per-item function: one :class:`Item` in, one :class:`Record` out, never an exception.

:func:`process_item` is a pure top-level function, so it pickles by reference and runs the same in a
spawned worker process, in-process, or on a dask worker.
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import regex

from ..blocks import Decision
from ..classify import furniture_key
from ..errors import InputTypeError, NewsExtractError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Article
from ..pipeline import PageBlocks, explain_blocks, page_blocks
from .fingerprint import band_keys
from .sources import DEFAULT_SOURCE_LIMITS, GZIP_MAGIC, Item, SourceLimits

Status = Literal["ok", "error"]
LONGEST_LINE = 200
"""Longest line ``--learn`` counts: furniture is short, article paragraphs mostly are not (memory)."""
LONG_PARAGRAPH = 30
"""Least length of a paragraph compared to tell a copy of an article (:class:`Sighting` ``paras``)."""
GROUP_KEY = "key:"
"""Prefix of the furniture mapping's entries that send a page without URL to its template group."""


@dataclass(frozen=True, slots=True)
class Sighting:
    """What the ``--learn`` pass keeps of one item: where it belongs, which article it is, what it shows."""

    host: str | None
    """The site's host (from the item's or the page's URL), or None."""
    bands: tuple[str, ...]
    """Template fingerprint band keys (:func:`~newsextract.batch.fingerprint.band_keys`) when no host."""
    idents: tuple[str, ...]
    """Keys naming the article (title, whole body): a copy shares one, or most of ``paras``."""
    paras: tuple[str, ...]
    """Keys of its long paragraphs (a dump of the same page by another tool shares most of them)."""
    lines: tuple[str, ...]
    """Every distinct line the page shows (:func:`~newsextract.classify.furniture_key`), short ones."""
    kept: tuple[str, ...]
    """The lines the pipeline kept as part of the article (body, title, deck, caption, byline, info)."""
    title: str = ""
    """The article's title (:func:`~newsextract.classify.furniture_key`): never learned anywhere on its site."""


@dataclass(frozen=True, slots=True)
class Record:
    """The result for one input item: an article, or the error that stopped it."""

    source: str
    status: Status
    article: Article | None = None
    error_type: str | None = None
    error_message: str | None = None
    duplicate_of: str | None = None
    sighting: Sighting | None = None
    """``--learn``'s first pass only: what the learner counts (not part of the output)."""

    @classmethod
    def failed(cls, source: str, error_type: str, message: str) -> Record:
        return cls(source=source, status="error", error_type=error_type, error_message=message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines shape: ``{"source", "status", "article"}`` or ``{"source", "status", "error"}``."""
        out: dict[str, Any] = {"source": self.source, "status": self.status}
        if self.article is not None:
            out["article"] = self.article.to_dict()
        else:
            out["error"] = {"type": self.error_type, "message": self.error_message}
        if self.duplicate_of is not None:
            out["duplicate_of"] = self.duplicate_of
        return out


@dataclass(frozen=True, slots=True)
class WorkOptions:
    """What every worker needs to know; sent once per worker."""

    limits: Limits = DEFAULT_LIMITS
    source_limits: SourceLimits = DEFAULT_SOURCE_LIMITS
    furniture: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Learned furniture lines per site (:mod:`~newsextract.batch.learn`); blocks showing one are dropped."""
    learn: bool = False
    """``--learn``'s first pass: each ok record carries its :class:`Sighting`."""
    keep_removed: bool = False
    """Keep ``Article.removed`` (the audit trail); off by default: batch output does not show it, and
    it is the bulk of what a worker would send back."""
    line_format: Literal["jsonl", "csv"] = "jsonl"
    """:func:`~newsextract.batch.output.render_item`: the output line's format."""
    digest: bool = False
    """:func:`~newsextract.batch.output.render_item`: also send the body digest (for ``--dedupe``)."""
    by_template: bool = field(init=False, default=False)
    """Derived: ``furniture`` holds template groups (pages without URL need their fingerprint)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_template", any(k.startswith(GROUP_KEY) for k in self.furniture))


def process_item(item: Item, options: WorkOptions = WorkOptions()) -> Record:
    """Clean one item. Every failure, expected or not, becomes an error :class:`Record`."""
    if not isinstance(item, Item):  # a caller's mistake, not an item's failure
        raise InputTypeError(f"process_item takes a newsextract.batch.Item, not {type(item).__name__}")
    if item.error is not None:
        return Record.failed(item.source, *item.error)
    try:
        page = _page(item, options)
        sighting = None
        if options.learn:
            article, decisions = explain_blocks(page)
            sighting = sight(page, item.url, article, decisions)
        else:
            lines = None
            if options.furniture:
                lines = furniture_for(page, item.url, options.furniture, by_template=options.by_template)
            article = explain_blocks(page, furniture=lines)[0]
        if item.url and not article.url:
            article = dataclasses.replace(article, url=item.url)
        if not options.keep_removed and article.removed:
            article = dataclasses.replace(article, removed=())
        return Record(source=item.source, status="ok", article=article, sighting=sighting)
    except NewsExtractError as exc:
        return Record.failed(item.source, type(exc).__name__, str(exc))
    except RecursionError:
        return Record.failed(item.source, "RecursionError", "input nests too deeply to process")
    except MemoryError:
        return Record.failed(item.source, "MemoryError", "out of memory while processing the item")
    except Exception as exc:  # a bug in an extractor stage must not stop a batch of millions
        return Record.failed(item.source, "InternalError", f"{type(exc).__name__}: {exc}")


def _page(item: Item, options: WorkOptions) -> PageBlocks:
    data: bytes | str
    if item.path is not None:
        data = read_capped(item.path, options.source_limits)
    elif item.data is not None:
        data = item.data
    else:
        data = b""
    if isinstance(data, bytes) and data[:2] == GZIP_MAGIC:
        data = gunzip_capped(data, options.source_limits)
    if item.kind == "text":
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        return page_blocks(text, url=item.url, limits=options.limits, kind="text")
    return page_blocks(data, url=item.url, limits=options.limits)


def read_capped(path: str, limits: SourceLimits) -> bytes:
    """A file's bytes, at most ``limits.max_bytes`` (a typed error past it)."""
    from ..errors import InputTooLargeError, SourceReadError

    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise SourceReadError(f"cannot read {path!r}: {exc.strerror or exc}") from exc
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(f"{path!r} is larger than the limit of {limits.max_bytes} bytes")
    return data


def gunzip_capped(data: bytes, limits: SourceLimits) -> bytes:
    """Inflate gzip ``data`` within the size limit and the ratio limit (a gzip bomb is refused early)."""
    from ..errors import InputTooLargeError, SourceReadError

    out = []
    size = 0
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = data
    try:
        while pending:
            chunk = d.decompress(pending, 1 << 20)
            pending = d.unconsumed_tail
            size += len(chunk)
            out.append(chunk)
            if size > limits.max_bytes:
                raise InputTooLargeError(f"gzip data inflates past the limit of {limits.max_bytes} bytes")
            if size > limits.ratio_floor and size > limits.max_ratio * len(data):
                raise InputTooLargeError(f"gzip data inflates more than {limits.max_ratio:.0f} times (a gzip bomb?)")
            if d.eof or not chunk:
                break
    except zlib.error as exc:
        raise SourceReadError(f"broken gzip data: {exc}") from exc
    return b"".join(out)


def body_key(paragraphs: Iterable[str]) -> str | None:
    """A digest of the normalised body, for the exact-duplicate flag; ``None`` for an empty body."""
    body = furniture_key(" ".join(paragraphs))
    if not body:
        return None
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def page_host(page: PageBlocks, url: str | None) -> str | None:
    """The host naming a page's site: the item's URL (WARC, JSON Lines), else the page's own
    (canonical, ``og:url``); ``www.`` dropped. None when no URL is known."""
    for u in (url, page.hints.url):
        if u:
            try:
                host = urlsplit(u).hostname or ""
            except ValueError:
                continue
            if host:
                return host[4:] if host.startswith("www.") else host
    return None


def furniture_for(
    page: PageBlocks, url: str | None, furniture: Mapping[str, frozenset[str]], *, by_template: bool = True
) -> frozenset[str] | None:
    """The learned furniture of a page's site: by host, else by its template group (``by_template``)."""
    host = page_host(page, url)
    if host is not None:
        return furniture.get("host:" + host)
    if not by_template:
        return None
    for key in band_keys(page):
        group = furniture.get(GROUP_KEY + key)
        if group:
            return furniture.get(next(iter(group)))
    return None


_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_LINK_TARGET = regex.compile(r"\]\([^)\s]{0,2000}\)")


def _key(text: str) -> str:
    """A digest naming a title or paragraph, blind to markup a dump tool adds (``**``, ``[x](url)``, …)."""
    bare = _NOT_WORD.sub("", _LINK_TARGET.sub("]", text)).casefold()
    return hashlib.blake2b(bare.encode("utf-8"), digest_size=8).hexdigest()


def sight(page: PageBlocks, url: str | None, article: Article, decisions: list[Decision]) -> Sighting:
    """The :class:`Sighting` of one cleaned page (``--learn``'s first pass)."""
    host = page_host(page, url)
    title = furniture_key(article.title or "")
    idents = []
    if title:
        idents.append("t:" + _key(title))
    body = body_key(article.paragraphs)
    if body is not None:
        idents.append("b:" + body)
    paras = sorted({_key(k) for p in article.paragraphs if len(k := furniture_key(p)) >= LONG_PARAGRAPH})
    lines: set[str] = set()
    kept: set[str] = set()
    for d in decisions:
        if d.block.kind == "image":
            continue
        line = furniture_key(d.block.text)
        if not line or len(line) > LONGEST_LINE:
            continue
        lines.add(line)
        if d.label != "furniture":
            kept.add(line)
            kept.add(furniture_key(d.kept_text))
    if title:
        kept.add(title)
    return Sighting(
        host=host,
        bands=() if host is not None else band_keys(page),
        idents=tuple(idents),
        paras=tuple(paras),
        lines=tuple(sorted(lines)),
        kept=tuple(sorted(kept & lines)),
        title=title,
    )
