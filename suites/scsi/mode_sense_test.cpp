// MODE SENSE(6) and (10) (SPC-4 6.11, 6.12, 7.5): the parameter header, block descriptors and
// pages. Linux sd reads WP and the caching page from here; libiscsi tests only the 6-byte form.
#include "scsi/mode_data.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class ModeSense : public ScsiTest, public ::testing::WithParamInterface<bool> {
 protected:
  Cdb sense(ModeSenseFields fields) { return GetParam() ? mode_sense10(fields) : mode_sense6(fields); }
  size_t length_bias() const { return GetParam() ? 2 : 1; }  // MODE DATA LENGTH excludes itself
};

TEST_P(ModeSense, AllPagesHeaderLengthAndBlockDescriptor) {
  // Guards SPC-4 7.5.4/7.5.5: MODE DATA LENGTH = returned - 1 (6) or - 2 (10); a block
  // descriptor, when present, carries READ CAPACITY's block length.
  SCSI_RUN(completion, initiator().run_in(sense({.page_code = 0x3F, .allocation_length = 255}), 255));
  ASSERT_SCSI(completion, expect::good());
  auto mode = parse_mode_parameters(completion.returned(), GetParam());
  ASSERT_TRUE(mode) << mode.error().message() << "\n" << completion.describe();
  EXPECT_EQ(std::min<size_t>(mode->mode_data_length + length_bias(), 255), completion.returned().size())
      << "MODE DATA LENGTH disagrees with the bytes transferred\n"
      << completion.describe();
  EXPECT_FALSE(mode->pages_overrun) << "a page runs past MODE DATA LENGTH\n" << completion.describe();
  EXPECT_TRUE(mode->block_descriptor_length % 8 == 0) << completion.describe();
  for (const BlockDescriptor& descriptor : mode->block_descriptors) {
    EXPECT_EQ(descriptor.block_length, geometry().block_length) << completion.describe();
  }
}

TEST_P(ModeSense, EveryPageSameDirectAndThroughAllPages) {
  // Guards SPC-4 7.5 and SCSI-CHECKLIST.md (c)11: each page in the 3Fh reply, read by its own code,
  // returns the same bytes.
  SCSI_RUN(all, initiator().run_in(sense({.page_code = 0x3F, .disable_block_descriptors = true}), 255));
  ASSERT_SCSI(all, expect::good());
  auto from_all = parse_mode_parameters(all.returned(), GetParam());
  ASSERT_TRUE(from_all);
  ASSERT_FALSE(from_all->pages.empty()) << "3Fh returned no pages\n" << all.describe();
  for (const ModePage& page : from_all->pages) {
    if (page.page_code == 0 || page.spf) {
      continue;  // page 0 is vendor specific; subpages need their own subpage code
    }
    SCSI_RUN(direct, initiator().run_in(
                         sense({.page_code = page.page_code, .disable_block_descriptors = true}), 255));
    ASSERT_SCSI(direct, expect::good()) << "page " << std::hex << int{page.page_code} << " is in 3Fh";
    auto alone = parse_mode_parameters(direct.returned(), GetParam());
    ASSERT_TRUE(alone);
    const ModePage* by_itself = alone->find(page.page_code);
    ASSERT_NE(by_itself, nullptr) << direct.describe();
    EXPECT_EQ(by_itself->bytes, page.bytes) << "page " << std::hex << int{page.page_code};
  }
}

TEST_P(ModeSense, ShortAllocationTruncatesTheHeader) {
  // Guards SPC-4 4.2.5.6: allocation 4 returns at most 4 bytes, GOOD.
  SCSI_RUN(completion, initiator().run_in(sense({.page_code = 0x3F, .allocation_length = 4}), 4));
  ASSERT_SCSI(completion, expect::good());
  EXPECT_LE(completion.returned().size(), 4u);
  EXPECT_EQ(completion.data_in.guard_changed, 0u);
}

TEST_P(ModeSense, UnsupportedPageIsInvalidField) {
  // Guards SPC-4 6.11: a page the device does not implement is INVALID FIELD IN CDB.
  EXPECT_SCSI(initiator().run_in(sense({.page_code = 0x3E}), 255), expect::invalid_field_in_cdb());
}

TEST_P(ModeSense, SavedValuesAreReturnedOrRefused) {
  // Guards SPC-4 6.11: PC=11b is GOOD or SAVING PARAMETERS NOT SUPPORTED, nothing else.
  EXPECT_SCSI(initiator().run_in(sense({.page_code = 0x3F, .page_control = PageControl::saved}), 255),
              expect::any_of({expect::good(), expect::saving_parameters_not_supported()}));
}

INSTANTIATE_TEST_SUITE_P(Cdb, ModeSense, ::testing::Bool(),
                         [](const auto& instance) { return instance.param ? "Ten" : "Six"; });

}  // namespace
}  // namespace dextqual::scsi::suite
