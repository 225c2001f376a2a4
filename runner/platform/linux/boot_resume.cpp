// Linux: the resume at boot is a systemd unit (boot_resume.h).
#include <chrono>
#include <cstdlib>

#include "core/atomic_file.h"
#include "runner/boot_resume.h"

namespace dextqual::runner {
namespace {

Status run_systemctl(const SystemCommand& system, const std::string& verb, const std::string& unit) {
  process::ChildSpec spec;
  spec.argv = {"systemctl", verb, unit};
  spec.timeout = std::chrono::seconds(60);
  const auto outcome = system(spec);
  if (outcome.succeeded()) return {};
  return fail("systemctl " + verb + " " + unit, outcome.describe() + ": " + outcome.err.text());
}

}  // namespace

std::filesystem::path boot_unit_dir() {
  const char* dir = std::getenv("DEXTQUAL_BOOT_UNIT_DIR");
  return dir != nullptr && *dir != '\0' ? std::filesystem::path(dir)
                                        : std::filesystem::path("/etc/systemd/system");
}

std::filesystem::path boot_unit_path(const std::string& run_id) {
  return boot_unit_dir() / systemd_unit_name(run_id);
}

Status arm_boot_resume(const BootResumeSpec& spec, const SystemCommand& system) {
  DQ_TRY(check_boot_resume_spec(spec));
  DQ_TRY(write_file_atomically(boot_unit_path(spec.run_id), systemd_unit_text(spec)));
  return run_systemctl(system, "enable", systemd_unit_name(spec.run_id));
}

Status disarm_boot_resume(const std::string& run_id, const SystemCommand& system) {
  const auto unit = boot_unit_path(run_id);
  std::error_code ec;
  if (!std::filesystem::exists(unit, ec)) return {};
  // Disabled while the file is there (systemctl reads its [Install] section), removed whatever happened.
  auto disabled = run_systemctl(system, "disable", systemd_unit_name(run_id));
  std::filesystem::remove(unit, ec);
  if (ec) return fail_errno("remove " + unit.string(), ec.value());
  return disabled;
}

std::vector<std::string> default_reboot_command() { return {"systemctl", "reboot"}; }

}  // namespace dextqual::runner
