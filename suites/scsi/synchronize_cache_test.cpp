// SYNCHRONIZE CACHE(10/16) (SBC-3 5.22, 5.23): what fsync becomes. libiscsi tests it only on
// removable media without a medium (SCSI-CHECKLIST.md (c)7).
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class SynchronizeCache : public ScsiTest, public ::testing::WithParamInterface<bool> {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (!IsSkipped() && !HasFatalFailure()) {
      ASSERT_GT(geometry().blocks, 0u) << "READ CAPACITY failed; cannot place ranges";
    }
  }
  Cdb sync(uint64_t lba, uint32_t blocks, bool immed) {
    return GetParam() ? synchronize_cache16(lba, blocks, immed)
                      : synchronize_cache10(static_cast<uint32_t>(lba), static_cast<uint16_t>(blocks), immed);
  }
  bool fits(uint64_t lba) const { return GetParam() || lba <= 0xFFFFFFFFull; }
  // Both sizes are optional in SBC-3: 20h/00h means "not implemented", a skip, not a failure
  // (whether a write-back cache can be flushed at all is CachingPage.WriteBackCacheCanBeFlushed).
  Result<Completion> run_sync(uint64_t lba, uint32_t blocks, bool immed) {
    auto completion = initiator().run(sync(lba, blocks, immed));
    if (completion && is_unsupported_opcode(*completion)) {
      unsupported_ = true;
    }
    return completion;
  }
  bool unsupported_ = false;
};

#define SKIP_IF_NOT_IMPLEMENTED()                                                                        \
  REQUIRE_DUT(device_offers(!unsupported_, "SYNCHRONIZE CACHE(" + std::to_string(GetParam() ? 16 : 10) + \
                                               ") is not implemented (20h/00h)"))

TEST_P(SynchronizeCache, WholeMediumIsGood) {
  // Guards SBC-3 5.22: LBA 0 with NUMBER OF BLOCKS 0 flushes to the end of the medium, GOOD.
  auto completion = run_sync(0, 0, false);
  SKIP_IF_NOT_IMPLEMENTED();
  EXPECT_SCSI(completion, expect::good());
}

TEST_P(SynchronizeCache, ImmediateIsGoodOrRefused) {
  // Guards SBC-3 5.22: IMMED=1 returns GOOD before the flush ends, or 24h/00h if unsupported.
  auto completion = run_sync(0, 0, true);
  SKIP_IF_NOT_IMPLEMENTED();
  EXPECT_SCSI(completion, expect::any_of({expect::good(), expect::invalid_field_in_cdb()}));
}

TEST_P(SynchronizeCache, RangeEndingAtTheLastLbaIsGood) {
  // Guards SBC-3 5.22: a range inside the medium is GOOD.
  const uint64_t lba = geometry().last_lba() - std::min<uint64_t>(7, geometry().last_lba());
  REQUIRE_DUT(cdb_fits(GetParam() ? CdbSize::sixteen : CdbSize::ten, lba, 1));
  auto completion = run_sync(lba, static_cast<uint32_t>(geometry().last_lba() - lba + 1), false);
  SKIP_IF_NOT_IMPLEMENTED();
  EXPECT_SCSI(completion, expect::good());
}

TEST_P(SynchronizeCache, RangePastTheEndIsOutOfRange) {
  // Guards SBC-3 5.22: a range beyond the last LBA is 5h/21h/00h.
  const uint64_t lba = geometry().last_lba() + 1;
  REQUIRE_DUT(cdb_fits(GetParam() ? CdbSize::sixteen : CdbSize::ten, lba, 1));
  auto completion = run_sync(lba, 1, false);
  SKIP_IF_NOT_IMPLEMENTED();
  EXPECT_SCSI(completion, expect::lba_out_of_range());
}

INSTANTIATE_TEST_SUITE_P(Cdb, SynchronizeCache, ::testing::Bool(),
                         [](const auto& instance) { return instance.param ? "Sixteen" : "Ten"; });

}  // namespace
}  // namespace dextqual::scsi::suite
