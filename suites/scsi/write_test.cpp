// WRITE(6/10/12/16) (SBC-3 5.32-5.35): data written reads back (libiscsi never compares), FUA
// writes read back, and the same edges as READ. Destructive: needs the data-loss allowance.
#include <random>

#include "support/clauses.h"
#include "support/read_write_test.h"

namespace dextqual::scsi::suite {
namespace {

class Write : public ReadWriteTest {
 protected:
  void SetUp() override {
    REQUIRE_DUT(data_loss_allowed);
    ReadWriteTest::SetUp();
  }
  // A pattern no earlier run or test left there: the LBA, the CDB size and a random tag per block.
  std::vector<uint8_t> pattern(uint64_t lba, uint32_t blocks) {
    std::vector<uint8_t> data(bytes(blocks));
    std::mt19937_64 random(std::random_device{}());
    for (size_t i = 0; i < data.size(); i += 8) {
      const uint64_t word = (i % 64 == 0) ? lba + i / geometry().block_length : random();
      for (size_t b = 0; b < 8 && i + b < data.size(); ++b) {
        data[i + b] = static_cast<uint8_t>(word >> (8 * b));
      }
    }
    return data;
  }
  void write_and_read_back(uint64_t lba, uint32_t blocks, bool fua) {
    const auto data = pattern(lba, blocks);
    EXPECT_SCSI(initiator().run_out(write(size(), {.lba = lba, .blocks = blocks, .fua = fua}), data),
                expect::good());
    SCSI_RUN(back, initiator().run_in(read(size(), {.lba = lba, .blocks = blocks}), bytes(blocks)));
    ASSERT_SCSI(back, expect::good());
    const auto mismatch = std::mismatch(data.begin(), data.end(), back.data.begin());
    EXPECT_TRUE(mismatch.first == data.end())
        << "read back differs at byte " << (mismatch.first - data.begin()) << " (LBA "
        << lba + static_cast<uint64_t>(mismatch.first - data.begin()) / geometry().block_length << ")\n"
        << back.describe();
  }
};

TEST_P(Write, FirstBlockReadsBack) {
  // Guards SBC-3 5.33: a GOOD write at LBA 0 is what a READ returns next.
  write_and_read_back(0, 1, false);
}

TEST_P(Write, LastBlocksReadBack) {
  // Guards SBC-3 4.5: the last LBA is writable; nothing wraps to LBA 0.
  const uint32_t blocks = std::min<uint64_t>(4, geometry().blocks);
  const uint64_t lba = geometry().last_lba() + 1 - blocks;
  REQUIRE_DUT(cdb_fits(size(), lba, blocks));
  write_and_read_back(lba, blocks, false);
}

TEST_P(Write, ForceUnitAccessWriteReadsBack) {
  // Guards SBC-3 5.33: FUA=1 is accepted when DPOFUA is advertised, and the data reads back.
  REQUIRE_DUT(cdb_has(size(), "WRITE", "FUA bit"));
  REQUIRE_DUT(device_offers(dpofua(), "MODE SENSE does not advertise DPOFUA"));
  write_and_read_back(8, 2, true);
}

TEST_P(Write, PastTheEndIsOutOfRange) {
  // Guards SBC-3 4.5: 5h/21h/00h, and no data lands at a wrapped LBA.
  const uint64_t lba = geometry().last_lba() + 1;
  REQUIRE_DUT(cdb_fits(size(), lba, 1));
  EXPECT_SCSI(initiator().run_out(write(size(), {.lba = lba, .blocks = 1}), pattern(lba, 1)),
              expect::lba_out_of_range());
}

TEST_P(Write, ZeroLengthIsGood) {
  // Guards SBC-3 5.33: TRANSFER LENGTH 0 writes nothing and is not an error.
  REQUIRE_DUT(cdb_has(size(), "WRITE", "zero-length form (TRANSFER LENGTH 0 means 256 blocks)"));
  EXPECT_SCSI(initiator().run(write(size(), {.lba = 0, .blocks = 0})), expect::good());
}

TEST_P(Write, WriteProtectWithoutProtectionInformationIsInvalidField) {
  // Guards SBC-3 5.35 (WRPROTECT): WRPROTECT != 0 on a LU without protection information (INQUIRY
  // PROTECT=0) should be INVALID FIELD IN CDB — a *should*: a WARN, a failure only under --strict.
  REQUIRE_DUT(cdb_has(size(), "WRITE", "WRPROTECT field"));
  SCSI_RUN(standard, initiator().run_in(inquiry(36), 36));
  ASSERT_SCSI(standard, expect::good());
  ASSERT_GE(standard.returned().size(), 6u);
  // Not an absence but the other configuration: with protection information the field is valid.
  REQUIRE_DUT(device_offers((standard.returned()[5] & 0x01) == 0,
                            "INQUIRY PROTECT=1: the LU supports protection information"));
  Cdb cdb = write(size(), {.lba = 24, .blocks = 1});
  cdb.bytes[1] |= 0x20;  // WRPROTECT 001b
  cdb.name += " with WRPROTECT=1";
  expect_conforms(initiator().run_out(cdb, pattern(24, 1)), expect::invalid_field_in_cdb(),
                  clause::kWrprotectWithoutProtection);
}

INSTANTIATE_READ_WRITE_SIZES(Write);

}  // namespace
}  // namespace dextqual::scsi::suite
