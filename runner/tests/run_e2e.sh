#!/usr/bin/env bash
# `dextqual run` end to end on simdext (the README's main command, --quick): exit 0 on the clean
# profile, the four reports written, junit.xml valid against junit-10.xsd. With --selftest: `dextqual
# selftest --profile PROFILE` (the whole suite, --quick, under one fault profile) must match its claims.
# Needs root, /dev/fuse and loop devices: under CI=true their absence is a
# failure, elsewhere a skip (exit 77).
#   run_e2e.sh DEXTQUAL XSD [--selftest PROFILE]
set -uo pipefail
dextqual=${1:?usage: run_e2e.sh DEXTQUAL XSD [--selftest]}
xsd=${2:?usage: run_e2e.sh DEXTQUAL XSD [--selftest]}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
[[ -f "$xsd" ]] || { echo "run_e2e: junit-10.xsd not found at $xsd (vendored in reports/schemas/)" >&2; exit 1; }
work=$(mktemp -d /tmp/dextqual-run-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [[ "${3:-}" == "--selftest" ]]; then
  "$dextqual" selftest --profile "${4:?--selftest needs a profile}" --report-dir "$work/selftest"
  rc=$?
  xmllint --noout --schema "$xsd" "$work/selftest/selftest.xml" || exit 1
  exit $rc
fi
"$dextqual" run --quick --report-dir "$work/report"
rc=$?
for file in junit.xml summary.json report.html; do
  [[ -s "$work/report/$file" ]] || { echo "run_e2e: no $file" >&2; exit 1; }
done
xmllint --noout --schema "$xsd" "$work/report/junit.xml" || exit 1
tail -c 300 "$work/report/junit.xml" >/dev/null
exit $rc
