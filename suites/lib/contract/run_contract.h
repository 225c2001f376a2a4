// The files and environment variables through which the runner (`dextqual`) and the suite binaries talk,
// beside the DUT description itself (dut/dut_description.h), spelled once for both sides (issue 10 §7):
//
//   <state>/dut.json             the DUT, given as --dut=<path> and $DEXTQUAL_DUT
//   $DEXTQUAL_FINDINGS_DIR/<Suite.Test>.json   integrity findings of one test (a JSON array)
//   $SIMDEXT                     the simdext binary, for lifecycle control of a simulated DUT
//   "loop:<backing file>"        the serial of a plain loop device DUT
//   the reboot contract, all in the run's state directory (never on the DUT):
//     <state>/reboot-request.json  {"requested_by", "phase_file"}  a test asks for a host reboot
//     <state>/reboot-done.json     {"requested_by", "boot_id", "method"}  the runner rebooted and found
//                                  the DUT again (dut.json rewritten); written before the later phase runs
//     <state>/persistence-reboot/phase.json  what phase 1 left for phase 2 (the persistence suite's own
//                                  content; the runner only carries its path in the request)
//   A test named "...Phase<N>..." (N >= 2) starts a new launch of its binary, after the reboot.
//   $DEXTQUAL_PROGRESS_FILE      {"test", "bytes_verified"} of the running test, rewritten every two
//                                seconds by the suite binary, read by the runner's CI-log heartbeat
// Every file is replaced atomically (core/atomic_file.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dextqual::contract {

inline constexpr std::string_view kDutFileName = "dut.json";
inline constexpr std::string_view kDutArgument = "--dut=";
inline constexpr const char* kDutEnv = "DEXTQUAL_DUT";
inline constexpr const char* kFindingsDirEnv = "DEXTQUAL_FINDINGS_DIR";
inline constexpr const char* kSimdextEnv = "SIMDEXT";
inline constexpr const char* kProgressFileEnv = "DEXTQUAL_PROGRESS_FILE";

// A test that passed every *shall* and deviated from a *should* (testing/conformance.h) prints one line
// per deviation starting with kWarningLine and records the property kWarningProperty<n> with the same
// text; the runner makes the test WARN (a passed test with warnings: not a failure).
inline constexpr std::string_view kWarningLine = "[dextqual warning] ";
inline constexpr std::string_view kWarningProperty = "warning.";
// A test that causes I/O errors on purpose (a detach with I/O in flight) records this property with the
// reason: the runner still shows what the kernel logged, in the detail, but does not warn about it.
// It prints kKernelErrorsExpectedLine with the reason too, so the runner knows before the XML exists.
inline constexpr const char* kKernelErrorsExpectedProperty = "kernel.io_errors_expected";
inline constexpr std::string_view kKernelErrorsExpectedLine = "[dextqual kernel errors expected] ";

// What the running test has done so far (issue 14 §4): the suite side writes it, the runner reads it.
struct TestProgress {
  std::string test;  // "Suite.Test", as GoogleTest names it
  std::uint64_t bytes_verified = 0;
};
[[nodiscard]] Status write_test_progress(const std::filesystem::path& file, const TestProgress& progress);
[[nodiscard]] Result<TestProgress> read_test_progress(const std::filesystem::path& file);

// A plain loop device has no serial: the file behind it identifies it, as "loop:<backing file>" (what
// --allow-data-loss names, and what the suites' lifecycle adapters find it again by).
[[nodiscard]] std::string loop_device_serial(std::string_view backing_file);

// `Suite.Test` -> `Suite.Test.json` (a parameterized name's '/' made safe); `extension` ".log" for the
// runner's per-test log of the same test.
[[nodiscard]] std::string test_file_name(std::string_view test, std::string_view extension);

struct RebootFiles {
  std::filesystem::path request;     // <state>/reboot-request.json
  std::filesystem::path done;        // <state>/reboot-done.json
  std::filesystem::path phase_dir;   // <state>/persistence-reboot/
  std::filesystem::path phase_file;  // <phase_dir>/phase.json

  [[nodiscard]] static RebootFiles under(const std::filesystem::path& state_dir);
};

struct RebootRequest {
  std::string requested_by;  // "Reboot.Phase1WriteAndFlush"
  std::string phase_file;
};

struct RebootDone {
  std::string requested_by;
  std::string boot_id;  // of the boot after the reboot
  std::string method;   // "simdext-restart", "host-reboot"
};

[[nodiscard]] Status write_reboot_request(const std::filesystem::path& state_dir,
                                          const RebootRequest& request);
// nullopt when no test asked; an Error when the file is there but unreadable.
[[nodiscard]] Result<std::optional<RebootRequest>> read_reboot_request(
    const std::filesystem::path& state_dir);

[[nodiscard]] Status write_reboot_done(const std::filesystem::path& state_dir, const RebootDone& done);
[[nodiscard]] Result<std::optional<RebootDone>> read_reboot_done(const std::filesystem::path& state_dir);

}  // namespace dextqual::contract
