#!/usr/bin/env bash
# Runs ci/templates/gitlab-ci.yml for real with gitlab-ci-local (shell executor), against simdext:
#   - the station job on the clean profile passes and publishes a JUnit artifact that validates
#     against junit-10.xsd and has test cases;
#   - the same job on the F2 profile fails, and still publishes its JUnit (artifacts `when: always`)
#     with the failure in it;
#   - the F2 job again with those failures in an expectations file passes, and its JUnit shows them
#     as <skipped type="xfail">, which GitLab reads as skipped (no child element would read as passed);
#   - the reboot pair: the run job, then `dextqual wait` in the next job, whose exit code and artifacts
#     are the run's.
# gitlab-ci-local also validates the file against GitLab's CI JSON schema before it runs anything.
# Needs root (simdext), Node.js and the npm tools of this folder (ci/install-deps.sh installs them):
# under CI=true their absence is a failure, elsewhere a skip (exit 77).
#   gitlab_template_e2e.sh DEXTQUAL JUNIT_XSD
set -uo pipefail
dextqual=$(realpath "${1:?usage: gitlab_template_e2e.sh DEXTQUAL JUNIT_XSD}")
xsd=$(realpath "${2:?usage: gitlab_template_e2e.sh DEXTQUAL JUNIT_XSD}")
here=$(cd "$(dirname "$0")" && pwd)
gcl="$here/node_modules/.bin/gitlab-ci-local"

source "$(dirname "${BASH_SOURCE[0]}")/../../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext)"
[[ -x "$gcl" ]] || cannot_run "no $gcl (run ci/install-deps.sh)"
command -v rsync >/dev/null || cannot_run "gitlab-ci-local needs rsync"
command -v xmllint >/dev/null || cannot_run "no xmllint"

