#!/usr/bin/env bash
# Runs a suite binary against a fresh loop device: with-loop-device.sh COMMAND [ARGS...]
# A sparse 512 MiB image, attached with partition scanning, described in a dut.json (kind linux-block,
# data loss allowed, quick when $DEXTQUAL_QUICK is set) in a private state directory. Whatever happens,
# volumes of the device are unmounted, the loop device detached and the directory removed.
# Needs root and loop devices; under CI=true their absence is a failure, elsewhere a skip (77).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
command -v losetup >/dev/null || cannot_run "no losetup"

state=$(mktemp -d /tmp/dextqual-loop.XXXXXX)
loop=""
cleanup() {
  if [[ -n "$loop" ]]; then
    # Volumes the suite left mounted (it should not) must not pin the device.
    grep -E "^${loop}(p[0-9]+)? " /proc/mounts | awk '{print $2}' | sort -r | while read -r dir; do
      umount "$dir" 2>/dev/null || umount -l "$dir"
    done
    losetup --detach "$loop"
  fi
  rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

truncate -s 512M "$state/disk.img"
loop=$(losetup --find --show --partscan "$state/disk.img") || cannot_run "losetup failed"
quick=false
[[ -n "${DEXTQUAL_QUICK:-}" ]] && quick=true
cat >"$state/dut.json" <<JSON
{"schema": "dextqual-dut/1", "kind": "linux-block", "raw_node": "$loop", "buffered_node": "$loop",
 "identity": {"serial": "loop-$(basename "$state")"}, "logical_block_size": 512,
 "capacity_blocks": $((512 * 1024 * 2)), "allow_data_loss": true, "quick": $quick,
 "state_dir": "$state"}
JSON
DEXTQUAL_DUT="$state/dut.json" "$@"
