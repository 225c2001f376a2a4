#!/usr/bin/env bash
# The reboot phases need a reboot between them, and the runner is what does it: with simdext as the DUT,
# `dextqual run` honours Phase1's reboot request by restarting simdext, finds the DUT again, writes the
# contract's reboot-done.json and then runs Phase2 (runner/host_reboot.cpp, contract/run_contract.h).
# This runs the two phases through the real runner rather than a second copy of its half of the contract.
#   reboot_via_runner.sh DEXTQUAL PROFILE pass|fail
# pass: both phases PASS and the run exits 0; fail: Phase2 FAILs (the profile lost acknowledged data
# across the restart) and the run exits 1.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
dextqual=${1:?usage: reboot_via_runner.sh DEXTQUAL PROFILE pass|fail}
profile=${2:?profile}
expect=${3:?pass or fail}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext: FUSE and loop devices)"
[[ -e /dev/fuse ]] || cannot_run "no /dev/fuse"

work=$(mktemp -d /tmp/dextqual-reboot-phases.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$dextqual" run --sim "$profile" --suites persistence --filter 'Reboot.*' --quick --report-dir "$work/report" \
  >"$work/out" 2>&1
rc=$?
verdict() {
  python3 - "$work/report/summary.json" "$1" <<'PY'
import json, sys
tests = [t for t in json.load(open(sys.argv[1]))["tests"] if t["name"] == sys.argv[2]]
print(tests[0]["verdict"] if tests else "missing")
PY
}
phase1=$(verdict Reboot.Phase1WriteAndFlush)
phase2=$(verdict Reboot.Phase2VerifyAfterRestart)
echo "exit $rc, Phase1 $phase1, Phase2 $phase2"
grep -q "reboot" "$work/out" || { cat "$work/out"; echo "no reboot was noted on the console" >&2; exit 1; }
case "$expect" in
  pass) [[ $rc -eq 0 && $phase1 == PASS && $phase2 == PASS ]] ;;
  fail) [[ $rc -eq 1 && $phase1 == PASS && $phase2 == FAIL ]] ;;
  *) echo "expect pass or fail, not $expect" >&2; exit 2 ;;
esac || { cat "$work/out"; exit 1; }
