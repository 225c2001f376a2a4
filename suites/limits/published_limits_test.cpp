// The published transfer limits, checked before any I/O (MACOS.md §2 rules and their Linux
// equivalents). F2 fails here on simdext only: its description gives the DMA maxTransferSize, which a
// real DEXT never publishes; on hardware F2 is diagnosed from observation (PredictedFailures, and the
// rawio sweep: limits/limits_ceiling.h).
#include <gtest/gtest.h>

#include <iostream>

#include "limits/limits_checker.h"
#include "limits/limits_gather.h"
#include "testing/dut_handle.h"

namespace dextqual::limits {
namespace {

using testing::dut;

TEST(PublishedLimits, AreConsistentWithTheDmaSpecification) {
  // F2 (simdext only): maxTransferSize 64 KiB under a 512 KiB published limit -> EIO instead of a split.
  REQUIRE_DUT(dut_present);
  const auto& report = testing::dut_handle().limits();
  ASSERT_TRUE(report) << report.error().message();
  const Analysis analysis = analyze(*report);
  std::cout << describe_sources(*report) << analysis.describe(Severity::info);
  if (analysis.effective_write) {
    RecordProperty("effective_write_limit_bytes", std::to_string(analysis.effective_write->bytes));
  }
  if (analysis.effective_read) {
    RecordProperty("effective_read_limit_bytes", std::to_string(analysis.effective_read->bytes));
  }
  EXPECT_FALSE(analysis.has_errors()) << "the published transfer limits are inconsistent:\n"
                                      << analysis.describe(Severity::error);
}

TEST(PublishedLimits, AtLeastOneSourceWasRead) {
  // A limits check that read nothing must not pass silently (STYLE.md: a skip is never a pass).
  REQUIRE_DUT(dut_present);
  const auto& report = testing::dut_handle().limits();
  ASSERT_TRUE(report) << report.error().message();
  if (!report->published && !report->linux_queue && !report->ioctl) {
    std::string notes;
    for (const auto& note : report->notes) {
      notes += "\n  " + note;
    }
    FAIL() << "no source of transfer limits could be read:" << notes;
  }
}

}  // namespace
}  // namespace dextqual::limits
