// run_child() against /bin/sh children that exit, kill themselves, hang, ignore SIGTERM, leave
// grandchildren and print megabytes: the outcomes the runner must tell apart (STYLE.md rule 7).
#include "process/child_process.h"

#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stop_token>
#include <thread>

namespace dextqual::process {
namespace {

using namespace std::chrono_literals;

ChildSpec shell(const std::string& script) { return ChildSpec{.argv = {"/bin/sh", "-c", script}}; }

// True once `pid` is gone or a zombie nobody will run again.
bool is_dead(int pid) {
  for (int i = 0; i < 100; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!stat || !std::getline(stat, text)) return true;
    const auto state = text.substr(text.rfind(')') + 2, 1);
    if (state == "Z" || state == "X") return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

TEST(ChildProcess, ExitCodeAndOutput) {
  auto outcome = run_child(shell("echo out; echo err >&2; exit 9"));
  EXPECT_EQ(outcome.kind, OutcomeKind::exited);
  EXPECT_EQ(outcome.exit_code, 9);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.out.text(), "out\n");
  EXPECT_EQ(outcome.err.text(), "err\n");
  EXPECT_EQ(outcome.describe(), "exited with code 9");
  EXPECT_GT(outcome.pid, 0);
}

TEST(ChildProcess, KilledBySignalIsNotExitCode) {  // v2's exit_code() folds SIGKILL into 9
  auto outcome = run_child(shell("kill -KILL $$"));
  EXPECT_EQ(outcome.kind, OutcomeKind::signaled);
  EXPECT_EQ(outcome.signal, SIGKILL);
  EXPECT_EQ(outcome.describe(), "killed by signal 9 (SIGKILL)");
  auto segv = run_child(shell("kill -SEGV $$"));
  EXPECT_EQ(segv.kind, OutcomeKind::signaled);
  EXPECT_EQ(segv.signal, SIGSEGV);
}

TEST(ChildProcess, TimeoutEndsAHangWithSigterm) {
  auto spec = shell("sleep 30");
  spec.timeout = 200ms;
  auto outcome = run_child(spec);
  EXPECT_EQ(outcome.kind, OutcomeKind::timed_out);
  EXPECT_EQ(outcome.signal, SIGTERM);
  EXPECT_FALSE(outcome.needed_sigkill);
  EXPECT_LT(outcome.duration, 5s);
  EXPECT_EQ(outcome.describe(), "timed out after 200ms (SIGTERM)");
}

TEST(ChildProcess, TimeoutEscalatesToSigkillWhenSigtermIsIgnored) {
  auto spec = shell("trap '' TERM; echo ready; while :; do sleep 1; done");
  spec.timeout = 300ms;
  spec.grace = 200ms;
  auto outcome = run_child(spec);
  EXPECT_EQ(outcome.kind, OutcomeKind::timed_out);
  EXPECT_EQ(outcome.signal, SIGKILL);
  EXPECT_TRUE(outcome.needed_sigkill);
  EXPECT_LT(outcome.duration, 5s);
}

TEST(ChildProcess, GrandchildrenDieWithTheChild) {
  auto outcome = run_child(shell("sleep 300 & echo $!; exit 0"));
  ASSERT_EQ(outcome.kind, OutcomeKind::exited);
  const int grandchild = std::stoi(outcome.out.text());
  EXPECT_TRUE(is_dead(grandchild));
}

TEST(ChildProcess, GrandchildrenDieOnTimeout) {
  auto spec = shell("sleep 300 & echo $!; wait");
  spec.timeout = 300ms;
  auto outcome = run_child(spec);
  ASSERT_EQ(outcome.kind, OutcomeKind::timed_out);
  EXPECT_TRUE(is_dead(std::stoi(outcome.out.text())));
}

TEST(ChildProcess, MegabytesOfOutputAreCappedButAllStreamed) {
  auto spec = shell("head -c 10000000 /dev/zero | tr '\\0' x; echo END");
  spec.output_cap = 1 << 20;
  std::size_t streamed = 0;
  spec.on_output = [&](OutputStream, std::string_view chunk) { streamed += chunk.size(); };
  auto outcome = run_child(spec);
  EXPECT_TRUE(outcome.succeeded());
  EXPECT_EQ(streamed, 10000004u);
  EXPECT_EQ(outcome.out.total_bytes(), 10000004u);
  EXPECT_TRUE(outcome.out.truncated());
  const auto text = outcome.out.text();
  EXPECT_LT(text.size(), (1u << 20) + 100);
  EXPECT_TRUE(text.ends_with("xxEND\n"));
}

TEST(ChildProcess, StdinEnvironmentAndDirectory) {
  auto spec = shell("cat; echo \"$DQ_TEST_VALUE\"; echo \"${HOME:-unset}\"; pwd");
  spec.stdin_data = "from stdin\n";
  spec.env["DQ_TEST_VALUE"] = "hello world";
  spec.env_unset = {"HOME"};
  spec.cwd = "/";
  auto outcome = run_child(spec);
  EXPECT_TRUE(outcome.succeeded());
  EXPECT_EQ(outcome.out.text(), "from stdin\nhello world\nunset\n/\n");
}

TEST(ChildProcess, ChildInheritsOnlyItsStandardStreams) {
  // `ls` itself opens the directory it lists: that is the one descriptor past stderr.
  auto outcome = run_child(shell("exec ls /proc/self/fd"));
  EXPECT_EQ(outcome.out.text(), "0\n1\n2\n3\n");
}

TEST(ChildProcess, ChildThatIgnoresStdinDoesNotKillTheRunner) {
  auto spec = shell("exit 0");
  spec.stdin_data = std::string(1 << 20, 'x');
  EXPECT_TRUE(run_child(spec).succeeded());
}

TEST(ChildProcess, MissingProgramFailsToStart) {
  auto outcome = run_child(ChildSpec{.argv = {"/nonexistent/dextqual-no-such-binary"}});
  EXPECT_EQ(outcome.kind, OutcomeKind::failed_to_start);
  EXPECT_NE(outcome.start_error.find("No such file"), std::string::npos) << outcome.start_error;
  auto unknown = run_child(ChildSpec{.argv = {"dextqual-no-such-program-in-path"}});
  EXPECT_EQ(unknown.kind, OutcomeKind::failed_to_start);
  EXPECT_EQ(run_child(ChildSpec{}).kind, OutcomeKind::failed_to_start);
}

TEST(ChildProcess, NonExecutableFileFailsToStart) {
  const auto path = std::filesystem::temp_directory_path() / "dextqual-process-test-not-executable";
  std::ofstream(path) << "#!/bin/sh\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  auto outcome = run_child(ChildSpec{.argv = {path.string()}});
  std::filesystem::remove(path);
  EXPECT_EQ(outcome.kind, OutcomeKind::failed_to_start);
}

TEST(ChildProcess, StopRequestEndsTheChild) {
  std::stop_source source;
  auto spec = shell("sleep 30");
  spec.stop = source.get_token();
  std::jthread stopper([&] {
    std::this_thread::sleep_for(200ms);
    source.request_stop();
  });
  auto outcome = run_child(spec);
  EXPECT_EQ(outcome.kind, OutcomeKind::stopped);
  EXPECT_EQ(outcome.signal, SIGTERM);
  EXPECT_LT(outcome.duration, 5s);
}

TEST(ChildProcess, EscapedDescendantHoldingThePipeDoesNotHangUs) {
  // setsid leaves our process group; all we can do is stop waiting for its end of the pipe.
  auto outcome = run_child(shell("setsid sleep 5 & echo started"));
  EXPECT_TRUE(outcome.succeeded());
  EXPECT_LT(outcome.duration, 1s);
}

TEST(ChildProcess, QuoteCommandForReproducers) {
  EXPECT_EQ(quote_command({"/bin/x", "--gtest_filter=A.B", "it's here", ""}),
            "/bin/x --gtest_filter=A.B 'it'\\''s here' ''");
}

}  // namespace
}  // namespace dextqual::process
