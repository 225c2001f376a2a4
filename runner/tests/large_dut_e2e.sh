#!/usr/bin/env bash
# A 64 TiB simdext DUT runs the quick suite (issue 13 §2; the field's volumes are 66 TB): `dextqual run
# --sim fixtures/sizes/clean-64tib.toml --quick` exits 0 with no failure, and every skip is one clean
# allows (clean.toml [[selftest.allowed_skip]]) or a CDB size that cannot address the end of a 64 TiB
# LU; any other skip could hide a failure at this size and fails the test. Prints the counts and time.
#   large_dut_e2e.sh DEXTQUAL PROFILE CLEAN_PROFILE
set -uo pipefail
dextqual=${1:?usage: large_dut_e2e.sh DEXTQUAL PROFILE CLEAN_PROFILE}
profile=${2:?usage: large_dut_e2e.sh DEXTQUAL PROFILE CLEAN_PROFILE}
clean=${3:?usage: large_dut_e2e.sh DEXTQUAL PROFILE CLEAN_PROFILE}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
work=$(mktemp -d /tmp/dextqual-large-dut.XXXXXX)
trap 'rm -rf "$work"' EXIT

start=$(date +%s)
"$dextqual" run --sim "$profile" --quick --report-dir "$work/report" >"$work/console.log" 2>&1
rc=$?
echo "large_dut: dextqual run exit $rc in $(($(date +%s) - start)) s; $(tail -1 "$work/console.log")"
[[ $rc -eq 0 ]] || { tail -30 "$work/console.log" >&2; exit 1; }
python3 - "$work/report/summary.json" "$clean" <<'PY'
import json, re, sys, tomllib
summary = json.load(open(sys.argv[1]))
allowed = [s["message"] for s in tomllib.load(open(sys.argv[2], "rb")).get("selftest", {}).get("allowed_skip", [])]
# What a 64 TiB LU (2^37 blocks) rightly cannot do: address its end with a 6/10/12-byte CDB or
# SYNCHRONIZE CACHE(10), and offer a larger LU for the LBA-bit walk (the DUT's own walk covers it).
allowed += [r"does not fit a (6|10|12)-byte CDB", r"beyond every huge LBA a (6|10|12)-byte CDB can carry",
            r"does not fit SYNCHRONIZE CACHE\(10\)", r"no reachable LU is larger than the DUT"]
tests = summary["tests"]
failed = [t["name"] for t in tests if t.get("failure")]
skipped = [t for t in tests if t.get("verdict", t.get("status", "")).upper().startswith("SKIP")]
unexplained = [(t["name"], t.get("message", "")) for t in skipped
               if not any(re.search(p, t.get("message", "")) for p in allowed)]
print("large_dut: %d tests, %d failed, %d skipped" % (len(tests), len(failed), len(skipped)))
assert not failed, "failed on the 64 TiB DUT: %s" % failed
assert skipped, "no skip at all: the summary's verdict field changed, this check reads nothing"
assert not unexplained, "skips a 64 TiB DUT does not explain: %s" % unexplained[:3]
PY
