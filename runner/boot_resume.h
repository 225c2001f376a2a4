// The one-shot resume at the next boot (issue 10 §4, F4/F11/F12): before the runner reboots the host for
// a test, it arms a boot job that runs `dextqual resume --state <state> --at-boot` once; that resume
// disarms it before it does anything else, so a resume that itself brings the host down cannot loop.
//   Linux: /etc/systemd/system/dextqual-resume-<run id>.service, enabled with `systemctl enable`.
//   macOS: /Library/LaunchDaemons/org.dextqual.resume.<run id>.plist (RunAtLoad, LaunchOnlyOnce); launchd
//          reads that folder at boot, so it is not bootstrapped now: with RunAtLoad that would resume at
//          once, before the reboot. Disarming removes the file only: `launchctl bootout` would end the
//          very resume it is called from.
// Both file generators build on every platform, so both are tested everywhere; arming, disarming and the
// default reboot command are per platform (platform/<os>/boot_resume.cpp). $DEXTQUAL_BOOT_UNIT_DIR
// overrides the unit folder (tests write into a temporary one). Every systemctl/launchctl/hook command
// goes through a SystemCommand, so tests record them instead of running them.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "process/child_process.h"

namespace dextqual::runner {

using SystemCommand = std::function<process::ChildOutcome(const process::ChildSpec&)>;

// process::run_child itself.
[[nodiscard]] SystemCommand real_system_command();

struct BootResumeSpec {
  std::string run_id;
  std::filesystem::path dextqual;          // absolute path of the dextqual to run at boot
  std::filesystem::path state_dir;         // absolute
  std::map<std::string, std::string> env;  // what the resumed run needs of this one's environment
};

// The variables of the current environment a resumed run needs to find the same parts: PATH, SIMDEXT and
// every DEXTQUAL_* (the per-test ones excepted).
[[nodiscard]] std::map<std::string, std::string> environment_for_resume();

// Refuses paths a boot job cannot carry safely (whitespace, quotes, backslashes, control characters).
[[nodiscard]] Status check_boot_resume_spec(const BootResumeSpec& spec);

[[nodiscard]] std::string systemd_unit_name(const std::string& run_id);
[[nodiscard]] std::string systemd_unit_text(const BootResumeSpec& spec);
[[nodiscard]] std::string launchd_label(const std::string& run_id);
[[nodiscard]] std::string launchd_plist_text(const BootResumeSpec& spec);

// Where the at-boot resume writes its console: <state>/resume-at-boot.log.
[[nodiscard]] std::filesystem::path boot_resume_log(const std::filesystem::path& state_dir);

// Per platform.
[[nodiscard]] std::filesystem::path boot_unit_dir();  // $DEXTQUAL_BOOT_UNIT_DIR or the system's folder
[[nodiscard]] std::filesystem::path boot_unit_path(const std::string& run_id);
[[nodiscard]] Status arm_boot_resume(const BootResumeSpec& spec, const SystemCommand& system);
// Nothing to do (and no command run) when the run has no boot job.
[[nodiscard]] Status disarm_boot_resume(const std::string& run_id, const SystemCommand& system);
// When the station has no `reboot` hook: Linux `systemctl reboot`, macOS `shutdown -r now`.
[[nodiscard]] std::vector<std::string> default_reboot_command();

}  // namespace dextqual::runner
