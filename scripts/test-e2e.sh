#!/usr/bin/env bash
# Playground tests in Chromium (tests/e2e/playground*.test.js), one file at a
# time: each starts scripts/serve.mjs on a free port over web/dist.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web/dist/index.html ]; then
  npx vite build web --logLevel warn
fi
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/playground*.test.js
