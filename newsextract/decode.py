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
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
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
_MAGIC_STARTS = tuple(magic for magic, _ in _MAGIC)
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
_NOT_CTRL_BYTES = bytes(b for b in range(256) if not ((b < 0x20 and b not in (9, 10, 13)) or b == 0x7F))
"""Every byte but the ASCII controls :data:`_RAW_DIRT` matches (all but tab, LF, CR; DEL)."""
_MOJI_UTF8 = frozenset(ch.encode() for ch in _MOJI_SET)
""":data:`_MOJI_SET` in UTF-8 (two or three bytes a character)."""
_WIDE_DIRT_UTF8 = {ch.encode(): b"" if ch in "\u200b\ufeff" or ch < "\xa0" else b" " for ch in _RAW_DIRT_WIDE}
""":data:`_RAW_DIRT_WIDE` in UTF-8, each with what cleaning makes of it: C1 controls, the zero-width space
and the BOM are removed; the other odd spaces become a space."""
_WIDE_DIRT_LEADS = tuple(sorted({(char[:1], len(char)) for char in _WIDE_DIRT_UTF8}))
"""(lead byte, length) of the characters in :data:`_WIDE_DIRT_UTF8`."""
_MOJI_LEADS = tuple(sorted({(char[:1], len(char)) for char in _MOJI_UTF8}))
"""(lead byte, length) of the characters in :data:`_MOJI_UTF8`."""
_MOJI_LEAD_BYTES = frozenset(lead for lead, _ in _MOJI_LEADS)
_SKETCH_KEEP = bytes(range(0xC0, 0x100)) + b"&#_x0dD" + bytes(b for b in range(256) if b not in _NOT_CTRL_BYTES)
"""The bytes :func:`_sketch` keeps: the lead byte of every non-ASCII character, those of ``&#`` and
``_x000D_``, the ASCII controls."""
_SKETCH_DROP = bytes(b for b in range(256) if b not in _SKETCH_KEEP)


def _sketch_mark(byte: int) -> int:
    """What :func:`_sketch` makes of a byte it keeps: ``M`` for the lead byte of a :data:`_MOJI_UTF8`
    character, ``.`` for that of another non-ASCII one, ``\\x01`` for an ASCII control, else the byte."""
    if bytes([byte]) in _MOJI_LEAD_BYTES:
        return ord("M")
    if byte >= 0xC0:
        return ord(".")
    return byte if byte in _NOT_CTRL_BYTES else 1


_SKETCH_MARKS = bytes(map(_sketch_mark, range(256)))


def _sketch(data: bytes) -> bytes:
    """``data`` cut down to what the clean-up looks for, in order: ``&#``, ``_x000D_``, controls (``\\x01``),
    and where each non-ASCII character starts (``M`` for a mojibake one, else ``.``). A few kilobytes where
    the page is a hundred, in one pass of ``translate`` (about what a search for ``_x000D_`` alone costs).

    What is made of these bytes only (``&#``, ``_x000D_``, a control, six mojibake characters in a row:
    ``MMMMMM``) is in the sketch wherever it is in ``data``: its absence there rules it out at once.
    """
    return data.translate(_SKETCH_MARKS, _SKETCH_DROP)


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
    if data.startswith(_BOM_STARTS):
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
            sketch = _sketch(data)
            if _utf8_mojibake(data, sketch):  # repaired on the text
                return Decoded(clean_text(strict, suspects=(True, True)), "utf-8")
            return _clean_utf8_page(data, strict, sketch)
    text, enc = _decode(data, declared_encoding(data))
    cleaned = clean_text(text)
    if cleaned is text and enc in ("utf-8", "cp949") and data.isascii():
        return Decoded(text, enc, data)  # plain ASCII is UTF-8 as it stands
    return Decoded(cleaned, enc)


def _clean_utf8_page(data: bytes, text: str, sketch: bytes) -> Decoded:
    """Valid UTF-8 without mojibake (``text`` decoded, ``sketch`` its :func:`_sketch`), cleaned on the bytes,
    which the parser then reads as they are."""
    if _needs_ascii_cleaning(data, sketch):  # rare: the text is decoded again from the cleaned bytes
        raw = clean_utf8(data, sketch=sketch)
        return Decoded(text if raw is data else raw.decode("utf-8"), "utf-8", raw)
    found = _wide_dirt(data)
    if not found:
        return Decoded(text, "utf-8", data)
    for char in {char for _, char in found}:  # the text cleaned as the bytes are: no decoding again
        text = _replace_char(text, char.decode("utf-8"), _WIDE_DIRT_UTF8[char].decode("ascii"))
    return Decoded(text, "utf-8", _replace_wide_dirt(data, found))


def _replace_char(text: str, old: str, new: str) -> str:
    """``text.replace(old, new)`` for one character ``old``: ``replace`` is quick when ``new`` is one
    character too, but to remove one it counts first, character by character (0.3 ms on a large page)."""
    if new:
        return text.replace(old, new)
    pieces = []
    start = 0
    i = text.find(old)
    while i >= 0:
        pieces.append(text[start:i])
        start = i + 1
        i = text.find(old, start)
    pieces.append(text[start:])
    return "".join(pieces)


