#!/usr/bin/env bash
# Builds the packages of the installed tree (cmake/Packaging.cmake) into build/packages/:
#   dextqual_<version>_<arch>.deb        apt install ./build/packages/dextqual_*.deb
#   dextqual-<version>-<system>.tar.gz   unpack anywhere, run <dir>/bin/dextqual
# Installs what is missing and builds first, like the two commands.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/install-deps.sh
ci/build.sh >/dev/null
out=build/packages
rm -rf "$out/_CPack_Packages"
(cd build && cpack -G "DEB;TGZ" -B "$PWD/packages" >/dev/null)
rm -rf "$out/_CPack_Packages"
ls -1 "$out"/dextqual*.deb "$out"/dextqual*.tar.gz
