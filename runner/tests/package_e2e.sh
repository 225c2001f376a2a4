#!/usr/bin/env bash
# The Debian package (issue 10 §2): `cpack -G DEB` from the build tree, its control fields (Depends
# names the runtime tools and the shared libraries, nothing of the build), its file list (the
# installed layout, no tests), then, container-less, `dpkg-deb -x` into a scratch root and
# `<root>/usr/bin/dextqual --version` and `list` from there, with none of the path overrides.
# Prints the package's size and Installed-Size (README figures).
#   package_e2e.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build_dir=$(cd "${1:?usage: package_e2e.sh BUILD_DIR SOURCE_DIR}" && pwd -P)
source_dir=$(cd "${2:?usage: package_e2e.sh BUILD_DIR SOURCE_DIR}" && pwd -P)
fail() {
  echo "package_e2e: FAIL: $*" >&2
  exit 1
}
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || fail "no $tool (cmake, dpkg, dpkg-dev: ci/install-deps.sh)"
done

work=$(mktemp -d /tmp/dextqual-package-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
# -B keeps cpack's staging and the package out of the build tree.
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
debs=("$work"/out/dextqual_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "expected one dextqual_<version>_<arch>.deb, got: ${debs[*]}"
deb=${debs[0]}
[[ "$(basename "$deb")" =~ ^dextqual_[0-9]+\.[0-9]+\.[0-9]+_[a-z0-9]+\.deb$ ]] || fail "file name $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "package_e2e: Depends: $depends"
for needed in fio gdisk e2fsprogs dosfstools exfatprogs util-linux fuse3 libfuse3 libsodium libpugixml libstdc++; do
  grep -q "\b$needed" <<<"$depends" || fail "Depends does not name $needed"
done
if grep -Eq -- '-dev\b|cmake|ninja|g\+\+|gcc-[0-9]|libgtest|googletest|libbenchmark' <<<"$depends"; then
  fail "Depends names a build tool or -dev package"
fi

dpkg-deb -c "$deb" | awk '{ print $NF }' >"$work/files.txt"
for part in ./usr/bin/dextqual ./usr/libexec/dextqual/simdext ./usr/libexec/dextqual/dextqual_scsi_suite \
    ./usr/libexec/dextqual/dextqual_make_dut ./usr/libexec/dextqual/with-simdext.sh \
    ./usr/share/dextqual/faults/clean.toml ./usr/share/dextqual/fio/write-verify.fio \
    ./usr/share/dextqual/products/simdext-raid0.toml; do
  grep -qxF "$part" "$work/files.txt" || fail "not in the package: $part"
done
if grep -E '_test$|bench|fake|dextqual-build-tree|/recorded/|/qemu/' "$work/files.txt"; then
  fail "the package holds the files above (tests, benchmarks, test fixtures)"
fi

root=$work/root
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x"
for tree in "$source_dir" "$build_dir"; do
  if grep -rlaF "$tree" "$root"; then fail "the files above contain the path $tree"; fi
done
cd "$work"
run() { env -u DEXTQUAL_FIXTURES -u DEXTQUAL_SUITES_DIR -u SIMDEXT -u MAKE_DUT "$@"; }
version=$(run "$root/usr/bin/dextqual" --version) || fail "dextqual --version from the extracted package"
[[ "$version" =~ ^dextqual\ [0-9]+\.[0-9]+\.[0-9]+\ \(.+\)$ ]] || fail "--version said: $version"
run "$root/usr/bin/dextqual" list >"$work/list.txt" || fail "dextqual list from the extracted package"
for suite in scsi rawio fio partition persistence; do
  grep -q "$suite" "$work/list.txt" || fail "dextqual list does not name the $suite suite"
done
echo "package_e2e: $version; $(basename "$deb") $(du -k "$deb" | cut -f1) KiB," \
  "Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB; $(grep -c '' "$work/list.txt") lines listed"
echo "package_e2e: PASS"
