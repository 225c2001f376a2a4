#include "runner/simdext_session.h"

#include <signal.h>
#include <sys/stat.h>

#include "dut/simdext_dut.h"
#include "process/child_process.h"
#include "reports/text_safety.h"

namespace dextqual::runner {
namespace {

process::ChildOutcome run_simdext(const std::filesystem::path& binary, std::vector<std::string> args,
                                  std::chrono::seconds timeout) {
  process::ChildSpec spec;
  spec.argv = {binary.string()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.timeout = timeout;
  spec.output_cap = 64 * 1024;
  return process::run_child(spec);
}

}  // namespace

Result<SimdextSession> SimdextSession::start(const std::filesystem::path& simdext_binary,
                                             const std::filesystem::path& profile,
                                             const std::filesystem::path& state_dir) {
  std::error_code ec;
  if (!std::filesystem::exists(simdext_binary, ec)) {
    return fail("start simdext", "no simdext binary at " + simdext_binary.string() +
                                     " (build the simdext target, or set SIMDEXT=PATH)");
  }
  std::filesystem::create_directories(state_dir, ec);
  // A simdext left behind by a killed runner still owns this state directory.
  (void)run_simdext(simdext_binary, {"stop", "--state", state_dir.string()}, std::chrono::seconds(60));
  // Generous: a slow-attach profile (F10) takes 16 s on purpose.
  const auto started =
      run_simdext(simdext_binary, {"start", "--profile", profile.string(), "--state", state_dir.string()},
                  std::chrono::seconds(180));
  if (!started.succeeded()) {
    return fail(
        "start simdext with " + profile.string(),
        started.describe() + ": " + reports::first_line(started.err.text() + "\n" + started.out.text(), 400));
  }
  auto dut = dut_from_simdext(state_dir.string());
  if (!dut) {
    (void)run_simdext(simdext_binary, {"stop", "--state", state_dir.string()}, std::chrono::seconds(60));
    return std::unexpected(dut.error());
  }
  return SimdextSession(simdext_binary, state_dir, std::move(*dut));
}

SimdextSession::SimdextSession(SimdextSession&& other) noexcept
    : binary_(std::move(other.binary_)),
      state_dir_(std::move(other.state_dir_)),
      dut_(std::move(other.dut_)),
      running_(std::exchange(other.running_, false)) {}

SimdextSession::~SimdextSession() { (void)stop(); }

bool SimdextSession::present() const {
  const auto pid = dut_.extra.contains("simdext") ? dut_.extra["simdext"].value("pid", 0) : 0;
  // simdext restarts itself for some lifecycle events; its description then names the new pid.
  auto current = dut_from_simdext(state_dir_.string());
  const int live_pid = current ? current->extra["simdext"].value("pid", pid) : pid;
  struct stat node {};
  const std::string block = current ? current->raw_node : dut_.raw_node;
  return live_pid > 0 && ::kill(live_pid, 0) == 0 && ::stat(block.c_str(), &node) == 0 &&
         S_ISBLK(node.st_mode);
}

Status SimdextSession::stop() {
  if (!running_) return {};
  running_ = false;
  const auto stopped =
      run_simdext(binary_, {"stop", "--state", state_dir_.string()}, std::chrono::seconds(120));
  if (!stopped.succeeded()) {
    return fail("stop simdext in " + state_dir_.string(),
                stopped.describe() + ": " + reports::first_line(stopped.err.text()));
  }
  return {};
}

}  // namespace dextqual::runner
