#!/usr/bin/env bash
# Inverts a test's verdict for fault-detection tests: passes when COMMAND exits 1 (the suite
# caught the fault) and its output says what it caught (--message, an extended regular expression);
# fails when it exits 0 (the fault went unnoticed), when it failed for another reason (the message is
# not there), or ends any other way (a crash, a signal or a configuration error is not a detection).
# 77 (cannot run) passes through.
#   ci/expect-failure.sh --message ERE COMMAND...
if [[ "${1:-}" != --message || -z "${2:-}" ]]; then
  echo "usage: ci/expect-failure.sh --message ERE COMMAND..." >&2
  exit 2
fi
message=$2
shift 2
output=$(mktemp)
trap 'rm -f "$output"' EXIT
"$@" 2>&1 | tee "$output"
rc=${PIPESTATUS[0]}
case $rc in
  1)
    if grep -Eq -- "$message" "$output"; then
      echo "expect-failure: the fault was detected (exit 1) and named (/$message/), as expected"
      exit 0
    fi
    echo "expect-failure: exit 1, but for another reason: nothing matches /$message/" >&2
    exit 1 ;;
  0) echo "expect-failure: the fault went UNDETECTED: the command passed" >&2; exit 1 ;;
  77) exit 77 ;;
  *) echo "expect-failure: the command ended with $rc, not a clean detection" >&2; exit 1 ;;
esac
