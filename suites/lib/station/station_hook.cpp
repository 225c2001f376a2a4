#include "station/station_hook.h"

#include "process/child_process.h"

namespace dextqual::station {

std::optional<HookSpec> find_hook(const DutDescription& dut, std::string_view name) {
  const auto command = dut.hooks.find(std::string(name));
  if (command == dut.hooks.end() || command->second.empty()) return std::nullopt;
  HookSpec hook{std::string(name), command->second, kDefaultHookTimeout};
  if (const auto timeout = dut.hook_timeouts_s.find(hook.name); timeout != dut.hook_timeouts_s.end()) {
    hook.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(timeout->second * 1000));
  }
  return hook;
}

void set_hooks(DutDescription& dut, const std::map<std::string, HookCommand>& hooks) {
  for (const auto& [name, hook] : hooks) {
    dut.hooks[name] = hook.command;
    dut.hook_timeouts_s[name] = std::chrono::duration<double>(hook.timeout).count();
  }
}

std::vector<std::string> hook_argv(const HookSpec& hook) { return {"/bin/sh", "-c", hook.command}; }

std::string hook_failure(std::string_view name, std::string_view what) {
  return "station hook " + std::string(name) + " failed: " + std::string(what);
}

Status run_station_hook(const HookSpec& hook, std::ostream& log, std::stop_token stop) {
  process::ChildSpec spec;
  spec.argv = hook_argv(hook);
  spec.timeout = hook.timeout;
  spec.grace = std::chrono::seconds(2);
  spec.stop = std::move(stop);
  spec.env = {{"DEXTQUAL_HOOK", hook.name}};
  spec.stdin_data = "";  // a hook that asks a question gets EOF, not a wait for an answer nobody gives
  spec.on_output = [&log](process::OutputStream, std::string_view chunk) {
    log.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    log.flush();
  };
  log << "--- station hook " << hook.name << ": " << process::quote_command(spec.argv) << " (timeout "
      << std::chrono::duration<double>(hook.timeout).count() << " s)\n"
      << std::flush;
  const process::ChildOutcome outcome = process::run_child(spec);
  std::string what;
  if (outcome.kind == process::OutcomeKind::exited) {
    what = "exit status " + std::to_string(outcome.exit_code);
  } else {
    what = outcome.describe();
  }
  log << "\n--- station hook " << hook.name << ": " << what << "\n" << std::flush;
  if (outcome.succeeded()) return {};
  return fail(hook_failure(hook.name, what), "`" + hook.command + "`");
}

}  // namespace dextqual::station
