#!/usr/bin/env bash
# `dextqual merge` and `dextqual diff` end to end (issue 14 §2): two quick runs on simdext, clean and
# F2 (rawio,limits: the suites F2's [selftest] claims that run here), merged into one JUnit (valid
# against junit-10.xsd, a suite per run) and one HTML matrix (exit 1: F2 fails), then diffed: exit 1
# (regressions) and the output names F2's cause from the commands simdext received, WRITE above
# 64 KiB. Bad input is exit 2 with one line. Needs root, /dev/fuse and loop devices: under CI=true
# their absence is a failure, elsewhere a skip (exit 77).
#   merge_diff_e2e.sh DEXTQUAL XSD
set -uo pipefail
dextqual=${1:?usage: merge_diff_e2e.sh DEXTQUAL XSD}
xsd=${2:?usage: merge_diff_e2e.sh DEXTQUAL XSD}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
fail() {
  echo "merge_diff_e2e: FAIL: $1" >&2
  exit 1
}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
[[ -f "$xsd" ]] || fail "junit-10.xsd not found at $xsd (vendored in reports/schemas/)"
work=$(mktemp -d /tmp/dextqual-merge-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$dextqual" run --quick --suites rawio,limits --report-dir "$work/clean" >"$work/clean.log" 2>&1
rc=$?
[[ $rc -eq 0 ]] || { tail -20 "$work/clean.log" >&2; fail "the clean run exited $rc, expected 0"; }
"$dextqual" run --quick --suites rawio,limits --sim f2-max-transfer-64k --report-dir "$work/f2" \
  >"$work/f2.log" 2>&1
rc=$?
[[ $rc -eq 1 ]] || { tail -20 "$work/f2.log" >&2; fail "the F2 run exited $rc, expected 1"; }
grep -q '"command_histogram"' "$work/clean/summary.json" || fail "the clean run's summary has no command_histogram"

"$dextqual" merge "$work/clean" "$work/f2/summary.json" --report-dir "$work/merged"
rc=$?
[[ $rc -eq 1 ]] || fail "merge exited $rc, expected 1 (F2 fails)"
xmllint --noout --schema "$xsd" "$work/merged/junit.xml" || fail "merged junit.xml is not valid"
suites=$(grep -c '<testsuite ' "$work/merged/junit.xml")
[[ $suites -eq 4 ]] || fail "merged junit.xml has $suites testsuites, expected 4 (2 runs x 2 suites)"
grep -q 'name="[^"]*\[f2-max-transfer-64k\] / rawio"' "$work/merged/junit.xml" || fail "no F2 rawio suite by name"
grep -q '<table class="matrix"' "$work/merged/report.html" || fail "report.html has no matrix"
grep -q '<a href="#f-' "$work/merged/report.html" || fail "report.html links no failure"
! grep -q '<style\|<script' "$work/merged/report.html" || fail "report.html has style or script"
grep -q '"dextqual-merge/1"' "$work/merged/summary.json" || fail "merged summary.json has the wrong schema"

"$dextqual" diff "$work/clean" "$work/f2" >"$work/diff.txt"
rc=$?
cat "$work/diff.txt"
[[ $rc -eq 1 ]] || fail "diff clean f2 exited $rc, expected 1 (regressions)"
grep -q 'WRITE([0-9]*) above 64 KiB: A received [0-9]* (largest [0-9]* [KM]iB), B received none' "$work/diff.txt" ||
  fail "the diff does not name F2's cause (WRITE above 64 KiB)"
grep -q 'B published a write limit of 512 KiB but the device received no WRITE([0-9]*) above 64 KiB' "$work/diff.txt" ||
  fail "the diff does not set the commands against F2's published 512 KiB limit"
"$dextqual" diff "$work/clean" "$work/clean" >/dev/null || fail "diff of a run with itself is not exit 0"
"$dextqual" diff --json "$work/clean" "$work/f2" >"$work/diff.json"
[[ $? -eq 1 ]] || fail "diff --json clean f2 is not exit 1"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "dextqual-diff/1" and d["regressions"] and d["commands"]["compared"], d
' "$work/diff.json" || fail "diff --json"

echo '{"schema": "dextqual-report/1", "tests": [' >"$work/broken.json"
"$dextqual" merge "$work/clean" "$work/broken.json" --report-dir "$work/bad" 2>"$work/bad.err"
rc=$?
[[ $rc -eq 2 ]] || fail "merge of a malformed summary exited $rc, expected 2"
[[ $(wc -l <"$work/bad.err") -eq 1 ]] && grep -q 'broken.json' "$work/bad.err" ||
  fail "bad input is not one line naming the file: $(cat "$work/bad.err")"
"$dextqual" diff "$work/clean" "$work/nowhere" 2>"$work/bad.err"
rc=$?
[[ $rc -eq 2 ]] && grep -q 'nowhere/summary.json\|nowhere' "$work/bad.err" || fail "diff of a missing run exited $rc"
# --repeat: the iterations merged into one report at the top (a testsuite per iteration and suite);
# --until-fail stops at the first failing iteration and exits with its code.
"$dextqual" run --quick --suites limits --repeat 2 --report-dir "$work/soak" >"$work/soak.log" 2>&1
rc=$?
[[ $rc -eq 0 ]] || { tail -20 "$work/soak.log" >&2; fail "--repeat 2 on clean exited $rc, expected 0"; }
xmllint --noout --schema "$xsd" "$work/soak/junit.xml" || fail "the soak's combined junit.xml is not valid"
grep -q 'name="repeat 1: [^"]* / limits"' "$work/soak/junit.xml" && grep -q 'name="repeat 2: [^"]* / limits"' \
  "$work/soak/junit.xml" || fail "the combined junit.xml has not both iterations"
[[ -f "$work/soak/repeat-2/summary.json" && -f "$work/soak/repeat-summary.json" ]] || fail "no per-iteration reports"
"$dextqual" run --quick --suites rawio --sim f2-max-transfer-64k --until-fail --repeat 3 \
  --report-dir "$work/soak-f2" >"$work/soak-f2.log" 2>&1
rc=$?
[[ $rc -eq 1 ]] || fail "--until-fail on F2 exited $rc, expected 1"
[[ -d "$work/soak-f2/repeat-1" && ! -d "$work/soak-f2/repeat-2" ]] || fail "--until-fail did not stop after iteration 1"
echo "merge_diff_e2e: ok"
