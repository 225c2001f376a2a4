#include "runner/host_reboot.h"

#include <sys/stat.h>

#include <chrono>

#include "contract/run_contract.h"
#include "device/block_devices.h"
#include "runner/host_identity.h"
#include "runner/run_state.h"
#include "runner/suite_launch.h"

namespace dextqual::runner {
namespace {

// The hook's last words, for a one-line console note (the whole output is in the outcome).
std::string last_line_of(const std::string& text) {
  const auto end = text.find_last_not_of("\n ");
  if (end == std::string::npos) return {};
  const auto newline = text.rfind('\n', end);
  const auto start = newline == std::string::npos ? 0 : newline + 1;
  return text.substr(start, end - start + 1);
}

process::ChildSpec reboot_command(const HostRebootSettings& settings) {
  process::ChildSpec spec;
  // The station's hook, with its own timeout, run the way every station hook runs (station_hook.h).
  spec.argv = settings.reboot_hook ? station::hook_argv(*settings.reboot_hook) : default_reboot_command();
  spec.timeout = settings.reboot_hook ? settings.reboot_hook->timeout : std::chrono::minutes(5);
  return spec;
}

}  // namespace

std::optional<std::string> device_holding(dev_t filesystem, const std::vector<DeviceNumber>& devices) {
  for (const auto& device : devices) {
    if (device.number == filesystem) return device.node;
  }
  return std::nullopt;
}

Status check_state_dir_off_dut(const std::filesystem::path& state_dir, const std::string& dut_node) {
  struct stat state {};
  if (::stat(state_dir.c_str(), &state) != 0) return fail_errno("stat " + state_dir.string());
  std::error_code ec;
  const auto disk = std::filesystem::canonical(dut_node, ec).filename().string();
  DQ_TRY_ASSIGN(const auto devices, device::list_block_devices());
  std::vector<DeviceNumber> numbers;
  for (const auto& device : devices) {
    struct stat node {};
    if (device.disk == disk && ::stat(device.node.c_str(), &node) == 0)
      numbers.push_back({device.node, node.st_rdev});
  }
  if (auto holder = device_holding(state.st_dev, numbers)) {
    return fail("keep the run's state off the DUT",
                "the state directory " + state_dir.string() + " is on " + *holder +
                    ", the DUT: a reboot test would lose its own journal");
  }
  return {};
}

RebootOutcome reboot_host(const HostRebootSettings& settings, const RebootContext& context) {
  auto request = contract::read_reboot_request(settings.state_dir);
  if (!request) return {RebootStep::failed, "reboot request unreadable: " + request.error().message()};
  if (!request->has_value()) return {};
  const auto requested_by = (*request)->requested_by;
  const auto not_done = [&](const std::string& why) {
    (void)context.record(RunState::reboot_failed_event(requested_by, why, utc_now()));
    (void)disarm_boot_resume(context.run_id, settings.system);
    std::error_code ec;
    std::filesystem::remove(contract::RebootFiles::under(settings.state_dir).request, ec);
    return RebootOutcome{RebootStep::failed, "reboot requested by " + requested_by + " not done: " + why +
                                                 " (the later phase will fail for want of the reboot)"};
  };
  if (auto off = check_state_dir_off_dut(settings.state_dir, settings.dut_node); !off) {
    return not_done(off.error().message());
  }
  if (auto recorded = context.record(RunState::reboot_event(requested_by, utc_now(), boot_id())); !recorded) {
    return not_done("cannot journal it: " + recorded.error().message());
  }
  const BootResumeSpec spec{context.run_id, settings.dextqual, settings.state_dir, settings.env};
  if (auto armed = arm_boot_resume(spec, settings.system); !armed) {
    return not_done("cannot arm the resume at boot: " + armed.error().message());
  }
  const auto command = reboot_command(settings);
  const auto outcome = settings.system(command);
  if (!outcome.succeeded()) {
    return not_done("the reboot command `" + process::quote_command(command.argv) + "` " +
                    outcome.describe() +
                    (outcome.err.text().empty() ? "" : ": " + last_line_of(outcome.err.text())));
  }
  return {RebootStep::host_going_down, "reboot requested by " + requested_by + ": resume at boot armed (" +
                                           boot_unit_path(context.run_id).string() + "), host rebooting (`" +
                                           process::quote_command(command.argv) +
                                           "`); the run continues at boot: `dextqual wait --state " +
                                           settings.state_dir.string() + "`"};
}

}  // namespace dextqual::runner
