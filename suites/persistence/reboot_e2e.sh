#!/usr/bin/env bash
# The runner's half of the reboot contract (reboot_contract.h), for CTest without the runner:
#   reboot_e2e.sh SUITE_BINARY
# Run inside ci/with-simdext.sh (which sets DEXTQUAL_DUT; CTest sets SIMDEXT and MAKE_DUT). Runs phase 1,
# checks it asked for a reboot, restarts simdext (the host reboot's stand-in), re-finds the DUT by
# rewriting dut.json from the restarted simdext, confirms with reboot-done.json, deletes the request
# and runs phase 2. The exit code is phase 2's (or 1 when the contract was broken before it).
set -uo pipefail
suite=${1:?usage: reboot_e2e.sh SUITE_BINARY}
dut=${DEXTQUAL_DUT:?run me under ci/with-simdext.sh}
state=$(dirname "$dut")
simdext=${SIMDEXT:?SIMDEXT must name the simdext binary}
make_dut=${MAKE_DUT:?MAKE_DUT must name dextqual_make_dut}
quick=()
grep -q '"quick": *true' "$dut" && quick=(--quick)

"$suite" --gtest_filter=Reboot.Phase1WriteAndFlush || { echo "reboot_e2e: phase 1 failed" >&2; exit 1; }
request="$state/reboot-request.json"
[[ -f "$request" ]] || { echo "reboot_e2e: phase 1 passed without writing $request" >&2; exit 1; }
requested_by=$(sed -n 's/.*"requested_by": *"\([^"]*\)".*/\1/p' "$request")

"$simdext" ctl --state "$state" restart >/dev/null || { echo "reboot_e2e: simdext restart failed" >&2; exit 1; }
"$make_dut" --from-simdext "$state" --out "$dut" --allow-data-loss "${quick[@]}" || exit 1
boot_id=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown)
printf '{"requested_by": "%s", "boot_id": "%s", "method": "simdext-restart"}\n' "$requested_by" "$boot_id" \
  >"$state/reboot-done.json.tmp" && mv "$state/reboot-done.json.tmp" "$state/reboot-done.json"
rm -f "$request"

"$suite" --gtest_filter=Reboot.Phase2VerifyAfterRestart
