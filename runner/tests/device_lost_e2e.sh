#!/usr/bin/env bash
# DEVICE-LOST end to end: a fake suite stops the simdext under it mid-run. The runner must report
# that test DEVICE-LOST, skip the later one with "not run: device lost in ...", exit 1, and leave a
# valid report. Needs root and /dev/fuse (CI=true: failure when missing, else skip 77).
#   device_lost_e2e.sh DEXTQUAL FAKE_SUITES_DIR
set -uo pipefail
dextqual=${1:?usage: device_lost_e2e.sh DEXTQUAL FAKE_SUITES_DIR}
fakes=${2:?usage: device_lost_e2e.sh DEXTQUAL FAKE_SUITES_DIR}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
work=$(mktemp -d /tmp/dextqual-device-lost.XXXXXX)
trap 'rm -rf "$work"' EXIT
DEXTQUAL_SUITES_DIR=$fakes "$dextqual" run --suites fakedevicelost --report-dir "$work/report" >"$work/console" 2>&1
rc=$?
cat "$work/console"
summary="$work/report/summary.json"
verdict() { python3 -c "import json,sys; t=[x for x in json.load(open('$summary'))['tests'] if x['name']=='$1']; print(t[0]['verdict'] + ' ' + t[0]['message'] if t else 'missing')"; }
lost=$(verdict Fake.LosesTheDevice)
after=$(verdict Fake.WouldNeedTheDevice)
[[ $rc -eq 1 ]] || { echo "device_lost_e2e: exit $rc, expected 1"; exit 1; }
[[ "$lost" == DEVICE-LOST* ]] || { echo "device_lost_e2e: LosesTheDevice is '$lost'"; exit 1; }
[[ "$after" == "SKIPPED not run: device lost in fakedevicelost :: Fake.LosesTheDevice"* ]] ||
  { echo "device_lost_e2e: WouldNeedTheDevice is '$after'"; exit 1; }
echo "device_lost_e2e: ok"
