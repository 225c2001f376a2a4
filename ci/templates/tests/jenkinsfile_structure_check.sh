#!/usr/bin/env bash
# Jenkins cannot run in this lab (no Jenkins controller, no agents), so ci/templates/Jenkinsfile is
# checked for its structure only: balanced braces, brackets and parentheses outside strings and
# comments, and each construct a station pipeline needs — a matrix over stations, an agent label per
# station, a lock per DUT, the run's exit status taken (not thrown), 1 mapped to UNSTABLE and 2/3 to
# an error, and the JUnit (with attachments) and artifacts published always. What it cannot see:
# whether a real Jenkins accepts the DSL (plugins, step signatures).
#   jenkinsfile_structure_check.sh [JENKINSFILE]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
file=${1:-$here/../Jenkinsfile}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

python3 - "$file" <<'PY' || fail "unbalanced delimiters"
import sys
text = open(sys.argv[1]).read()
stack, i, line = [], 0, 1
pairs = {")": "(", "]": "[", "}": "{"}
while i < len(text):
    c = text[i]
    if c == "\n":
        line += 1
    if text.startswith("//", i):
        i = text.find("\n", i)
        if i < 0:
            break
        continue
    if c in "'\"":
        end = text.find(c, i + 1)
        while end > 0 and text[end - 1] == "\\":
            end = text.find(c, end + 1)
        if end < 0:
            sys.exit(f"line {line}: unterminated string")
        line += text.count("\n", i, end)
        i = end + 1
        continue
    if c in "([{":
        stack.append((c, line))
    elif c in ")]}":
        if not stack or stack[-1][0] != pairs[c]:
            sys.exit(f"line {line}: unexpected {c}")
        stack.pop()
    i += 1
if stack:
    sys.exit(f"unclosed {stack[-1][0]} from line {stack[-1][1]}")
PY

# need DESCRIPTION REGEX: the construct must be in the file.
need() { grep -Eq "$2" "$file" || fail "no $1 (/$2/)"; }
need "declarative pipeline" '^pipeline \{'
need "matrix over stations" "axis \{"
need "station axis" "name 'STATION'"
need "agent label per station" 'agent \{ label "dextqual && \$\{STATION\}" \}'
need "lock per DUT" 'lock\(resource: "dut-\$\{STATION\}"\)'
need "exit status taken, not thrown" 'sh\(returnStatus: true'
need "exit code 1 as UNSTABLE" 'status == 1\) \{'
need "the unstable step" 'unstable\('
need "other non-zero codes as errors" 'error\("dextqual exited'
need "publishing in post { always }" 'always \{'
need "junit of the report" "junit\(testResults: 'dextqual-report/junit.xml'"
need "JUnit attachments" "AttachmentPublisher"
need "archived report" "archiveArtifacts\(artifacts: 'dextqual-report/\*\*'"
if ((failures > 0)); then
  echo "$failures structural problem(s) in $file"
  exit 1
fi
echo "ok   $file: balanced, and every construct of a station pipeline is there"
