"""Caption text: split the credit ("(사진 대구시)", "/사진=연합뉴스", "[연합뉴스 자료사진]") from the caption."""

from __future__ import annotations

import regex

_CREDIT = regex.compile(
    r"\s*[(\[<]\s*(?:사진|자료사진|사진제공|제공)\s*[=:]?\s*(?P<credit>[^)\]>]{1,40})[)\]>]\s*$"
)


def split_credit(caption: str) -> tuple[str, str | None]:
    """The caption without its trailing credit, and the credit (or None)."""
    m = _CREDIT.search(caption)
    if not m:
        return caption.strip(), None
    return caption[: m.start()].strip(), m["credit"].strip()
