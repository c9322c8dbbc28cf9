"""Coverage-guided fuzzing of every newsextract entry point with atheris (libFuzzer).

    python fuzz/fuzz_extract.py [libFuzzer flags] [CORPUS_DIR ...]

The first byte of each input picks the entry point and the shape (raw bytes, decoded text, the input
spliced into an invented news page, a soup, a batch item); the rest is the payload. Any exception other
than a ``NewsExtractError`` is a finding: libFuzzer stops and writes the input to ``crash-<sha1>``.
See fuzz/README.md for the long run and how to replay a finding.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import Any

from bs4 import BeautifulSoup

try:
    import atheris
except ImportError:  # one_input still runs without atheris (the tests replay the seeds through it)
    atheris = None

_INSTRUMENT = atheris is not None and __name__ == "__main__"

with atheris.instrument_imports(include=["newsextract"]) if _INSTRUMENT else contextlib.nullcontext():
    import newsextract
    from newsextract import Limits, NewsExtractError
    from newsextract.html.soup import soup_to_tree

TEMPLATE = (
    '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>가상일보 기사</title></head>'
    '<body><div id="article-view-content-div"><h1>시립도서관 야간 개방 확대</h1>'
    "<p>입력 2024.03.05 09:12 수정 2024.03.05 10:40</p>"
    "<p>(가상시=가상일보) 김하늘 기자 = 가상시는 도서관 개방 시간을 늘린다고 밝혔다.</p>"
    "<p>{}</p><p>김하늘 기자 sky@example.com</p></div>"
    "<div>저작권자 © 가상일보 무단전재 및 재배포 금지</div></body></html>"
)
LIMITS = Limits(max_bytes=2_000_000, max_elements=200_000)


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")  # lone surrogates on purpose


def one_input(data: bytes) -> Any:
    """Run one fuzz input; returns the result (or the NewsExtractError) so tests can call it too."""
    if not data:
        return None
    mode, payload = data[0] % 12, data[1:]
    try:
        if mode == 0:
            return newsextract.extract(payload, limits=LIMITS)
        if mode == 1:
            return newsextract.extract(_text(payload), limits=LIMITS)
        if mode == 2:
            return newsextract.extract_html(payload, limits=LIMITS)
        if mode == 3:
            return newsextract.extract_text(_text(payload), limits=LIMITS)
        if mode == 4:
            return newsextract.parse_byline(_text(payload))
        if mode == 5:
            return newsextract.parse_datetime(_text(payload))
        if mode == 6:
            return newsextract.extract(TEMPLATE.format(_text(payload)), limits=LIMITS)
        if mode == 7:
            return newsextract.extract(TEMPLATE.format(_text(payload)).encode("utf-8", "surrogatepass"))
        if mode == 8:
            return newsextract.extract_text(TEMPLATE.format(_text(payload)), limits=LIMITS)
        if mode == 9:
            soup = BeautifulSoup(payload.decode("utf-8", errors="replace"), "html.parser")
            return soup_to_tree(soup, limits=LIMITS) is not None and newsextract.extract(soup, limits=LIMITS)
        if mode == 10:
            half = len(payload) // 2
            return newsextract.extract(TEMPLATE.format("").encode()[: half * 4] + payload[half:], limits=LIMITS)
        return _batch(payload)
    except NewsExtractError as exc:
        return exc


_ARCHIVES = (".html", ".zip", ".tar", ".tar.gz", ".gz", ".jsonl", ".warc.gz", ".warc")
_BAD_RECORDS = ("InternalError", "RecursionError", "MemoryError")


def _batch(payload: bytes) -> Any:
    """A batch item in memory, or the payload saved as an archive of some kind and read back."""
    try:
        from newsextract.batch import Item, iter_sources, process_item
    except ImportError:
        return None
    if not payload or payload[0] % 2 == 0:
        records = [process_item(Item(source="fuzz.html", data=payload[1:]))]
    else:
        suffix = _ARCHIVES[(payload[0] >> 1) % len(_ARCHIVES)]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "fuzz" + suffix)
            with open(path, "wb") as fh:
                fh.write(payload[1:])
            records = [process_item(item) for item in iter_sources(path)]
    for record in records:
        if record.status == "error" and record.error_type in _BAD_RECORDS:
            raise AssertionError(f"batch item failed: {record.error_type}: {record.error_message}")
    return records


def main() -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
