// Where lifecycle tests keep what must outlive the DUT's contents: journals, run keys, phase files —
// in the run's state directory, never on the DUT (PERSISTENCE.md §4).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "dut/dut_description.h"

namespace dextqual::lifecycle {

// `<state_dir>/<name>` (the directory created); an Error when the description has no state directory.
[[nodiscard]] inline Result<std::filesystem::path> state_path(const DutDescription& dut,
                                                              const std::string& name) {
  if (dut.state_dir.empty()) {
    return fail("place " + name, "the DUT description has no state_dir (the journal must live off the DUT)");
  }
  std::error_code error;
  std::filesystem::create_directories(dut.state_dir, error);
  return std::filesystem::path(dut.state_dir) / name;
}

}  // namespace dextqual::lifecycle
