#include "support/scsi_test.h"

#include <algorithm>
#include <memory>

#include "device/identity.h"
#include "scsi/capacity_data.h"
#include "scsi/lu_identity.h"
#include "scsi/sense.h"

namespace dextqual::scsi::suite {
namespace {

struct Shared {
  std::optional<Geometry> geometry;
  // The other LUs that answered READ CAPACITY(16), probed once per binary: a LU that stalls (F6) costs
  // a command timeout per probe, and five tests ask.
  struct ProbedLu {
    Address address;
    Geometry geometry;
    bool writable = false;
    std::string identity;
  };
  std::optional<std::vector<ProbedLu>> other_lus;
  bool power_on_attention_taken = false;
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
  // SAM-5 5.14: a LU reports each pending UNIT ATTENTION (power on, reset) to the next command of the
  // nexus instead of executing it. A host's OS takes them at attach; simdext's pass-through has no
  // attach, so whichever test ran first met them, and which test runs first is GoogleTest's
  // registration order (a unity build changed it). Take them once per binary, before any test, with
  // REQUEST SENSE, which reports a pending attention as its data and clears it (SPC-4 5.11): not with
  // TEST UNIT READY, which the TUR tests and a faulty LU (scsi-sense-with-good) judge on their own.
  Shared& state = shared();
  if (!state.power_on_attention_taken) {
    state.power_on_attention_taken = true;
    constexpr int kQueuedAttentionsAtMost = 4;
    constexpr uint8_t kSenseBytes = 252;
    for (int i = 0; i < kQueuedAttentionsAtMost; ++i) {
      auto reply = initiator_->run_in(request_sense(kSenseBytes), kSenseBytes);
      if (!reply || !reply->good()) break;
      auto pending = parse_sense(reply->returned());
      if (!pending || pending->key != sense_key::kUnitAttention) break;
    }
  }
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
  // A GOOD answer whose data never arrived (F5: the poisoned buffer untouched) is no geometry: taking
  // the poison for a capacity sends every later test to nonsense LBAs with gigabyte buffers.
  if (rc16 && rc16->good() && rc16->inconsistencies().empty()) {
    if (auto parsed = parse_capacity16(rc16->returned())) {
      geometry = {parsed->blocks(), parsed->block_length, true};
    }
  }
  if (geometry.blocks == 0) {
    auto rc10 = initiator().run_in(read_capacity10(), 8);
    if (rc10 && rc10->good() && rc10->inconsistencies().empty()) {
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

namespace {

// On real hardware another LU behind the same HBA may be anyone's volume (a RAID controller puts every
// logical drive on one channel): it is written only when the operator named it and the runner's gate
// admitted it. Its identity is asked of the LU itself, so no path can point the test at another one.
// simdext's LUs are all simulated: always writable, and not asked (two commands less per LU under F6).
bool may_write(Initiator& lu, std::string& identity_text) {
  const auto& dut = ::dextqual::testing::dut();
  if (dut.kind == DutKind::simdext) return true;
  const DutIdentity identity = read_lu_identity(lu);
  identity_text = "serial '" + identity.serial + "', WWN '" + identity.wwn + "'";
  return std::ranges::any_of(dut.writable_other_lus, [&](const std::string& allowed) {
    return device::identity_names(identity, allowed);
  });
}

}  // namespace

std::string ScsiTest::not_allowed_to_write(const OtherLu& lu) {
  return "LU " + to_string(lu.initiator.address()) + " (" + std::to_string(lu.geometry.blocks) + " blocks, " +
         lu.identity +
         ") is not the DUT and may not be written: name it in --allow-data-loss-other-lu or the station's "
         "[device] allow_data_loss_other_lus";
}

std::vector<ScsiTest::OtherLu> ScsiTest::other_lus() {
  Shared& state = shared();
  if (!state.other_lus) {
    state.other_lus.emplace();
    for (const Address& address : initiator().transport().known_addresses()) {
      if (address == initiator().address()) {
        continue;
      }
      Initiator lu = initiator().at(address);
      (void)lu.run(test_unit_ready());  // a pending UNIT ATTENTION is not the caller's business
      auto rc16 = lu.run_in(read_capacity16(32), 32);
      if (!rc16 || !rc16->good() || !rc16->inconsistencies().empty()) {
        continue;
      }
      if (auto capacity = parse_capacity16(rc16->returned())) {
        std::string identity;
        const bool writable = may_write(lu, identity);
        state.other_lus->push_back(
            {address, Geometry{capacity->blocks(), capacity->block_length, true}, writable, identity});
      }
    }
  }
  std::vector<OtherLu> lus;
  for (const auto& probed : *state.other_lus) {
    Initiator lu = initiator().at(probed.address);
    (void)lu.run(
        test_unit_ready());  // a UNIT ATTENTION raised since the probe (a reset test) is not the caller's
    lus.push_back({lu, probed.geometry, probed.writable, probed.identity});
  }
  return lus;
}

}  // namespace dextqual::scsi::suite
