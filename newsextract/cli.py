"""The ``newsextract`` command: ``newsextract FILE...`` prints one JSON record per file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import NewsExtractError
from .pipeline import extract


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsextract`` command."""
    ap = argparse.ArgumentParser(
        prog="newsextract", description="Extract clean articles from Korean news pages."
    )
    ap.add_argument("files", nargs="*", type=Path, help="saved HTML pages or text dumps")
    ap.add_argument("--example", action="store_true", help="run on the sample page bundled with the package")
    ap.add_argument("--indent", type=int, default=None)
    args = ap.parse_args(argv)
    if args.example:
        from .example import show_example

        return show_example(sys.stdout)
    if not args.files:
        ap.print_help()
        return 2
    status = 0
    for path in args.files:
        try:
            article = extract(path)
        except NewsExtractError as exc:
            print(f"newsextract: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        sys.stdout.write(article.to_json(indent=args.indent) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
