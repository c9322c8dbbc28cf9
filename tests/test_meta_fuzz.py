"""Property tests: metadata, script-data and decoding never fail on arbitrary values."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from newsextract.decode import decode_bytes
from newsextract.errors import DecodeError
from newsextract.html.embedded import embedded_blocks
from newsextract.html.meta import clean_title, loads_lenient, machine_time, page_hints, person_reporters

KEYS = st.sampled_from(
    [
        "og:title",
        "article:published_time",
        "og:regDate",
        "dable:author",
        "og:article:author",
        "keywords",
        "article:tag",
    ]
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None)
@given(metas=st.lists(st.tuples(KEYS, TEXT), max_size=6), ld=TEXT, title=TEXT)
def test_page_hints_never_raise(metas: list[tuple[str, str]], ld: str, title: str) -> None:
    head = "".join(f'<meta property="{k}" content="{html.escape(v)}">' for k, v in metas)
    markup = (
        f"<html><head><title>{html.escape(title)}</title>{head}"
        f'<script type="application/ld+json">{html.escape(ld, quote=False)}</script></head>'
        f"<body><script>Fusion.globalContent={html.escape(ld, quote=False)}</script></body></html>"
    )
    root = lxml_html.document_fromstring(markup)
    hints = page_hints(root, url=None, encoding=None)
    assert hints.title is None or hints.title.strip() == hints.title
    got = embedded_blocks(root)
    assert got is None or all(b.zone == "body" for b in got[0])


@settings(max_examples=200, deadline=None)
@given(value=TEXT)
def test_value_parsers_never_raise(value: str) -> None:
    when = machine_time(value)
    assert when is None or when.utcoffset() is not None
    assert isinstance(person_reporters(value), tuple)
    assert isinstance(clean_title(value), str)
    assert isinstance(loads_lenient(value), list)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_decode_raises_only_decode_error(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str) and enc
