#include "scsi/initiator.h"

#include <gtest/gtest.h>

#include "scsi/fake_transport.h"
#include "scsi/poisoned_buffer.h"

namespace dextqual::scsi {
namespace {

TEST(PoisonedBuffer, PoisonIsNeverZeroNorAscii) {
  for (uint32_t i = 0; i < 4096; ++i) {
    const uint8_t value = PoisonedBuffer::poison_at(i);
    EXPECT_TRUE(value >= 0x80) << i;
  }
}

TEST(PoisonedBuffer, ReportsChangedRangeAndZeros) {
  PoisonedBuffer buffer(16);
  auto span = buffer.writable();
  std::fill(span.begin() + 2, span.begin() + 6, 0);
  auto report = buffer.report();
  EXPECT_EQ(report.changed, 4u);
  EXPECT_EQ(report.first_changed, 2u);
  EXPECT_EQ(report.end_changed, 6u);
  EXPECT_FALSE(report.all_zero);
  EXPECT_EQ(report.guard_changed, 0u);
}

TEST(Initiator, SendsToItsAddressAndAt) {
  std::vector<Address> seen;
  auto transport = std::make_shared<FakeTransport>([&](const Request& request) {
    seen.push_back(request.address);
    return TransportReply{};
  });
  Initiator initiator(transport, {3, 1});
  ASSERT_TRUE(initiator.run(test_unit_ready()));
  ASSERT_TRUE(initiator.at({5, 0}).run(test_unit_ready()));
  EXPECT_EQ(seen, (std::vector<Address>{{3, 1}, {5, 0}}));
}

TEST(Initiator, DataOutIsPassedAndRequestedRecorded) {
  std::vector<uint8_t> written;
  auto transport = std::make_shared<FakeTransport>([&](const Request& request) {
    written.assign(request.data_out.begin(), request.data_out.end());
    EXPECT_EQ(request.direction, Direction::to_device);
    return TransportReply{};
  });
  Initiator initiator(transport, {});
  std::vector<uint8_t> block(512, 0x5A);
  auto completion = initiator.run_out(write(CdbSize::ten, {.lba = 0, .blocks = 1}), block);
  ASSERT_TRUE(completion);
  EXPECT_EQ(completion->requested, 512u);
  EXPECT_EQ(written, block);
  EXPECT_TRUE(completion->inconsistencies().empty());
}

TEST(Initiator, TransportErrorsPropagateAsErrors) {
  auto transport = std::make_shared<FakeTransport>([](const Request&) { return TransportReply{}; });
  struct Failing final : Transport {
    TransportTraits t;
    const TransportTraits& traits() const override { return t; }
    Result<TransportReply> execute(const Request&) override { return fail("SG_IO", "ENODEV"); }
  };
  Initiator initiator(std::make_shared<Failing>(), {});
  auto completion = initiator.run(test_unit_ready());
  ASSERT_FALSE(completion);
  EXPECT_EQ(completion.error().operation, "SG_IO");
}

}  // namespace
}  // namespace dextqual::scsi
