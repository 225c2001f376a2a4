#!/usr/bin/env bash
# F5: INQUIRY completes GOOD with bytes transferred but no data reaches the host buffer; the block
# device shows up with 0 bytes.
source "$(dirname "$0")/lib.sh"
start_simdext f5-inquiry-dma-lost.toml
size=$(blockdev --getsize64 "$DEV")
[[ "$size" == 0 ]] || fail "block device has $size bytes, expected 0"
client scsi 0 0 120000006000 read 96 | python3 -c "
import json, sys
r = json.load(sys.stdin)
assert r['service_response'] == 2 and r['completion_status'] == 0, r
assert r['bytes_transferred'] == 96, r
assert r['payload'] == '', 'data reached the host buffer: %s' % r['payload']
" || fail "INQUIRY pass-through"
pass "F5 reproduced: 0-byte disk, INQUIRY GOOD with 96 bytes transferred and nothing delivered"
