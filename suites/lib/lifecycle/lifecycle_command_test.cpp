// Guards the command runner every lifecycle adapter uses: exits are values, hangs and signals are
// Errors, and a failure names the command that reproduces it (STYLE.md rule 14).
#include <gtest/gtest.h>

#include "lifecycle/lifecycle_command.h"

namespace dextqual::platform {
namespace {

using namespace std::chrono_literals;

TEST(CommandRunner, NonZeroExitIsAValueWithBothStreams) {
  const auto output = system_command_runner()({{"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}});
  ASSERT_TRUE(output.has_value()) << output.error().message();
  EXPECT_EQ(output->exit_code, 3);
  EXPECT_EQ(output->out, "out\n");
  EXPECT_EQ(output->err, "err\n");
}

TEST(CommandRunner, CheckedFailureNamesTheCommandAndItsComplaint) {
  const auto output =
      run_checked(system_command_runner(), {{"/bin/sh", "-c", "echo 'disk is busy' >&2; exit 1"}});
  ASSERT_FALSE(output.has_value());
  const std::string message = output.error().message();
  EXPECT_NE(message.find("/bin/sh -c"), std::string::npos) << message;
  EXPECT_NE(message.find("exited with code 1"), std::string::npos) << message;
  EXPECT_NE(message.find("disk is busy"), std::string::npos) << message;
}

TEST(CommandRunner, HangIsEndedAtItsTimeout) {
  const auto start = std::chrono::steady_clock::now();
  const auto output = system_command_runner()({{"/bin/sleep", "30"}, 300ms});
  ASSERT_FALSE(output.has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_NE(output.error().message().find("timed out"), std::string::npos) << output.error().message();
}

TEST(CommandRunner, MissingToolIsAnError) {
  const auto output = system_command_runner()({{"/nonexistent/dextqual-tool"}});
  EXPECT_FALSE(output.has_value() && output->exit_code == 0);
}

}  // namespace
}  // namespace dextqual::platform
