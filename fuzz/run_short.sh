#!/usr/bin/env bash
# A short fuzz run (default 60 s) of every entry point; skips cleanly when atheris is not installed.
#   fuzz/run_short.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python -c "import atheris" 2>/dev/null; then
  echo "atheris is not installed (pip install atheris): fuzz run skipped"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python fuzz/seeds.py "$work/corpus"
python fuzz/fuzz_extract.py -max_total_time="${1:-60}" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus"
