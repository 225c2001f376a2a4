#!/usr/bin/env bash
# A run always ends (issue 10 §5) on a really wedged device: simdext with
# wedge-flush-hangs-when-dirty.toml, whose SYNCHRONIZE CACHE never completes once more than 4 MiB are
# dirty, so the buffered suite's fsync sleeps in the kernel (D state, SIGKILL pending).
#   default:   `dextqual run` ends by itself within the per-test timeout plus a bound, exit 1; the
#              test is TIMEOUT naming the stuck pid, its state and kernel stack; the tests after it
#              are DEVICE-LOST "not run: DUT wedged: ..."; junit.xml is valid; the stuck process is
#              gone afterwards (the runner's simdext teardown unwedged the host).
#   --sigterm: SIGTERM to the runner while its child is stuck ends it within seconds, exit 3, with
#              final valid reports.
# Needs root and /dev/fuse: under CI=true their absence is a failure, elsewhere a skip (exit 77).
#   wedged_dut_e2e.sh DEXTQUAL SIMDEXT XSD PROFILE [--sigterm]
set -uo pipefail
usage="usage: wedged_dut_e2e.sh DEXTQUAL SIMDEXT XSD PROFILE [--sigterm]"
dextqual=${1:?$usage}
simdext=${2:?$usage}
xsd=${3:?$usage}
profile=${4:?$usage}
mode=${5:-}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
fail() {
  echo "wedged_dut_e2e: FAIL: $*" >&2
  exit 1
}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
work=$(mktemp -d /tmp/dextqual-wedged.XXXXXX)
runner_pid=
cleanup() {
  [[ -n "$runner_pid" ]] && kill -KILL "$runner_pid" 2>/dev/null
  # Whatever happened, never leave the host wedged: stopping simdext releases the held flush.
  "$simdext" stop --state "$work/report/state/simdext" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

timeout_s=20  # per test
# SIGTERM/timeout -> 10 s grace -> SIGKILL -> 5 s until abandoned; the rest is simdext start and stop,
# listing the suites and reaching the hang (about 8 s here under load). Measured: see runner/README.md.
bound_s=30
summary="$work/report/summary.json"
verdicts() {  # "VERDICT suite::name message" per test
  python3 -c "
import json
for t in json.load(open('$summary'))['tests']:
    print(t['verdict'], t['suite'] + '::' + t['name'], t.get('message', ''))"
}
start=$(date +%s.%N)
SIMDEXT=$simdext "$dextqual" run --sim "$profile" --suites buffered --quick --timeout-per-test "$timeout_s" \
  --report-dir "$work/report" >"$work/console" 2>&1 &
runner_pid=$!

stuck_pid=
if [[ "$mode" == "--sigterm" ]]; then
  # Wait until our suite child sleeps in the held flush (not a passing I/O wait: in blkdev_issue_flush,
  # or in D state for 2 s where the stack is unreadable), then stop the runner.
  in_d=0
  for _ in $(seq 1 120); do
    for child in $(pgrep -P "$runner_pid" -f dextqual_buffered_suite); do
      if [[ "$(awk '{print $3}' "/proc/$child/stat" 2>/dev/null)" == D ]]; then
        in_d=$((in_d + 1))
        if grep -q blkdev_issue_flush "/proc/$child/stack" 2>/dev/null || ((in_d >= 4)); then
          stuck_pid=$child
        fi
      else
        in_d=0
      fi
    done
    [[ -n "$stuck_pid" ]] && break
    sleep 0.5
  done
  [[ -n "$stuck_pid" ]] || fail "the buffered suite never reached the hanging flush (no D-state child)"
  echo "wedged_dut_e2e: pid $stuck_pid in D state, wait channel $(cat /proc/$stuck_pid/wchan 2>/dev/null); SIGTERM to the runner"
  sigterm_at=$(date +%s.%N)
  kill -TERM "$runner_pid"
fi
wait "$runner_pid"
rc=$?
runner_pid=
end=$(date +%s.%N)
cat "$work/console"
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
at_most() { awk -v x="$1" -v limit="$2" 'BEGIN { exit !(x <= limit) }'; }
elapsed=$(seconds_between "$start" "$end")
echo "wedged_dut_e2e: dextqual ran ${elapsed} s, exit $rc"

for file in junit.xml summary.json report.html; do
  [[ -s "$work/report/$file" ]] || fail "no $file"
done
xmllint --noout --schema "$xsd" "$work/report/junit.xml" || fail "junit.xml is not valid against junit-10.xsd"
verdicts >"$work/verdicts"
cat "$work/verdicts"
grep -q 'name="run.dut_wedged" value="the buffered suite binary (pid [0-9]*) did not exit after SIGKILL' \
  "$work/report/junit.xml" || fail "junit.xml has no run.dut_wedged property naming the pid"
named_pid=$(grep -o 'run.dut_wedged" value="the buffered suite binary (pid [0-9]*' "$work/report/junit.xml" |
  grep -o '[0-9]*$' | head -1)
[[ -z "$stuck_pid" || "$named_pid" == "$stuck_pid" ]] || fail "the report names pid $named_pid, the stuck one was $stuck_pid"
stuck_line=$(grep -F "pid $named_pid was still there" "$work/verdicts" | head -1)
[[ "$stuck_line" == *"state D (uninterruptible sleep)"* ]] || fail "the stuck test does not say state D: $stuck_line"
[[ "$stuck_line" == *"wait channel"* ]] || fail "the stuck test has no wait channel: $stuck_line"
if [[ -r /proc/self/stack ]]; then
  [[ "$stuck_line" == *blkdev_issue_flush* ]] || fail "the kernel stack does not show blkdev_issue_flush: $stuck_line"
fi

if [[ "$mode" == "--sigterm" ]]; then
  stop_s=$(seconds_between "$sigterm_at" "$end")
  echo "wedged_dut_e2e: the runner ended ${stop_s} s after SIGTERM"
  [[ $rc -eq 3 ]] || fail "exit $rc after SIGTERM, expected 3 (aborted by a signal)"
  at_most "$stop_s" 25 || fail "SIGTERM took ${stop_s} s (bound 25 s)"
  grep -q 'name="run.status" value="aborted"' "$work/report/junit.xml" || fail "run.status is not aborted"
  [[ "$stuck_line" == "ERROR "* && "$stuck_line" == *"the run was stopped (SIGINT/SIGTERM)"* ]] ||
    fail "the stuck test is not ERROR (aborted): $stuck_line"
else
  [[ $rc -eq 1 ]] || fail "exit $rc, expected 1"
  at_most "$elapsed" $((timeout_s + bound_s)) ||
    fail "took ${elapsed} s, above the per-test timeout $timeout_s s + $bound_s s"
  [[ "$stuck_line" == "TIMEOUT "* ]] || fail "the stuck test is not TIMEOUT: $stuck_line"
  lost=$(grep -c '^DEVICE-LOST .* not run: DUT wedged: the buffered suite binary (pid' "$work/verdicts")
  [[ $lost -ge 1 ]] || fail "no test after the stuck one is DEVICE-LOST with the wedge reason"
  others=$(grep -v -e '^DEVICE-LOST ' -e '^TIMEOUT ' "$work/verdicts" | grep -vc '^PASS ')
  [[ $others -eq 0 ]] || fail "tests that are neither PASS, TIMEOUT nor DEVICE-LOST"
fi
# The runner stopped simdext, which failed the held flush: the stuck process is gone.
for _ in $(seq 1 20); do
  [[ -d /proc/$named_pid ]] || break
  sleep 0.5
done
[[ -d /proc/$named_pid && "$(awk '{print $3}' /proc/$named_pid/stat 2>/dev/null)" == D ]] &&
  fail "pid $named_pid is still stuck in the kernel after the run"
echo "wedged_dut_e2e: ok"
