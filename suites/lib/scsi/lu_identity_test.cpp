#include "scsi/lu_identity.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace dextqual::scsi {
namespace {

// VPD 80h of a disk whose serial is "SIM0000000002" padded with blanks (SPC-4 7.8.15).
const std::vector<uint8_t> kSerialPage = {0x00, 0x80, 0x00, 0x10, 'S', 'I', 'M', '0', '0', '0',
                                          '0',  '0',  '0',  '0',  '0', '0', '2', ' ', ' ', ' '};

// VPD 83h: a T10 vendor designator, a target-port NAA (association 1, not the LU's), then the LU's
// NAA 5 designator 50dec0a000000002 (SPC-4 7.8.6).
const std::vector<uint8_t> kIdentificationPage = {
    0x00, 0x83, 0x00, 0x24,                                                   // header, 36 bytes follow
    0x02, 0x01, 0x00, 0x04, 'S',  'I',  'M',  ' ',                            // ASCII T10 vendor id
    0x61, 0x93, 0x00, 0x08, 0x50, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,   // target port NAA
    0x01, 0x03, 0x00, 0x08, 0x50, 0xde, 0xc0, 0xa0, 0x00, 0x00, 0x00, 0x02};  // the LU's NAA

TEST(LuIdentity, SerialAndTheLogicalUnitsNaaDesignator) {
  const auto identity = identity_from_vpd(kSerialPage, kIdentificationPage);
  EXPECT_EQ(identity.serial, "SIM0000000002");
  EXPECT_EQ(identity.wwn, "50dec0a000000002");  // not the target port's 5001020304050607
}

TEST(LuIdentity, MissingOrMalformedPagesLeaveTheFieldsEmpty) {
  const std::vector<uint8_t> truncated = {0x00, 0x83};
  const auto identity = identity_from_vpd({}, truncated);
  EXPECT_TRUE(identity.serial.empty());
  EXPECT_TRUE(identity.wwn.empty());
  // An 83h page given where 80h belongs is not taken for a serial.
  EXPECT_TRUE(identity_from_vpd(kIdentificationPage, {}).serial.empty());
}

}  // namespace
}  // namespace dextqual::scsi
