// Who a disk is, independent of where it is today: serial (VPD 80h or the OS's serial property) and
// WWN (VPD 83h NAA designator). A WWN has many spellings — sysfs "naa.5000c500…", udev "0x5000c500…",
// /dev/disk/by-id "wwn-0x5000c500…", VPD 83h hex in either case — and every comparison of WWNs in
// dextqual goes through normalize_wwn(), so the gate, the DUT lock and every re-find agree.
#pragma once

#include <string>
#include <string_view>

#include "dut/dut_description.h"

namespace dextqual::device {

// One spelling of a WWN: lower-case hex digits, without "naa.", "wwn-0x" or "0x", surrounding blanks
// dropped. Anything else (an "eui." or "t10." designator) is only lower-cased and trimmed.
[[nodiscard]] std::string normalize_wwn(std::string_view wwn);

// The serial in a VPD page 80h as sysfs exposes it (`device/vpd_pg80`): the 4-byte header dropped,
// NULs and the space padding removed.
[[nodiscard]] std::string serial_from_vpd80(std::string_view page);

// True when `serial_or_wwn` (what --allow-data-loss or a station file gives) names `identity`: its
// serial exactly, or its WWN in any spelling.
[[nodiscard]] bool identity_names(const DutIdentity& identity, std::string_view serial_or_wwn);

// True when `candidate` is the device `before` describes: the same serial when `before` has one, else
// the same WWN (in any spelling). An identity with neither names no device.
[[nodiscard]] bool same_identity(const DutIdentity& before, const DutIdentity& candidate);

}  // namespace dextqual::device