work=$(mktemp -d /tmp/dextqual-gitlab.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A simdext run leaves its (sparse) media under <report>/state: the template's artifacts must never
# include it; the check at the end of each step below would take minutes if they did.
fail() { echo "FAIL: $*" >&2; exit 1; }

# A project as a driver team would have it: the template as its .gitlab-ci.yml, in a git repository.
project="$work/project"
mkdir -p "$project"
cp "$here/../gitlab-ci.yml" "$project/.gitlab-ci.yml"
git -C "$project" init -q
git -C "$project" -c user.email=ci@example.com -c user.name=ci commit -q --allow-empty -m "driver build"
git -C "$project" add .gitlab-ci.yml
git -C "$project" -c user.email=ci@example.com -c user.name=ci commit -q -m "qualify with dextqual"
git -C "$project" remote add origin https://gitlab.example.com/lab/driver.git

# run_pipeline NAME ARGS... : gitlab-ci-local in the project; its output in $work/NAME.log.
run_pipeline() {
  local name=$1
  shift
  (cd "$project" && timeout 600 "$gcl" --variable "DEXTQUAL=$dextqual" "$@") >"$work/$name.log" 2>&1
}
artifact() { echo "$project/.gitlab-ci-local/artifacts/$1/dextqual-report/junit.xml"; }
failures_in() { xmllint --xpath 'string(/testsuites/@failures)' "$1"; }
tests_in() { xmllint --xpath 'string(/testsuites/@tests)' "$1"; }
job_dir() { echo "${1//:/Og}"; }  # gitlab-ci-local spells ':' in a job's folder name as 'Og'

# 1. Clean: the job passes; its JUnit artifact is valid and has tests.
# The limits suite exercises one capability, raw-node (the template's destructive,passthrough are for
# real stations; on simdext they need the rawio/scsi suites, too long here): the gate is in the job.
run_pipeline clean --variable "DEXTQUAL_TARGET=--sim clean" --variable "DEXTQUAL_ARGS=--quick --suites limits" \
  --variable "DEXTQUAL_REQUIRE=raw-node" "qualify:lab-linux-01"
rc=$?
[[ $rc -eq 0 ]] || fail "clean pipeline exited $rc: $(tail -30 "$work/clean.log")"
grep -q "PASS.*qualify:lab-linux-01" "$work/clean.log" || fail "job not PASS: $(tail -30 "$work/clean.log")"
junit=$(artifact "$(job_dir qualify:lab-linux-01)")
[[ -f "$junit" ]] || fail "no JUnit artifact at $junit"
xmllint --noout --schema "$xsd" "$junit" 2>"$work/xsd.log" || fail "the JUnit artifact is not valid: $(cat "$work/xsd.log")"
[[ $(tests_in "$junit") -gt 0 && $(failures_in "$junit") -eq 0 ]] ||
  fail "clean JUnit: $(tests_in "$junit") tests, $(failures_in "$junit") failures"
grep -q 'classname="dextqual.coverage" name="require raw-node"' "$junit" ||
  grep -q 'name="require raw-node"[^>]*classname="dextqual.coverage"' "$junit" ||
  fail "the clean JUnit has no coverage gate testcase (--require from the template)"
echo "ok   clean: job PASS, JUnit artifact valid, $(tests_in "$junit") tests, 0 failures, coverage gate passed"

# 2. F2: the job fails, and its JUnit artifact is still published, with the failure.
rm -rf "$project/.gitlab-ci-local/artifacts" "$project/dextqual-report"
run_pipeline f2 --variable "DEXTQUAL_TARGET=--sim f2-max-transfer-64k" \
  --variable "DEXTQUAL_ARGS=--quick --suites limits" --variable "DEXTQUAL_REQUIRE=raw-node" "qualify:lab-linux-01"
rc=$?
[[ $rc -ne 0 ]] || fail "the F2 pipeline passed: $(tail -30 "$work/f2.log")"
grep -q "FAIL.*qualify:lab-linux-01" "$work/f2.log" || fail "job not FAIL: $(tail -30 "$work/f2.log")"
junit=$(artifact "$(job_dir qualify:lab-linux-01)")
[[ -f "$junit" ]] || fail "a failing job published no JUnit (artifacts when: always?)"
xmllint --noout --schema "$xsd" "$junit" 2>"$work/xsd.log" || fail "the F2 JUnit artifact is not valid: $(cat "$work/xsd.log")"
[[ $(failures_in "$junit") -gt 0 ]] || fail "the F2 JUnit artifact has no failure"
grep -q "maxTransferSize 64 KiB" "$junit" || fail "the F2 JUnit does not carry the diagnosis"
echo "ok   f2: job FAIL, JUnit artifact published with $(failures_in "$junit") failure(s)"

# 2b. The same F2 failures, expected: an expectations file naming each (read from the F2 run's
#     summary.json) makes them XFAIL. The job passes; GitLab must show them as skipped, not passed.
#     gitlab-ci-local does not parse JUnit reports, so the check is the element GitLab's parser reads.
summary="$(dirname "$junit")/summary.json"
[[ -f "$summary" ]] || fail "the F2 job published no summary.json"
python3 - "$summary" >"$work/expect.toml" <<'PY' || fail "cannot write expectations from $summary"
import json, sys
failed = [t for t in json.load(open(sys.argv[1]))["tests"] if t["failure"] and t["suite"] != "dextqual"]
assert failed, "no failing test in the F2 run"
for t in failed:
    print("[[expect]]")
    print(f'tests = "{t["suite"]}:{t["name"]}"')
    print('failure = "."')
    print('blame = "emulator"')
    print('reason = "simdext F2 caps transfers at 64 KiB"')
    print("under_profiles = true")
    print('under_profiles_reason = "the e2e expects the very failure the F2 profile injects"')
PY
expected=$(grep -c '^\[\[expect\]\]' "$work/expect.toml")
rm -rf "$project/.gitlab-ci-local/artifacts" "$project/dextqual-report"
run_pipeline f2-expected --variable "DEXTQUAL_TARGET=--sim f2-max-transfer-64k" \
  --variable "DEXTQUAL_ARGS=--quick --suites limits --expectations $work/expect.toml" \
  --variable "DEXTQUAL_REQUIRE=raw-node" "qualify:lab-linux-01"
rc=$?
[[ $rc -eq 0 ]] || fail "the F2 pipeline with its failures expected exited $rc: $(tail -30 "$work/f2-expected.log")"
junit=$(artifact "$(job_dir qualify:lab-linux-01)")
[[ -f "$junit" ]] || fail "no JUnit artifact at $junit"
xmllint --noout --schema "$xsd" "$junit" 2>"$work/xsd.log" || fail "the XFAIL JUnit is not valid: $(cat "$work/xsd.log")"
xfails=$(xmllint --xpath 'count(//testcase/skipped[@type="xfail"])' "$junit")
skipped=$(xmllint --xpath 'sum(//testsuite/@skipped)' "$junit")
[[ $(failures_in "$junit") -eq 0 && $xfails -eq $expected && $skipped -ge $expected ]] ||
  fail "XFAIL JUnit: $(failures_in "$junit") failures, $xfails of $expected <skipped type=\"xfail\">, suites' skipped $skipped"
grep -q 'message="expected failure (blame: emulator)' "$junit" || fail "an XFAIL's message does not name its blame"
echo "ok   f2 expected: job PASS, $xfails XFAIL(s) as <skipped type=\"xfail\">, 0 failures"

# 3. The reboot pair: the run job with its state off the workspace (simdext's restart stands in for the
#    host reboot its Reboot tests ask for), then `dextqual wait` in the next job publishes the verdict.
rm -rf "$project/.gitlab-ci-local/artifacts" "$project/dextqual-report"
run_pipeline reboot --variable "DEXTQUAL_TARGET=--sim clean" \
  --variable "DEXTQUAL_ARGS=--quick --suites persistence --filter Reboot.*" --variable "RUN_DIR=$work/run" \
  --needs "verdict-after-reboot:lab-linux-02"
rc=$?
[[ $rc -eq 0 ]] || fail "reboot pipeline exited $rc: $(tail -30 "$work/reboot.log")"
grep -q "PASS.*verdict-after-reboot:lab-linux-02" "$work/reboot.log" || fail "verdict job not PASS: $(tail -30 "$work/reboot.log")"
grep -Eq "verdict-after-reboot:lab-linux-02 +> .*[0-9]+ passed, 0 failed" "$work/reboot.log" || fail "the verdict job did not print the run's summary through dextqual wait: $(tail -30 "$work/reboot.log")"
junit=$(artifact "$(job_dir verdict-after-reboot:lab-linux-02)")
[[ -f "$junit" ]] || fail "the verdict job published no JUnit"
xmllint --noout --schema "$xsd" "$junit" 2>"$work/xsd.log" || fail "the verdict JUnit is not valid: $(cat "$work/xsd.log")"
grep -q 'Phase2VerifyAfterRestart' "$junit" || fail "the verdict JUnit lacks the reboot's phase 2"
[[ $(failures_in "$junit") -eq 0 ]] || fail "the reboot run has failures"
echo "ok   reboot pair: run job, then dextqual wait publishes $(tests_in "$junit") tests, 0 failures"
