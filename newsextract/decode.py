"""Stage 1: bytes to text.

Order: refuse binary (magic numbers, control-byte ratio), BOM, the declared charset (``<meta charset>``,
``http-equiv``, XML declaration), then charset-normalizer only when there is no declaration or it lies.
EUC-KR is read as CP949, its superset. Saved portal copies that declare euc-kr but hold UTF-8 are read
as UTF-8 (reference §7.2.4). Afterwards :func:`clean_text` repairs CP949-read-as-Latin-1 mojibake where it
can (§7.2.2), drops control characters (raw and ``&#1;``-style, §7.2.5) and normalises odd spaces (§7.2.6).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import regex

from .errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data (pass a path ending in .gz, or decompress it first)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (OLE2) document, e.g. HWP or DOC"),
    (b"HWP Document File", "an HWP document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV file", b"AVI ": "an AVI video"}

_DECLARED = (
    regex.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]{2,40})""", regex.I),
    regex.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']\s*([a-zA-Z0-9_.:\-]{2,40})""", regex.I),
)
_HTML_SNIFF = regex.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|title|script|article)\b", regex.I)
_ALIASES = {
    "euc-kr": "cp949",
    "euckr": "cp949",
    "euc_kr": "cp949",
    "x-euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "ksc5601": "cp949",
    "ksc_5601": "cp949",
    "korean": "cp949",
    "x-windows-949": "cp949",
    "windows-949": "cp949",
    "ms949": "cp949",
    "uhc": "cp949",
    "utf8": "utf-8",
    "unicode": "utf-8",
    "iso-8859-1": "latin-1",
    "latin1": "latin-1",
    "us-ascii": "ascii",
}
_SINGLE_BYTE_WESTERN = {"latin-1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}
"""Declared charsets that Korean pages use by mistake; the bytes are then UTF-8 or CP949."""

_CTRL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32)])
_SNIFF = 8192
_HIGH_BYTES = bytes(range(0x80, 0x100))

