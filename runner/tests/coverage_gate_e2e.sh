#!/usr/bin/env bash
# A run that cannot go green by skipping (issue 14 §3), end to end:
#   1. a plain loop device without --allow-data-loss, `--require destructive`: the destructive tests
#      skip, exit 1, the named reason on the console, a failing testcase dextqual.coverage :: require
#      destructive in junit.xml (valid against junit-10.xsd) and the run property coverage_gate in
#      summary.json; `--max-skips 0` fails the same run by count.
#   2. the same device with --allow-data-loss <its identity>: the gate passes for destructive.
#   3. `list --json` has the documented shape; `list --json --shard i/3` covers the plan exactly once,
#      and `run --shard` runs exactly what `list --shard` listed.
#   4. `--rerun-failed` on an F2 run's summary.json runs exactly its failed tests; a malformed file and
#      a summary where nothing failed are exit 2.
# Needs root and loop devices (1, 2): under CI=true their absence is a failure, elsewhere a skip (77).
#   coverage_gate_e2e.sh DEXTQUAL JUNIT_XSD
set -uo pipefail
dextqual=${1:?usage: coverage_gate_e2e.sh DEXTQUAL JUNIT_XSD}
xsd=${2:?usage: coverage_gate_e2e.sh DEXTQUAL JUNIT_XSD}
cannot_run() {
  echo "coverage_gate_e2e: cannot run: $1" >&2
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
command -v losetup >/dev/null || cannot_run "no losetup"
[[ -e /dev/loop-control ]] || cannot_run "no loop devices"

work=$(mktemp -d /tmp/dextqual-gate.XXXXXX)
loop=""
cleanup() {
  [[ -n "$loop" ]] && losetup -d "$loop" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() {  # check NAME CONDITION-STATUS DETAIL
  if [[ $2 -eq 0 ]]; then echo "ok   $1"; else echo "FAIL $1: $3"; failures=$((failures + 1)); fi
}
py() { python3 -c "$@"; }
gate_case() {  # gate_case REPORT NAME -> "failure" | "pass" | "missing"
  py "
import xml.etree.ElementTree as E
for c in E.parse('$1/junit.xml').iter('testcase'):
    if c.get('classname') == 'dextqual.coverage' and c.get('name') == '$2':
        print('failure' if c.find('failure') is not None else 'pass'); break
else: print('missing')"
}
planned() {  # planned REPORT -> "suite:test" lines of every test in summary.json but the gate's
  py "
import json
for t in json.load(open('$1/summary.json'))['tests']:
    if t['suite'] != 'dextqual': print(t['suite'] + ':' + t['name'])" | sort
}

# 1. Plain loop device, no --allow-data-loss: red, with the reason.
truncate -s 256M "$work/disk.img"
loop=$(losetup -f --show "$work/disk.img") || cannot_run "losetup failed"
args=(--device "$loop" --suites rawio --quick --filter '*EndOfDevice*:*Misaligned*')
"$dextqual" run "${args[@]}" --require destructive --report-dir "$work/r1" >"$work/console1" 2>&1
rc=$?
cat "$work/console1"
check "no --allow-data-loss + --require destructive: exit 1" $([[ $rc -eq 1 ]]; echo $?) "exit $rc"
check "the console names the reason" $(grep -Eq "coverage gate: required capability 'destructive' not covered: [0-9]+ tests? skipped \(requires data_loss_allowed: " "$work/console1"; echo $?) "$(grep coverage "$work/console1")"
check "junit.xml: failing dextqual.coverage :: require destructive" $([[ $(gate_case "$work/r1" "require destructive") == failure ]]; echo $?) "$(gate_case "$work/r1" "require destructive")"
check "junit.xml valid against junit-10.xsd" $(xmllint --noout --schema "$xsd" "$work/r1/junit.xml" 2>"$work/xsd.log"; echo $?) "$(cat "$work/xsd.log")"
property=$(py "import json; print(json.load(open('$work/r1/summary.json'))['run']['properties'].get('coverage_gate',''))")
check "summary.json: run property coverage_gate" $([[ $property == "failed: coverage gate: required capability 'destructive' not covered"* ]]; echo $?) "$property"
"$dextqual" run "${args[@]}" --max-skips 0 --report-dir "$work/r1b" >"$work/console1b" 2>&1
rc=$?
check "--max-skips 0 with skips: exit 1" $([[ $rc -eq 1 ]]; echo $?) "exit $rc"
check "--max-skips names the count" $(grep -Eq "coverage gate: [0-9]+ tests? skipped, more than --max-skips 0" "$work/console1b"; echo $?) "$(tail -5 "$work/console1b")"
"$dextqual" run "${args[@]}" --require teleport --report-dir "$work/r1c" >"$work/console1c" 2>&1
rc=$?
check "--require teleport: exit 2 listing the known ones" $([[ $rc -eq 2 ]] && grep -q "known: destructive, passthrough, power-cut, reboot, hotplug" "$work/console1c"; echo $?) "exit $rc: $(cat "$work/console1c")"

# 2. With the allowance for exactly this device, destructive is covered.
"$dextqual" run "${args[@]}" --allow-data-loss "loop:$work/disk.img" --require destructive --report-dir "$work/r2" >"$work/console2" 2>&1
rc=$?
tail -4 "$work/console2"
check "--allow-data-loss: the gate passes for destructive" $([[ $(gate_case "$work/r2" "require destructive") == pass ]]; echo $?) "$(grep coverage "$work/console2")"
check "--allow-data-loss: exit 0" $([[ $rc -eq 0 ]]; echo $?) "exit $rc"
losetup -d "$loop"
loop=""

# 3. list --json and --shard: the plan, and every test of it in exactly one shard.
"$dextqual" list --json >"$work/list.json" || check "list --json" 1 "exit $?"
check "list --json shape" $(py "
import json, sys
j = json.load(open('$work/list.json'))
assert j['schema'] == 'dextqual-list/1' and j['shard'] is None
names = {c['name'] for c in j['capabilities']}
assert {'destructive', 'passthrough', 'power-cut', 'reboot', 'hotplug'} <= names
tests = [t for s in j['suites'] for t in s['tests']]
assert tests and all({'name', 'disabled', 'shard_unit', 'requires', 'capabilities'} <= t.keys() for t in tests)
reboot = [t for s in j['suites'] if s['name'] == 'persistence' for t in s['tests'] if t['name'].startswith('Reboot.')]
assert reboot and all('reboot' in t['capabilities'] for t in reboot), reboot
" 2>"$work/shape.log"; echo $?) "$(cat "$work/shape.log")"
lines() { py "
import json
for s in json.load(open('$1'))['suites']:
    for t in s['tests']: print(s['name'] + ':' + t['name'])" | sort; }
lines "$work/list.json" >"$work/all"
for i in 1 2 3; do "$dextqual" list --json --shard "$i/3" >"$work/shard$i.json"; lines "$work/shard$i.json" >"$work/shard$i"; done
sort "$work/shard1" "$work/shard2" "$work/shard3" >"$work/union"
check "shards 1..3 of 3 cover the plan exactly once ($(wc -l <"$work/all") tests)" $(cmp -s "$work/all" "$work/union" && [[ -z $(uniq -d "$work/union") ]]; echo $?) "$(diff "$work/all" "$work/union" | head)"
reboot_shards=$(grep -l "persistence:Reboot.Phase" "$work/shard1" "$work/shard2" "$work/shard3" | wc -l)
check "Reboot.Phase1 and Phase2 in one shard" $([[ $reboot_shards -eq 1 ]]; echo $?) "in $reboot_shards shards"
"$dextqual" list --json --suites limits --shard 2/2 >"$work/limits2.json"
lines "$work/limits2.json" >"$work/limits2"
if [[ -s "$work/limits2" ]]; then
  "$dextqual" run --suites limits --quick --shard 2/2 --report-dir "$work/r3" >"$work/console3" 2>&1
  planned "$work/r3" >"$work/ran3"
  check "run --shard 2/2 runs what list --shard 2/2 listed" $(cmp -s "$work/limits2" "$work/ran3"; echo $?) "$(diff "$work/limits2" "$work/ran3")"
else
  check "limits has tests in shard 2/2" 1 "empty; pick another suite"
fi
"$dextqual" list --shard 4/3 >/dev/null 2>&1
rc=$?
check "--shard 4/3: exit 2" $([[ $rc -eq 2 ]]; echo $?) "exit $rc"

# 4. --rerun-failed on an F2 run: exactly its failed tests.
"$dextqual" run --sim f2-max-transfer-64k --suites limits,rawio --quick --filter '*Limits*:*TransferSize*:*Predicted*' \
  --report-dir "$work/f2" >"$work/console4" 2>&1
py "
import json
s = json.load(open('$work/f2/summary.json'))
for t in s['tests']:
    if t['failure'] and t['suite'] != 'dextqual': print(t['suite'] + ':' + t['name'])" | sort >"$work/f2-failed"
check "the F2 run has failures to rerun" $([[ -s "$work/f2-failed" ]]; echo $?) "$(tail -5 "$work/console4")"
check "and tests that passed or skipped, not to rerun" $([[ $(planned "$work/f2" | wc -l) -gt $(wc -l <"$work/f2-failed") ]]; echo $?) "all tests failed"
"$dextqual" run --sim f2-max-transfer-64k --quick --rerun-failed "$work/f2/summary.json" --report-dir "$work/rerun" >"$work/console5" 2>&1
rc=$?
planned "$work/rerun" >"$work/rerun-planned"
check "--rerun-failed runs exactly the failed tests ($(wc -l <"$work/f2-failed"))" $(cmp -s "$work/f2-failed" "$work/rerun-planned"; echo $?) "$(diff "$work/f2-failed" "$work/rerun-planned")"
check "--rerun-failed: they fail again, exit 1" $([[ $rc -eq 1 ]]; echo $?) "exit $rc"
echo '{"tests": [{"suite": "rawio"}]}' >"$work/bad.json"
"$dextqual" run --rerun-failed "$work/bad.json" --report-dir "$work/bad" >"$work/console6" 2>&1
rc=$?
check "--rerun-failed malformed: exit 2" $([[ $rc -eq 2 ]] && grep -q "not a dextqual summary.json" "$work/console6"; echo $?) "exit $rc: $(cat "$work/console6")"
check "--rerun-failed malformed: nothing written" $([[ ! -e "$work/bad" ]]; echo $?) "$(ls "$work/bad" 2>/dev/null)"
"$dextqual" run --rerun-failed "$work/r2/summary.json" --report-dir "$work/none" >"$work/console7" 2>&1
rc=$?
check "--rerun-failed with nothing failed: exit 2" $([[ $rc -eq 2 ]] && grep -q "nothing failed" "$work/console7"; echo $?) "exit $rc: $(cat "$work/console7")"

[[ $failures -eq 0 ]] || { echo "$failures check(s) failed"; exit 1; }
echo "coverage gate e2e: all checks passed"
