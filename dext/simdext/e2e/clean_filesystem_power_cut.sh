#!/usr/bin/env bash
# clean.toml: partition, mkfs.ext4, mount, copy, fsync, power-cut, restart, verify. What was
# acknowledged and flushed survives (PERSISTENCE.md §3); a file never fsynced may be lost, but none
# of its blocks may come back as garbage.
source "$(dirname "$0")/lib.sh"
start_simdext clean.toml

wait_partition() {
  for _ in $(seq 100); do
    [[ -b "${DEV}p1" ]] && return 0
    # Some kernels here leave BLKRRPART without effect; partx adds the nodes with BLKPG.
    partx -a "$DEV" 2>/dev/null
    sleep 0.05
  done
  fail "no partition node ${DEV}p1"
}
sgdisk -o -n 1:2048:0 -t 1:8300 "$DEV" >/dev/null || fail "sgdisk"
wait_partition
mkfs.ext4 -q -F "${DEV}p1" || fail "mkfs.ext4"
mount "${DEV}p1" "$MNT" || fail "mount"
head -c $((24 << 20)) /dev/urandom >"$STATE/flushed.src"
cp "$STATE/flushed.src" "$MNT/flushed.bin" && sync "$MNT/flushed.bin" || fail "cp + fsync"
# Not fsynced: a recognisable pattern so that garbage can be told from lost data.
python3 -c "import sys; sys.stdout.buffer.write(b''.join(b'UNFLUSHED-%08d' % i + b'.' * 4077 for i in range(2048)))" \
  >"$MNT/unflushed.bin"
note "power-cut"
"$SIMDEXT" ctl --state "$STATE" power-cut >/dev/null || fail "power-cut"
umount -l "$MNT"
note "restart"
"$SIMDEXT" ctl --state "$STATE" restart >/dev/null || fail "restart"
DEV=$(device)
wait_partition
mount "${DEV}p1" "$MNT" || fail "mount after restart"
cmp -s "$STATE/flushed.src" "$MNT/flushed.bin" || fail "fsynced file differs after power cut"
if [[ -f "$MNT/unflushed.bin" ]]; then
  python3 - "$MNT/unflushed.bin" <<'PY' || fail "unflushed file holds garbage blocks"
import sys
data = open(sys.argv[1], "rb").read()
for i in range(0, len(data), 4096):
    block = data[i:i + 4096]
    want = b"UNFLUSHED-%08d" % (i // 4096) + b"." * 4077
    if block not in (want[:len(block)], b"\0" * len(block)):
        sys.exit("garbage block at offset %d" % i)
PY
fi
umount "$MNT"
fsck.ext4 -n -f "${DEV}p1" >/dev/null 2>&1 || fail "fsck after power cut and journal replay"
pass "fsynced data survived the power cut; unflushed data lost or intact, never garbage"
