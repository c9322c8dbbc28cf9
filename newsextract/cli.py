"""The ``newsextract`` command.

- ``newsextract FILE...`` prints one JSON record per file; ``newsextract --example`` runs on the bundled sample;
- ``newsextract batch INPUT... -o OUT.jsonl`` cleans folders and archives (:mod:`newsextract.batch.cli`);
- ``newsextract explain PAGE [-o report.html]`` shows why each block was kept or dropped (:mod:`newsextract.explain`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import NewsExtractError
from .pipeline import extract


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsextract`` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "batch":
        from .batch.cli import main as batch_main

        return batch_main(args_list[1:])
    if args_list and args_list[0] == "explain":
        from .explain import main as explain_main

        return explain_main(args_list[1:])
    ap = argparse.ArgumentParser(
        prog="newsextract",
        description="Extract clean articles from Korean news pages.",
        epilog="Subcommands: 'newsextract batch INPUT... -o OUT.jsonl' (folders, archives; see "
        "'newsextract batch -h') and 'newsextract explain PAGE [-o report.html]'.",
    )
    ap.add_argument("files", nargs="*", type=Path, help="saved HTML pages or text dumps")
    ap.add_argument("--example", action="store_true", help="run on the sample page bundled with the package")
    ap.add_argument("--indent", type=int, default=None)
    args = ap.parse_args(args_list)
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
