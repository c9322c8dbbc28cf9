#!/usr/bin/env sh
# Clean a folder of saved pages (and text dumps) into JSON Lines with the command line.
#
#   sh examples/clean_folder.sh PAGES_DIR [OUT.jsonl]
#
# One line per page, in a stable order (the folder walked sorted by name):
#   {"source": "...", "status": "ok", "article": {...}}   or   {"source": "...", "status": "error", "error": {...}}
set -eu
pages="${1:?usage: sh examples/clean_folder.sh PAGES_DIR [OUT.jsonl]}"
out="${2:-articles.jsonl}"

# --jobs: worker processes (default: all CPUs); --timeout: seconds allowed per page;
# --dedupe flags exact copies; --resume completes an interrupted run instead of starting over.
newsextract batch "$pages" -o "$out" --jobs 2 --timeout 60 --dedupe

# The same into CSV (one row per page, the main fields and the text):
#   newsextract batch "$pages" -o articles.csv
# Zip, tar(.gz), WARC and JSON Lines inputs work the same way:
#   newsextract batch crawl.warc.gz pages.zip -o articles.jsonl
echo "wrote $out"
