#!/usr/bin/env bash
# The host-reboot path on a real block device (a loop device), end to end (issue 10 §4), with stand-ins
# for what would take this host down: the station's reboot hook writes a marker instead of rebooting,
# `systemctl` on PATH records its arguments, and the boot job goes into a temporary
# $DEXTQUAL_BOOT_UNIT_DIR. This script then plays the boot (`dextqual resume --at-boot`) and checks
# `dextqual wait` before and after. The real reboot runs in the QEMU guests of the next issue.
# Needs root and loop devices: under CI=true their absence is a failure, elsewhere a skip (exit 77).
#   reboot_e2e.sh DEXTQUAL
set -uo pipefail
dextqual=${1:?usage: reboot_e2e.sh DEXTQUAL}

source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
command -v losetup >/dev/null || cannot_run "no losetup"
[[ -e /dev/loop-control ]] || cannot_run "no loop devices"

work=$(mktemp -d /tmp/dextqual-reboot.XXXXXX)
loop=
placeholder=
cleanup() {
  [[ -n "$loop" ]] && losetup -d "$loop" 2>/dev/null
  [[ -n "$placeholder" ]] && losetup -d "$placeholder" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
contains() { grep -q -- "$2" "$1"; }

truncate -s 64M "$work/dut.img"
loop=$(losetup -f --show "$work/dut.img") || cannot_run "losetup failed"
mkdir -p "$work/bin" "$work/units"
printf '#!/bin/sh\necho "$*" >>"%s/systemctl.log"\n' "$work" >"$work/bin/systemctl"
chmod +x "$work/bin/systemctl"
export PATH="$work/bin:$PATH" DEXTQUAL_BOOT_UNIT_DIR="$work/units"
cat >"$work/station.toml" <<TOML
[device]
path = "$loop"

[hooks]
reboot = "touch $work/rebooted"
post_run = "touch $work/post-run"
TOML
state="$work/report/state"

# Job 1: the run ends with the host "rebooting".
"$dextqual" run --device-file "$work/station.toml" --allow-data-loss "loop:$work/dut.img" --suites persistence \
  --filter 'Reboot.*' --quick --report-dir "$work/report" >"$work/run.log" 2>&1
rc=$?
cat "$work/run.log"
check "run exits 4 (continues after the reboot), got $rc" test "$rc" -eq 4
check "the station's reboot hook ran" test -e "$work/rebooted"
unit=$(ls "$work"/units/dextqual-resume-*.service 2>/dev/null | head -1)
check "the boot job is armed" test -n "$unit"
check "the boot job resumes this state" contains "${unit:-/dev/null}" "resume --state $state --at-boot"
if command -v systemd-analyze >/dev/null; then
  check "systemd-analyze verify accepts the unit" systemd-analyze verify "${unit:-/dev/null}"
else
  echo "note no systemd-analyze here: the unit's syntax is checked by the unit tests only"
fi
check "systemctl enable was called" contains "$work/systemctl.log" "^enable dextqual-resume-"
check "the journal waits for the reboot" contains "$state/journal.jsonl" '"event":"reboot"'
check "reboot-request.json is kept for the boot" test -e "$state/reboot-request.json"
check "junit.xml says what the run waits for" contains "$work/report/junit.xml" 'name="run.waiting_for_reboot" value="the host reboot requested by Reboot.Phase1WriteAndFlush since'
check "report.html says it too" contains "$work/report/report.html" "the host reboot requested by Reboot.Phase1WriteAndFlush"

# Before the boot: wait times out naming the test, resume refuses (the host has not rebooted).
"$dextqual" wait --state "$state" --timeout 1 --poll 0.2 >"$work/wait1.log" 2>&1
rc=$?
cat "$work/wait1.log"
check "wait times out with 5, got $rc" test "$rc" -eq 5
check "wait names the test that asked" contains "$work/wait1.log" "waiting for the host reboot requested by Reboot.Phase1WriteAndFlush"
"$dextqual" resume --state "$state" >"$work/resume1.log" 2>&1
rc=$?
cat "$work/resume1.log"
check "resume before the reboot exits 4, got $rc" test "$rc" -eq 4
check "resume says the host has not rebooted" contains "$work/resume1.log" "has not rebooted"

# The boot: the DUT comes back under another number (its old one now holds another disk), then the
# armed job's command.
old_loop=$loop
losetup -d "$loop"
loop=
truncate -s 64M "$work/other.img"
placeholder=$(losetup -f --show "$work/other.img") || cannot_run "losetup failed"
loop=$(losetup -f --show "$work/dut.img") || cannot_run "losetup failed"
echo "note the DUT moved from $old_loop to $loop ($placeholder took its number)"
"$dextqual" resume --state "$state" --at-boot >"$work/boot.log" 2>&1
rc=$?
cat "$work/boot.log"
check "resume --at-boot exits 0, got $rc" test "$rc" -eq 0
check "the boot job is disarmed (file gone)" test ! -e "${unit:-/nonexistent}"
check "systemctl disable was called" contains "$work/systemctl.log" "^disable dextqual-resume-"
check "post_run ran" test -e "$work/post-run"
check "dut.json names the DUT's new node" contains "$state/dut.json" "\"$loop\""
phase2_verdict() {
  python3 -c 'import json,sys
for test in json.load(open(sys.argv[1]))["tests"]:
    if test["name"] == "Reboot.Phase2VerifyAfterRestart": print(test["verdict"])' "$work/report/summary.json"
}
verdict=$(phase2_verdict 2>&1)
check "phase 2 is PASS in summary.json, got '$verdict'" test "$verdict" = "PASS"

# Job 2: wait gives the run's code and summary.
"$dextqual" wait --state "$state" --timeout 10 >"$work/wait2.log" 2>&1
rc=$?
cat "$work/wait2.log"
check "wait exits 0 after the resumed run, got $rc" test "$rc" -eq 0
check "wait prints the summary" contains "$work/wait2.log" "2 passed, 0 failed"

echo "reboot_e2e: $failures failures"
[[ $failures -eq 0 ]]
