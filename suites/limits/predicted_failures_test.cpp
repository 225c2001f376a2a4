// Reads (non-destructive) every power of two up to twice the published limit and one block below, at
// and above every advertised limit on the raw node, and compares with the analysis: an EIO the limits
// did not predict is a driver fault the analysis cannot explain (F2's "the DEXT never sees the command"
// when it was foreseeable shows up as confirmed). Where no maxTransferSize is known (any real DEXT), a
// ceiling below the published limits is still named as F2, from the reads alone.
#include <gtest/gtest.h>

#include <iostream>

#include "limits/limits_ceiling.h"
#include "limits/limits_checker.h"
#include "limits/limits_probe.h"
#include "testing/dut_handle.h"

namespace dextqual::limits {
namespace {

using testing::dut;

TEST(PredictedFailures, RawReadsAtEveryLimitFailOnlyWherePredicted) {
  // F2: every failing size must be foreseeable from the published limits and the DMA specification.
  REQUIRE_DUT(raw_node);
  const auto& report = testing::dut_handle().limits();
  ASSERT_TRUE(report) << report.error().message();
  const Analysis analysis = analyze(*report);
  const std::uint64_t block = dut().logical_block_size;
  const auto published = published_split_limit(*report, analysis, Direction::read);
  std::vector<std::uint64_t> sizes = analysis.boundary_sizes(block);
  // Powers of two up to twice E, so a ceiling shows where it is, not only that E fails.
  const std::uint64_t top = published ? 2 * published->bytes : std::uint64_t{1} << 20;
  for (std::uint64_t size = block; size <= top; size *= 2) sizes.push_back(size);
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());

  auto raw = testing::dut_handle().raw();
  ASSERT_TRUE(raw) << raw.error().message();
  auto fd = raw->open(Access::read_only);
  ASSERT_TRUE(fd) << fd.error().message();
  std::string unpredicted;
  std::string confirmed;
  std::vector<ObservedTransfer> observed;
  for (std::uint64_t size : sizes) {
    if (size > dut().capacity_bytes() || size > (std::uint64_t{64} << 20)) {
      continue;
    }
    AlignedBuffer buffer(size);
    const TransferOutcome outcome = transfer_once(fd->get(), Direction::read, 0, buffer.bytes());
    observed.push_back(
        {Direction::read, size,
         outcome.complete() ? ObservedTransfer::Outcome::worked : ObservedTransfer::Outcome::refused,
         outcome.kind()});
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
  const auto ceiling = diagnose_transfer_ceiling(observed, Direction::read, published);
  EXPECT_TRUE(unpredicted.empty()) << (ceiling ? "read: " + ceiling->describe() + "\n" : "")
                                   << "raw reads failed at sizes the published limits allow:" << unpredicted
                                   << "\nlimits analysis:\n"
                                   << analysis.describe(Severity::info);
}

}  // namespace
}  // namespace dextqual::limits
