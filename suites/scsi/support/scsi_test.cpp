#include "support/scsi_test.h"

#include <algorithm>
#include <cerrno>
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

void expect_conforms(const Result<Completion>& completion, const Expectation& expected,
                     const ::dextqual::testing::Clause& clause) {
  if (!completion || !completion->delivered() || !completion->inconsistencies().empty()) {
    EXPECT_TRUE(answers(completion, expected))
        << "(not an answer of the device: " << cite(clause) << " does not apply)";
    return;
  }
  EXPECT_CONFORMS(answers(completion, expected), clause);
}

namespace {

// simdext's LUs are all simulated (its transport is its own control socket): any may be written or reset.
bool all_simulated() {
  return ::dextqual::testing::dut().passthrough.kind == PassthroughKind::simdext_socket;
}

// On real hardware another LU behind the same HBA may be anyone's volume (a RAID controller puts every
// logical drive on one channel): it is written, or reset with the DUT, only when the operator named it
// and the runner's gate admitted it. Its identity is asked of the LU itself, each time, so neither a
// path nor a re-enumeration since the probe can point a test at another one.
bool admitted(Initiator& lu, std::string& identity_text) {
  if (all_simulated()) return true;
  const DutIdentity identity = read_lu_identity(lu);
  identity_text = "serial '" + identity.serial + "', WWN '" + identity.wwn + "'";
  return std::ranges::any_of(::dextqual::testing::dut().writable_other_lus, [&](const std::string& allowed) {
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
        state.other_lus->push_back({address, Geometry{capacity->blocks(), capacity->block_length, true}});
      }
    }
  }
  std::vector<OtherLu> lus;
  for (const auto& probed : *state.other_lus) {
    Initiator lu = initiator().at(probed.address);
    (void)lu.run(
        test_unit_ready());  // a UNIT ATTENTION raised since the probe (a reset test) is not the caller's
    std::string identity;
    const bool writable = admitted(lu, identity);
    lus.push_back({lu, probed.geometry, writable, identity});
  }
  return lus;
}

ScsiTest::ResetOutcome ScsiTest::reset_dut(ResetScope scope) {
  // The kernel logs the resets this test causes (and the errors of commands they abort): its own.
  ::dextqual::testing::expect_kernel_io_errors("the test resets the DUT's " + to_string(scope) +
                                               ": the kernel's reset messages are its own");
  const auto performed = [](ResetScope done) {
    ResetOutcome outcome;
    outcome.done = done;
    return outcome;
  };
  const auto skipped = [](std::string why) {
    ResetOutcome outcome;
    outcome.skip = std::move(why);
    return outcome;
  };
  const auto failed = [](std::string why) {
    ResetOutcome outcome;
    outcome.failure = std::move(why);
    return outcome;
  };
  Transport& transport = initiator().transport();
  if (!transport.traits().can_reset) {
    return skipped(transport.traits().name + " cannot cause a reset");
  }
  const Address dut = initiator().address();
  // The LUs besides the DUT a reset of `wider` scope would reset too and the run may not disturb.
  const auto not_admitted_in = [&](ResetScope wider) {
    std::string names;
    if (all_simulated()) return names;
    const auto lus = other_lus();
    for (const Address& address : transport.known_addresses()) {
      if (address == dut || (wider == ResetScope::target && address.target != dut.target)) continue;
      const auto it =
          std::ranges::find_if(lus, [&](const OtherLu& lu) { return lu.initiator.address() == address; });
      if (it == lus.end() || !it->writable) {
        names += (names.empty() ? " " : ", ") + to_string(address) +
                 (it == lus.end() ? "" : " (" + it->identity + ")");
      }
    }
    return names;
  };
  const auto disturbs = [](const std::string& what, const std::string& names) {
    return what + " would also reset" + names +
           ", which the run may not disturb: name them in --allow-data-loss-other-lu or the station's "
           "[device] allow_data_loss_other_lus";
  };
  if (scope != ResetScope::logical_unit) {
    if (const auto others = not_admitted_in(scope); !others.empty()) {
      return skipped(disturbs("a " + to_string(scope) + " reset", others));
    }
    auto done = transport.reset(dut, scope);
    if (done) return performed(*done);
    if (done.error().errno_value == EIO) {
      auto outcome = skipped("the HBA driver performs no " + to_string(scope) + " reset (" +
                             done.error().message() + ")");
      outcome.driver_lacks_reset = true;
      return outcome;
    }
    return failed(done.error().message());
  }
  auto done = transport.reset(dut, ResetScope::logical_unit);
  if (done) return performed(*done);
  if (done.error().errno_value != EIO) return failed(done.error().message());
  // A driver without LU resets may still reset the target, which resets the LU too: where that
  // disturbs no one the run was not allowed to touch.
  if (const auto others = not_admitted_in(ResetScope::target); !others.empty()) {
    return failed("the HBA driver performed no LU reset (" + done.error().message() + "), and " +
                  disturbs("a target reset", others));
  }
  auto target = transport.reset(dut, ResetScope::target);
  if (target) return performed(*target);
  auto outcome = failed("the HBA driver performs neither a LU reset (" + done.error().message() +
                        ") nor a target reset (" + target.error().message() + ")");
  outcome.driver_lacks_reset = target.error().errno_value == EIO;
  return outcome;
}

}  // namespace dextqual::scsi::suite
