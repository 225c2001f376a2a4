// READ(6/10/12/16) at the edges of the medium (SBC-3 5.7-5.10, 4.5): LBA 0, the last LBA, one past
// it, LBAs that only a driver keeping all address bits gets right, and zero-length transfers.
#include "support/clauses.h"
#include "support/read_write_test.h"

namespace dextqual::scsi::suite {
namespace {

using Read = ReadWriteTest;

TEST_P(Read, FirstBlock) {
  // Guards SBC-3 4.5: LBA 0 reads GOOD with one block of data that reaches the buffer (F5).
  SCSI_RUN(completion, initiator().run_in(read(size(), {.lba = 0, .blocks = 1}), bytes(1)));
  EXPECT_SCSI(completion, expect::good());
  EXPECT_EQ(completion.transferred(), bytes(1)) << completion.describe();
}

TEST_P(Read, BlocksEndingAtTheLastLba) {
  // Guards SBC-3 4.5: a transfer that ends exactly at the last LBA is inside the medium.
  const uint32_t blocks = std::min<uint64_t>(8, geometry().blocks);
  const uint64_t lba = geometry().last_lba() + 1 - blocks;
  REQUIRE_DUT(cdb_fits(size(), lba, blocks));
  SCSI_RUN(completion, initiator().run_in(read(size(), {.lba = lba, .blocks = blocks}), bytes(blocks)));
  EXPECT_SCSI(completion, expect::good());
}

TEST_P(Read, PastTheEndIsOutOfRange) {
  // Guards SBC-3 4.5: one block past the last LBA, or a transfer crossing it, is 5h/21h/00h.
  const uint64_t last = geometry().last_lba();
  REQUIRE_DUT(cdb_fits(size(), last + 1, 1));
  EXPECT_SCSI(initiator().run_in(read(size(), {.lba = last + 1, .blocks = 1}), bytes(1)),
              expect::lba_out_of_range());
  REQUIRE_DUT(cdb_fits(size(), last, 2));
  EXPECT_SCSI(initiator().run_in(read(size(), {.lba = last, .blocks = 2}), bytes(2)),
              expect::lba_out_of_range());
}

// Huge LBAs get their own fixture: READ(6) carries 21 LBA bits, so it cannot name any of them, and
// an instance for it could only skip (issue 13 §4). PastTheEnd covers READ(6)'s own edge.
using ReadHugeLba = ReadWriteTest;

TEST_P(ReadHugeLba, HugeLbasAreOutOfRange) {
  // Guards SBC-3 4.5 and the 2 TiB rule: 2^31, 2^32-1, 2^32, 2^63-1 and 2^64-1 past the end are
  // 5h/21h/00h, not a read of LBA 0 by a driver that dropped the high bits.
  int checked = 0;
  for (uint64_t lba : {1ull << 31, 0xFFFFFFFFull, 1ull << 32, (1ull << 63) - 1, ~0ull}) {
    if (lba <= geometry().last_lba() || !fits(size(), lba, 1)) {
      continue;
    }
    SCOPED_TRACE("LBA " + std::to_string(lba));
    EXPECT_SCSI(initiator().run_in(read(size(), {.lba = lba, .blocks = 1}), bytes(1)),
                expect::lba_out_of_range());
    ++checked;
  }
  if (checked == 0) {
    // Only on a DUT of 2^32 blocks or more with READ(10)/(12): every LBA this CDB can name is inside.
    REQUIRE_DUT(cdb_fits(size(), geometry().last_lba() + 1, 1));
    ADD_FAILURE() << "no LBA past the end was checked, yet LBA " << geometry().last_lba() + 1 << " fits";
  }
}

INSTANTIATE_TEST_SUITE_P(Cdb, ReadHugeLba, ::testing::Values(CdbSize::ten, CdbSize::twelve, CdbSize::sixteen),
                         [](const auto& instance) { return "Size" + to_string(instance.param); });

TEST_P(Read, ZeroLengthIsGoodWithoutData) {
  // Guards SBC-3 5.8: TRANSFER LENGTH 0 transfers nothing and is not an error (READ(6): 0 = 256).
  if (size() == CdbSize::six) {
    const uint32_t blocks = std::min<uint64_t>(256, geometry().blocks);
    REQUIRE_DUT(cdb_fits(size(), 0, blocks));
    SCSI_RUN(completion, initiator().run_in(read(size(), {.lba = 0, .blocks = 256}), bytes(256)));
    EXPECT_SCSI(completion, expect::good());
    EXPECT_EQ(completion.transferred(), bytes(256)) << "READ(6) TRANSFER LENGTH 0 means 256 blocks\n"
                                                    << completion.describe();
    return;
  }
  EXPECT_SCSI(initiator().run(read(size(), {.lba = 0, .blocks = 0})), expect::good());
}

TEST_P(Read, ZeroLengthPastTheEndIsStillOutOfRange) {
  // Guards SBC-3 4.5: the LBA is checked even when nothing is transferred. LBA = capacity + 1, as
  // libiscsi's Read*.ZeroBlocks: at LBA = capacity an empty range ends exactly at the end, which
  // some targets (QEMU, scsi_debug) accept.
  REQUIRE_DUT(cdb_has(size(), "READ", "zero-length form"));
  const uint64_t lba = geometry().last_lba() + 2;
  REQUIRE_DUT(cdb_fits(size(), lba, 0));
  EXPECT_SCSI(initiator().run(read(size(), {.lba = lba, .blocks = 0})), expect::lba_out_of_range());
}

TEST_P(Read, ForceUnitAccessHonouredIfAdvertised) {
  // Guards SBC-3 5.8 and 6.4.1: FUA is accepted when MODE SENSE sets DPOFUA (else GOOD or 24h/00h),
  // and a FUA read returns the block's current data: what a plain read of it returns (dirty cached
  // data is written to the medium before it is read from there).
  REQUIRE_DUT(cdb_has(size(), "READ", "FUA bit"));
  const Expectation expected =
      dpofua() ? expect::good() : expect::any_of({expect::good(), expect::invalid_field_in_cdb()});
  SCSI_RUN(fua, initiator().run_in(read(size(), {.lba = 0, .blocks = 1, .fua = true}), bytes(1)));
  EXPECT_SCSI(fua, expected);
  if (!fua.good()) return;  // refused as allowed: no data to check
  SCSI_RUN(plain, initiator().run_in(read(size(), {.lba = 0, .blocks = 1}), bytes(1)));
  ASSERT_SCSI(plain, expect::good());
  const std::vector<uint8_t> with_fua(fua.returned().begin(), fua.returned().end());
  const std::vector<uint8_t> without(plain.returned().begin(), plain.returned().end());
  EXPECT_TRUE(with_fua == without) << "a FUA read of LBA 0 returned other data than a plain read of it\n"
                                   << fua.describe();
}

TEST_P(Read, ReadProtectWithoutProtectionInformationIsInvalidField) {
  // Guards SBC-3 5.8 (RDPROTECT): RDPROTECT != 0 on a LU without protection information (INQUIRY
  // PROTECT=0) should be INVALID FIELD IN CDB — a *should*: a WARN, a failure only under --strict.
  REQUIRE_DUT(cdb_has(size(), "READ", "RDPROTECT field"));
  SCSI_RUN(standard, initiator().run_in(inquiry(36), 36));
  ASSERT_SCSI(standard, expect::good());
  ASSERT_GE(standard.returned().size(), 6u);
  // Not an absence but the other configuration: with protection information the field is valid.
  REQUIRE_DUT(device_offers((standard.returned()[5] & 0x01) == 0,
                            "INQUIRY PROTECT=1: the LU supports protection information"));
  Cdb cdb = read(size(), {.lba = 0, .blocks = 1});
  cdb.bytes[1] |= 0x20;  // RDPROTECT 001b
  cdb.name += " with RDPROTECT=1";
  expect_conforms(initiator().run_in(cdb, bytes(1)), expect::invalid_field_in_cdb(),
                  clause::kRdprotectWithoutProtection);
}

INSTANTIATE_READ_WRITE_SIZES(Read);

}  // namespace
}  // namespace dextqual::scsi::suite
