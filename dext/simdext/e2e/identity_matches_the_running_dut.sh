#!/usr/bin/env bash
# `simdext identity --profile P` (what ci/qemu-qualify.sh gives QEMU's scsi-hd) prints the serial and
# WWN the running simdext's DUT has, for a profile that states only its difference from a base; a
# malformed profile is exit 2 with the loader's message, never a made-up identity.
source "$(dirname "$0")/lib.sh"
profile=f1-flush-lie-above-threshold.toml  # base = "clean.toml"
read -r serial wwn < <("$SIMDEXT" identity --profile "$FAULTS/$profile") || fail "simdext identity $profile"
start_simdext "$profile"
running=$(python3 -c "import json; i = json.load(open('$STATE/simdext.json'))['identity']; print(i['serial'], i['wwn'])")
[[ "$serial $wwn" == "$running" ]] || fail "identity says '$serial $wwn', the running DUT is '$running'"
bad="$STATE/bad.toml"
printf '[controller\n' >"$bad"
out=$("$SIMDEXT" identity --profile "$bad" 2>&1)
rc=$?
[[ $rc -eq 2 && -n "$out" ]] || fail "malformed profile: exit $rc, '$out' (expected exit 2 with the reason)"
pass "identity '$serial $wwn' is the running DUT's; a malformed profile is exit 2 ($out)"
