"""The per-item function: one :class:`Item` in, one :class:`Record` out, never an exception.

:func:`process_item` is a pure top-level function, so it pickles by reference and runs the same in a
spawned worker process, in-process, or on a dask worker.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import regex

from ..errors import InputTypeError, NewsExtractError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Article
from ..pipeline import extract, extract_text
from .sources import DEFAULT_SOURCE_LIMITS, GZIP_MAGIC, Item, SourceLimits, source_container

Status = Literal["ok", "error"]
_WS = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Record:
    """The result for one input item: an article, or the error that stopped it."""

    source: str
    status: Status
    article: Article | None = None
    error_type: str | None = None
    error_message: str | None = None
    duplicate_of: str | None = None

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
    """Learned furniture lines (normalised) per site key; paragraphs equal to one are dropped."""
    keep_removed: bool = False
    """Keep ``Article.removed`` (the audit trail); off by default: batch output does not show it, and
    it is the bulk of what a worker would send back."""
    line_format: Literal["jsonl", "csv"] = "jsonl"
    """:func:`~newsextract.batch.output.render_item`: the output line's format."""
    digest: bool = False
    """:func:`~newsextract.batch.output.render_item`: also send the body digest (for ``--dedupe``)."""


def process_item(item: Item, options: WorkOptions = WorkOptions()) -> Record:
    """Clean one item. Every failure, expected or not, becomes an error :class:`Record`."""
    if not isinstance(item, Item):  # a caller's mistake, not an item's failure
        raise InputTypeError(f"process_item takes a newsextract.batch.Item, not {type(item).__name__}")
    if item.error is not None:
        return Record.failed(item.source, *item.error)
    try:
        article = _extract(item, options)
        if options.furniture:
            article = drop_furniture(article, item.source, options.furniture)
        if not options.keep_removed and article.removed:
            article = dataclasses.replace(article, removed=())
        return Record(source=item.source, status="ok", article=article)
    except NewsExtractError as exc:
        return Record.failed(item.source, type(exc).__name__, str(exc))
    except RecursionError:
        return Record.failed(item.source, "RecursionError", "input nests too deeply to process")
    except MemoryError:
        return Record.failed(item.source, "MemoryError", "out of memory while processing the item")
    except Exception as exc:  # a bug in an extractor stage must not stop a batch of millions
        return Record.failed(item.source, "InternalError", f"{type(exc).__name__}: {exc}")


def _extract(item: Item, options: WorkOptions) -> Article:
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
        article = extract_text(text, url=item.url, limits=options.limits)
    else:
        article = extract(data, url=item.url, limits=options.limits)
    if item.url and not article.url:
        article = dataclasses.replace(article, url=item.url)
    return article


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


def norm_line(text: str) -> str:
    """A paragraph compared for furniture and duplicates: whitespace collapsed, NFC."""
    import unicodedata

    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def body_key(paragraphs: Iterable[str]) -> str | None:
    """A digest of the normalised body, for the exact-duplicate flag; ``None`` for an empty body."""
    body = norm_line(" ".join(paragraphs))
    if not body:
        return None
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def site_of(source: str, article: Article | None) -> str:
    """Which site a page belongs to: URL host, else the outlet name, else the container it came in."""
    if article is not None and article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return "host:" + (host[4:] if host.startswith("www.") else host)
    if article is not None and article.outlet:
        return "outlet:" + article.outlet
    return "in:" + os.path.normpath(source_container(source))


def drop_furniture(article: Article, source: str, furniture: Mapping[str, frozenset[str]]) -> Article:
    """Drop the paragraphs equal to a learned furniture line of the page's site."""
    lines = furniture.get(site_of(source, article))
    if not lines:
        return article
    kept = tuple(p for p in article.paragraphs if norm_line(p) not in lines)
    if len(kept) == len(article.paragraphs):
        return article
    return dataclasses.replace(article, paragraphs=kept)
