#!/usr/bin/env bash
# The integrity engine's benchmark (issue 2 §3): writes and verifies 1 GiB on /dev/shm with the engine
# and, in the same run and interleaved with it, with fio --verify=crc32c and --verify=sha256 (psync,
# bs=1M), then prints wall times and ratios, the 1 -> 2 thread verification scaling and memory.
#   ci/bench-integrity.sh [--json] [--repeat N] [--dir DIR] [--size-mib N]
# Every timing is the best of N runs (default 3): the machine may be shared, and the minimum is each
# tool's own cost. --json prints one JSON object (for CI). Exit status 0 when the data verified, whether
# or not the targets were met (a benchmark, not a test); non-zero when something failed to run.
# Builds integrity_bench in build/ (or $DEXTQUAL_BUILD_DIR), configuring it if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

json=()
repeat=3
dir=/dev/shm
size_mib=1024
while [[ $# -gt 0 ]]; do
  case "$1" in
    --json) json=(--json) ;;
    --repeat) repeat=$2; shift ;;
    --dir) dir=$2; shift ;;
    --size-mib) size_mib=$2; shift ;;
    *) echo "usage: $0 [--json] [--repeat N] [--dir DIR] [--size-mib N]" >&2; exit 2 ;;
  esac
  shift
done

command -v fio >/dev/null || { echo "fio not found on PATH (ci/install-deps.sh installs it)" >&2; exit 2; }

build_dir=${DEXTQUAL_BUILD_DIR:-build}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" --target integrity_bench >/dev/null
exec "$build_dir/suites/lib/integrity/integrity_bench" --fio --repeat "$repeat" --dir "$dir" --size-mib "$size_mib" \
  "${json[@]}"
