#!/usr/bin/env bash
# F1: buffered writes of 128 MiB verify, 256 MiB come back corrupt after the flush; direct I/O
# (no flush, as fio direct=1) verifies at any size. Read-back bypasses the host cache (O_DIRECT).
source "$(dirname "$0")/lib.sh"
start_simdext f1-flush-lie-above-threshold.toml
head -c $((300 << 20)) /dev/urandom >"$STATE/data"

readback() {  # OFFSET_MIB SIZE_MIB -> compares with the data file
  cmp -s <(dd if="$DEV" bs=1M skip="$1" count="$2" iflag=direct status=none) <(head -c $(($2 << 20)) "$STATE/data")
}
dd if="$STATE/data" of="$DEV" bs=1M count=128 conv=fsync status=none || fail "buffered 128 MiB write"
readback 0 128 || fail "128 MiB buffered write did not verify (must: below the threshold)"
note "128 MiB buffered + fsync verifies"
dd if="$STATE/data" of="$DEV" bs=1M count=256 seek=256 conv=fsync status=none || fail "buffered 256 MiB write"
readback 256 256 && fail "256 MiB buffered write verified: the F1 fault did not show"
note "256 MiB buffered + fsync reads back corrupt"
dd if="$STATE/data" of="$DEV" bs=1M count=300 seek=600 oflag=direct status=none || fail "direct write"
readback 600 300 || fail "300 MiB direct write did not verify"
note "300 MiB direct I/O verifies"
pass "F1 reproduced: buffered I/O above the threshold corrupts, direct I/O verifies"
