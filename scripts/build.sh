#!/usr/bin/env bash
# Incremental build: the native engine and tests, the sanitizer build, the
# WebAssembly package, and the playground when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DGRADLAB_SANITIZE=ON >/dev/null
cmake --build build/asan -j"$jobs"

# The MNIST digits the package loads on demand (wasm/data/, from the mnist devDependency).
node scripts/build-data.mjs

# Debian's emscripten needs its own copy of acorn on NODE_PATH for the link step.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DEigen3_DIR=/usr/share/eigen3/cmake >/dev/null
cmake --build build/wasm -j"$jobs"

if [ -f web/vite.config.js ]; then
  npx vite build web --logLevel warn
fi

# The libFuzzer target (clang, ASan + UBSan) for the short fuzzing run in the tests.
CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADLAB_FUZZ=ON >/dev/null
cmake --build build/fuzz -j"$jobs"
