"""Stage 1: bytes to text. BOM, then the declared charset, then charset-normalizer when the declaration
is missing or lies. EUC-KR is read as CP949, its superset."""

from __future__ import annotations

import codecs

import regex

from .errors import DecodeError

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]{2,30})""", regex.I)
_HTML_SNIFF = regex.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|title|script|article)\b", regex.I)
_ALIASES = {
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ksc5601": "cp949",
    "x-windows-949": "cp949",
    "uhc": "cp949",
    "utf8": "utf-8",
}


def normalise_encoding(name: str) -> str:
    """A codec name Python knows, with EUC-KR and its aliases mapped to CP949."""
    low = name.strip().lower()
    low = _ALIASES.get(low, low)
    try:
        return codecs.lookup(low).name if low != "cp949" else "cp949"
    except LookupError:
        return low


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode page bytes; returns the text and the encoding used."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    declared = _declared(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("the input is not text in any encoding we recognise (binary data?)")
    enc = normalise_encoding(best.encoding)
    return data.decode(enc, errors="replace"), enc


def _declared(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return normalise_encoding(m.group(1).decode("ascii")) if m else None


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than a text dump."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    return bool(head.startswith("<") and _HTML_SNIFF.search(head)) or bool(
        _HTML_SNIFF.search(text[:2048]) and text.count("<") > 20
    )
