#!/usr/bin/env python3
"""A minimal control-socket client for simdext (framing: dext/wire), for the end-to-end tests and
the QEMU qualification host (fixtures/qemu/qualify_host.py imports request()).

simdext_client.py STATE scsi TARGET LUN CDBHEX none|read|write LENGTH [TIMEOUT_MS] [DATA_OUT_FILE]
    prints the reply JSON with "payload" (hex) added
simdext_client.py STATE op '{"op": ...}'
"""
import json
import socket
import struct
import sys


def request(state, obj, payload=b"", timeout=None):
    """One request: u32 LE JSON length, u32 LE payload length, JSON, payload; the reply likewise.
    With `timeout` (seconds), a simdext that does not answer in time raises socket.timeout; without,
    the caller's own bound applies (the e2e tests' CTest timeout)."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(timeout)
        s.connect(state + "/control.sock")
        body = json.dumps(obj).encode()
        s.sendall(struct.pack("<II", len(body), len(payload)) + body + payload)

        def read(n):
            out = b""
            while len(out) < n:
                chunk = s.recv(n - len(out))
                if not chunk:
                    raise EOFError("simdext closed the connection")
                out += chunk
            return out

        json_length, payload_length = struct.unpack("<II", read(8))
        reply = json.loads(read(json_length))
        data = read(payload_length)
    return reply, data


def main():
    state, kind = sys.argv[1], sys.argv[2]
    if kind == "scsi":
        target, lun, cdb, direction, length = sys.argv[3:8]
        timeout = int(sys.argv[8]) if len(sys.argv) > 8 else 5000
        data_out = open(sys.argv[9], "rb").read() if len(sys.argv) > 9 else b""
        reply, data = request(state, {"op": "scsi", "target": int(target), "lun": int(lun), "cdb": cdb,
                                      "direction": direction, "transfer_length": int(length),
                                      "timeout_ms": timeout}, data_out)
        reply["payload"] = data.hex()
    else:
        reply, _ = request(state, json.loads(sys.argv[3]))
    print(json.dumps(reply))


if __name__ == "__main__":
    main()
