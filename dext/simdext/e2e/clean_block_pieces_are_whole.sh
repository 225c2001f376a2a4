#!/usr/bin/env bash
# Requests reach the model as macOS's IOBreaker would split them (issue 13 §2): a 4 MiB O_DIRECT
# write and read of the clean DUT (published limits: 1 MiB) arrive as exactly four 1 MiB commands,
# as the command histogram shows. The buffer is backed by transparent huge pages: the loop device's
# queue has 128 segments, so a buffer of scattered 4 KiB pages is cut into ~512 KiB requests by the
# Linux host before simdext sees it (a limit of this simulation, dext/README.md "Request sizes");
# that case is measured and printed, and must still never exceed the published limit.
source "$(dirname "$0")/lib.sh"
start_simdext clean.toml
queue=/sys/block/$(basename "$DEV")/queue
[[ $(cat "$queue/max_sectors_kb") == 1024 ]] || fail "loop queue splits at $(cat "$queue/max_sectors_kb") KiB, not the published 1024"
grep -q '\[never\]' /sys/kernel/mm/transparent_hugepage/enabled && cannot_run "transparent huge pages are disabled"

histogram() { client op '{"op":"histogram"}'; }
python3 - "$DEV" "$STATE" "$HERE" <<'PY' || exit $?
import ctypes, json, mmap, os, sys
sys.path.insert(0, sys.argv[3])
import simdext_client
dev, state = sys.argv[1], sys.argv[2]
MiB = 1 << 20

def buffer(huge):
    m = mmap.mmap(-1, 6 * MiB, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    m.madvise(mmap.MADV_HUGEPAGE if huge else mmap.MADV_NOHUGEPAGE)
    base = ctypes.addressof(ctypes.c_char.from_buffer(m))
    off = (-base) % (2 * MiB)
    view = memoryview(m)[off:off + 4 * MiB]
    view[:] = os.urandom(4 * MiB)
    return m, view

def counts():
    reply, _ = simdext_client.request(state, {"op": "histogram"})
    out = {}
    for c in reply["commands"]:
        if c["outcome"] == "ok" and c["opcode"] in ("WRITE(10)", "READ(10)"):
            out[(c["opcode"], c["bucket_bytes"])] = (c["count"], c["largest_bytes"])
    return out

def pieces(before, after, opcode):
    got = {}
    for key, (count, largest) in after.items():
        n = count - before.get(key, (0, 0))[0]
        if key[0] == opcode and n:
            got[key[1]] = (n, largest)
    return got

def transfer(view, write):
    fd = os.open(dev, (os.O_WRONLY if write else os.O_RDONLY) | os.O_DIRECT)
    before = counts()
    n = os.pwritev(fd, [view], 0) if write else os.preadv(fd, [view], 0)
    os.close(fd)
    assert n == 4 * MiB, "short transfer: %d" % n
    return pieces(before, counts(), "WRITE(10)" if write else "READ(10)")

m, view = buffer(huge=True)
smaps = open("/proc/self/smaps_rollup").read()
huge_kb = int(smaps.split("AnonHugePages:")[1].split()[0])
if huge_kb < 2048:
    print("cannot run: no transparent huge page for the buffer (AnonHugePages %d kB)" % huge_kb)
    sys.exit(77 if os.environ.get("CI") != "true" else 1)
expected = {MiB: (4, MiB)}
for write in (True, False):
    got = transfer(view, write)
    what = "write" if write else "read"
    print("-- 4 MiB O_DIRECT %s, huge-page buffer: bucket -> (count, largest): %s" % (what, got))
    assert got == expected, "a 4 MiB %s reached the model as %s, not four whole 1 MiB pieces" % (what, got)

m, view = buffer(huge=False)
got = transfer(view, True)
print("-- 4 MiB O_DIRECT write, 4 KiB-page buffer (loop queue: 128 segments): %s" % got)
assert all(largest <= MiB for _, largest in got.values()), "a piece above the published 1 MiB: %s" % got
PY
pass "4 MiB O_DIRECT reaches the model as four 1 MiB commands (the published limit), whole"
