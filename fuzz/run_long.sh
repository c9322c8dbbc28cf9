#!/usr/bin/env bash
# A long fuzz run in ONE process at a time: restarts the fuzzer after each finding until the time is spent.
#   fuzz/run_long.sh SECONDS WORKDIR
# WORKDIR/corpus keeps the growing corpus (reused by later runs), WORKDIR/art the findings
# (crash-*, timeout-*, oom-*), WORKDIR/log.txt the fuzzer output; the total of inputs tried is printed.
set -uo pipefail
cd "$(dirname "$0")/.."
total="${1:-1800}"; work="${2:-${TMPDIR:-/tmp}/newsextract-fuzz}"
mkdir -p "$work/corpus" "$work/art"
[ -n "$(ls -A "$work/corpus")" ] || python fuzz/seeds.py "$work/corpus"
end=$(( $(date +%s) + total ))
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  python fuzz/fuzz_extract.py -max_total_time="$left" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$work/art/" -print_final_stats=1 "$work/corpus" >> "$work/log.txt" 2>&1
  n=$(grep -a 'stat::number_of_executed_units' "$work/log.txt" | tail -1 | awk '{print $2}')
  runs=$(( runs + ${n:-0} ))
  echo "segment ended: $n inputs (total $runs); findings: $(ls "$work/art" | wc -l)" | tee -a "$work/segments.txt"
done
echo "inputs tried: $runs; findings in $work/art: $(ls "$work/art" | wc -l)"
