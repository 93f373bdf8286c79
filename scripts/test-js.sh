#!/usr/bin/env bash
# The npm package's tests: Node tests of the API (tests/js, one file at a
# time; --expose-gc lets the FinalizationRegistry test force collections),
# then the browser smoke tests in Chromium (the package, and Python mode in a
# module worker). Needs a prior build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f wasm/dist/gradlab.js ] || [ ! -f wasm/dist/gradlab.wasm ]; then
  echo "wasm/dist is missing: run 'npm run build' first" >&2
  exit 1
fi

node --expose-gc --test --test-concurrency=1 tests/js/
node --test --test-concurrency=1 tests/e2e/package-smoke.test.js tests/e2e/python-smoke.test.js
