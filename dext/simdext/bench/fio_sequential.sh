#!/usr/bin/env bash
# Sequential 1 MiB O_DIRECT throughput of the simdext block device (clean profile), with fio:
#   dext/simdext/bench/fio_sequential.sh [SIMDEXT_BINARY]
# Prints write (first touch of fresh media), rewrite and read figures in MB/s (10^6 B/s).
# Needs root, /dev/fuse, loop devices and fio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
simdext=${1:-$root/build/dext/simdext/simdext}
state=$(mktemp -d /tmp/simdext-bench.XXXXXX)
trap '"$simdext" stop --state "$state" >/dev/null 2>&1; rm -rf "$state"' EXIT
"$simdext" start --profile "$root/fixtures/faults/clean.toml" --state "$state" >/dev/null
dev=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['block_device'])" "$state/simdext.json")
run() {  # NAME RW
  fio --name="$1" --filename="$dev" --rw="$2" --bs=1M --direct=1 --ioengine=libaio --iodepth=16 \
      --size=1G --output-format=json |
    python3 -c "import json,sys; j=json.load(sys.stdin)['jobs'][0]; d=j['write' if '$2'=='write' else 'read']; print('%-8s %6.0f MB/s' % ('$1', d['bw_bytes']/1e6))"
}
run write write
run rewrite write
run read read
