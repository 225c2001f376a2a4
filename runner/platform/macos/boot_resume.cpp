// macOS: the resume at boot is a LaunchDaemon property list (boot_resume.h). launchd reads
// /Library/LaunchDaemons at boot, so arming writes the file and runs nothing; see boot_resume.h for why
// neither `launchctl bootstrap` nor `bootout` is used.

#include <cstdint>
#include <cstdlib>

#include "core/atomic_file.h"
#include "runner/boot_resume.h"

namespace dextqual::runner {

std::filesystem::path boot_unit_dir() {
  const char* dir = std::getenv("DEXTQUAL_BOOT_UNIT_DIR");
  return dir != nullptr && *dir != '\0' ? std::filesystem::path(dir)
                                        : std::filesystem::path("/Library/LaunchDaemons");
}

std::filesystem::path boot_unit_path(const std::string& run_id) {
  return boot_unit_dir() / (launchd_label(run_id) + ".plist");
}

Status arm_boot_resume(const BootResumeSpec& spec, const SystemCommand& /*system*/) {
  DQ_TRY(check_boot_resume_spec(spec));
  return write_file_atomically(boot_unit_path(spec.run_id), launchd_plist_text(spec));
}

Status disarm_boot_resume(const std::string& run_id, const SystemCommand& /*system*/) {
  const auto plist = boot_unit_path(run_id);
  std::error_code ec;
  std::filesystem::remove(plist, ec);
  if (ec) return fail_errno("remove " + plist.string(), ec.value());
  return {};
}

std::vector<std::string> default_reboot_command() { return {"shutdown", "-r", "now"}; }

}  // namespace dextqual::runner
