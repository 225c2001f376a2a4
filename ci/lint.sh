#!/usr/bin/env bash
# Checks formatting (clang-format) and, with --tidy, runs clang-tidy over the project's sources.
#   ci/lint.sh          clang-format --dry-run --Werror on every tracked .cpp/.h (seconds; CI runs it)
#   ci/lint.sh --tidy   also clang-tidy (configures build-tidy/ for a per-file compile_commands.json:
#                       build/ is a unity build under ci/build.sh, whose database lists the batches)
# clang-tidy must be 16 or newer: libstdc++ 12's <expected> needs C++20 concepts that clang 14
# does not have, so Debian's default clang-tidy 14 cannot parse this code base. On Debian 12:
# `apt-get install clang-tidy-19`. A full clang-tidy pass takes ~20 min on 2 cores, so CI does not.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
clang-format --dry-run --Werror "${sources[@]}"
echo "lint: clang-format: ${#sources[@]} files conform"
[[ "${1:-}" == "--tidy" ]] || exit 0

tidy=""
for candidate in clang-tidy-19 clang-tidy-18 clang-tidy-17 clang-tidy-16; do
  if command -v "$candidate" >/dev/null; then tidy=$candidate; break; fi
done
if [[ -z "$tidy" ]]; then
  echo "lint: no clang-tidy >= 16 found (apt-get install clang-tidy-19)" >&2
  exit 2
fi
mapfile -t units < <(git ls-files '*.cpp')
cmake -S . -B build-tidy -G Ninja -DCMAKE_UNITY_BUILD=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -n 8 "$tidy" -p build-tidy --quiet