# Text clean-up (after decoding). Plain character classes use the standard ``re`` engine, which scans
# them several times faster than ``regex``; none of them can backtrack.
_CTRL_ENTITY = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9])(?!\d)"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])(?![0-9a-fA-F]));?"
)
"""``&#1;``-style references to control characters (C0 but tab/LF/CR, DEL, C1)."""
_CTRL_ENTITY_BYTES = re.compile(_CTRL_ENTITY.pattern.encode("ascii"))
_EXCEL_CR_BYTES = re.compile(rb"_x000[dD]_")
_DIRT_ASCII = bytes([*range(0, 9), 11, *range(14, 32), 127])
"""ASCII control bytes :data:`_CTRL_CHARS` removes (a form feed, 12, becomes a space first)."""
_DIRT_WIDE_BYTES = re.compile(rb"\xc2[\x80-\xa0]|\xe2\x80[\x80-\x8b\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80|\xef\xbb\xbf")
"""The non-ASCII characters of :data:`_DIRT_CLASS` in UTF-8: every branch opens with a literal byte, so ``re``
skips ahead to those bytes."""
_WIDE_DROPPED = frozenset([*(bytes([0xC2, b]) for b in range(0x80, 0xA0)), b"\xe2\x80\x8b", b"\xef\xbb\xbf"])
"""C1 controls, the zero-width space and the BOM are removed; the other odd spaces become a space."""
_CTRL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_EXCEL_CR = re.compile("_x000[dD]_")
"""Excel's escaped carriage return, dropped like the control characters."""
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x0c]")
_DIRT_CLASS = "\x00-\x08\x0b\x0e-\x1f\x7f-\xa0\u2000-\u200b\u202f\u205f\u3000\u2028\u2029\x0c\ufeff"
_RAW_DIRT = re.compile(f"[{_DIRT_CLASS}]")
"""Any character the two patterns above touch. Plain classes only: an alternation would stop ``re`` from
skipping ahead to the class's characters, and the scan would run several times slower."""
_CP1252_HIGH = {ch: bytes([b]) for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
"""Characters a Windows-1252 reading makes of bytes 0x80-0x9F (``€``, ``‘``, ``…``): mojibake also uses them."""
_MOJI = "\\x80-\\xff" + "".join(_CP1252_HIGH)
_LATIN_RUN = re.compile(f"[{_MOJI}][{_MOJI}A-Za-z]*")
_MOJI_HINT = re.compile(f"[{_MOJI}]" * 6)  # spelled out: ``[…]{6}`` scans about 3x slower in ``re``
"""Six Latin-1 letters in a row: how CP949 words look when read as Latin-1 (a cheap first test)."""
_HANGUL = regex.compile(r"\p{Hangul}")
_SUSPECT = re.compile(f"[{_MOJI}{_DIRT_CLASS}]")
"""A character mojibake or dirt starts with: the one scan of :func:`_suspects`."""
_MOJI_SET = frozenset(chr(c) for c in range(0x80, 0x100)) | frozenset(_CP1252_HIGH)
_RAW_DIRT_WIDE = frozenset(
    [chr(c) for c in range(0x80, 0xA1)]
    + [chr(c) for c in range(0x2000, 0x200C)]
    + list("\u202f\u205f\u3000\u2028\u2029\ufeff")
)
"""The characters of :data:`_RAW_DIRT` outside ASCII."""
_SUSPECT_LEADS = tuple(bytes([b]) for b in sorted({ch.encode()[0] for ch in _MOJI_SET | _RAW_DIRT_WIDE}))
"""UTF-8 lead bytes of every non-ASCII character :data:`_SUSPECT` matches."""
_NOT_CTRL_BYTES = bytes(b for b in range(256) if not ((b < 0x20 and b not in (9, 10, 13)) or b == 0x7F))
"""Every byte but the ASCII controls :data:`_RAW_DIRT` matches (all but tab, LF, CR; DEL)."""


def normalise_encoding(name: str) -> str:
    """A codec name Python knows, with EUC-KR and its aliases mapped to CP949 (unknown names unchanged)."""
    low = name.strip().strip("\"'").lower()
    low = _ALIASES.get(low, low)
    if low == "cp949":
        return "cp949"
    try:
        found = codecs.lookup(low).name
    except LookupError:
        return low
    return {"utf_8": "utf-8", "euc_kr": "cp949", "iso8859-1": "latin-1"}.get(found, found)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Page bytes decoded: the cleaned text, the encoding used, and the bytes themselves when they are
    exactly ``text`` in UTF-8 (nothing was cleaned), so the HTML parser can read them without a re-encode."""

    text: str
    encoding: str
    utf8: bytes | None = None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode page bytes; returns the cleaned text and the name of the encoding used.

    Raises :class:`~newsextract.errors.DecodeError` for binary input (images, PDFs, archives, random bytes).
    """
    got = decode_page(data)
    return got.text, got.encoding


def decode_page(data: bytes) -> Decoded:
    """:func:`decode_bytes`, keeping the bytes when they are clean UTF-8 (see :class:`Decoded`)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(clean_text(data[len(bom) :].decode(enc, errors="replace")), enc)
    _refuse_binary(data)
    utf16 = _bomless_utf16(data)
    if utf16:
        return Decoded(clean_text(data.decode(utf16, errors="replace")), utf16)
    if not data.isascii():  # UTF-8 first whatever the page says (see _decode): here with its fast scan
        strict = _strict(data, "utf-8")
        if strict is not None:
            moji, dirty = _utf8_suspects(data)
            if not moji:  # cleaned on the bytes, which the parser then reads as they are
                raw = clean_utf8(data, dirty=dirty)
                return Decoded(strict if raw is data else raw.decode("utf-8"), "utf-8", raw)
            return Decoded(clean_text(strict, suspects=(moji, dirty)), "utf-8")
    text, enc = _decode(data, declared_encoding(data))
    cleaned = clean_text(text)
    if cleaned is text and enc in ("utf-8", "cp949") and data.isascii():
        return Decoded(text, enc, data)  # plain ASCII is UTF-8 as it stands
    return Decoded(cleaned, enc)


def clean_utf8(data: bytes, *, dirty: bool = True) -> bytes:
    """:func:`clean_text` on valid UTF-8 without mojibake, done on the bytes (``data`` itself when clean).

    ``dirty=False`` says that no control or odd-space character is there (as :func:`_utf8_suspects` finds):
    only ``&#1;``-style references and Excel's ``_x000D_`` are then looked for. Each step removes or
    replaces whole characters, so the result stays valid UTF-8, and runs in the order :func:`clean_text`
    uses, so both give the same text.
    """
    if _has_ctrl_entity(data):
        data = _CTRL_ENTITY_BYTES.sub(b"", data)
    if b"_x000" in data:
        data = _EXCEL_CR_BYTES.sub(b"", data)
    if dirty:
        if b"\x0c" in data:
            data = data.replace(b"\x0c", b" ")  # a form feed is an odd space, the other controls go
        data = data.translate(None, _DIRT_ASCII)
        data = _DIRT_WIDE_BYTES.sub(_wide_dirt, data)
    return data


def _has_ctrl_entity(data: bytes) -> bool:
    i = data.find(b"&#")
    while i >= 0:  # pages hold tens of "&#39;"-like references: test each where it starts
        if _CTRL_ENTITY_BYTES.match(data, i):
            return True
        i = data.find(b"&#", i + 2)
    return False


def _wide_dirt(m: re.Match[bytes]) -> bytes:
    return b"" if m.group() in _WIDE_DROPPED else b" "


def declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first 8 KB (meta charset, http-equiv, XML declaration)."""
    head = data[:8192]
    for pattern in _DECLARED:
        m = pattern.search(head)
        if m:
            return normalise_encoding(m.group(1).decode("ascii", errors="replace"))
    return None


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    if data.isascii():
        if declared and b"\x1b" in data and declared not in ("utf-8", "cp949", "ascii"):
            strict = _strict(data, declared)  # 7-bit encodings: ISO-2022-KR
            if strict is not None:
                return strict, declared
        return data.decode("ascii"), declared if declared in ("utf-8", "cp949") else "utf-8"
    # UTF-8 first whatever the page says: legacy CP949 text is practically never valid UTF-8, and saved
    # copies often keep a stale euc-kr declaration.
    strict = _strict(data, "utf-8")
    if strict is not None:
        return strict, "utf-8"
    if declared and declared not in ("utf-8", "cp949") and declared not in _SINGLE_BYTE_WESTERN:
        strict = _strict(data, declared)
        if strict is not None:
            return strict, declared
    strict = _strict(data, "cp949")
    if strict is not None and (declared not in _SINGLE_BYTE_WESTERN or _mostly_hangul(strict)):
        return strict, "cp949"
    if strict is not None and declared:  # a real Western page that happens to be valid CP949
        return data.decode(declared, errors="replace"), declared
    # Nothing decodes cleanly: a few broken bytes in an otherwise good page, or a real other charset.
    best = min(("utf-8", "cp949"), key=lambda enc: _error_rate(data, enc))
    if declared in ("utf-8", "cp949") and _error_rate(data, declared) < 0.01:
        best = declared
    if _error_rate(data, best) < 0.01:
        return data.decode(best, errors="replace"), best
    if declared and declared in _SINGLE_BYTE_WESTERN:
        return data.decode(declared, errors="replace"), declared
    return _normalizer(data)


def _mostly_hangul(text: str) -> bool:
    sample = text[:100_000]
    wide = len(sample) - len(sample.encode("ascii", "ignore"))
    return len(_HANGUL.findall(sample)) * 2 >= wide


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _error_rate(data: bytes, enc: str) -> float:
    """Share of non-ASCII bytes that decode to U+FFFD under ``enc``."""
    sample = data[:400_000]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES)) or 1
    try:
        bad = sample.decode(enc, errors="replace").count("\ufffd")
    except LookupError:
        return 1.0
    return bad / high


