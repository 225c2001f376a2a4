// The safety gate's decision over host snapshots: each trap of issue 6 is refused for its reason,
// and the one good device is admitted (also when it came back under another number). The same traps
// on real loop devices and simdext are in tests/safety_matrix.sh (label e2e).
#include "runner/safety_gate.h"

#include <gtest/gtest.h>

#include "device/block_devices_test_support.h"
#include "runner/tests/safety_gate_test_support.h"

namespace dextqual::runner {
namespace {

using device::disk;
using device::partition;

HostSnapshot host() {
  HostSnapshot snapshot;
  snapshot.devices = {disk("vda", "ROOT1"), partition("vda1", "vda"), disk("sdb", "DUT1", "50dec0a000000001"),
                      disk("sdc", "BUSY"), partition("sdc1", "sdc")};
  snapshot.mounts = {{"vda1", "/"}, {"sdc1", "/mnt/data"}};
  snapshot.system_disks = {"vda"};
  return snapshot;
}

TEST(SafetyGate, AdmitsTheMatchingWholeDisk) {
  EXPECT_EQ(choose_device(host(), by_path("sdb", "DUT1"))->name, "sdb");
  EXPECT_EQ(choose_device(host(), by_path("sdb", "0x50DEC0A000000001"))->name, "sdb");  // WWN, any spelling
}

TEST(SafetyGate, RefusesTheSystemDisk) {
  EXPECT_NE(refusal(choose_device(host(), by_path("vda", "ROOT1"))).find("running system"),
            std::string::npos);
}

TEST(SafetyGate, RefusesAMountedVolume) {
  EXPECT_NE(
      refusal(choose_device(host(), by_path("sdc", "BUSY"))).find("mounted volume: /dev/sdc1 on /mnt/data"),
      std::string::npos);
}

TEST(SafetyGate, RefusesAWriteProtectedDiskForADestructiveRun) {
  auto snapshot = host();
  for (auto& device : snapshot.devices) device.read_only = device.name == "sdb";
  EXPECT_NE(refusal(choose_device(snapshot, by_path("sdb", "DUT1"))).find("is write-protected"),
            std::string::npos);
}

TEST(SafetyGate, RefusesAPartitionPath) {
  EXPECT_NE(refusal(choose_device(host(), by_path("sdc1", "BUSY"))).find("partition of /dev/sdc"),
            std::string::npos);
}

TEST(SafetyGate, RefusesTwoMatchingDevices) {
  auto snapshot = host();
  snapshot.devices.push_back(disk("sdd", "DUT1"));
  EXPECT_NE(refusal(choose_device(snapshot, by_path("sdb", "DUT1"))).find("2 devices have this identity"),
            std::string::npos);
}

TEST(SafetyGate, RefusesAChangedSerialAndSaysWhereTheIdentityIs) {
  auto snapshot = host();
  snapshot.devices[2].identity.serial = "OTHER";
  snapshot.devices[2].identity.wwn.clear();
  EXPECT_NE(refusal(choose_device(snapshot, by_path("sdb", "DUT1"))).find("does not name"),
            std::string::npos);
  snapshot.devices.push_back(disk("sde", "DUT1"));
  EXPECT_NE(refusal(choose_device(snapshot, by_path("sdb", "DUT1"))).find("now at /dev/sde"),
            std::string::npos);
}

TEST(SafetyGate, FindsADeviceThatCameBackUnderANewNumber) {
  auto snapshot = host();
  snapshot.devices[2].name = "sdf";
  snapshot.devices[2].node = "/dev/sdf";
  snapshot.devices[2].disk = "sdf";
  MatchRules gone = by_path("", "DUT1");  // the old path no longer exists
  gone.path = "/dev/sdb";
  EXPECT_EQ(choose_device(snapshot, gone)->node, "/dev/sdf");
}

TEST(SafetyGate, RefusesWithoutIdentity) {
  auto snapshot = host();
  snapshot.devices.push_back(disk("sdg", ""));
  EXPECT_NE(refusal(choose_device(snapshot, by_path("sdg", "X"))).find("does not name"), std::string::npos);
  EXPECT_NE(refusal(choose_device(snapshot, by_path("nonexistent", "X"))).find("not a block device"),
            std::string::npos);
}

// Other LUs the SCSI suite may write (allow_data_loss_other_lus): each passes the DUT's gate.
TEST(SafetyGate, AdmitsAnotherScratchLuAndRefusesTheTraps) {
  auto snapshot = host();
  snapshot.devices.push_back(disk("sdd", "BIGLU"));
  const auto dut = *choose_device(snapshot, by_path("sdb", "DUT1"));
  EXPECT_TRUE(check_other_lus(snapshot, dut, {"BIGLU"}, true).has_value());
  auto other_lu_refusal = [&](std::vector<std::string> ids, bool dut_allowed) {
    auto checked = check_other_lus(snapshot, dut, ids, dut_allowed);
    return checked ? std::string("admitted") : checked.error().message();
  };
  EXPECT_NE(other_lu_refusal({"ROOT1"}, true).find("running system"), std::string::npos);
  EXPECT_NE(other_lu_refusal({"BUSY"}, true).find("mounted volume"), std::string::npos);
  EXPECT_NE(other_lu_refusal({"NOSUCH"}, true).find("other LU NOSUCH"), std::string::npos);
  EXPECT_NE(other_lu_refusal({"DUT1"}, true).find("the DUT itself"), std::string::npos);
  EXPECT_NE(other_lu_refusal({"BIGLU"}, false).find("needs --allow-data-loss for the DUT too"),
            std::string::npos);
  EXPECT_TRUE(check_other_lus(snapshot, dut, {}, false).has_value());  // none asked: nothing to refuse
}

}  // namespace
}  // namespace dextqual::runner
