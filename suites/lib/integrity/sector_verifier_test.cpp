// Guards buffer verification (issue 2 §2): fast path, torn logical blocks, merged findings with their
// one-line descriptions and JSON, and the legal-after-a-cut rules.
#include "integrity/sector_verifier.h"

#include <gtest/gtest.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

namespace dextqual::integrity {
namespace {

class SectorVerifier : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = RunIdentity::generate();
    ASSERT_TRUE(id);
    keys_ = StampKeys::for_run(*id);
  }
  std::vector<std::uint8_t> write(std::uint64_t lba, std::uint64_t sectors, std::uint64_t generation,
                                  WriteState state = WriteState::must_survive) {
    std::vector<std::uint8_t> buffer(sectors * kSectorSize);
    stamp_sectors(keys_, {.lba = lba, .generation = generation, .write_id = generation}, buffer);
    EXPECT_TRUE(state_.record_write({lba, sectors}, generation, state));
    return buffer;
  }
  StampKeys keys_;
  ExpectedState state_;
};

TEST_F(SectorVerifier, IntactBufferPasses) {
  const auto buffer = write(2048, 256, 1);
  const VerifyReport report = verify_sectors(keys_, buffer, 2048, state_);
  EXPECT_TRUE(report.passed());
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.count(SectorClass::intact), 256U);
}

TEST_F(SectorVerifier, LostWriteIsOneStaleFindingWithAReadableLine) {
  const auto old_contents = write(2048, 256, 2);
  (void)write(2048, 256, 3);  // acknowledged and durable, but the device kept the old contents
  const VerifyReport report = verify_sectors(keys_, old_contents, 2048, state_);
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_FALSE(report.passed());
  EXPECT_EQ(report.findings[0].describe(),
            "LBA 2048..2303 (256 sectors): stale — expected gen 3, found gen 2 (lost write)");
  const nlohmann::json json = report;
  EXPECT_EQ(json["findings"][0]["class"], "stale");
  EXPECT_EQ(json["findings"][0]["sectors"], 256);
  EXPECT_FALSE(json["findings"][0]["excerpt"].get<std::string>().empty());
}

TEST_F(SectorVerifier, TornFourKibBlockMixesGenerations) {
  auto buffer = write(0, 16, 1);
  const auto newer = write(0, 16, 2, WriteState::in_flight);
  std::memcpy(buffer.data() + 8 * kSectorSize, newer.data() + 8 * kSectorSize,
              3 * kSectorSize);  // block 1 half new
  VerifyOptions options;
  options.sectors_per_block = 8;
  const VerifyReport report = verify_sectors(keys_, buffer, 0, state_, options);
  ASSERT_EQ(report.findings.size(), 1U);
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.kind, SectorClass::torn);
  EXPECT_EQ(f.torn_scope, TornScope::block);
  EXPECT_EQ(f.range, (LbaRange{8, 8}));
  EXPECT_EQ(f.found_generation, 1U);
  EXPECT_EQ(f.other_generation, 2U);
  EXPECT_EQ(report.sectors_older_than_last, 8U);  // block 0 is whole gen 1: legal, the write was in flight
}

TEST_F(SectorVerifier, ZeroFilledIsLegalOnlyWhereNoWriteHadToSurvive) {
  (void)write(0, 8, 1, WriteState::in_flight);
  (void)write(8, 8, 1, WriteState::must_survive);
  const std::vector<std::uint8_t> zeros(16 * kSectorSize, 0);
  const VerifyReport report = verify_sectors(keys_, zeros, 0, state_);
  ASSERT_EQ(report.findings.size(), 2U);
  EXPECT_TRUE(report.findings[0].acceptable);
  EXPECT_FALSE(report.findings[1].acceptable);
  EXPECT_FALSE(report.passed());
  EXPECT_NE(report.findings[1].describe().find("zero-filled"), std::string::npos);
}

TEST_F(SectorVerifier, MisdirectionByPlusMinusOneAndNSectors) {
  const auto data = write(1000, 64, 1);
  for (std::int64_t delta : {1, -1, 16, -32}) {
    std::vector<std::uint8_t> shifted(8 * kSectorSize);
    std::memcpy(shifted.data(), data.data() + (32 + delta) * static_cast<std::int64_t>(kSectorSize),
                shifted.size());
    const VerifyReport report = verify_sectors(keys_, shifted, 1032, state_);
    ASSERT_EQ(report.findings.size(), 1U) << delta;
    EXPECT_EQ(report.findings[0].kind, SectorClass::misdirected);
    EXPECT_EQ(report.findings[0].lba_delta, delta);
    EXPECT_EQ(report.findings[0].range.count, 8U);
  }
}

TEST_F(SectorVerifier, ReportsFromAdjacentBuffersMerge) {
  const auto old_contents = write(0, 64, 1);
  (void)write(0, 64, 2);
  VerifyReport whole = verify_sectors(keys_, std::span(old_contents).first(32 * kSectorSize), 0, state_);
  whole.append(verify_sectors(keys_, std::span(old_contents).subspan(32 * kSectorSize), 32, state_), 100);
  ASSERT_EQ(whole.findings.size(), 1U);
  EXPECT_EQ(whole.findings[0].range, (LbaRange{0, 64}));
  EXPECT_EQ(whole.sectors_checked, 64U);
}

}  // namespace
}  // namespace dextqual::integrity