def _normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("the input is not text in any encoding we recognise (binary data?)")
    enc = normalise_encoding(best.encoding)
    try:
        return data.decode(enc, errors="replace"), enc
    except LookupError:
        return data.decode("utf-8", errors="replace"), "utf-8"


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"the input is {what}, not a web page or text")
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        raise DecodeError(f"the input is {_RIFF_KINDS[data[8:12]]}, not a web page or text")
    head = data[:_SNIFF]
    if not head or _bomless_utf16(data) or b"\x1b$)C" in head:  # ISO-2022-KR shifts with SO/SI
        return
    ctrl = len(head) - len(head.translate(None, _CTRL_BYTES))
    if ctrl / len(head) > 0.02 or (ctrl > 8 and head.count(0) * 50 > len(head)):
        raise DecodeError(
            f"the input looks binary ({ctrl} control bytes in the first {len(head)}): not a web page or text"
        )


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes sit on every other byte (UTF-16 without a BOM)."""
    head = data[:4096]
    if len(head) < 16 or head.count(0) * 3 < len(head):
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def clean_text(text: str, *, suspects: tuple[bool, bool] | None = None) -> str:
    """Repair CP949 mojibake, drop control characters and ``&#1;``-style references, normalise odd spaces.

    Tabs and line breaks are kept; no-break and other typographic spaces become plain spaces.
    ``suspects`` is what :func:`_suspects` would say of ``text``, when the caller knows it already.
    """
    moji, dirty = suspects if suspects is not None else _suspects(text)
    if moji:
        text = repair_mojibake(text)
        dirty = _RAW_DIRT.search(text) is not None
    if "&#" in text:
        text = _CTRL_ENTITY.sub("", text)  # removes ASCII only: makes and takes no dirty character
    dirt = _RAW_DIRT.search(text) if dirty else None
    cut = dirt.start() if dirt else len(text)
    if "_x000" in text:
        cut = min(cut, text.index("_x000"))
    if cut == len(text):
        return text
    head, tail = text[:cut], text[cut:]  # nothing to clean before the first dirty character
    if "_x000" in tail:
        tail = _EXCEL_CR.sub("", tail)  # first: removing a control character must not make one
    tail = _CTRL_CHARS.sub("", tail)
    return head + _ODD_SPACES.sub(" ", tail)


def _suspects(text: str) -> tuple[bool, bool]:
    """(mojibake may be there, a dirty character is there), from one scan of the few characters either
    could start with: on a page there are only tens of them (``·``, ``’``, ``…``), not one per letter.

    The first is True as soon as a run of six Latin-1 letters (:data:`_MOJI_HINT`) is seen; the caller
    then repairs and looks for dirt again on the repaired text.
    """
    dirty = False
    for m in _SUSPECT.finditer(text):
        c = m.group()
        if c in _MOJI_SET and _MOJI_HINT.match(text, m.start()):
            return True, dirty
        if not dirty and _RAW_DIRT.match(c):
            dirty = True
    return False, dirty


def _utf8_suspects(data: bytes) -> tuple[bool, bool]:
    """:func:`_suspects` of ``data.decode("utf-8")`` (valid UTF-8), read off the bytes: faster than a regex
    scan of the text, since only the few lead bytes a suspect character can start with are looked at.

    (mojibake may be there, a dirty character is there); when the first is True the second is not used.
    """
    dirty = len(data.translate(None, _NOT_CTRL_BYTES)) > 0
    for lead in _SUSPECT_LEADS:
        i = data.find(lead)
        while i >= 0:
            # A lead byte starts a character; six suspects in a row fit in 18 bytes (a cut one is dropped).
            chunk = data[i : i + 18].decode("utf-8", errors="ignore")
            if not dirty and _RAW_DIRT.match(chunk):
                dirty = True
            if chunk[0] in _MOJI_SET and _MOJI_HINT.match(chunk):
                return True, dirty
            i = data.find(lead, i + 1)
    return False, dirty


def repair_mojibake(text: str) -> str:
    """Undo CP949 text that was read as Latin-1 (``¼­¿ï`` -> ``서울``), run by run.

    When the text is dominated by such runs every run is repaired; otherwise (a page with real Hangul and
    one garbled block) only runs that turn cleanly into Hangul words are. Bytes that the wrong decoding
    lost (soft hyphens, C1 controls stripped by a normaliser) stay lost: those syllables become U+FFFD.
    """
    if not _MOJI_HINT.search(text):
        return text
    if _mostly_mojibake(text[:200_000]):
        return _LATIN_RUN.sub(lambda m: _repair_run(m.group(0)), text)
    return _LATIN_RUN.sub(_repair_if_clean, text)


def _mostly_mojibake(sample: str) -> bool:
    runs = _LATIN_RUN.findall(sample)
    latin = sum(len(r) for r in runs)
    if latin < 8 or len(_HANGUL.findall(sample)) * 4 > latin:
        return False
    fixed = "".join(_repair_run(r) for r in runs)
    good = len(_HANGUL.findall(fixed))
    wide = sum(1 for ch in fixed if ord(ch) > 0x7F)
    return good >= 4 and good * 2 >= wide and fixed.count("\ufffd") * 5 <= wide


def _repair_if_clean(m: re.Match[str]) -> str:
    run = m.group(0)
    if sum(1 for ch in run if ord(ch) > 0x7F) < 6:
        return run
    fixed = _repair_run(run)
    good = len(_HANGUL.findall(fixed))
    wide = sum(1 for ch in fixed if ord(ch) > 0x7F)
    return fixed if "\ufffd" not in fixed and good >= 3 and good * 4 >= wide * 3 else run


def _repair_run(run: str) -> str:
    raw = b"".join(_CP1252_HIGH.get(ch) or bytes([ord(ch)]) for ch in run)
    return raw.decode("cp949", errors="replace")


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than a text dump."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    return bool(head.startswith("<") and _HTML_SNIFF.search(head)) or bool(
        _HTML_SNIFF.search(text[:2048]) and text.count("<") > 20
    )
