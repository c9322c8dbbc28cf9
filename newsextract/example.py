"""``newsextract --example``: run on the sample page bundled with the package and show the result."""

from __future__ import annotations

from importlib import resources
from typing import TextIO

from .pipeline import extract

SAMPLE = "sample_ndsoft.txt"


def sample_bytes() -> bytes:
    """The bundled sample (an invented article laid out like a w3m dump of an NDSoft page)."""
    return resources.files("newsextract").joinpath("data").joinpath(SAMPLE).read_bytes()


def show_example(out: TextIO) -> int:
    """Print the sample's input and the clean record extracted from it."""
    data = sample_bytes()
    article = extract(data)
    out.write(f"== input: the bundled sample {SAMPLE} ({len(data)} bytes) ==\n")
    out.write(data.decode("utf-8"))
    out.write("\n== newsextract.extract(...) ==\n")
    out.write(article.to_json(indent=2) + "\n")
    return 0
