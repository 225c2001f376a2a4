// Guards the streaming I/O loop (issue 2 §2) on a real file: multi-threaded write and verify, and each
// class produced by a deliberate corruption of the file — including a lost write whose old contents
// come from an identical earlier run, the case fio misses (FIO.md §5.1).
#include "integrity/stamped_io.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "core/unique_fd.h"
#include "integrity/write_journal.h"

namespace dextqual::integrity {
namespace {

constexpr std::uint64_t kSectors = 4096;  // a 2 MiB "device"

class StampedIo : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = RunIdentity::generate();
    ASSERT_TRUE(id);
    identity_.emplace(*id);
    keys_ = StampKeys::for_run(*id);
    path_ = std::filesystem::temp_directory_path() /
            ("dq-stamped-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fd_.reset(::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    ASSERT_TRUE(fd_);
    options_.threads = 2;
    options_.chunk_bytes = 64 * 1024;
    options_.sectors_per_block = 8;
  }
  void TearDown() override {
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + ".journal");
  }
  void write(LbaRange range, std::uint64_t generation, const StampKeys* keys = nullptr) {
    auto written = write_stamped(fd_.get(), keys != nullptr ? *keys : keys_, range, generation, options_);
    ASSERT_TRUE(written) << written.error().message();
    if (keys == nullptr) {
      ASSERT_TRUE(state_.record_write(range, generation, WriteState::must_survive));
    }
  }
  std::vector<std::uint8_t> read(LbaRange range) const {
    std::vector<std::uint8_t> bytes(range.count * kSectorSize);
    EXPECT_EQ(::pread(fd_.get(), bytes.data(), bytes.size(), static_cast<off_t>(range.first * kSectorSize)),
              static_cast<ssize_t>(bytes.size()));
    return bytes;
  }
  void overwrite(std::uint64_t lba, const std::vector<std::uint8_t>& bytes) const {
    ASSERT_EQ(::pwrite(fd_.get(), bytes.data(), bytes.size(), static_cast<off_t>(lba * kSectorSize)),
              static_cast<ssize_t>(bytes.size()));
  }
  VerifyReport verify() const {
    VerifyOptions verify_options;
    verify_options.sectors_per_block = 8;
    auto report = verify_range(fd_.get(), keys_, {0, kSectors}, state_, options_, verify_options);
    EXPECT_TRUE(report) << report.error().message();
    return report ? *report : VerifyReport{};
  }
  std::optional<RunIdentity> identity_;
  StampKeys keys_;
  std::filesystem::path path_;
  UniqueFd fd_;
  StreamOptions options_;
  ExpectedState state_;
};

TEST_F(StampedIo, WrittenDataVerifiesOnEveryThread) {
  write({0, kSectors}, 1);
  const VerifyReport report = verify();
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(report.count(SectorClass::intact), kSectors);
}

TEST_F(StampedIo, LostWriteOverAnIdenticalEarlierRunIsForeign) {
  auto earlier = RunIdentity::generate();
  ASSERT_TRUE(earlier);
  const StampKeys earlier_keys = StampKeys::for_run(*earlier);
  write({0, kSectors}, 1, &earlier_keys);  // yesterday's run, same parameters
  const auto yesterday = read({1024, 256});
  write({0, kSectors}, 1);     // today's run
  overwrite(1024, yesterday);  // the device dropped today's write to 1024..1279
  const VerifyReport report = verify();
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_EQ(report.findings[0].kind, SectorClass::foreign);
  EXPECT_EQ(report.findings[0].range, (LbaRange{1024, 256}));
  EXPECT_EQ(report.findings[0].found_run_id, earlier_keys.run_id);
}

TEST_F(StampedIo, EachCorruptionOfTheFileIsClassified) {
  write({0, kSectors}, 1);
  const auto lost = read({104, 8});
  const auto old_block = read({296, 8});
  write({0, kSectors}, 2);
  overwrite(96, std::vector<std::uint8_t>(8 * kSectorSize, 0));  // zero-filled 96..103
  overwrite(104, lost);                                          // stale 104..111 (lost write)
  overwrite(200, read({208, 8}));                                // misdirected +8 at 200..207
  auto torn = read({296, 8});
  auto flipped = read({500, 1});
  flipped[77] ^= 0x10;
  overwrite(500, flipped);  // bit flip at 500
  std::copy(old_block.begin(), old_block.begin() + 4 * kSectorSize, torn.begin());
  overwrite(296, torn);  // 4 KiB block 296..303 half gen 1
  const VerifyReport report = verify();
  ASSERT_EQ(report.findings.size(), 5U);
  EXPECT_EQ(report.findings[0].kind, SectorClass::zero_filled);
  EXPECT_EQ(report.findings[1].kind, SectorClass::stale);
  EXPECT_EQ(report.findings[1].range, (LbaRange{104, 8}));
  EXPECT_EQ(report.findings[2].kind, SectorClass::misdirected);
  EXPECT_EQ(report.findings[2].lba_delta, 8);
  EXPECT_EQ(report.findings[3].kind, SectorClass::torn);
  EXPECT_EQ(report.findings[3].range, (LbaRange{296, 8}));
  EXPECT_EQ(report.findings[4].kind, SectorClass::bit_flip);
  EXPECT_EQ(report.findings[4].bit_count, 1U);
  EXPECT_FALSE(report.passed());
}

TEST_F(StampedIo, ShortFileIsUnreadableNotACrash) {
  write({0, kSectors / 2}, 1);
  const VerifyReport report = verify();
  ASSERT_FALSE(report.findings.empty());
  EXPECT_EQ(report.findings.back().kind, SectorClass::unreadable);
  EXPECT_EQ(report.count(SectorClass::unreadable), kSectors / 2);
}

TEST_F(StampedIo, MalformedOptionsAndBadDescriptorsAreErrors) {
  StreamOptions odd = options_;
  odd.chunk_bytes = 1000;
  EXPECT_FALSE(write_stamped(fd_.get(), keys_, {0, 8}, 1, odd));
  EXPECT_FALSE(verify_range(fd_.get(), keys_, {0, 8}, state_, odd));
  EXPECT_FALSE(write_stamped(-1, keys_, {0, 8}, 1, options_));
}

TEST_F(StampedIo, WorksThroughODirect) {
  UniqueFd direct(::open(path_.c_str(), O_RDWR | O_DIRECT | O_CLOEXEC));
  if (!direct) {
    GTEST_SKIP() << "the temporary directory's filesystem does not support O_DIRECT (errno " << errno << ")";
  }
  fd_ = std::move(direct);
  write({0, kSectors}, 1);
  const VerifyReport report = verify();
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(report.count(SectorClass::intact), kSectors);
}

TEST_F(StampedIo, JournalledWritesReloadIntoAVerifiableState) {
  auto journal = WriteJournal::open(path_.string() + ".journal", *identity_, SyncPolicy::batch);
  ASSERT_TRUE(journal);
  options_.journal = &*journal;
  ASSERT_TRUE(write_stamped(fd_.get(), keys_, {0, kSectors}, 1, options_));
  ASSERT_TRUE(journal->quiesced());
  ASSERT_TRUE(journal->sync());
  auto history = load_write_journal(journal->path(), *identity_);
  ASSERT_TRUE(history) << history.error().message();
  auto state = acceptable_state(*history);
  ASSERT_TRUE(state) << state.error().message();
  state_ = std::move(*state);
  EXPECT_TRUE(verify().passed());
  EXPECT_EQ(state_.at(kSectors - 1), (GenerationRange{1, 1}));
}

}  // namespace
}  // namespace dextqual::integrity
