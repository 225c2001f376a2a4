#!/usr/bin/env bash
# Runs a command against a fresh simdext: with-simdext.sh PROFILE [--quick] -- COMMAND [ARGS...]
# Starts simdext with PROFILE in a private state directory, writes dut.json there, runs COMMAND
# with DEXTQUAL_DUT pointing at it, and stops simdext whatever happens. The command's exit code is
# the script's; a harness failure (simdext would not start, no dut.json) is exit 3, so that
# ci/expect-failure.sh never mistakes it for a detected fault. Binaries come from $SIMDEXT and
# $MAKE_DUT (CTest sets them), else from beside this script when it is the installed copy
# (<prefix>/libexec/dextqual/with-simdext.sh, which dextqual's reproducer lines name), else build/.
# Needs root, /dev/fuse and loop devices; under CI=true their absence is a failure (exit 1),
# elsewhere a skip (exit 77, CTest's SKIP_RETURN_CODE for these tests).
set -uo pipefail
self_dir=$(cd "$(dirname "$0")" && pwd)
here=$(cd "$self_dir/.." && pwd)
profile=${1:?usage: with-simdext.sh PROFILE [--quick] -- COMMAND...}
shift
quick=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    *) echo "with-simdext: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ "${1:-}" == "--" ]] && shift
if [[ -x "$self_dir/simdext" && -x "$self_dir/dextqual_make_dut" ]]; then
  simdext=${SIMDEXT:-$self_dir/simdext}
  make_dut=${MAKE_DUT:-$self_dir/dextqual_make_dut}
else
  simdext=${SIMDEXT:-$here/build/dext/simdext/simdext}
  make_dut=${MAKE_DUT:-$here/build/suites/lib/dextqual_make_dut}
fi

cannot_run() {
  echo "with-simdext: cannot run: $1" >&2
  if [[ "${CI:-}" == "true" ]]; then exit 1; fi
  exit 77
}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
[[ -x "$simdext" ]] || cannot_run "no simdext binary at $simdext"

state=$(mktemp -d /tmp/dextqual-sim.XXXXXX)
cleanup() {
  "$simdext" stop --state "$state" >/dev/null 2>&1
  rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if ! "$simdext" start --profile "$profile" --state "$state"; then
  echo "with-simdext: simdext start failed for $profile" >&2
  exit 3
fi
"$make_dut" --from-simdext "$state" --out "$state/dut.json" --allow-data-loss "${quick[@]}" || exit 3
DEXTQUAL_DUT="$state/dut.json" "$@"
