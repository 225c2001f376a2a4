#!/usr/bin/env bash
# Inverts a test's verdict for fault-detection tests: passes when COMMAND exits 1 (the suite
# caught the fault), fails when it exits 0 (the fault went unnoticed) or ends any other way
# (a crash, a signal or a configuration error is not a detection). 77 (cannot run) passes through.
"$@"
rc=$?
case $rc in
  1) echo "expect-failure: the fault was detected (exit 1), as expected"; exit 0 ;;
  0) echo "expect-failure: the fault went UNDETECTED: the command passed" >&2; exit 1 ;;
  77) exit 77 ;;
  *) echo "expect-failure: the command ended with $rc, not a clean detection" >&2; exit 1 ;;
esac
