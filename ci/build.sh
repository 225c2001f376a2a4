#!/usr/bin/env bash
# Configures and builds one configuration: build/ (default) or build-sanitize/ (--sanitize:
# AddressSanitizer + UndefinedBehaviorSanitizer). Warnings are errors under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compile time is CI's largest cost on 2 cores, and debug info is most of it for this template-heavy
# code (Asio, nlohmann-json, GoogleTest): the main build has none (-O2 keeps GCC's flow-analysis
# warnings live for -Werror), the sanitizer build keeps line tables (-g1) so reports name lines.
# Both are unity builds (CMake batches of 8 sources per compiler run): the same headers (GoogleTest,
# nlohmann-json, toml++, Asio) are parsed once per batch instead of once per file. It also keeps
# the sources honest: two files of one target cannot both define the same helper.
build_dir=build
unity=(-DCMAKE_UNITY_BUILD=ON)
extra=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" "${unity[@]}")
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-sanitize
  extra=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -g1 -DNDEBUG"
         -DDEXTQUAL_SANITIZE=ON -DDEXTQUAL_BENCHMARKS=OFF "${unity[@]}")
fi
werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON

cmake -S . -B "$build_dir" -G Ninja -DDEXTQUAL_WERROR="$werror" "${extra[@]}" >/dev/null
target=()
# The sanitizer configuration runs only the unit tests: build only what they need (cmake/UnitTestTargets.cmake).
[[ "${1:-}" == "--sanitize" ]] && target=(--target unit_tests)
cmake --build "$build_dir" --parallel "$(nproc)" "${target[@]}"
echo "$build_dir"
