#!/usr/bin/env bash
# Configures and builds one configuration: build/ (default) or build-sanitize/ (--sanitize:
# AddressSanitizer + UndefinedBehaviorSanitizer). Warnings are errors under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
extra=()
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-sanitize
  extra+=(-DDEXTQUAL_SANITIZE=ON -DDEXTQUAL_BENCHMARKS=OFF)
fi
werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDEXTQUAL_WERROR="$werror" "${extra[@]}" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
echo "$build_dir"
