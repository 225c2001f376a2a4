#!/usr/bin/env bash
# The safety gate against real traps (issue 6), on loop devices and simdext:
#   the root filesystem's disk, a mounted partition, a partition path, two devices matching, a
#   symlink, a device that came back under a new number, a device whose serial changed.
# Every refusal must exit 2 with its reason and write nothing (the report directory must not exist);
# the admitted cases must be admitted. Needs root and loop devices: under CI=true their absence is a
# failure, elsewhere a skip (exit 77).
#   safety_matrix.sh DEXTQUAL [SIMDEXT]
set -uo pipefail
dextqual=${1:?usage: safety_matrix.sh DEXTQUAL [SIMDEXT]}
simdext=${2:-}

source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
command -v losetup >/dev/null || cannot_run "no losetup"
command -v sgdisk >/dev/null || cannot_run "no sgdisk"
[[ -e /dev/loop-control ]] || cannot_run "no loop devices"

work=$(mktemp -d /tmp/dextqual-safety.XXXXXX)
loops=()
sim_states=()
cleanup() {
  umount "$work/mnt" 2>/dev/null
  for state in "${sim_states[@]}"; do "$simdext" stop --state "$state" >/dev/null 2>&1; done
  for loop in "${loops[@]}"; do losetup -d "$loop" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
attach() {  # attach [-P] FILE -> sets LOOP (not in a subshell, so cleanup knows every loop)
  LOOP=$(losetup -f --show "$@") || cannot_run "losetup $* failed"
  loops+=("$LOOP")
}
image() { truncate -s 64M "$work/$1"; echo "$work/$1"; }

# refused NAME REASON-SUBSTRING ARGS...: `dextqual run ARGS` must exit 2, say REASON, write nothing.
refused() {
  local name=$1 reason=$2
  shift 2
  local report="$work/report-$name"
  local output
  output=$("$dextqual" run "$@" --report-dir "$report" --suites rawio --quick 2>&1)
  local rc=$?
  if [[ $rc -ne 2 || "$output" != *"$reason"* || -e "$report" ]]; then
    echo "FAIL $name: expected exit 2, '$reason', nothing written; got exit $rc, report dir $( [[ -e $report ]] && echo exists || echo absent): $output"
    failures=$((failures + 1))
  else
    echo "ok   $name: ${output##*refusing the device: }"
  fi
}
# admitted NAME ARGS...: `dextqual inspect ARGS` must admit.
admitted() {
  local name=$1
  shift
  local output
  output=$("$dextqual" inspect "$@" 2>&1)
  if [[ $? -ne 0 || "$output" != *"safety gate: admitted"* ]]; then
    echo "FAIL $name: expected admission; got: $output"
    failures=$((failures + 1))
  else
    echo "ok   $name: $(grep 'safety gate' <<<"$output")"
  fi
}

# 1. The root filesystem's disk, directly and through a symlink.
root_source=$(findmnt -no SOURCE / | head -1)
root_disk=/dev/$(lsblk -no PKNAME "$root_source" 2>/dev/null | head -1)
[[ "$root_disk" == "/dev/" ]] && root_disk=$root_source
if [[ -b "$root_disk" ]]; then
  refused root-disk "holds the running system" --device "$root_disk" --allow-data-loss anything
  ln -s "$root_disk" "$work/innocent-looking-link"
  refused symlink-to-root "holds the running system" --device "$work/innocent-looking-link" --allow-data-loss anything
else
  echo "note root-disk: / is not on a block device here ($root_source); trap not applicable"
fi

# 2. A disk with a mounted partition, and 3. a partition path.
mounted_img=$(image mounted.img)
sgdisk -o -n 1:0:0 "$mounted_img" >/dev/null || cannot_run "sgdisk failed"
attach -P "$mounted_img"; mounted=$LOOP
for _ in 1 2 3 4 5; do [[ -b "${mounted}p1" ]] && break; sleep 0.2; done
# Some kernels (containers) do not scan loop partitions by themselves: ask explicitly.
[[ -b "${mounted}p1" ]] || partx -a "$mounted" 2>/dev/null
for _ in 1 2 3 4 5; do [[ -b "${mounted}p1" ]] && break; sleep 0.2; done
[[ -b "${mounted}p1" ]] || cannot_run "no partition node ${mounted}p1"
mkfs.ext4 -q "${mounted}p1" && mkdir -p "$work/mnt" && mount "${mounted}p1" "$work/mnt" || cannot_run "mount failed"
refused mounted-partition "has a mounted volume" --device "$mounted" --allow-data-loss "loop:$mounted_img"
refused partition-path "is a partition of" --device "${mounted}p1" --allow-data-loss "loop:$mounted_img"

# 4. Two devices with the same identity (the same image attached twice).
twin_img=$(image twin.img)
attach "$twin_img"; twin1=$LOOP
attach "$twin_img"
refused two-matching "2 devices have this identity" --device "$twin1" --allow-data-loss "loop:$twin_img"

# 5. A good device, directly and through a symlink: admitted.
good_img=$(image good.img)
attach "$good_img"; good=$LOOP
admitted good-device --device "$good" --allow-data-loss "loop:$good_img"
ln -s "$good" "$work/dut-link"
admitted symlink-to-good --device "$work/dut-link" --allow-data-loss "loop:$good_img"
refused not-allowed "does not name" --device "$good" --allow-data-loss "SOMEONE-ELSES-SERIAL"

# 6. The device came back under a new number: its old path now holds another disk.
moving_img=$(image moving.img)
attach "$moving_img"; moving=$LOOP
losetup -d "$moving"
attach "$(image placeholder.img)"; placeholder=$LOOP  # takes the freed number
attach "$moving_img"; moved=$LOOP
if [[ "$placeholder" == "$moving" && "$moved" != "$moving" ]]; then
  refused old-number "that identity is now at $moved" --device "$moving" --allow-data-loss "loop:$moving_img"
  printf '[device]\nserial = "loop:%s"\n' "$moving_img" >"$work/station.toml"
  admitted found-by-identity --device-file "$work/station.toml" --allow-data-loss "loop:$moving_img"
else
  echo "note old-number: could not make the device move ($moving -> $moved)"
fi

# 7. The serial changed: same number, another disk behind it.
changing_img=$(image changing.img)
attach "$changing_img"; changing=$LOOP
losetup -d "$changing"
losetup "$changing" "$(image other.img)" && loops+=("$changing")
refused changed-serial "does not name" --device "$changing" --allow-data-loss "loop:$changing_img"

# 8. simdext: two simulated disks with the same serial (the same profile twice).
if [[ -n "$simdext" && -x "$simdext" && -c /dev/fuse ]]; then
  profile=$(dirname "$0")/../../fixtures/faults/clean.toml
  for n in 1 2; do
    state="$work/sim$n"
    if "$simdext" start --profile "$profile" --state "$state" >/dev/null 2>&1; then sim_states+=("$state"); fi
  done
  if [[ ${#sim_states[@]} -eq 2 ]]; then
    sim_node=$(sed -n 's/.*"block_device": *"\([^"]*\)".*/\1/p' "$work/sim1/simdext.json")
    refused simdext-twins "2 devices have this identity" --device "$sim_node" --allow-data-loss SIM0000000001
    "$simdext" stop --state "$work/sim2" >/dev/null 2>&1
    admitted simdext-single --device "$sim_node" --allow-data-loss SIM0000000001
  else
    echo "note simdext: could not start two simdext instances"
  fi
fi

echo "safety_matrix: $failures failures"
[[ $failures -eq 0 ]]
