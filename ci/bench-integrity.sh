#!/usr/bin/env bash
# The integrity engine's benchmark (issue 2 §3): writes and verifies 1 GiB on /dev/shm with the engine
# and, in the same run, with fio --verify=crc32c and --verify=sha256 (psync, bs=1M), then prints wall
# times and ratios, the 1 -> 2 thread verification scaling and memory.
#   ci/bench-integrity.sh [--json] [--repeat N] [--dir DIR] [--size-mib N]
# Every timing is the best of N runs (default 3): the machine is shared, and the minimum is the tool's
# own cost. --json prints one JSON object (for CI). Exit status: 0 when the data verified, whether or
# not the targets were met (a benchmark, not a test); non-zero when something failed to run.
set -euo pipefail
cd "$(dirname "$0")/.."

json=0
repeat=3
dir=/dev/shm
size_mib=1024
while [[ $# -gt 0 ]]; do
  case "$1" in
    --json) json=1 ;;
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
bench="$build_dir/suites/lib/integrity/integrity_bench"

# Wall time of one fio write + verify job on a fresh file, in seconds.
fio_seconds() {
  local verify=$1 file="$dir/dq-bench-fio-$$"
  rm -f "$file"
  local start end
  start=$(date +%s%N)
  fio --name="dq-$verify" --filename="$file" --rw=write --bs=1M --size="${size_mib}M" --ioengine=psync \
    --verify="$verify" --do_verify=1 --output=/dev/null
  end=$(date +%s%N)
  rm -f "$file"
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

best_of() {
  local verify=$1 best="" t
  for ((i = 0; i < repeat; i++)); do
    t=$(fio_seconds "$verify")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

crc32c=$(best_of crc32c)
sha256=$(best_of sha256)
args=(--dir "$dir" --size-mib "$size_mib" --repeat "$repeat" --fio-crc32c-s "$crc32c" --fio-sha256-s "$sha256")
[[ $json -eq 1 ]] && args+=(--json)
"$bench" "${args[@]}"
