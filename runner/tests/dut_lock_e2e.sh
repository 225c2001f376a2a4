#!/usr/bin/env bash
# One DUT, one run (issue 10 §6), on a real loop device: while a run holds the DUT, a second run on the
# same disk (reached through another path) exits 2 at once, names the holder and writes nothing; when
# the holder is SIGKILLed, the next run takes the stale lock over and says so. Needs root and loop
# devices: under CI=true their absence is a failure, elsewhere a skip (exit 77).
#   dut_lock_e2e.sh DEXTQUAL
set -uo pipefail
dextqual=${1:?usage: dut_lock_e2e.sh DEXTQUAL}

source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
[[ -e /dev/loop-control ]] || cannot_run "no loop devices"

work=$(mktemp -d /tmp/dextqual-lock.XXXXXX)
loop=""
first=""
cleanup() {
  [[ -n "$first" ]] && kill -9 "$first" 2>/dev/null
  wait 2>/dev/null
  [[ -n "$loop" ]] && losetup -d "$loop" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export DEXTQUAL_LOCK_DIR="$work/locks"
fail() { echo "FAIL: $*" >&2; exit 1; }

truncate -s 256M "$work/disk.img"
loop=$(losetup -f --show --direct-io=on "$work/disk.img") || cannot_run "losetup failed"
ln -s "$loop" "$work/dut-link"
id="loop:$work/disk.img"

# The holder: a whole rawio run, long enough to be caught in the act.
"$dextqual" run --device "$loop" --allow-data-loss "$id" --suites rawio --report-dir "$work/first" \
  >"$work/first.log" 2>&1 &
first=$!
for _ in $(seq 100); do
  grep -qs "\"pid\":$first" "$DEXTQUAL_LOCK_DIR"/*.lock && break
  kill -0 "$first" 2>/dev/null || fail "the first run ended before it was seen holding the lock: $(cat "$work/first.log")"
  sleep 0.1
done
grep -qs "\"pid\":$first" "$DEXTQUAL_LOCK_DIR"/*.lock || fail "no lock record of the first run (pid $first)"

start=$(date +%s)
output=$("$dextqual" run --device "$work/dut-link" --allow-data-loss "$id" --suites rawio --quick \
  --report-dir "$work/second" 2>&1)
rc=$?
elapsed=$(($(date +%s) - start))
[[ $rc -eq 2 ]] || fail "second run: exit $rc, expected 2: $output"
[[ "$output" == *"another run"*"pid $first"* ]] || fail "second run does not name the holder (pid $first): $output"
[[ ! -e "$work/second" ]] || fail "second run wrote its report directory"
((elapsed <= 5)) || fail "second run took ${elapsed}s to be refused, not 'at once'"
echo "ok   second run refused in ${elapsed}s: $output"

# The holder dies without cleaning up (SIGKILL): the kernel frees the lock, its record stays.
kill -9 "$first"
wait "$first" 2>/dev/null
first=""
output=$("$dextqual" run --device "$loop" --allow-data-loss "$id" --suites rawio --quick \
  --filter 'RawTransferSizes.*' --report-dir "$work/third" 2>&1)
rc=$?
[[ $rc -eq 0 || $rc -eq 1 ]] || fail "third run: exit $rc: $output"
[[ "$output" == *"took over the stale DUT lock"* ]] || fail "third run did not note the stale lock: $output"
echo "ok   third run took over the stale lock (exit $rc)"
