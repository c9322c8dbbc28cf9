"""Stage 0: read whatever the caller gave (bytes, str, path, soup) into text and say which door it takes.

Every refusal here is typed: a wrong type is :class:`~newsextract.errors.InputTypeError`, too much input
:class:`~newsextract.errors.InputTooLargeError`, nothing but whitespace
:class:`~newsextract.errors.EmptyInputError`, an unreadable path :class:`~newsextract.errors.SourceReadError`.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import regex
from lxml import etree

from .decode import clean_text, decode_page, looks_like_html
from .errors import EmptyInputError, InputTooLargeError, InputTypeError, SourceReadError
from .limits import Limits, check_limits
from .mhtml import looks_like_mhtml
from .mhtml import unwrap as unwrap_mhtml

Door = Literal["html", "text"]

_GZIP_MAGIC = b"\x1f\x8b"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_NON_SPACE = regex.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Loaded:
    """A source read into text, with the door it takes and, for soups, a ready tree."""

    text: str
    kind: Door
    encoding: str | None = None
    tree: etree._Element | None = None
    utf8: bytes | None = None
    """The input bytes when they are exactly ``text`` in UTF-8: the HTML parser reads these directly."""


def load_source(source: Any, *, limits: Limits, kind: Door | None = None, url: object = None) -> Loaded:
    """Read ``source`` into a :class:`Loaded`; ``kind`` forces the door instead of sniffing.

    ``url`` is only checked here (a str or None), so a wrong one fails before any work.
    """
    limits = check_limits(limits)
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str or None, not {type(url).__name__}")
    if _is_soup(source):
        if kind == "text":
            raise InputTypeError("extract_text takes text; give a BeautifulSoup object to extract or extract_html")
        from .html.soup import soup_to_tree

        return Loaded(text="", kind="html", encoding=None, tree=soup_to_tree(source, limits=limits))
    if isinstance(source, os.PathLike):
        source = read_path(source, limits=limits)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), "bytes", limits)
        if data.startswith(_GZIP_MAGIC):
            data = gunzip(data, name="the input", limits=limits)
        if not data or data.isspace():
            raise EmptyInputError("the input is empty" if not data else "the input holds only whitespace")
        if looks_like_mhtml(data):  # a page saved as "Webpage, Single File"
            data = unwrap_mhtml(data) or data
        got = decode_page(data)
        return _loaded(got.text, kind=kind, encoding=got.encoding, utf8=got.utf8)
    if isinstance(source, str):
        _check_size(len(source), "characters", limits)
        _refuse_path_string(source)
        return _loaded(clean_text(safe_str(source)), kind=kind, encoding=None)
    raise InputTypeError(
        f"cannot read a {type(source).__name__}: give bytes, str, an os.PathLike or a BeautifulSoup object"
    )


def check_paths(paths: object) -> list[str | os.PathLike[str]]:
    """``paths`` (one path or an iterable of them) as a list; anything else is :class:`InputTypeError`."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise InputTypeError(f"paths must be a str, an os.PathLike or an iterable of them, not {type(paths).__name__}")
    out = list(paths)
    for p in out:
        if not isinstance(p, (str, os.PathLike)):
            raise InputTypeError(f"each path must be a str or an os.PathLike, not {type(p).__name__}")
    return out


def safe_str(text: str) -> str:
    """``text`` with lone surrogates (which lxml would silently cut the text at) replaced by U+FFFD."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


def read_path(path: os.PathLike[str] | str, *, limits: Limits) -> bytes:
    """Read a file's bytes, gunzipping gzip files (by content, not name), within ``limits.max_bytes``."""
    name = os.fspath(path)
    try:
        mode = os.stat(name).st_mode  # before open(): opening a FIFO would block
        regular = stat.S_ISREG(mode) or stat.S_ISDIR(mode)  # a folder fails in open() with its own message
        data = b""
        if regular:
            with open(name, "rb") as fh:
                data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise SourceReadError(f"cannot read {name!r}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # embedded NUL in the path
        raise SourceReadError(f"cannot read {name!r}: {exc}") from exc
    if not regular:
        raise SourceReadError(f"cannot read {name!r}: not a regular file (a device or a pipe)")
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(f"{name!r} is larger than the limit of {limits.max_bytes} bytes")
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, name=repr(name), limits=limits)
    return data


def gunzip(data: bytes, *, name: str, limits: Limits) -> bytes:
    """Decompress gzip ``data``, reading at most ``limits.max_bytes`` (a gzip bomb stops there)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(limits.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceReadError(f"cannot gunzip {name}: {exc}") from exc
    if len(out) > limits.max_bytes:
        raise InputTooLargeError(f"{name} unpacks to more than the limit of {limits.max_bytes} bytes")
    return out


def _check_size(size: int, unit: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise InputTooLargeError(f"the input is {size} {unit}; the limit (max_bytes) is {limits.max_bytes}")


def _loaded(text: str, *, kind: Door | None, encoding: str | None, utf8: bytes | None = None) -> Loaded:
    if not _NON_SPACE.search(text):
        raise EmptyInputError("the input is empty" if not text else "the input holds no text, only whitespace")
    door: Door = kind or ("html" if looks_like_html(text) else "text")
    return Loaded(text=text, kind=door, encoding=encoding, utf8=utf8 if door == "html" else None)


def _is_soup(obj: Any) -> bool:
    if not type(obj).__module__.startswith("bs4"):
        return False
    from bs4 import Tag

    return isinstance(obj, Tag)


def _refuse_path_string(text: str) -> None:
    """A str is page text; a str that only names an existing file is a mistake worth saying so."""
    if len(text) < 1024 and "\n" not in text and "<" not in text and text.strip() and os.path.isfile(text.strip()):
        raise InputTypeError(
            f"{text.strip()!r} names a file, but a str is read as page text: pass pathlib.Path({text.strip()!r})"
        )