def clean_utf8(data: bytes, *, sketch: bytes | None = None) -> bytes:
    """:func:`clean_text` on valid UTF-8 without mojibake, done on the bytes (``data`` itself when clean).

    ``sketch`` is :func:`_sketch` of ``data`` when the caller has it. Each step removes or replaces whole
    characters, so the result stays valid UTF-8, and runs in the order :func:`clean_text` uses, so both give
    the same text.
    """
    if sketch is None:
        sketch = _sketch(data)
    if b"&#" in sketch and _has_ctrl_entity(data):
        data = _CTRL_ENTITY_BYTES.sub(b"", data)
        sketch = _sketch(data)  # "_x0&#1;00D_" leaves an Excel escape
    if _EXCEL_CR_BYTES.search(sketch):
        data = _EXCEL_CR_BYTES.sub(b"", data)  # removes printable ASCII: the sketch still holds the controls
    if b"\x01" in sketch:
        data = data.replace(b"\x0c", b" ").translate(None, _DIRT_ASCII)  # a form feed is an odd space
    return _replace_wide_dirt(data, _wide_dirt(data))


def _needs_ascii_cleaning(data: bytes, sketch: bytes) -> bool:
    """True when :func:`clean_utf8` has ASCII to remove: controls, ``&#1;``-style references, ``_x000D_``."""
    return (
        b"\x01" in sketch
        or bool(_EXCEL_CR_BYTES.search(sketch))
        or (b"&#" in sketch and _has_ctrl_entity(data))
    )


def _has_ctrl_entity(data: bytes) -> bool:
    """True when ``data`` holds a ``&#1;``-style reference to a control character."""
    i = data.find(b"#", 1)
    while i >= 0:  # pages hold tens of "&#39;"-like references: test each where it starts
        if data[i - 1] == 0x26 and _CTRL_ENTITY_BYTES.match(data, i - 1):  # "&"
            return True
        i = data.find(b"#", i + 1)  # a one-byte find (memchr) runs far faster than one for b"&#"
    return False


def _wide_dirt(data: bytes) -> list[tuple[int, bytes]]:
    """Where the characters of :data:`_WIDE_DIRT_UTF8` are in ``data`` (valid UTF-8), in order.

    Found by lead byte: a one-byte find skips through the page far faster than a regex scan.
    """
    found: list[tuple[int, bytes]] = []
    for lead, size in _WIDE_DIRT_LEADS:
        i = data.find(lead)
        while i >= 0:
            char = data[i : i + size]
            if char in _WIDE_DIRT_UTF8:
                found.append((i, char))
            i = data.find(lead, i + size)
    found.sort()
    return found


def _replace_wide_dirt(data: bytes, found: list[tuple[int, bytes]]) -> bytes:
    """``data`` with the characters :func:`_wide_dirt` ``found`` there removed or made a space."""
    if not found:
        return data
    pieces: list[bytes] = []
    end = 0
    for i, char in found:
        pieces += (data[end:i], _WIDE_DIRT_UTF8[char])
        end = i + len(char)
    pieces.append(data[end:])
    return b"".join(pieces)


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
    if data.startswith(_MAGIC_STARTS):
        what = next(what for magic, what in _MAGIC if data.startswith(magic))
        raise DecodeError(f"the input is {what}, not a web page or text")
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        raise DecodeError(f"the input is {_RIFF_KINDS[data[8:12]]}, not a web page or text")
    head = data[:_SNIFF]
    ctrl = len(head) - len(head.translate(None, _CTRL_BYTES))
    if not ctrl or _bomless_utf16(data) or b"\x1b$)C" in head:  # ISO-2022-KR shifts with SO/SI
        return
    if ctrl / len(head) > 0.02 or (ctrl > 8 and head.count(0) * 50 > len(head)):
        raise DecodeError(
            f"the input looks binary ({ctrl} control bytes in the first {len(head)}): not a web page or text"
        )


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes sit on every other byte (UTF-16 without a BOM)."""
    head = data[:4096]
    if len(head) < 16 or b"\x00" not in head or head.count(0) * 3 < len(head):
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


def _utf8_mojibake(data: bytes, sketch: bytes | None = None) -> bool:
    """True when :data:`_MOJI_HINT` would match ``data`` (valid UTF-8) decoded: six characters of
    :data:`_MOJI_UTF8` in a row. Looked for only when its :func:`_sketch` shows six of their lead bytes in
    a row (seldom: other characters' lead bytes stand between), then at those lead bytes."""
    if sketch is None:
        sketch = _sketch(data)
    if b"MMMMMM" not in sketch:
        return False
    for lead, size in _MOJI_LEADS:
        i = data.find(lead)
        while i >= 0:
            j = i + size
            # most of these characters ("·", "…", "’") stand alone: the next byte is no lead of another
            if data[j : j + 1] in _MOJI_LEAD_BYTES and data[i:j] in _MOJI_UTF8 and _moji_run(data, j):
                return True
            i = data.find(lead, j)
    return False


def _moji_run(data: bytes, i: int) -> bool:
    """True when five characters of :data:`_MOJI_UTF8` follow one another from byte ``i``: with the one
    before them, the six in a row of :data:`_MOJI_HINT`."""
    for _ in range(5):
        if data[i : i + 2] in _MOJI_UTF8:  # a three-byte character never starts with a two-byte one
            i += 2
        elif data[i : i + 3] in _MOJI_UTF8:
            i += 3
        else:
            return False
    return True


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
