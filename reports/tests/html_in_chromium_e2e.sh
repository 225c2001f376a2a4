#!/usr/bin/env bash
# The HTML report of failing runs, rendered in headless Chromium under Jenkins' default CSP: `dextqual
# run` on simdext's F2 profile (--quick), F1 profile (--quick --suites buffered) and F10 profile
# (--quick --suites hotplug: attach times over the budget), plus the sample
# report with every other kind of picture; the rendered DOM must hold the grouped causes and pictures
# (html_in_chromium.py), and a screenshot of each is written to $DEXTQUAL_SCREENSHOT_DIR (default: a
# temporary directory). Needs root, /dev/fuse, loop devices and chromium: under CI=true their absence
# is a failure, elsewhere a skip (exit 77).
#   html_in_chromium_e2e.sh DEXTQUAL SAMPLE_REPORT_HTML
set -uo pipefail
dextqual=${1:?usage: html_in_chromium_e2e.sh DEXTQUAL SAMPLE_REPORT_HTML}
sample=${2:?usage: html_in_chromium_e2e.sh DEXTQUAL SAMPLE_REPORT_HTML}
here=$(cd "$(dirname "$0")" && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
command -v chromium >/dev/null || cannot_run "no chromium (apt-get install chromium; ci/install-deps.sh)"
work=$(mktemp -d /tmp/dextqual-html-chromium.XXXXXX)
trap 'rm -rf "$work"' EXIT
shots=${DEXTQUAL_SCREENSHOT_DIR:-$work/screenshots}

# Both runs must fail (exit 1): a report of a passing run would show no failure to draw.
run_failing() {
  local name=$1
  shift
  local start=$SECONDS
  "$dextqual" run "$@" --report-dir "$work/$name" >"$work/$name.log" 2>&1
  local rc=$?
  echo "html_in_chromium_e2e: $name: dextqual exited $rc after $((SECONDS - start)) s"
  if [[ $rc -ne 1 || ! -s "$work/$name/report.html" ]]; then
    tail -n 40 "$work/$name.log" >&2
    exit 1
  fi
}
run_failing f2 --sim f2-max-transfer-64k --quick
run_failing f1 --sim f1-flush-lie-above-threshold --quick --suites buffered
run_failing f10 --sim f10-slow-attach --quick --suites hotplug
mkdir -p "$work/sample"
"$sample" "$work/sample/report.html" || exit 1

python3 "$here/html_in_chromium.py" \
  "$work/f2/report.html:causes,eio-first,grouped,details,sweep,sweep-fail,sweep-pass,limit:$shots/f2-max-transfer-64k.png" \
  "$work/f1/report.html:causes,details,sweep,sweep-fail,sweep-pass:$shots/f1-flush-lie-above-threshold.png" \
  "$work/f10/report.html:causes,grouped,details,attach:$shots/f10-slow-attach.png" \
  "$work/sample/report.html:causes,grouped,sweep,limit,lba-strip,attach,baseline,selftest:$shots/every-picture.png:2600"
