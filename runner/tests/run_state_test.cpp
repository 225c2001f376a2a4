// The run as its journal tells it: results replace, the running test shows as incomplete, the rest
// as not run yet; and the journal survives a line torn by a crash.
#include "runner/run_state.h"

#include <gtest/gtest.h>

#include <fstream>

#include "runner/journal.h"

namespace dextqual::runner {
namespace {

TEST(RunState, SnapshotShowsResultsRunningAndPending) {
  RunState state;
  state.apply(RunState::run_event({.id = "r"}, {}, {}, {{"s", "/bin/s", {"A.One", "A.Two", "A.Three"}}}));
  state.apply(RunState::start_event("s", "A.One", "boot"));
  state.apply(RunState::result_event({.suite = "s", .name = "A.One", .verdict = reports::Verdict::pass}));
  state.apply(RunState::start_event("s", "A.Two", "boot"));
  auto report = state.snapshot();
  ASSERT_EQ(report.suites.at(0).tests.size(), 3u);
  EXPECT_EQ(report.suites[0].tests[0].verdict, reports::Verdict::pass);
  EXPECT_EQ(report.suites[0].tests[1].verdict, reports::Verdict::error);
  EXPECT_EQ(report.suites[0].tests[1].kind, "incomplete");
  EXPECT_EQ(report.suites[0].tests[2].verdict, reports::Verdict::skipped);
  EXPECT_EQ(state.remaining("s"), (std::vector<std::string>{"A.Two", "A.Three"}));
  state.apply(
      RunState::result_event({.suite = "s", .name = "[harness]", .verdict = reports::Verdict::unresolved}));
  EXPECT_EQ(state.snapshot().suites[0].tests.size(), 4u);
}

TEST(RunState, CommandHistogramIsTheLatestSnapshotOfEachSimdextLifeSummed) {
  // A resumed run starts a new simdext that counts from zero; the journal keeps the old life's counts.
  auto reply = [](const std::string& instance, int count) {
    nlohmann::json cell = {{"opcode", "WRITE(10)"},
                           {"bucket_bytes", 524288},
                           {"outcome", "ok"},
                           {"count", count},
                           {"largest_bytes", 524288}};
    return nlohmann::json{{"ok", true}, {"instance", instance}, {"commands", nlohmann::json::array({cell})}};
  };
  RunState state;
  state.apply(RunState::run_event({.id = "r"}, {}, {}, {}));
  EXPECT_FALSE(state.snapshot().commands) << "no trace journaled: a real device";
  state.apply(RunState::commands_event(reply("life-1", 5)));
  state.apply(RunState::commands_event(reply("life-1", 20)));  // cumulative: replaces, never adds
  state.apply(RunState::commands_event(reply("life-2", 3)));
  const auto commands = state.snapshot().commands;
  ASSERT_TRUE(commands);
  ASSERT_EQ(commands->size(), 1u);
  EXPECT_EQ(commands->at(0).count, 23u);
}

TEST(Journal, TornLastLineIsIgnoredAndRepaired) {
  const auto path =
      std::filesystem::temp_directory_path() / ("dextqual-journal-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  {
    auto journal = JournalWriter::open(path);
    ASSERT_TRUE(journal);
    ASSERT_TRUE(journal->append({{"event", "start"}, {"suite", "s"}, {"test", "A"}}));
  }
  std::ofstream(path, std::ios::app) << "{\"event\":\"resu";  // SIGKILL mid-write
  {
    auto journal = JournalWriter::open(path);
    ASSERT_TRUE(journal);
    ASSERT_TRUE(journal->append({{"event", "end"}, {"status", "finished"}}));
  }
  auto events = read_journal(path);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1]["event"], "end");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dextqual::runner
