#!/usr/bin/env bash
# The control-socket pass-through on clean.toml: unit attention then GOOD, INQUIRY, READ CAPACITY(16)
# of the >2 TiB LU (target 3 LUN 1), WRITE(16)/READ(16) of unique blocks at LBA 2^32-1, 2^32,
# 2^32+1, and the trace since a mark.
source "$(dirname "$0")/lib.sh"
start_simdext clean.toml
mark=$(client op '{"op":"mark"}' | python3 -c "import json,sys; print(json.load(sys.stdin)['mark'])")
python3 - "$STATE" "$HERE" "$mark" <<'PY' || fail "pass-through"
import sys
sys.path.insert(0, sys.argv[2])
from simdext_client import request
state, mark = sys.argv[1], int(sys.argv[3])

def scsi(target, lun, cdb, direction="none", length=0, data=b""):
    reply, payload = request(state, {"op": "scsi", "target": target, "lun": lun, "cdb": cdb.hex(),
                                     "direction": direction, "transfer_length": length, "timeout_ms": 5000}, data)
    assert reply["ok"], reply
    return reply, payload

r, _ = scsi(3, 1, bytes(6))
assert r["completion_status"] == 2 and r["sense"][4:6] == "06", r          # power-on unit attention
r, _ = scsi(3, 1, bytes(6))
assert r["service_response"] == 2 and r["completion_status"] == 0, r
r, p = scsi(3, 1, bytes([0x12, 0, 0, 0, 96, 0]), "read", 96)
assert r["bytes_transferred"] == 96 and len(p) == 96 and p[0] == 0, (r, p)
r, p = scsi(3, 1, bytes([0x9E, 0x10]) + bytes(8) + (32).to_bytes(4, "big") + bytes(2), "read", 32)
last = int.from_bytes(p[0:8], "big")
assert last == 4296015872 - 1 and int.from_bytes(p[8:12], "big") == 512, p.hex()
for lba in (2**32 - 1, 2**32, 2**32 + 1):
    block = (b"LBA %016x " % lba) * 24 + bytes(512 - 24 * 21)
    cdb = lambda op: bytes([op, 0]) + lba.to_bytes(8, "big") + (1).to_bytes(4, "big") + bytes(2)
    r, _ = scsi(3, 1, cdb(0x8A), "write", 512, block)
    assert r["completion_status"] == 0 and r["bytes_transferred"] == 512, r
    r, p = scsi(3, 1, cdb(0x88), "read", 512)
    assert p == block, "LBA %#x read back differs" % lba
reply, _ = request(state, {"op": "trace", "since": mark})
entries = reply["entries"]
assert len(entries) == 10 and all(e["source"] == "passthrough" and e["target"] == 3 for e in entries), entries
assert entries[-1]["cdb"].startswith("88") and entries[-1]["bytes_transferred"] == 512
reply, _ = request(state, {"op": "faults"})
assert reply["ok"] and reply["faults"] == []
PY
pass "pass-through: unit attention, INQUIRY, READ CAPACITY(16), READ/WRITE(16) across LBA 2^32, trace"
