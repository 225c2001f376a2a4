#!/usr/bin/env bash
# Checks formatting (clang-format) and runs clang-tidy over the project's sources.
# Needs a configured build/ for compile_commands.json (ci/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
clang-format --dry-run --Werror "${sources[@]}"
mapfile -t units < <(git ls-files '*.cpp')
clang-tidy -p build --quiet "${units[@]}"
