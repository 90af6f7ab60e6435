#!/bin/sh
# run-fuzzer.sh FUZZER CORPUS_DIR SECONDS
# Runs a libFuzzer target for a bounded time on a scratch copy of its seed
# corpus. A crash fails the test and leaves the input in
# $MESON_BUILD_ROOT/fuzz-artifacts/ (or ./fuzz-artifacts) to add to the
# corpus as a regression test.
set -eu
fuzzer=$1 corpus=$2 seconds=$3
name=$(basename "$fuzzer")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
artifacts=${MESON_BUILD_ROOT:-$PWD}/fuzz-artifacts/$name
mkdir -p "$work/corpus" "$artifacts"
if [ -d "$corpus" ]; then
  cp -r "$corpus/." "$work/corpus/" 2>/dev/null || true
fi
echo "# $name: ${seconds}s over $(ls "$work/corpus" | wc -l) seed inputs"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" \
  "$work/corpus" 2>"$work/log" || { tail -50 "$work/log"; echo "FAIL: $name crashed; input in $artifacts"; exit 1; }
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|cov:' "$work/log" | tail -3
echo "ok: $name"
