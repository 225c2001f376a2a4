#!/usr/bin/env bash
# Surprise removal (detach) with a mounted file system and a writer in flight: the writer fails
# promptly, nothing hangs, the old node returns EIO; attach brings the device back (maybe as
# another /dev/loopN) and the data flushed before the detach is intact.
source "$(dirname "$0")/lib.sh"
start_simdext clean.toml
head -c $((4 << 20)) /dev/urandom >"$STATE/early"
dd if="$STATE/early" of="$DEV" bs=1M seek=1000 oflag=direct conv=fsync status=none || fail "early write"
mkfs.ext4 -q -F -b 4096 "$DEV" $((960 * 256))  # 960 MiB: the early data lies beyond it || fail "mkfs.ext4"
mount "$DEV" "$MNT" || fail "mount"
OLD=$DEV
(dd if=/dev/zero of="$MNT/big" bs=64k count=14000 oflag=direct status=none 2>/dev/null; echo $? >"$STATE/writer.rc") &
writer=$!
sleep 0.3
[[ -f "$STATE/writer.rc" ]] && fail "the writer ended before the detach"
begin=$(date +%s%N)
ctl detach
for _ in $(seq 200); do [[ -f "$STATE/writer.rc" ]] && break; sleep 0.1; done
[[ -f "$STATE/writer.rc" ]] || { kill -9 $writer; fail "writer still running 20 s after detach"; }
ms=$((($(date +%s%N) - begin) / 1000000))
[[ $(cat "$STATE/writer.rc") != 0 ]] || fail "writer succeeded across a surprise removal"
note "writer failed ${ms} ms after the detach"
timeout 10 dd if="$OLD" of=/dev/null bs=4k count=1 iflag=direct status=none 2>/dev/null &&
  [[ $(blockdev --getsize64 "$OLD" 2>/dev/null || echo 0) != 0 ]] && fail "old node still reads"
umount -l "$MNT"
ctl attach
[[ -b "$DEV" ]] || fail "no device after attach"
dd if="$DEV" bs=1M skip=1000 count=4 iflag=direct status=none | cmp -s - "$STATE/early" || fail "flushed data lost"
pass "detach failed in-flight I/O in ${ms} ms; attach restored the flushed data"
