#!/usr/bin/env bash
# The station file end to end on a loop device (issue 10 §3, §4), read from the default location
# ($DEXTQUAL_STATION standing in for /etc/dextqual/station.toml):
#   1. a power_cycle hook that exits 3: PowerCut ERROR "station hook power_cycle failed: exit status 3",
#      the hook's output in the test's log; pre_run ran; post_run's failure is a run property; the
#      station's name and [report] properties are in junit.xml; exit 1.
#   2. a power_cycle hook that takes the disk away and exits 3: DEVICE-LOST with that reason, the
#      rest not run, within a bounded time; one that exits 0 but the disk never comes back: the same
#      after the attach budget.
#   3. a misspelt key: exit 2 naming the key and the file, nothing written.
#   4. a failing pre_run: exit 3, every test not run, reports written, post_run still run.
#   5. [dext] bundle_id whose DEXT waits for the user (replayed listing), and the same on Linux without
#      the replay: exit 2 with the state or "macOS-only", nothing written, no hook run.
# Needs root and loop devices: under CI=true their absence is a failure, elsewhere a skip (exit 77).
#   station_e2e.sh DEXTQUAL
set -uo pipefail
dextqual=${1:?usage: station_e2e.sh DEXTQUAL}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
command -v losetup >/dev/null || cannot_run "no losetup"
[[ -e /dev/loop-control ]] || cannot_run "no loop devices"

