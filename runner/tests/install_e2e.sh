#!/usr/bin/env bash
# The installed tree stands alone (issue 10 §2): `cmake --install` into a temporary prefix, the
# prefix moved elsewhere (relocatable), no source or build path in any installed file, then, in a
# private mount namespace where tmpfs hides the source and build trees and with none of the
# DEXTQUAL_FIXTURES / DEXTQUAL_SUITES_DIR / SIMDEXT overrides: `dextqual --version`, `list`,
# `run --quick` (exit 0, valid junit.xml), `selftest --profile f2-max-transfer-64k` (exit 0) and a
# reproducer line (the installed with-simdext.sh running a suite binary on its own).
# Needs root (mount namespace, loop devices) and /dev/fuse: under CI=true their absence is a failure,
# elsewhere a skip (exit 77). Prints the wall time of the installed `run --quick` (README figure).
#   install_e2e.sh SOURCE_DIR BUILD_DIR XSD
set -uo pipefail
source_dir=$(cd "${1:?usage: install_e2e.sh SOURCE_DIR BUILD_DIR XSD}" && pwd -P)
build_dir=$(cd "${2:?usage: install_e2e.sh SOURCE_DIR BUILD_DIR XSD}" && pwd -P)
xsd=${3:?usage: install_e2e.sh SOURCE_DIR BUILD_DIR XSD}
source "$(dirname "${BASH_SOURCE[0]}")/../../ci/lib/cannot_run.sh"
fail() {
  echo "install_e2e: FAIL: $*" >&2
  exit 1
}
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (mount namespace, loop devices)"
[[ -c /dev/fuse ]] || cannot_run "no /dev/fuse"
command -v unshare >/dev/null || cannot_run "no unshare (util-linux)"

work=$(mktemp -d /tmp/dextqual-install-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$xsd" "$work/junit-10.xsd" || fail "no junit-10.xsd at $xsd"

# Install, then move: the tree must not depend on the prefix it was installed to either.
cmake --install "$build_dir" --prefix "$work/staged" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
mv "$work/staged" "$work/moved"
prefix=$work/moved
for part in bin/dextqual libexec/dextqual/simdext libexec/dextqual/dextqual_scsi_suite \
    libexec/dextqual/with-simdext.sh share/dextqual/faults/clean.toml share/dextqual/fio/write-verify.fio \
    share/dextqual/products/simdext-raid0.toml; do
  [[ -e "$prefix/$part" ]] || fail "not installed: $part"
done
if find "$prefix" -name '*_test' -o -name '*bench*' -o -name 'dextqual-build-tree' | grep .; then
  fail "tests, benchmarks or the build-tree marker were installed"
fi
for tree in "$source_dir" "$build_dir"; do
  if grep -rlaF "$tree" "$prefix"; then fail "the files above contain the path $tree"; fi
done

# The namespace's view: source and build trees empty, the overrides gone, cwd outside both.
inner='
set -uo pipefail
mount -t tmpfs none "$1" || exit 90
[[ "$2" == "$1"/* ]] || mount -t tmpfs none "$2" || exit 90
[[ -z "$(ls -A "$1")" ]] || exit 91
dq=$3/bin/dextqual
"$dq" --version >"$4/version.txt" || exit 10
"$dq" list >"$4/list.txt" || exit 11
start=$(date +%s.%N)
"$dq" run --quick --report-dir "$4/run" >"$4/run.log" 2>&1 || exit 12
echo "$start $(date +%s.%N)" >"$4/run-time.txt"
"$dq" selftest --profile f2-max-transfer-64k --report-dir "$4/selftest" >"$4/selftest.log" 2>&1 || exit 13
# A reproducer line as an installed run prints it: the installed with-simdext.sh and a suite on its
# own, which finds the product files relative to itself (F7 is caught naming the installed file).
"$3/libexec/dextqual/with-simdext.sh" "$3/share/dextqual/faults/f7-protocol-scsi.toml" -- \
  "$3/libexec/dextqual/dextqual_scsi_suite" --gtest_filter="Identity.*" >"$4/reproducer.log" 2>&1 && exit 14
grep -qF "VPD 83h target port designators say parallel SCSI (PROTOCOL IDENTIFIER 1h) where the product is Fibre Channel" "$4/reproducer.log" || exit 14
grep -qF ", $3/share/dextqual/products/simdext-raid0.toml)" "$4/reproducer.log" || exit 14
'
cd "$work"
env -u DEXTQUAL_FIXTURES -u DEXTQUAL_SUITES_DIR -u SIMDEXT -u MAKE_DUT -u DEXTQUAL_DUT \
  unshare --mount --propagation private bash -c "$inner" inner "$source_dir" "$build_dir" "$prefix" "$work"
rc=$?
case $rc in
  0) ;;
  90) cannot_run "cannot mount tmpfs in a private mount namespace" ;;
  91) fail "the source tree is still visible in the namespace" ;;
  10) fail "dextqual --version" ;;
  11) fail "dextqual list" ;;
  12) tail -n 40 "$work/run.log" >&2; fail "dextqual run --quick from the installed tree" ;;
  13) tail -n 40 "$work/selftest.log" >&2; fail "dextqual selftest --profile f2-max-transfer-64k" ;;
  14) tail -n 40 "$work/reproducer.log" >&2; fail "installed with-simdext.sh + scsi suite on f7 (expected F7 caught)" ;;
  *) fail "namespace exited $rc" ;;
esac

grep -Eq '^dextqual [0-9]+\.[0-9]+\.[0-9]+ \(.+\)$' "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
for suite in scsi rawio fio partition; do
  grep -q "$suite" "$work/list.txt" || fail "dextqual list does not name the $suite suite"
done
[[ -s "$work/run/junit.xml" ]] || fail "no junit.xml"
xmllint --noout --schema "$work/junit-10.xsd" "$work/run/junit.xml" || fail "junit.xml is not valid"
# The reports name the installed parts, never the trees it was built from.
for tree in "$source_dir" "$build_dir"; do
  if grep -rlF "$tree" "$work/run" "$work/selftest"; then fail "the reports above name $tree"; fi
done
read -r start end <"$work/run-time.txt"
echo "install_e2e: $(cat "$work/version.txt"); installed tree $(du -sh "$prefix" | cut -f1);" \
  "run --quick from it: $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", e - s }') s," \
  "$(grep -Eo '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' "$work/run.log" | tail -n 1)"
echo "install_e2e: PASS"
