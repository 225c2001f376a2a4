// A fake suite binary for testing the runner (STYLE.md rule 10: the framework tests itself). One
// source, one behaviour per build (FAKE_SUITE_<MODE>): pass, fail, skip, hang, crash mid-test, exit 0
// without results, run zero tests, leave grandchildren, print invalid UTF-8 and control characters,
// print megabytes, fail to list, slow (for kill-at-any-moment tests).
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

namespace {

[[maybe_unused]] void tell(const std::string& what) {
  if (const char* file = std::getenv("FAKE_SUITE_TRACE")) std::ofstream(file, std::ios::app) << what << "\n";
}

}  // namespace

#if defined(FAKE_SUITE_PASS)
TEST(Fake, PassesQuickly) { SUCCEED(); }
TEST(Fake, RecordsThroughput) {
  RecordProperty("throughput_mib_s.write.65536", "120.5");
  RecordProperty("throughput_mib_s.write.131072", "240.25");
  RecordProperty("note", "not a number");
}
TEST(Fake, DISABLED_NeverRuns) { FAIL(); }
#elif defined(FAKE_SUITE_FAIL)
TEST(Fake, PassesFirst) {}
TEST(Fake, FailsWithReason) { EXPECT_EQ(64 * 1024, 128 * 1024) << "EIO at 128 KiB, 64 KiB works"; }
TEST(Fake, PassesAfter) {}
class Sizes : public ::testing::TestWithParam<int> {};
TEST_P(Sizes, FailsForLargeOnes) { EXPECT_LT(GetParam(), 64) << "EIO at " << GetParam() << " KiB"; }
INSTANTIATE_TEST_SUITE_P(Kib, Sizes, ::testing::Values(4, 128));
#elif defined(FAKE_SUITE_SKIP)
TEST(Fake, SkipsWithReason) { GTEST_SKIP() << "requires scsi_passthrough(): the DUT has no pass-through"; }
#elif defined(FAKE_SUITE_HANG)
TEST(Fake, PassesBefore) {}
TEST(Fake, HangsForever) {
  std::printf("hanging now\n");
  std::fflush(stdout);
  ::pause();
}
TEST(Fake, PassesAfterTheHang) {}
#elif defined(FAKE_SUITE_CRASH)
TEST(Fake, PassesBefore) {}
TEST(Fake, CrashesMidTest) {
  std::printf("about to crash, no newline yet");
  std::fflush(stdout);
  std::abort();  // SIGABRT: sanitizer builds would turn a SIGSEGV into exit(1)
}
TEST(Fake, PassesAfterTheCrash) {}
TEST(Fake, ExitsInsideTheTest) { std::exit(0); }
TEST(Fake, PassesLast) {}
#elif defined(FAKE_SUITE_NORESULTS)
// Lists tests, then exits 0 without running any (a main() that forgot RUN_ALL_TESTS).
TEST(Fake, WouldPass) {}
TEST(Fake, WouldAlsoPass) {}
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (GTEST_FLAG_GET(list_tests)) return RUN_ALL_TESTS();
  return 0;
}
#define FAKE_SUITE_OWN_MAIN
#elif defined(FAKE_SUITE_ZERO)
// No tests at all.
#elif defined(FAKE_SUITE_GRANDCHILD)
TEST(Fake, LeavesAGrandchild) {
  // The shell backgrounds sleep and exits; sleep stays in our process group.
  std::system("sleep 300 & echo $! > \"$FAKE_SUITE_PIDFILE\"");
}
#elif defined(FAKE_SUITE_GARBAGE)
TEST(Fake, PrintsGarbage) {
  std::printf("bytes: \xff\xfe \x01\x02\x07 \x1b[31mred\x1b[0m ]]> <&> \xc3\x28\n");
  ADD_FAILURE() << "garbage in the message: \xff\x01 ]]>";
}
#elif defined(FAKE_SUITE_MEGABYTES)
TEST(Fake, PrintsMegabytes) {
  const std::string line(1023, 'x');
  for (int i = 0; i < 20 * 1024; ++i) std::printf("%s\n", line.c_str());
  FAIL() << "after 20 MiB of output";
}
#elif defined(FAKE_SUITE_UNLISTABLE)
TEST(Fake, Exists) {}
int main() { std::abort(); }
#define FAKE_SUITE_OWN_MAIN
#elif defined(FAKE_SUITE_SLOW)
// Ten tests of 300 ms: a window in which the runner can be killed at many points.
class Slow : public ::testing::TestWithParam<int> {};
TEST_P(Slow, Takes300ms) {
  tell("ran " + std::to_string(GetParam()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
}
INSTANTIATE_TEST_SUITE_P(Ten, Slow, ::testing::Range(0, 10));
#elif defined(FAKE_SUITE_STATIONERROR)
// A test whose station hook failed (suites/lib/station/station_error.h): the runner records ERROR with
// the marked reason, not FAIL; the test after it runs.
TEST(Fake, HookFails) {
  std::printf("--- station hook power_cycle: /bin/sh -c 'exit 3'\n");
  std::printf("[dextqual station error] station hook power_cycle failed: exit status 3\n");
  FAIL() << "power-cut: station hook power_cycle failed: exit status 3";
}
TEST(Fake, PlainFailureStaysFail) { FAIL() << "mentions [dextqual station error] but not at a line start"; }
TEST(Fake, PassesAfter) {}
#elif defined(FAKE_SUITE_WARN)
// A *should* deviation as testing/conformance.h reports it (contract/run_contract.h kWarningLine): the
// runner makes a passed test with warnings WARN, not a failure; a failed test stays FAIL.
TEST(Fake, PassesWithAWarning) {
  std::printf("[dextqual warning] SBC-3 r36 5.8 should: RDPROTECT refused; got GOOD\n");
  ::testing::Test::RecordProperty("warning.1", "SBC-3 r36 5.8 should: RDPROTECT refused; got GOOD");
}
TEST(Fake, PassesPlainly) { std::printf("mentions [dextqual warning] but not at a line start\n"); }
TEST(Fake, FailsAfterAWarning) {
  std::printf("[dextqual warning] SPC-4 should: something; got something else\n");
  FAIL() << "a shall deviation";
}
#elif defined(FAKE_SUITE_DEVICELOST)
// Against simdext: the second test stops the simulated disk (a driver that lost the device), fails,
// and the runner must call it DEVICE-LOST and not run the third.
TEST(Fake, PassesWithTheDevice) {}
TEST(Fake, LosesTheDevice) {
  const char* dut = std::getenv("DEXTQUAL_DUT");
  const char* simdext = std::getenv("SIMDEXT");
  ASSERT_TRUE(dut != nullptr && simdext != nullptr) << "run me through dextqual run (simdext)";
  std::ifstream in(dut);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto key = text.find("\"simdext_state\"");
  ASSERT_NE(key, std::string::npos);
  const auto start = text.find('"', text.find(':', key)) + 1;
  const std::string state = text.substr(start, text.find('"', start) - start);
  ASSERT_EQ(std::system((std::string(simdext) + " stop --state '" + state + "' >/dev/null 2>&1").c_str()), 0);
  FAIL() << "I/O error: the device went away";
}
TEST(Fake, WouldNeedTheDevice) {}
#elif defined(FAKE_SUITE_SETUPFAIL)
// A global SetUp that fails: every test is skipped, the binary exits 1, no test failed.
class FailingEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { FAIL() << "environment set-up failed"; }
};
TEST(Fake, NeverReallyRuns) {}
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new FailingEnvironment);
  return RUN_ALL_TESTS();
}
#define FAKE_SUITE_OWN_MAIN
#else
#error "define one FAKE_SUITE_<MODE>"
#endif

#if !defined(FAKE_SUITE_OWN_MAIN)
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
