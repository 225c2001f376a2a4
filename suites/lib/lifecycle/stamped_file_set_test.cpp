// Guards the lifecycle suites' own verifiers: stamped files catch a flipped byte, a missing file and a
// file from an older cycle; the durability check over a journal accepts an unflushed write that never
// landed after a power cut, and calls a lost flushed write a flush lie (F1) and a lost acknowledged
// write after a clean eject F4; a binding write that landed only in part is named as a torn write.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lifecycle/durability_check.h"
#include "lifecycle/journaled_writer.h"
#include "lifecycle/stamped_file_set.h"

namespace dextqual::lifecycle {
namespace {

namespace fs = std::filesystem;

class ScratchDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path_template = (fs::temp_directory_path() / "dextqual-support-test.XXXXXX").string();
    ASSERT_NE(::mkdtemp(path_template.data()), nullptr);
    dir_ = path_template;
    auto identity = integrity::RunIdentity::generate();
    ASSERT_TRUE(identity.has_value());
    identity_.emplace(*identity);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::optional<integrity::RunIdentity> identity_;
};

TEST_F(ScratchDir, StampedFilesCatchFlipMissingAndOlderCycle) {
  StampedFileSet files(*identity_, 7, 4);
  ASSERT_TRUE(files.write(dir_, 2).has_value());
  EXPECT_TRUE(files.verify(dir_, 2).has_value());
  EXPECT_FALSE(files.verify(dir_, 3).has_value()) << "generation 2 on disk must not pass for generation 3";
  {
    std::fstream file(dir_ / files.files()[1].name, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(700);
    file.put('\x5a');
  }
  auto flipped = files.verify(dir_, 2);
  ASSERT_FALSE(flipped.has_value());
  EXPECT_NE(flipped.error().message().find(files.files()[1].name), std::string::npos)
      << flipped.error().message();
  fs::remove(dir_ / files.files()[2].name);
  EXPECT_FALSE(files.verify(dir_, 2).has_value());
}

// A 1 MiB "device" file, written through the journaled writer, then doctored as a device would.
TEST_F(ScratchDir, DurabilityCheckNamesFlushLiesAndLostAcknowledgedWrites) {
  const fs::path device_path = dir_ / "device.img";
  const fs::path journal_path = dir_ / "journal.jsonl";
  std::ofstream(device_path).close();
  fs::resize_file(device_path, 1 << 20);
  const integrity::LbaRange flushed{0, 64};
  const integrity::LbaRange unflushed{64, 64};
  {
    auto device = RawBlockDevice::open(device_path.string());
    ASSERT_TRUE(device.has_value()) << device.error().message();
    auto journal = integrity::WriteJournal::open(journal_path, *identity_);
    ASSERT_TRUE(journal.has_value());
    JournaledWriter writer(*device, *journal, integrity::StampKeys::for_run(*identity_), 1);
    ASSERT_TRUE(writer.write(flushed, 1, WriteMode::normal).has_value());
    ASSERT_TRUE(writer.flush().has_value());
    ASSERT_TRUE(writer.write(unflushed, 1, WriteMode::normal).has_value());
    // The device "loses" the unflushed write: legal after a power cut.
    AlignedBuffer zeros(64 * 512);
    ASSERT_TRUE(device->write(unflushed.first * 512, zeros.bytes()).has_value());
  }
  const integrity::LbaRange area{0, 128};
  auto after_cut =
      verify_durability(device_path.string(), *identity_, journal_path, area, 1, AfterEvent::power_cut);
  ASSERT_TRUE(after_cut.has_value()) << after_cut.error().message();
  EXPECT_TRUE(after_cut->passed()) << after_cut->failures.front();

  auto after_eject =
      verify_durability(device_path.string(), *identity_, journal_path, area, 1, AfterEvent::clean_eject);
  ASSERT_TRUE(after_eject.has_value());
  // No quiesce was journaled, so the unflushed write is still not binding: the eject wording is not used.
  EXPECT_TRUE(after_eject->passed());

  {
    auto device = RawBlockDevice::open(device_path.string());
    ASSERT_TRUE(device.has_value());
    AlignedBuffer zeros(8 * 512);
    ASSERT_TRUE(device->write(8 * 512, zeros.bytes()).has_value());  // a flushed write lost
  }
  auto lie =
      verify_durability(device_path.string(), *identity_, journal_path, area, 1, AfterEvent::power_cut);
  ASSERT_TRUE(lie.has_value());
  ASSERT_FALSE(lie->passed());
  // The command is named as torn first, then its missing sectors as a flush lie.
  ASSERT_EQ(lie->failures.size(), 2u);
  EXPECT_EQ(lie->failures[0],
            "torn write: write 1 (LBA 0..63, gen 1) reached the media with only 56 of its 64 sectors");
  EXPECT_NE(lie->failures[1].find("F1, flush lie"), std::string::npos) << lie->failures[1];
  EXPECT_NE(lie->failures[1].find("LBA 8..15"), std::string::npos) << lie->failures[1];

  // Once a clean quiesce is journaled, the lost unflushed write is F4 after an eject.
  {
    auto journal = integrity::WriteJournal::open(journal_path, *identity_);
    ASSERT_TRUE(journal.has_value());
    ASSERT_TRUE(journal->quiesced().has_value());
  }
  auto not_destaged = verify_durability(device_path.string(), *identity_, journal_path, unflushed, 1,
                                        AfterEvent::clean_eject);
  ASSERT_TRUE(not_destaged.has_value());
  ASSERT_FALSE(not_destaged->passed());
  EXPECT_NE(not_destaged->failures.back().find("F4"), std::string::npos) << not_destaged->failures.back();
}

}  // namespace
}  // namespace dextqual::lifecycle
