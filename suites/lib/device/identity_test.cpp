#include "device/identity.h"

#include <gtest/gtest.h>

namespace dextqual::device {
namespace {

DutIdentity with(std::string serial, std::string wwn) {
  DutIdentity identity;
  identity.serial = std::move(serial);
  identity.wwn = std::move(wwn);
  return identity;
}

TEST(DeviceIdentity, EverySpellingOfAWwnNormalizesToTheSameHex) {
  for (const char* spelling : {"naa.5000C5001234ABCD", "0x5000c5001234abcd", "wwn-0x5000c5001234abcd",
                               "5000C5001234ABCD", " naa.5000c5001234abcd\n"}) {
    EXPECT_EQ(normalize_wwn(spelling), "5000c5001234abcd") << spelling;
  }
}

TEST(DeviceIdentity, OtherDesignatorsAreOnlyLowerCasedAndTrimmed) {
  EXPECT_EQ(normalize_wwn("eui.0025385B71B07E2F"), "eui.0025385b71b07e2f");
  EXPECT_EQ(normalize_wwn(""), "");
}

TEST(DeviceIdentity, Vpd80SerialDropsTheHeaderThePaddingAndNuls) {
  EXPECT_EQ(serial_from_vpd80(std::string("\0\x80\0\x0c  ZA1B2C3D    ", 16)), "ZA1B2C3D");
  EXPECT_EQ(serial_from_vpd80(std::string("\0\x80\0\x00", 4)), "");
  EXPECT_EQ(serial_from_vpd80(""), "");
}

TEST(DeviceIdentity, SameIdentityIsTheSerialWhenThereIsOne) {
  EXPECT_TRUE(same_identity(with("S1", ""), with("S1", "x")));
  EXPECT_FALSE(same_identity(with("S1", ""), with("S2", "")));
  EXPECT_FALSE(same_identity(with("S1", "5000c5"), with("S2", "5000c5")));
}

TEST(DeviceIdentity, SameIdentityIsTheWwnInAnySpellingWithoutASerial) {
  EXPECT_TRUE(same_identity(with("", "5000c5001234abcd"), with("", "naa.5000C5001234ABCD")));
  EXPECT_TRUE(same_identity(with("", "wwn-0x5000c5001234abcd"), with("", "5000c5001234abcd")));
  EXPECT_FALSE(same_identity(with("", "5000c5001234abcd"), with("", "naa.5000c5001234abce")));
}

TEST(DeviceIdentity, AnEmptyIdentityNamesNoDevice) {
  EXPECT_FALSE(same_identity(with("", ""), with("", "")));
  EXPECT_FALSE(identity_names(with("", ""), ""));
}

TEST(DeviceIdentity, IdentityNamesBySerialOrByAnySpellingOfTheWwn) {
  const auto identity = with("ZA1B2C3D", "naa.5000C5001234ABCD");
  EXPECT_TRUE(identity_names(identity, "ZA1B2C3D"));
  EXPECT_TRUE(identity_names(identity, "0x5000c5001234abcd"));
  EXPECT_FALSE(identity_names(identity, "za1b2c3d"));  // a serial is compared exactly
  EXPECT_FALSE(identity_names(identity, "5000c5001234abce"));
  EXPECT_FALSE(identity_names(identity, ""));
}

}  // namespace
}  // namespace dextqual::device
