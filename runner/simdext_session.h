// The simulated DEXT as the runner's DUT: `simdext start --profile P --state DIR` (returns when the
// block device is ready), the DUT description built from DIR/simdext.json, and `simdext stop` when the
// session ends — on success, on error, and on SIGINT/SIGTERM (the owner's destructor). A simdext left
// running by a SIGKILLed runner is stopped before a new one starts on the same state directory.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "dut/dut_description.h"

namespace dextqual::runner {

class SimdextSession {
 public:
  [[nodiscard]] static Result<SimdextSession> start(const std::filesystem::path& simdext_binary,
                                                    const std::filesystem::path& profile,
                                                    const std::filesystem::path& state_dir);
  SimdextSession(SimdextSession&& other) noexcept;
  SimdextSession& operator=(SimdextSession&&) = delete;
  SimdextSession(const SimdextSession&) = delete;
  ~SimdextSession();

  [[nodiscard]] const DutDescription& dut() const { return dut_; }
  [[nodiscard]] const std::filesystem::path& state_dir() const { return state_dir_; }

  // The simdext process is alive and its block device exists.
  [[nodiscard]] bool present() const;

  Status stop();

 private:
  SimdextSession(std::filesystem::path binary, std::filesystem::path state_dir, DutDescription dut)
      : binary_(std::move(binary)), state_dir_(std::move(state_dir)), dut_(std::move(dut)) {}

  std::filesystem::path binary_;
  std::filesystem::path state_dir_;
  DutDescription dut_;
  bool running_ = true;
};

}  // namespace dextqual::runner
