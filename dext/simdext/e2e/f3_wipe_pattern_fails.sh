#!/usr/bin/env bash
# F3: a GPT can be written (small writes), but the diskutil wipe pattern (128 KiB zero writes over
# the first and last 2 MiB, then a flush) fails on its first write, and so does mkfs.
source "$(dirname "$0")/lib.sh"
start_simdext f3-wipe-fails.toml
sgdisk -o "$DEV" >/dev/null || fail "sgdisk -o (small writes) must work"
dd if=/dev/zero of="$DEV" bs=128k count=16 oflag=direct status=none 2>/dev/null && fail "wipe of the first 2 MiB worked"
note "128 KiB wipe writes fail"
mkfs.ext4 -q -F "$DEV" >/dev/null 2>&1 && fail "mkfs.ext4 worked"
pass "F3 reproduced: the wipe pattern and mkfs fail, small writes work"