work=$(mktemp -d /tmp/dextqual-station.XXXXXX)
loops=()
cleanup() {
  for loop in "${loops[@]}"; do losetup -d "$loop" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() {  # check NAME CONDITION-STATUS DETAIL
  if [[ $2 -eq 0 ]]; then echo "ok   $1"; else echo "FAIL $1: $3"; failures=$((failures + 1)); fi
}
attach() {  # attach IMAGE -> LOOP
  truncate -s 256M "$1"
  LOOP=$(losetup -f --show "$1") || cannot_run "losetup failed"
  loops+=("$LOOP")
}
summary_field() {  # summary_field REPORT TEST FIELD
  python3 -c "import json; t=[x for x in json.load(open('$1/summary.json'))['tests'] if x['name']=='$2']; print(t[0]['$3'] if t else 'missing')"
}
power_cut=PowerCut.MustSurviveWritesSurviveAndTheRestIsOldOrNew

# 1. A failing hook is an ERROR of the test that called it.
attach "$work/disk1.img"
loop1=$LOOP
cat >"$work/station.toml" <<TOML
[station]
name = "e2e-station"
[device]
path = "$LOOP"
allow_data_loss = "loop:$work/disk1.img"
[hooks]
pre_run = "echo pre_run ran > '$work/pre_run.marker'"
post_run = "echo collecting; exit 4"
[hooks.power_cycle]
command = "echo cutting outlet 7; echo relay does not answer >&2; exit 3"
timeout_s = 30
[report]
properties = { lab = "e2e-lab" }
[run]
suites = ["persistence"]
filter = "$power_cut"
quick = true
TOML
report="$work/report1"
DEXTQUAL_STATION="$work/station.toml" "$dextqual" run --report-dir "$report" >"$work/console1" 2>&1
rc=$?
cat "$work/console1"
check "exit 1" $([[ $rc -eq 1 ]]; echo $?) "exit $rc"
verdict=$(summary_field "$report" $power_cut verdict)
message=$(summary_field "$report" $power_cut message)
check "power cut ERROR" $([[ $verdict == ERROR ]]; echo $?) "verdict $verdict: $message"
check "message has the exit status" $([[ $message == *"station hook power_cycle failed: exit status 3"* ]]; echo $?) "$message"
log="$report/logs/persistence/$power_cut.log"
check "hook output in the test's log" $(grep -q "cutting outlet 7" "$log" && grep -q "relay does not answer" "$log" &&
  grep -q "exit status 3" "$log"; echo $?) "$(cat "$log" 2>&1 | tail -5)"
check "pre_run ran" $([[ -f "$work/pre_run.marker" ]]; echo $?) "no marker"
check "post_run log" $(grep -q collecting "$report/logs/station/post_run.log"; echo $?) "no logs/station/post_run.log"
check "post_run failure in junit.xml" $(grep -q 'name="run.station.post_run" value="station hook post_run failed: exit status 4' "$report/junit.xml"; echo $?) "$(grep -o '<property name="run[^>]*>' "$report/junit.xml" | sort -u)"
check "station properties in junit.xml" $(grep -q 'name="run.lab" value="e2e-lab"' "$report/junit.xml" &&
  grep -q 'name="run.station" value="e2e-station"' "$report/junit.xml"; echo $?) "no run.lab/run.station"
check "station properties in summary.json" $(python3 -c "import json,sys; p=json.load(open('$report/summary.json'))['run']['properties']; sys.exit(0 if p.get('lab')=='e2e-lab' and p.get('station.post_run','').startswith('station hook post_run failed') else 1)"; echo $?) "run.properties"

# 2. The hook fails and the disk is gone: DEVICE-LOST with the hook's reason, nothing hangs.
attach "$work/disk2.img"
cat >"$work/station2.toml" <<TOML
[device]
path = "$LOOP"
allow_data_loss = "loop:$work/disk2.img"
[hooks.power_cycle]
command = "losetup -d $LOOP; echo outlet stayed off; exit 3"
timeout_s = 30
TOML
report="$work/report2"
started=$SECONDS
"$dextqual" run --device-file "$work/station2.toml" --suites persistence --quick --timeout-per-test 120 \
  --filter "PowerCut.*" --report-dir "$report" >"$work/console2" 2>&1
rc=$?
cat "$work/console2"
check "exit 1 (device lost)" $([[ $rc -eq 1 ]]; echo $?) "exit $rc"
verdict=$(summary_field "$report" $power_cut verdict)
message=$(summary_field "$report" $power_cut message)
check "DEVICE-LOST with the hook's reason" $([[ $verdict == DEVICE-LOST && $message == *"exit status 3"* ]]; echo $?) "$verdict: $message"
next=$(summary_field "$report" PowerCut.FlushOfA256MiBDirtySetIsHonoured message)
check "the rest not run" $([[ $next == "not run: device lost in"* ]]; echo $?) "$next"
check "bounded" $([[ $((SECONDS - started)) -lt 100 ]]; echo $?) "$((SECONDS - started)) s"

# 2b. The hook succeeds but the DUT does not come back: DEVICE-LOST after the attach budget (15 s).
attach "$work/disk3.img"
cat >"$work/station3.toml" <<TOML
[device]
path = "$LOOP"
allow_data_loss = "loop:$work/disk3.img"
[hooks]
power_cycle = "losetup -d $LOOP"
TOML
report="$work/report2b"
started=$SECONDS
"$dextqual" run --device-file "$work/station3.toml" --suites persistence --quick --timeout-per-test 120 \
  --filter "$power_cut" --report-dir "$report" >"$work/console2b" 2>&1
rc=$?
cat "$work/console2b"
verdict=$(summary_field "$report" $power_cut verdict)
message=$(summary_field "$report" $power_cut message)
check "DUT not back: DEVICE-LOST with the reason" $([[ $rc -eq 1 && $verdict == DEVICE-LOST && $message == *"find the DUT again"* ]]; echo $?) "exit $rc, $verdict: $message"
check "DUT not back: bounded" $([[ $((SECONDS - started)) -lt 100 ]]; echo $?) "$((SECONDS - started)) s"

# 3. A misspelt key in the default station file: exit 2, the key and the file named, nothing written.
printf '[hooks]\npower_cylce = "pdu 7"\n' >"$work/bad.toml"
output=$(DEXTQUAL_STATION="$work/bad.toml" "$dextqual" run --report-dir "$work/report3" 2>&1)
rc=$?
check "bad key exit 2" $([[ $rc -eq 2 && $output == *"unknown key 'hooks.power_cylce'"* && $output == *"$work/bad.toml"* &&
  ! -e "$work/report3" ]]; echo $?) "exit $rc: $output"

# 4. A failing pre_run ends the run before its first test: exit 3, every test not run, reports
#    written, post_run still run.
cat >"$work/station4.toml" <<TOML
[device]
path = "$loop1"
allow_data_loss = "loop:$work/disk1.img"
[hooks]
pre_run = "echo lab not ready; exit 5"
post_run = "echo cleaned up > '$work/post_run4.marker'"
TOML
report="$work/report4"
"$dextqual" run --device-file "$work/station4.toml" --suites persistence --quick --filter "PowerCut.*" \
  --report-dir "$report" >"$work/console4" 2>&1
rc=$?
cat "$work/console4"
message=$(summary_field "$report" $power_cut message)
check "pre_run failure: exit 3, not run" $([[ $rc -eq 3 && $message == *"pre_run hook failed"*"exit status 5"* ]]; echo $?) "exit $rc: $message"
check "pre_run failure: output logged, post_run ran" $(grep -q "lab not ready" "$report/logs/station/pre_run.log" &&
  [[ -f "$work/post_run4.marker" ]]; echo $?) "no pre_run.log or post_run marker"

# 5. A station naming its DEXT (issue 12 §2): not [activated enabled] (replayed through the test seam)
#    is exit 2 before anything is written or any hook runs; on Linux without the seam, exit 2 saying
#    DEXT checks are macOS-only.
listings="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../fixtures/macos/systemextensionsctl" && pwd)"
cat >"$work/station5.toml" <<TOML
[device]
path = "$loop1"
[dext]
bundle_id = "com.acme.driverkit.scsi"
[hooks]
pre_run = "echo pre_run ran > '$work/pre_run5.marker'"
TOML
output=$(DEXTQUAL_TEST_SYSTEMEXTENSIONSCTL_OUTPUT="$listings/handwritten-scsi-dext-waiting-for-user.stdout" \
  "$dextqual" run --device-file "$work/station5.toml" --report-dir "$work/report5" 2>&1)
rc=$?
check "DEXT waiting for user: exit 2, nothing written, no hook" $([[ $rc -eq 2 &&
  $output == *"com.acme.driverkit.scsi, is 2.1.0/210 [activated waiting for user]"* && ! -e "$work/report5" &&
  ! -e "$work/pre_run5.marker" ]]; echo $?) "exit $rc: $output"
output=$(env -u DEXTQUAL_TEST_SYSTEMEXTENSIONSCTL_OUTPUT "$dextqual" run --device-file "$work/station5.toml" \
  --report-dir "$work/report5" 2>&1)
rc=$?
check "DEXT on Linux: exit 2, macOS-only" $([[ $rc -eq 2 && $output == *"DEXT checks are macOS-only"* &&
  ! -e "$work/report5" ]]; echo $?) "exit $rc: $output"

[[ $failures -eq 0 ]] || { echo "station_e2e: $failures failed"; exit 1; }
echo "station_e2e: ok"
