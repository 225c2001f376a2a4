#!/usr/bin/env bash
# The README's field-report table (between its field-report-table markers) must be exactly what
# `dextqual selftest --field-report-table` generates from the fault profiles' claims, so the README
# cannot promise a detection the selftest does not prove. On a difference: the diff and the fix.
#   field_report_table_check.sh DEXTQUAL README
set -euo pipefail
dextqual=${1:?usage: field_report_table_check.sh DEXTQUAL README}
readme=${2:?usage: field_report_table_check.sh DEXTQUAL README}
expected=$("$dextqual" selftest --field-report-table)
actual=$(sed -n '/<!-- field-report-table:begin -->/,/<!-- field-report-table:end -->/p' "$readme" | sed '1d;$d')
if [[ "$expected" != "$actual" ]]; then
  diff <(echo "$actual") <(echo "$expected") || true
  echo "README.md's field-report table differs from the profiles' claims (above: < README, > generated)." >&2
  echo "Regenerate it: dextqual selftest --field-report-table, between the field-report-table markers." >&2
  exit 1
fi
echo "README field-report table matches the claims of $(grep -c '^| ' <<<"$expected") rows"
