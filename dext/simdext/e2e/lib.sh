# Shared by the simdext end-to-end tests: requirements, a private simdext, cleanup on any exit.
# Usage: source lib.sh; start_simdext PROFILE; ... ; (cleanup runs at exit)
# Needs root, /dev/fuse, loop devices. With CI=true a missing requirement fails (exit 1); otherwise
# the test is skipped (exit 77, CTest SKIP_RETURN_CODE).
set -uo pipefail
SIMDEXT=${SIMDEXT:?SIMDEXT must name the simdext binary}
FAULTS=${FAULTS:?FAULTS must name fixtures/faults}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

source "$(dirname "${BASH_SOURCE[0]}")/../../../ci/lib/cannot_run.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }
note() { echo "-- $*"; }

[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices, mounts)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
[[ -c /dev/loop-control ]] || cannot_run "no /dev/loop-control"
[[ -x "$SIMDEXT" ]] || cannot_run "no simdext binary at $SIMDEXT"
command -v python3 >/dev/null || cannot_run "no python3 (the tests parse JSON and speak the control socket with it)"

STATE=$(mktemp -d /tmp/simdext-e2e.XXXXXX)
MNT="$STATE/mnt"
mkdir -p "$MNT"
cleanup() {
  local rc=$?
  if mountpoint -q "$MNT"; then umount -l "$MNT" 2>/dev/null; fi
  "$SIMDEXT" stop --state "$STATE" >/dev/null 2>&1
  if [[ $rc -ne 0 && -f "$STATE/simdext.log" ]]; then
    echo "--- simdext.log" >&2; tail -20 "$STATE/simdext.log" >&2
  fi
  rm -rf "$STATE"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$STATE/simdext.json" "$1"; }
device() { json_field block_device; }
start_simdext() {
  "$SIMDEXT" start --profile "$FAULTS/$1" --state "$STATE" >/dev/null || fail "simdext start $1"
  DEV=$(device)
  [[ -b "$DEV" ]] || fail "no block device after start ($DEV)"
}
ctl() { "$SIMDEXT" ctl --state "$STATE" "$@" >/dev/null || fail "simdext ctl $*"; DEV=$(device); }
client() { python3 "$HERE/simdext_client.py" "$STATE" "$@"; }
