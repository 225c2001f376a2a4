#!/usr/bin/env bash
# F2: dd bs=64k to the raw device works, bs=128k fails at once with EIO, and the controller never
# sees the 128 KiB command.
source "$(dirname "$0")/lib.sh"
start_simdext f2-max-transfer-64k.toml
mark=$(client op '{"op":"mark"}' | python3 -c "import json,sys; print(json.load(sys.stdin)['mark'])")
dd if=/dev/urandom of="$DEV" bs=64k count=16 oflag=direct status=none || fail "64 KiB direct writes failed"
err=$(dd if=/dev/zero of="$DEV" bs=128k count=1 oflag=direct 2>&1) && fail "128 KiB direct write succeeded"
grep -q "Input/output error" <<<"$err" || fail "128 KiB write failed without EIO: $err"
client op "{\"op\":\"trace\",\"since\":$mark}" | python3 -c "
import json, sys
entries = json.load(sys.stdin)['entries']
big = [e for e in entries if e['requested'] > 65536]
assert not big, 'the controller saw a command above 64 KiB: %s' % big[0]
assert any(e['requested'] == 65536 for e in entries), 'no 64 KiB command in the trace'
" || fail "trace"
pass "F2 reproduced: 64 KiB works, 128 KiB fails with EIO before reaching the controller"
