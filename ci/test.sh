#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test with CTest.
#   ci/test.sh              every test (unit, end-to-end on simdext, the QEMU SCSI guests)
#   ci/test.sh --sanitize   the unit tests built with ASan + UBSan
# Ends with CTest's summary line. Tests that need root, FUSE or loop devices fail rather than
# skip when CI=true and they cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

ci/install-deps.sh
mode=${1:-}
if [[ "$mode" == "--sanitize" ]]; then
  ci/build.sh --sanitize
  # halt_on_error: a sanitizer report is a failure, not a log line.
  export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  cd build-sanitize && ctest --output-on-failure --timeout 300 -L unit
else
  ci/build.sh
  cd build && ctest --output-on-failure --timeout 900 --parallel 2
fi
