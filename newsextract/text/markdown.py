"""html2text markdown back to plain lines: links to their text, images to their alt, escapes undone."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_IMAGE = regex.compile(
    r"!\[(?P<alt>[^\]\n]{0,300})\]\((?P<src>(?:\\.|[^()\\\s]|\([^()\s]{0,200}\))*)(?:\s+\"[^\"]{0,200}\")?\)"
)
_LINK = regex.compile(r"\[(?P<text>[^\[\]\n]{0,500})\]\((?:\\.|[^()\\\n]|\([^()\n]{0,200}\))*\)")
_EMPTY_LINK = regex.compile(r"\[\s{0,4}\]\((?:\\.|[^()\\\s])*\)")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1")
_EMPH = regex.compile(
    r"(?<![\w*_\\])(\*)(?=\S)([^*_\n]{1,300}?)(?<=\S)\*(?![\w*_])"
    r"|(?<![\w*_\\])(_)(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w*_])"
)
"""``*x*`` or ``_x_`` (an underscored caption may hold a "*": "_… *재판매 및 DB 금지_")."""
_MD_SIGNS = regex.compile(r"\]\((?:https?:|/|#|javascript)|^\s{0,4}[*+-]\s|^#{1,6}\s")


@dataclass(frozen=True, slots=True)
class MdLine:
    """One markdown line as plain text, with what the markup said about it."""

    text: str
    link_density: float = 0.0
    image_alt: str | None = None
    image_src: str | None = None
    image_only: bool = False


def looks_like_markdown(lines: list[str]) -> bool:
    """True when enough lines carry markdown links, bullets or headings (an html2text dump)."""
    hits = filled = 0
    for line in lines[:4000]:
        if line.strip():
            filled += 1
        if _MD_SIGNS.search(line):
            hits += 1
            if hits >= 8:
                return True
    return hits >= 3 and hits * 4 >= filled


def strip_markdown(line: str) -> MdLine:
    """The plain text of one markdown line."""
    alt: str | None = None
    src: str | None = None
    images = list(_IMAGE.finditer(line))
    if images:
        alt = images[0]["alt"].strip() or None
        src = images[0]["src"] or None
    text = _IMAGE.sub("", line)
    text = _EMPTY_LINK.sub("", text)
    linked = 0
    prev = None
    while prev != text:
        prev = text
        found = list(_LINK.finditer(text))
        linked += sum(len(m["text"].strip()) for m in found)
        text = _LINK.sub(lambda m: m["text"], text)
    text = _STRONG.sub(lambda m: m.group(2), text)
    text = _EMPH.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)
    text = _ESCAPE.sub(r"\1", text)
    plain = " ".join(text.split())
    density = min(1.0, linked / len(plain)) if plain else (1.0 if linked else 0.0)
    only = bool(images) and not regex.sub(r"[\s\[\]()*]", "", plain)
    return MdLine(text=plain, link_density=density, image_alt=alt, image_src=src, image_only=only)


def unwrap_strong_runs(lines: list[str]) -> list[str]:
    """Lines with ``**`` emphasis that spans several lines of one paragraph undone (html2text keeps a bold
    deck's line breaks: "**첫 줄" … "끝 줄**"); :func:`strip_markdown` sees one line at a time."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not out[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < len(out) and out[j + 1].strip():
            j += 1
        first, last = out[i].lstrip(), out[j].rstrip()
        if j > i and first.startswith("**") and last.endswith("**") and sum(out[k].count("**") for k in range(i, j + 1)) == 2:
            out[i] = out[i].replace("**", "", 1)
            out[j] = out[j][: out[j].rfind("**")] + out[j][out[j].rfind("**") + 2 :]
        i = j + 1
    return out

