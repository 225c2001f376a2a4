#!/usr/bin/env bash
# F4: data written (and even fsynced) reads back as zeros after eject and attach; data that was
# read back once before the eject survives.
source "$(dirname "$0")/lib.sh"
start_simdext f4-no-destage-at-teardown.toml
head -c $((8 << 20)) /dev/urandom >"$STATE/a"
head -c $((8 << 20)) /dev/urandom >"$STATE/b"
dd if="$STATE/a" of="$DEV" bs=1M oflag=direct conv=fsync status=none || fail "write A"
dd if="$STATE/b" of="$DEV" bs=1M seek=64 oflag=direct conv=fsync status=none || fail "write B"
dd if="$DEV" bs=1M skip=64 count=8 iflag=direct status=none | cmp -s - "$STATE/b" || fail "B before eject"
ctl eject
ctl attach
dd if="$DEV" bs=1M count=8 iflag=direct status=none | cmp -s - <(head -c $((8 << 20)) /dev/zero) ||
  fail "A did not read back as zeros after eject + attach"
note "A (never read) is all zeros after eject + attach"
dd if="$DEV" bs=1M skip=64 count=8 iflag=direct status=none | cmp -s - "$STATE/b" || fail "B (read once) was lost"
note "B (read back once before the eject) survived"
pass "F4 reproduced"
