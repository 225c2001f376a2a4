// Reads (non-destructive) one block below, at and above every advertised limit on the raw node, and
// compares with the analysis: an EIO the limits did not predict is a driver fault the analysis cannot
// explain (F2's "the DEXT never sees the command" when it was foreseeable shows up as confirmed).
#include <gtest/gtest.h>

#include <iostream>

#include "platform/limits_checker.h"
#include "platform/limits_gather.h"
#include "platform/limits_probe.h"
#include "testing/dut_environment.h"

namespace dextqual::limits {
namespace {

using testing::dut;

TEST(PredictedFailures, RawReadsAtEveryLimitFailOnlyWherePredicted) {
  // F2: every failing size must be foreseeable from the published limits and the DMA specification.
  REQUIRE_DUT(raw_node);
  auto report = gather_limits(dut());
  ASSERT_TRUE(report) << report.error().message();
  const Analysis analysis = analyze(*report);
  const std::uint64_t block = dut().logical_block_size;
  std::vector<std::uint64_t> sizes = analysis.boundary_sizes(block);
  sizes.push_back(block);
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());

  auto fd = open_uncached(dut().raw_node, Access::read_only);
  ASSERT_TRUE(fd) << fd.error().message();
  std::string unpredicted;
  std::string confirmed;
  for (std::uint64_t size : sizes) {
    if (size > dut().capacity_bytes() || size > (std::uint64_t{64} << 20)) {
      continue;
    }
    AlignedBuffer buffer(size);
    const TransferOutcome outcome = transfer_once(fd->get(), Direction::read, 0, buffer.span());
    const PredictedFailure* prediction = analysis.predicted(Direction::read, size);
    std::cout << "read " << format_bytes(size) << " at LBA 0: " << outcome.describe()
              << (prediction ? " (predicted to fail)" : "") << "\n";
    if (!outcome.complete() && prediction == nullptr) {
      unpredicted += "\n  read of " + format_bytes(size) + ": " + outcome.describe();
    } else if (!outcome.complete()) {
      confirmed += " " + format_bytes(size);
    }
  }
  if (!confirmed.empty()) {
    RecordProperty("confirmed_predicted_failures", confirmed);
  }
  EXPECT_TRUE(unpredicted.empty()) << "raw reads failed at sizes the published limits allow:" << unpredicted
                                   << "\nlimits analysis:\n"
                                   << analysis.describe(Severity::info);
}

}  // namespace
}  // namespace dextqual::limits
