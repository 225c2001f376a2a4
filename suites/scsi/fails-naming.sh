#!/usr/bin/env bash
# A fault profile's detection test: runs the suite command, which must fail (exit 1) with a failure
# message matching PATTERN, the cause the profile plants. Passing means the fault went unnoticed;
# failing for another reason (crash, usage error, another message) is not detection either.
#   fails-naming.sh PATTERN COMMAND [ARGS...]
set -uo pipefail
pattern=${1:?usage: fails-naming.sh PATTERN COMMAND...}
shift
output=$("$@" 2>&1)
rc=$?
if [[ $rc -eq 0 ]]; then
  echo "$output" | tail -20
  echo "fails-naming: the suite passed: the planted fault went unnoticed" >&2
  exit 1
fi
if [[ $rc -ne 1 ]]; then
  echo "$output" | tail -40
  echo "fails-naming: the suite exited $rc (expected 1: test failures)" >&2
  exit 1
fi
if ! grep -Eq -- "$pattern" <<<"$output"; then
  echo "$output" | tail -40
  echo "fails-naming: the suite failed, but no message matches: $pattern" >&2
  exit 1
fi
grep -E -m3 -- "$pattern" <<<"$output"
echo "fails-naming: caught, and the message names the cause"
