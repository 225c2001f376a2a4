// Guards the write/flush journal (PERSISTENCE.md §4): it round-trips into the durability rule, survives a
// torn last record, and rejects another run's or a corrupted journal with the line number.
#include "integrity/write_journal.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace dextqual::integrity {
namespace {

class WriteJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = RunIdentity::generate();
    ASSERT_TRUE(id);
    identity_.emplace(*id);
    path_ = std::filesystem::temp_directory_path() /
            ("dq-journal-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove(path_);
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string contents() const {
    std::stringstream text;
    text << std::ifstream(path_).rdbuf();
    return text.str();
  }
  std::optional<RunIdentity> identity_;
  std::filesystem::path path_;
};

TEST_F(WriteJournalTest, ReloadsIntoTheDurabilityRuleAcrossReopen) {
  {
    auto journal = WriteJournal::open(path_, *identity_);
    ASSERT_TRUE(journal) << journal.error().message();
    ASSERT_TRUE(journal->write_submitted(1, {0, 8}, 1, false));
    ASSERT_TRUE(journal->write_completed(1, true));
    ASSERT_TRUE(journal->flush_submitted(1));
    ASSERT_TRUE(journal->write_submitted(2, {8, 8}, 1, false));  // completes after the flush was submitted
    ASSERT_TRUE(journal->write_completed(2, true));
    ASSERT_TRUE(journal->flush_completed(1, true));
  }
  auto reopened = WriteJournal::open(path_, *identity_, SyncPolicy::batch);  // the phase after the reboot
  ASSERT_TRUE(reopened) << reopened.error().message();
  ASSERT_TRUE(reopened->mark("verify"));
  ASSERT_TRUE(reopened->sync());
  auto history = load_write_journal(path_, *identity_);
  ASSERT_TRUE(history) << history.error().message();
  ASSERT_EQ(history->writes.size(), 2U);
  auto state = acceptable_state(*history);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->at(0), (GenerationRange{1, 1}));
  EXPECT_EQ(state->at(8), (GenerationRange{0, 1}));
}

TEST_F(WriteJournalTest, TornLastRecordIsIgnoredAndTruncatedOnReopen) {
  {
    auto journal = WriteJournal::open(path_, *identity_);
    ASSERT_TRUE(journal);
    ASSERT_TRUE(journal->write_submitted(1, {0, 8}, 1, true));
  }
  std::ofstream(path_, std::ios::app) << R"({"type":"write_completed","wri)";
  auto history = load_write_journal(path_, *identity_);
  ASSERT_TRUE(history) << history.error().message();
  EXPECT_FALSE(history->writes[0].complete_seq);
  auto reopened = WriteJournal::open(path_, *identity_);
  ASSERT_TRUE(reopened);
  ASSERT_TRUE(reopened->write_completed(1, true));
  auto again = load_write_journal(path_, *identity_);
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_TRUE(again->writes[0].complete_seq);
}

TEST_F(WriteJournalTest, ForeignCorruptedAndMalformedJournalsAreErrors) {
  {
    auto journal = WriteJournal::open(path_, *identity_);
    ASSERT_TRUE(journal);
    ASSERT_TRUE(journal->write_submitted(1, {0, 8}, 1, false));
  }
  auto other = RunIdentity::generate();
  ASSERT_TRUE(other);
  auto foreign = load_write_journal(path_, *other);
  ASSERT_FALSE(foreign);
  EXPECT_NE(foreign.error().detail.find("another run"), std::string::npos);

  std::string text = contents();
  text.replace(text.find("\"lba\":0"), 7, "\"lba\":9");
  std::ofstream(path_, std::ios::trunc) << text;
  auto corrupted = load_write_journal(path_, *identity_);
  ASSERT_FALSE(corrupted);
  EXPECT_NE(corrupted.error().operation.find("line 2"), std::string::npos);
  EXPECT_NE(corrupted.error().detail.find("authentication"), std::string::npos);

  std::ofstream(path_, std::ios::trunc) << "not json\n";
  EXPECT_FALSE(load_write_journal(path_, *identity_));
  std::ofstream(path_, std::ios::trunc) << "";
  EXPECT_FALSE(load_write_journal(path_, *identity_));
}

}  // namespace
}  // namespace dextqual::integrity
