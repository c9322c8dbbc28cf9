"""Stage 0: read whatever the caller gave (bytes, str, path, soup) into text and say which door it takes."""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from typing import Any, Literal

from lxml import html as lxml_html

from .decode import decode_bytes, looks_like_html
from .errors import InputTooLargeError, InputTypeError, SourceReadError
from .limits import Limits

Door = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A source read into text, with the door it takes and, for soups, a ready tree."""

    text: str
    kind: Door
    encoding: str | None = None
    tree: lxml_html.HtmlElement | None = None


def load_source(source: Any, *, limits: Limits, kind: Door | None = None) -> Loaded:
    """Read ``source`` into a :class:`Loaded`; ``kind`` forces the door instead of sniffing."""
    if _is_soup(source):
        from .html.soup import soup_to_tree

        return Loaded(text="", kind="html", encoding=None, tree=soup_to_tree(source, limits=limits))
    if isinstance(source, os.PathLike):
        source = read_path(source, limits=limits)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise InputTooLargeError(f"input is {len(data)} bytes; the limit is {limits.max_bytes}")
        text, encoding = decode_bytes(data)
        door = kind or ("html" if looks_like_html(text) else "text")
        return Loaded(text=text, kind=door, encoding=encoding)
    if isinstance(source, str):
        if len(source) > limits.max_bytes:
            raise InputTooLargeError(f"input is {len(source)} characters; the limit is {limits.max_bytes}")
        door = kind or ("html" if looks_like_html(source) else "text")
        return Loaded(text=source, kind=door, encoding=None)
    raise InputTypeError(
        f"cannot read a {type(source).__name__}: give bytes, str, an os.PathLike or a BeautifulSoup object"
    )


def read_path(path: os.PathLike[str] | str, *, limits: Limits) -> bytes:
    """Read a file's bytes, gunzipping ``.gz`` files, within ``limits.max_bytes``."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=fh) as gz:
                    data = gz.read(limits.max_bytes + 1)
            else:
                data = fh.read(limits.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceReadError(f"cannot read {name!r}: {exc}") from exc
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(f"{name!r} is larger than the limit of {limits.max_bytes} bytes")
    return data


def _is_soup(obj: Any) -> bool:
    mod = type(obj).__module__
    return mod.startswith("bs4") and hasattr(obj, "name") and hasattr(obj, "children")
