// F2: raw (uncached) writes of every size from one block to 16 MiB and around each advertised limit,
// at the start, middle and end of the device, each flushed, read back and verified sector by sector. A
// ceiling below the published limits is named as F2 ("EIO from 128 KiB, published limits allow 512 KiB:
// the DEXT's DMA maxTransferSize is below its published limits") on any device.
#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include "limits/limits_checker.h"
#include "rawio/raw_sweep_context.h"
#include "rawio/transfer_sweep.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {
namespace {

using testing::dut;

// For the HTML report's sweep picture (reports/README.md): sweep_ok.<bytes> is 1 when every transfer
// of that size at every position wrote, flushed and verified, else 0; limit_bytes.<direction> is the
// effective limit the published limits allow.
void record_sweep_for_report(const std::vector<SweepPoint>& points, const limits::Analysis& analysis) {
  std::map<std::uint64_t, bool> ok_by_size;
  for (const auto& p : points) {
    auto [it, inserted] = ok_by_size.emplace(p.size, p.ok);
    it->second = it->second && p.ok;
  }
  for (const auto& [size, ok] : ok_by_size) {
    ::testing::Test::RecordProperty("sweep_ok." + std::to_string(size), ok ? "1" : "0");
  }
  if (analysis.effective_write) {
    ::testing::Test::RecordProperty("limit_bytes.write", std::to_string(analysis.effective_write->bytes));
  }
  if (analysis.effective_read) {
    ::testing::Test::RecordProperty("limit_bytes.read", std::to_string(analysis.effective_read->bytes));
  }
}

TEST(RawTransferSizes, EverySizeWritesFlushesAndVerifiesAtStartMiddleAndEnd) {
  // F2: "dd bs=64k works, bs=128k fails with Input/output error" must fail here, naming the size.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  const limits::Analysis analysis = analyze_dut_limits();
  const std::uint64_t block = dut().logical_block_size;
  const auto sizes = sweep_sizes(block, dut().capacity_bytes(), analysis.boundary_sizes(block), dut().quick);
  auto session = RawSession::open(testing::dut_handle().raw());
  ASSERT_TRUE(session) << session.error().message();

  std::vector<SweepPoint> points;
  std::uint64_t bytes = 0;
  for (std::uint64_t size : sizes) {
    for (std::uint64_t offset : sweep_offsets(block, dut().capacity_bytes(), size, dut().quick)) {
      const CheckedTransfer transfer = write_flush_verify(*session, offset, size);
      points.push_back(to_point(transfer, analysis));
      bytes += transfer.passed() ? size : 0;
    }
  }
  std::cout << points.size() << " transfers, " << sizes.size() << " sizes, " << limits::format_bytes(bytes)
            << " written and verified\n";
  RecordProperty("transfers", std::to_string(points.size()));
  record_sweep_for_report(points, analysis);
  // F2 in the driver engineer's terms first, from what the sweep saw: no maxTransferSize needed.
  const std::string ceilings = diagnose_ceilings(points, published_limit(analysis, limits::Direction::write),
                                                 published_limit(analysis, limits::Direction::read));
  const std::string summary = summarize_sweep(points);
  EXPECT_TRUE(summary.empty()) << ceilings << summary << "limits analysis:\n"
                               << analysis.describe(limits::Severity::warning);
}

}  // namespace
}  // namespace dextqual::rawio
