#!/usr/bin/env bash
# F6: target 1 answers TEST UNIT READY with UNIT ATTENTION, then nothing more reaches it (INQUIRY
# times out); sparse target 5 goes on normally.
source "$(dirname "$0")/lib.sh"
start_simdext f6-target-stalls-after-ua.toml
check() {  # TARGET CDB DIRECTION LENGTH PYTHON-ASSERTION
  client scsi "$1" 0 "$2" "$3" "$4" 1000 | python3 -c "import json,sys; r=json.load(sys.stdin); assert $5, r" ||
    fail "target $1 cdb $2"
}
check 1 000000000000 none 0 "r['completion_status'] == 2 and r['sense'][4:6] == '06'"
check 1 120000006000 read 96 "r['service_response'] == 1 and r['completion_status'] == 1"
note "target 1: UNIT ATTENTION, then INQUIRY times out"
check 5 000000000000 none 0 "r['completion_status'] == 2 and r['sense'][4:6] == '06'"
check 5 120000006000 read 96 "r['service_response'] == 2 and r['completion_status'] == 0"
check 5 25000000000000000000 read 8 "r['service_response'] == 2 and r['completion_status'] == 0"
pass "F6 reproduced: target 1 stalls after its unit attention, target 5 does not"
