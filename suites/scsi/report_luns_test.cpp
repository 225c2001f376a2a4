// REPORT LUNS (SPC-4 6.33): the list every OS enumerates from (F6). LIST LENGTH stays the full
// length even when the reply is truncated, so an initiator can ask again with enough room.
#include <set>

#include "scsi/lun_list.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using ReportLuns = ScsiTest;

TEST_F(ReportLuns, ListsTheDutOnceAndLengthIsEightPerLun) {
  // Guards SPC-4 6.33: LIST LENGTH = 8 x entries; the DUT's LUN listed; no duplicates.
  SCSI_RUN(completion, initiator().run_in(report_luns(4096), 4096));
  ASSERT_SCSI(completion, expect::good());
  auto list = parse_lun_list(completion.returned());
  ASSERT_TRUE(list) << list.error().message();
  EXPECT_EQ(list->list_length % 8, 0u);
  EXPECT_EQ(list->entries.size() * 8, list->list_length) << completion.describe();
  std::set<std::array<uint8_t, 8>> unique(list->entries.begin(), list->entries.end());
  EXPECT_EQ(unique.size(), list->entries.size()) << "duplicate LUNs\n" << completion.describe();
  EXPECT_TRUE(unique.contains(encode_lun(initiator().address().lun)))
      << "LUN " << initiator().address().lun << " not listed\n"
      << completion.describe();
}

TEST_F(ReportLuns, TruncatedReplyKeepsTheFullListLength) {
  // Guards SPC-4 6.33: with room for the header and one entry, LIST LENGTH is still the whole list.
  SCSI_RUN(full, initiator().run_in(report_luns(4096), 4096));
  SCSI_RUN(truncated, initiator().run_in(report_luns(16), 16));
  ASSERT_SCSI(full, expect::good());
  ASSERT_SCSI(truncated, expect::good());
  auto whole = parse_lun_list(full.returned());
  auto part = parse_lun_list(truncated.returned());
  ASSERT_TRUE(whole && part);
  EXPECT_EQ(part->list_length, whole->list_length) << truncated.describe();
  EXPECT_LE(truncated.returned().size(), 16u);
}

TEST_F(ReportLuns, AllocationBelowFourIsInvalidField) {
  // Guards SPC-4 6.33 (SPC-3: below 16): too small an ALLOCATION LENGTH is INVALID FIELD IN CDB.
  EXPECT_SCSI(initiator().run_in(report_luns(3), 3), expect::invalid_field_in_cdb());
}

}  // namespace
}  // namespace dextqual::scsi::suite
