#include "support/scsi_test.h"

#include <memory>

#include "scsi/capacity_data.h"

namespace dextqual::scsi::suite {
namespace {

struct Shared {
  std::optional<Geometry> geometry;
};

Shared& shared() {
  static Shared instance;
  return instance;
}

}  // namespace

void ScsiTest::SetUp() {
  REQUIRE_DUT(scsi_passthrough);
  auto initiator = ::dextqual::testing::dut_handle().scsi();
  ASSERT_TRUE(initiator) << "cannot open the DUT's pass-through: " << initiator.error().message();
  initiator_ = *initiator;
}

const Geometry& ScsiTest::geometry() {
  Shared& state = shared();
  if (state.geometry) {
    return *state.geometry;
  }
  Geometry geometry;
  auto rc16 = initiator().run_in(read_capacity16(32), 32);
  if (rc16 && !rc16->good() && rc16->sense() && rc16->sense()->key == sense_key::kUnitAttention) {
    // SAM-5 5.14: the pending UNIT ATTENTION was reported instead of executing the command; ask again,
    // or a LU above 2^32 blocks would be taken for RC10's FFFFFFFFh, i.e. 2^32 blocks.
    rc16 = initiator().run_in(read_capacity16(32), 32);
  }
  if (rc16 && rc16->good()) {
    if (auto parsed = parse_capacity16(rc16->returned())) {
      geometry = {parsed->blocks(), parsed->block_length, true};
    }
  }
  if (geometry.blocks == 0) {
    auto rc10 = initiator().run_in(read_capacity10(), 8);
    if (rc10 && rc10->good()) {
      if (auto parsed = parse_capacity10(rc10->returned())) {
        geometry = {uint64_t{parsed->last_lba} + 1, parsed->block_length, false};
      }
    }
  }
  state.geometry = geometry;
  return *state.geometry;
}

::testing::AssertionResult answers(const Result<Completion>& completion, const Expectation& expected) {
  if (!completion) {
    return ::testing::AssertionFailure() << "could not run the command: " << completion.error().message();
  }
  if (auto problem = check(*completion, expected)) {
    return ::testing::AssertionFailure() << *problem;
  }
  return ::testing::AssertionSuccess();
}

std::vector<std::pair<Initiator, Geometry>> ScsiTest::other_lus() {
  std::vector<std::pair<Initiator, Geometry>> lus;
  for (const Address& address : initiator().transport().known_addresses()) {
    if (address == initiator().address()) {
      continue;
    }
    Initiator lu = initiator().at(address);
    (void)lu.run(test_unit_ready());  // a pending UNIT ATTENTION is not the caller's business
    auto rc16 = lu.run_in(read_capacity16(32), 32);
    if (!rc16 || !rc16->good()) {
      continue;
    }
    if (auto capacity = parse_capacity16(rc16->returned())) {
      lus.emplace_back(lu, Geometry{capacity->blocks(), capacity->block_length, true});
    }
  }
  return lus;
}

}  // namespace dextqual::scsi::suite
