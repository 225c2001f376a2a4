// Shared by the READ and WRITE tests: one test per CDB size (6/10/12/16), the DUT's geometry, and
// the requirements cdb_fits and cdb_has (support/scsi_test.h) for what a CDB size cannot carry.
#pragma once

#include "scsi/mode_data.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {

class ReadWriteTest : public ScsiTest, public ::testing::WithParamInterface<CdbSize> {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    ASSERT_GT(geometry().blocks, 0u) << "READ CAPACITY failed; cannot place LBAs";
  }
  [[nodiscard]] CdbSize size() const { return GetParam(); }
  [[nodiscard]] uint32_t bytes(uint32_t blocks) { return blocks * geometry().block_length; }
  // MODE SENSE(6) device-specific parameter DPOFUA (SBC-3 6.4.1).
  [[nodiscard]] bool dpofua() {
    auto completion =
        initiator().run_in(mode_sense6({.page_code = 0x3F, .disable_block_descriptors = true}), 255);
    if (!completion || !completion->good()) {
      return false;
    }
    auto mode = parse_mode_parameters(completion->returned(), false);
    return mode && mode->dpofua;
  }
};

}  // namespace dextqual::scsi::suite

#define INSTANTIATE_READ_WRITE_SIZES(Fixture)                                                   \
  INSTANTIATE_TEST_SUITE_P(                                                                     \
      Cdb, Fixture,                                                                             \
      ::testing::Values(::dextqual::scsi::CdbSize::six, ::dextqual::scsi::CdbSize::ten,         \
                        ::dextqual::scsi::CdbSize::twelve, ::dextqual::scsi::CdbSize::sixteen), \
      [](const auto& instance) { return "Size" + ::dextqual::scsi::to_string(instance.param); })
