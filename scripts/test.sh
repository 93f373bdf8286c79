#!/usr/bin/env bash
# Runs every test suite after a build: native (Release and ASan+UBSan) with
# CTest, then the package's Node tests and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== native tests (Release)"
ctest --test-dir build/native --output-on-failure -j"$jobs"
echo "== native tests (AddressSanitizer + UBSan)"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j"$jobs"

echo "== native fuzzing (libFuzzer, ASan + UBSan, 30 s from the committed corpus)"
fuzz_dir=$(mktemp -d)
cp tests/fuzz/corpus/* "$fuzz_dir"/
if ! build/fuzz/engine_fuzz -max_total_time=30 -rss_limit_mb=4096 "$fuzz_dir" > "$fuzz_dir/log" 2>&1; then
  tail -40 "$fuzz_dir/log"
  exit 1
fi
grep -E "^Done" "$fuzz_dir/log"
rm -rf "$fuzz_dir"

if [ -f scripts/test-js.sh ]; then
  echo "== package tests (Node and browser smoke test)"
  bash scripts/test-js.sh
fi
if [ -f scripts/test-e2e.sh ]; then
  echo "== playground tests (Chromium)"
  bash scripts/test-e2e.sh
fi
