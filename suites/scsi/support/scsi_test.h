// What every SCSI conformance test shares: the initiator aimed at the DUT (the DUT handle's scsi(): one
// per binary, so tests reuse one transport connection), the DUT's geometry as READ CAPACITY reports it, and
// GoogleTest adapters for named expectations. A test that cannot get an initiator skips with the
// reason (no pass-through) or fails (pass-through configured but not working).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scsi/expectation.h"
#include "scsi/initiator.h"
#include "testing/conformance.h"
#include "testing/dut_handle.h"

namespace dextqual::scsi::suite {

struct Geometry {
  uint64_t blocks = 0;
  uint32_t block_length = 0;
  bool from_capacity16 = false;
  [[nodiscard]] uint64_t last_lba() const { return blocks - 1; }
};

class ScsiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  [[nodiscard]] Initiator& initiator() { return *initiator_; }
  // READ CAPACITY(16), or (10) when (16) is not implemented; cached for the binary.
  [[nodiscard]] const Geometry& geometry();
  [[nodiscard]] const DutDescription& dut() const { return ::dextqual::testing::dut(); }
  // Every other LU of the transport that answers READ CAPACITY(16), with its geometry: where tests that
  // need a larger LU than the DUT (the 2 TiB rule) find one. Only a `writable` one may be written.
  struct OtherLu {
    Initiator initiator;
    Geometry geometry;
    bool writable = false;  // simdext's (all simulated), or its identity, asked now, is in writable_other_lus
    std::string identity;   // "serial S, WWN W" as the LU reports it, for skip reasons
  };
  [[nodiscard]] std::vector<OtherLu> other_lus();
  // The skip reason for an LU the test would need but may not write.
  [[nodiscard]] static std::string not_allowed_to_write(const OtherLu& lu);

  // A reset caused through the transport (Transport::reset). A wider reset than the DUT's own LU is
  // caused only where every other LU it resets may be disturbed (simdext, or admitted like a written
  // LU): a bus reset that may not is a skip, as is one the driver does not offer (EIO). A LU reset
  // the driver does not perform (EIO) is tried as a target reset under the same rule; neither
  // performed is a failure, as is any other error (no CAP_SYS_RAWIO, EAGAIN while in recovery).
  struct ResetOutcome {
    std::optional<ResetScope> done;   // what was reset
    std::string skip;                 // why the test cannot judge this path
    std::string failure;              // why the reset failed
    bool driver_lacks_reset = false;  // the driver performs neither a LU nor a target reset (EIO)
  };
  [[nodiscard]] ResetOutcome reset_dut(ResetScope scope);

 private:
  Initiator* initiator_ = nullptr;
};

[[nodiscard]] ::testing::AssertionResult answers(const Result<Completion>& completion,
                                                 const Expectation& expected);

// The expectation judged by `clause`'s keyword (testing/conformance.h). Only an answer of the device can
// deviate from a *should*: a command that was not delivered (a transport failure, no status) or an
// inconsistent completion fails whatever the keyword.
void expect_conforms(const Result<Completion>& completion, const Expectation& expected,
                     const ::dextqual::testing::Clause& clause);

}  // namespace dextqual::scsi::suite

namespace dextqual::testing::requirement {
// REQUIRE_DUT(cdb_fits(size(), lba, blocks)): a CDB size that cannot carry the LBA or length is not a
// device failure; the test skips as "requires cdb_fits: LBA ... does not fit a 6-byte CDB".
[[nodiscard]] inline std::optional<std::string> cdb_fits(scsi::CdbSize size, std::uint64_t lba,
                                                         std::uint32_t blocks) {
  if (scsi::fits(size, lba, blocks)) return std::nullopt;
  return "LBA " + std::to_string(lba) + " with " + std::to_string(blocks) + " blocks does not fit a " +
         scsi::to_string(size) + "-byte CDB";
}

// REQUIRE_DUT(cdb_has(size(), "READ", "FUA bit")): the 6-byte form of READ and WRITE lacks fields the
// others have (SBC-3 5.7, 5.31); skips as "requires cdb_has: READ(6) has no FUA bit".
[[nodiscard]] inline std::optional<std::string> cdb_has(scsi::CdbSize size, const std::string& command,
                                                        const std::string& field) {
  if (size != scsi::CdbSize::six) return std::nullopt;
  return command + "(6) has no " + field;
}
}  // namespace dextqual::testing::requirement

// EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good()): the expectation and the
// completion's self-consistency; the failure message is expected vs got, decoded, with the CDB.
#define EXPECT_SCSI(completion, expected) \
  EXPECT_TRUE(::dextqual::scsi::suite::answers((completion), (expected)))
#define ASSERT_SCSI(completion, expected) \
  ASSERT_TRUE(::dextqual::scsi::suite::answers((completion), (expected)))

// Runs a command into `var` (a Completion), failing the test when the transport cannot submit it.
#define SCSI_RUN(var, call)                                                          \
  auto DQ_CONCAT(var, _result) = (call);                                             \
  ASSERT_TRUE(DQ_CONCAT(var, _result)) << DQ_CONCAT(var, _result).error().message(); \
  ::dextqual::scsi::Completion& var = *DQ_CONCAT(var, _result)
