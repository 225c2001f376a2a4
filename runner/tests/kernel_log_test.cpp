// The kernel's view of the DUT's path: lines about the DUT that report an error, retry, reset or
// timeout are found in real kmsg records (Linux 6.1 sd/scsi/blk formats) and make a PASS a WARN.
#include "runner/kernel_log.h"

#include <gtest/gtest.h>

#include "runner/warn_verdict.h"

namespace dextqual::runner {
namespace {

const KernelNames kSda{{"sda", "[2:0:0:0]", "sd 2:0:0:0"}};

TEST(KernelLog, FindsTheDutsErrorsRetriesAndResetsAndNothingElse) {
  const std::string records =
      "3,1201,5123456,-;sd 2:0:0:0: [sda] tag#3 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK "
      "cmd_age=0s\n"
      " SUBSYSTEM=scsi\n"
      "3,1202,5123460,-;sd 2:0:0:0: [sda] tag#3 Sense Key : Medium Error [current]\n"
      "3,1203,5123470,-;critical medium error, dev sda, sector 8192 op 0x0:(READ) flags 0x0 phys_seg 1 prio "
      "class 2\n"
      "6,1204,5123480,-;sd 2:0:0:0: [sda] Write cache: enabled, read cache: enabled\n"
      "3,1205,5123490,-;I/O error, dev sdb, sector 0 op 0x0:(READ)\n"
      "4,1206,5123500,-;sd 2:0:0:0: [sda] tag#7 timing out command, waited 30s\n"
      "3,1207,5123510,-;I/O error, dev sdaa, sector 0 op 0x0:(READ)\n";
  const auto events = dut_io_events(records, kSda);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0],
            "sd 2:0:0:0: [sda] tag#3 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=0s");
  EXPECT_EQ(events[2],
            "critical medium error, dev sda, sector 8192 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2");
  EXPECT_EQ(events[3], "sd 2:0:0:0: [sda] tag#7 timing out command, waited 30s");
}

TEST(KernelLog, APassWithRecoveredErrorsIsAWarnAndAFailKeepsItsVerdict) {
  reports::TestResult passed{.suite = "rawio", .name = "Sweep.Reads", .verdict = reports::Verdict::pass};
  add_kernel_events(passed, {"sd 2:0:0:0: [sda] tag#7 timing out command, waited 30s"}, "sda");
  apply_warnings(passed);
  EXPECT_EQ(passed.verdict, reports::Verdict::warn);
  EXPECT_NE(passed.message.find("kernel: 1 I/O error, retry, abort, reset or timeout line for sda"),
            std::string::npos)
      << passed.message;
  EXPECT_EQ(passed.properties["kernel.io_events"], "1");
  reports::TestResult failed{.suite = "rawio", .name = "Sweep.Reads", .verdict = reports::Verdict::fail};
  add_kernel_events(failed, {"critical medium error, dev sda, sector 8192"}, "sda");
  EXPECT_EQ(failed.verdict, reports::Verdict::fail);
  EXPECT_NE(failed.detail.find("What the kernel logged for sda during this test:\n  critical medium error"),
            std::string::npos);
  reports::TestResult own{.suite = "hotplug", .name = "Hotplug.Detach", .verdict = reports::Verdict::pass};
  record_printed_warnings(own, "[dextqual kernel errors expected] the detach is the test\n");
  add_kernel_events(own, {"I/O error, dev loop0, sector 5376 op 0x1:(WRITE)"}, "loop0");
  apply_warnings(own);
  EXPECT_EQ(own.verdict, reports::Verdict::pass) << "errors the test caused on purpose are not a warning";
  EXPECT_NE(own.detail.find("I/O error, dev loop0"), std::string::npos);
  reports::TestResult quiet{.suite = "rawio", .name = "Sweep.Reads", .verdict = reports::Verdict::pass};
  add_kernel_events(quiet, {}, "sda");
  EXPECT_EQ(quiet.verdict, reports::Verdict::pass);
}

}  // namespace
}  // namespace dextqual::runner
