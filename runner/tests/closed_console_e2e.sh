#!/usr/bin/env bash
# A console nobody reads any more (`dextqual run | head`, a CI log collector gone) stops the run the way
# SIGTERM does: the running test is recorded, the reports are final, simdext is stopped, exit 3. Before,
# SIGPIPE killed the runner and left simdext (and its loop device) running.
#   closed_console_e2e.sh DEXTQUAL
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
dextqual=${1:?usage: closed_console_e2e.sh DEXTQUAL}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext: FUSE and loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
fail() {
  echo "closed_console_e2e: FAIL: $1" >&2
  exit 1
}
work=$(mktemp -d /tmp/dextqual-closed-console.XXXXXX)
trap 'pkill -f "simdext start .*$work" 2>/dev/null; rm -rf "$work"' EXIT

# head exits after the START line of the first test; the runner's next line meets a closed pipe.
"$dextqual" run --quick --suites rawio,buffered --report-dir "$work/report" | head -n 3 >"$work/head.txt"
rc=${PIPESTATUS[0]}
cat "$work/head.txt"
[[ $rc -eq 3 ]] || fail "exit $rc, expected 3 (stopped)"
status=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['run']['status'])" "$work/report/summary.json") ||
  fail "no readable summary.json"
[[ $status == aborted ]] || fail "run status '$status', expected aborted"
sleep 1
if pgrep -f "simdext start .*$work" >/dev/null; then fail "simdext is still running"; fi
if losetup -a | grep -q "$work"; then fail "a loop device of the run is still attached"; fi
echo "closed_console_e2e: ok (exit 3, reports final, simdext stopped)"
