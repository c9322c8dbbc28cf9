"""``newsextract --example``: run on the sample page bundled with the package and show the result at a glance."""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import TextIO

from .model import Article
from .pipeline import extract

SAMPLE = "sample_ndsoft.txt"
"""The text-dump sample: an invented article laid out like a w3m dump of an NDSoft page."""
SAMPLE_HTML = "sample_ndsoft.html"
"""The HTML sample: an invented article on a page shaped like an NDSoft CMS page."""

WIDTH = 88
_FIELD_LABELS = {
    "title": "title",
    "subtitle": "subtitle",
    "caption": "image caption",
    "byline": "byline",
    "info": "info line",
}


def _read(name: str) -> bytes | None:
    page = resources.files("newsextract").joinpath("data").joinpath(name)
    return page.read_bytes() if page.is_file() else None


def sample_bytes() -> bytes:
    """The bundled text-dump sample (an invented article laid out like a w3m dump of an NDSoft page)."""
    data = _read(SAMPLE)
    if data is None:  # pragma: no cover - the package always ships it
        raise FileNotFoundError(SAMPLE)
    return data


def sample_html_bytes() -> bytes | None:
    """The bundled HTML sample, or None in a build that does not carry it."""
    return _read(SAMPLE_HTML)


def show_example(out: TextIO) -> int:
    """Extract the bundled sample and print a compact summary a newcomer can read at a glance."""
    html = sample_html_bytes()
    name, data = (SAMPLE_HTML, html) if html is not None else (SAMPLE, sample_bytes())
    article = extract(data)
    style = _Style(_wants_colour(out))
    out.write("\n".join(summary_lines(article, name=name, size=len(data), style=style)) + "\n")
    return 0


def summary_lines(article: Article, *, name: str, size: int, style: _Style | None = None) -> list[str]:
    """The example's report as lines of plain text (``style`` adds bold and dim on a terminal)."""
    s = style or _Style(False)
    what = "a saved web page" if article.kind == "html" else "a text dump of a web page"
    lines = [
        s.bold("newsextract --example"),
        *_wrap(
            f"the bundled sample {name} ({size:,} bytes), {what} with an invented article.",
            head="Input: ",
            indent="  ",
        ),
        s.dim(f"Read as {article.kind}" + (f", {article.encoding}" if article.encoding else "") + "."),
        "",
        s.bold("Fields") + s.dim("  (Article attributes)"),
    ]
    for key, value in _fields(article):
        lines.extend(_wrap(value, head=f"  {key:<13}", indent=" " * 15))
    chars = sum(len(p) for p in article.paragraphs)
    lines += [
        "",
        s.bold("Clean text") + s.dim(f"  ({len(article.paragraphs)} paragraphs, {chars} characters)"),
    ]
    for i, para in enumerate(article.paragraphs, 1):
        lines.extend(_wrap(para, head=f"  {i:>2}  ", indent=" " * 6))
    lines += ["", *_removed(article, s), "", *_next_steps(s)]
    return lines


def _fields(a: Article) -> Iterator[tuple[str, str]]:
    yield "title", a.title or "—"
    yield "subtitle", a.subtitle or "—"
    yield "reporters", "; ".join(_reporter(r.name, r.role, r.email, r.location) for r in a.reporters) or "—"
    yield "published", _when(a.published)
    if a.approved:
        yield "approved", _when(a.approved)
    yield "modified", _when(a.modified)
    for im in a.images or ():
        shown = im.caption or im.alt or "(no caption)"
        yield "image", shown + (f"  · credit: {im.credit}" if im.credit else "")
    if a.comment_count is not None:
        yield "comments", str(a.comment_count)
    if a.outlet:
        yield "outlet", a.outlet
    if a.section:
        yield "section", a.section


def _reporter(name: str, role: str | None, email: str | None, location: str | None) -> str:
    out = name + (f" {role}" if role else "")
    if email:
        out += f" <{email}>"
    if location:
        out += f" ({location})"
    return out


def _when(t: datetime | None) -> str:
    return t.isoformat(sep=" ", timespec="minutes") if t else "—"


def _removed(a: Article, s: _Style) -> list[str]:
    by_label: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    example: dict[str, str] = {}
    for r in a.removed:
        label, sep, reason = r.reason.partition(": ")
        if not sep:
            label, reason = "furniture", r.reason
        by_label[label] += 1
        if label == "furniture":
            reasons[reason] += 1
            example.setdefault(reason, r.text)
    lines = [s.bold("Left out of the text") + s.dim(f"  ({len(a.removed)} blocks; Article.removed says why)")]
    if a.kind == "html":
        lines.append(s.dim("       (scripts, menus and widgets pruned from the markup before this are not counted)"))
    fields = [f"{_FIELD_LABELS.get(k, k)} {n}" for k, n in by_label.items() if k != "furniture"]
    if fields:
        n_fields = sum(n for k, n in by_label.items() if k != "furniture")
        lines.extend(
            _wrap("read into fields: " + ", ".join(fields), head=f"  {n_fields:>3}  ", indent=" " * 7)
        )
    if by_label["furniture"]:
        lines.append(f"  {by_label['furniture']:>3}  dropped as page furniture:")
        pad = max(_cells(r) for r in reasons)
        for reason, n in reasons.most_common():
            lines.append(
                f"       {reason}{' ' * (pad - _cells(reason))} {n:>3}  "
                + s.dim(f'e.g. "{_clip(example[reason], 26)}"')
            )
    return lines


def _next_steps(s: _Style) -> list[str]:
    return [
        s.bold("Next"),
        "  newsextract page.html ...       one JSON record per saved page or text dump",
        "  newsextract explain page.html   an HTML report: every block, kept or dropped, and why",
        "  Python: newsextract.extract(open('page.html', 'rb').read()).to_json()",
        "  Docs: docs/index.md (start), docs/fields.md (every field), docs/sites.md (sites)",
    ]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: Hangul and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, *, head: str, indent: str) -> list[str]:
    """Word-wrap ``text`` to WIDTH terminal columns, the first line after ``head``, the rest after ``indent``."""
    lines: list[str] = []
    current, room = head, WIDTH - _cells(head)
    first = True
    for word in text.split():
        need = _cells(word) + (0 if first else 1)
        if not first and need > room:
            lines.append(current)
            current, room, first = indent, WIDTH - _cells(indent), True
            need = _cells(word)
        current += word if first else " " + word
        room -= need
        first = False
    lines.append(current)
    return lines


def _wants_colour(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


@dataclass(frozen=True, slots=True)
class _Style:
    """Bold and dim on a colour terminal, nothing elsewhere."""

    on: bool

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.on else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.on else text
