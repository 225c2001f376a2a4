#!/usr/bin/env bash
# F7: the published protocol characteristics say SCSI, domain 2, where the product (clean.toml, as
# the KEXT did) says Fibre Channel Interface.
source "$(dirname "$0")/lib.sh"
start_simdext f7-protocol-scsi.toml
python3 -c "
import json, sys
d = json.load(open('$STATE/simdext.json'))['protocol_characteristics']
assert d['physical_interconnect'] == 'SCSI' and d['scsi_domain_identifier'] == 2, d
" || fail "protocol characteristics"
pass "F7 reproduced: Protocol SCSI, SCSI Domain ID 2"
