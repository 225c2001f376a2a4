#!/usr/bin/env bash
# Checks ci/templates/github-actions.yml:
#   - action-validator (schema of GitHub workflows, expressions, needs) accepts it, and rejects a copy
#     with a misspelled key (so the validator really looks);
#   - its "Job summary" step, run as GitHub would run it, turns a real summary.json of a failing run
#     (simdext, F2 profile) into a Markdown summary that names the failing test, and says so when a run
#     wrote no summary at all.
# Needs Node.js and the npm tools of this folder, python3-yaml, jq, and root for simdext: under CI=true
# their absence is a failure, elsewhere a skip (exit 77).
#   github_workflow_check.sh DEXTQUAL
set -uo pipefail
dextqual=$(realpath "${1:?usage: github_workflow_check.sh DEXTQUAL}")
here=$(cd "$(dirname "$0")" && pwd)
workflow="$here/../github-actions.yml"
validator="$here/node_modules/.bin/action-validator"

source "$(dirname "${BASH_SOURCE[0]}")/../../../ci/lib/cannot_run.sh"
[[ -x "$validator" ]] || cannot_run "no $validator (run ci/install-deps.sh)"
command -v jq >/dev/null || cannot_run "no jq"
python3 -c 'import yaml' 2>/dev/null || cannot_run "no python3-yaml"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext)"

work=$(mktemp -d /tmp/dextqual-github.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$validator" "$workflow" >"$work/validator.log" 2>&1 || fail "action-validator rejects the workflow: $(cat "$work/validator.log")"
sed 's/^    runs-on:/    run-on:/' "$workflow" >"$work/broken.yml"
cmp -s "$workflow" "$work/broken.yml" && fail "could not make the broken copy (runs-on not found)"
"$validator" "$work/broken.yml" >/dev/null 2>&1 && fail "action-validator accepts a misspelled key: it checks nothing"
echo "ok   action-validator accepts the workflow and rejects a misspelled key"

# The summary step's shell, as GitHub runs it (bash -e), with its ${{ }} expression filled in.
python3 - "$workflow" >"$work/summary-step.sh" <<'PY' || fail "no 'Job summary' step in the workflow"
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
for step in workflow["jobs"]["qualify"]["steps"]:
    if step.get("name") == "Job summary":
        print(step["run"].replace("${{ matrix.station }}", "lab-test-01"))
        sys.exit(0)
sys.exit(1)
PY

mkdir -p "$work/job"
(cd "$work/job" && "$dextqual" run --sim f2-max-transfer-64k --suites limits --quick --report-dir dextqual-report \
  >"$work/run.log" 2>&1)
rc=$?
[[ $rc -eq 1 ]] || fail "the F2 run exited $rc, expected 1: $(tail -20 "$work/run.log")"
(cd "$work/job" && GITHUB_STEP_SUMMARY="$work/summary.md" bash -e "$work/summary-step.sh") ||
  fail "the summary step failed"
grep -q "## dextqual on lab-test-01" "$work/summary.md" || fail "no heading: $(cat "$work/summary.md")"
grep -q "passed, 1 failed" "$work/summary.md" || fail "no counts: $(cat "$work/summary.md")"
grep -q "| limits.PublishedLimits.AreConsistentWithTheDmaSpecification | FAIL |" "$work/summary.md" ||
  fail "the failing test is not in the summary: $(cat "$work/summary.md")"
echo "ok   the job summary of an F2 run names its failing test"

rm -rf "$work/job/dextqual-report" "$work/summary.md"
(cd "$work/job" && GITHUB_STEP_SUMMARY="$work/summary.md" bash -e "$work/summary-step.sh") ||
  fail "the summary step failed without a summary.json"
grep -q "wrote no summary.json" "$work/summary.md" || fail "a run without summary.json is not explained"
echo "ok   a run that wrote no summary.json is explained in the job summary"
