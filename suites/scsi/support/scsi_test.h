// What every SCSI conformance test shares: the initiator aimed at the DUT (one per binary, so
// tests reuse one transport connection), the DUT's geometry as READ CAPACITY reports it, and
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
#include "testing/dut_environment.h"

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
  // need a larger LU than the DUT (the 2 TiB rule) find one.
  [[nodiscard]] std::vector<std::pair<Initiator, Geometry>> other_lus();

 private:
  Initiator* initiator_ = nullptr;
};

[[nodiscard]] ::testing::AssertionResult answers(const Result<Completion>& completion,
                                                 const Expectation& expected);

}  // namespace dextqual::scsi::suite

// EXPECT_SCSI(initiator().run(test_unit_ready()), expect::good()): the expectation and the
// completion's self-consistency; the failure message is expected vs got, decoded, with the CDB.
#define EXPECT_SCSI(completion, expected) \
  EXPECT_TRUE(::dextqual::scsi::suite::answers((completion), (expected)))
#define ASSERT_SCSI(completion, expected) \
  ASSERT_TRUE(::dextqual::scsi::suite::answers((completion), (expected)))

// Skips with the reason when a named requirement (testing::requirement::*) is unmet. Same as
// REQUIRE_DUT, but takes the call expression, so it does not depend on how that macro spells it.
#define SCSI_REQUIRE(requirement_call)                                              \
  do {                                                                              \
    if (auto dq_skip = ::dextqual::testing::detail::check_requirement(              \
            #requirement_call, ::dextqual::testing::requirement::requirement_call); \
        dq_skip) {                                                                  \
      GTEST_SKIP() << *dq_skip;                                                     \
    }                                                                               \
  } while (false)

// Runs a command into `var` (a Completion), failing the test when the transport cannot submit it.
#define SCSI_RUN(var, call)                                                          \
  auto DQ_CONCAT(var, _result) = (call);                                             \
  ASSERT_TRUE(DQ_CONCAT(var, _result)) << DQ_CONCAT(var, _result).error().message(); \
  ::dextqual::scsi::Completion& var = *DQ_CONCAT(var, _result)
