#!/usr/bin/env bash
# F10: attaching takes longer than the 15 s budget.
source "$(dirname "$0")/lib.sh"
begin=$(date +%s%N)
start_simdext f10-slow-attach.toml
ms=$((($(date +%s%N) - begin) / 1000000))
((ms >= 15000)) || fail "attach took $ms ms, expected above 15000"
pass "F10 reproduced: attach took $ms ms"
