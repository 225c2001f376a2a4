#!/usr/bin/env bash
# Installs what dextqual needs to build and test, and nothing when it is all there already.
# Debian/Ubuntu through apt-get; macOS through Homebrew (documented, not tried here).
set -euo pipefail

debian_packages=(
  build-essential cmake ninja-build pkg-config git python3
  libgtest-dev libgmock-dev libbenchmark-dev
  libsodium-dev libpugixml-dev libboost1.81-dev libfuse3-dev fuse3
  libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libre2-dev  # failure patterns: a linear-time engine, safe on any length of test output
  fio gdisk util-linux e2fsprogs dosfstools exfatprogs sg3-utils libxml2-utils
  dpkg-dev file  # cpack -G DEB: dpkg-shlibdeps computes the Depends, file finds the ELF files
  clang-format clang-tidy
  rsync jq python3-yaml
  chromium  # reports/tests: the HTML report rendered and checked in a real browser
  qemu-system-x86 busybox-static cpio zstd xz-utils kmod
)
brew_packages=(cmake ninja pkg-config googletest google-benchmark libsodium pugixml boost cli11
               nlohmann-json tomlplusplus re2 fio)

if [[ "$(uname -s)" == "Darwin" ]]; then
  # macOS: the suites build against Homebrew; simdext (FUSE, loop devices) is Linux-only.
  brew install "${brew_packages[@]}"
  exit 0
fi

install_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    echo "install-deps: every Debian package is installed"
    return 0
  fi
  echo "install-deps: installing ${missing[*]}"
  local sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
install_debian_packages "${debian_packages[@]}"
# Node.js may come from elsewhere than Debian (these machines have v20); Debian's only when none is there.
command -v npm >/dev/null || install_debian_packages nodejs npm

# Test tools Debian does not package (ci/templates/tests/package.json): gitlab-ci-local, action-validator.
templates_tests="$(cd "$(dirname "$0")" && pwd)/templates/tests"
if [[ ! -x "$templates_tests/node_modules/.bin/gitlab-ci-local" ||
      "$templates_tests/package-lock.json" -nt "$templates_tests/node_modules/.package-lock.json" ]]; then
  echo "install-deps: npm ci in $templates_tests"
  npm ci --prefix "$templates_tests" --no-audit --no-fund --loglevel=error
else
  echo "install-deps: npm test tools are installed"
fi
