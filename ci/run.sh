#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and qualifies the simulated DEXT
# with `dextqual run` (no device given: simdext with the clean profile). Extra arguments go to
# `dextqual run`.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/install-deps.sh
ci/build.sh
exec build/runner/dextqual run --report-dir "${DEXTQUAL_REPORT_DIR:-build/report}" "$@"
