// What a suite binary would run: its tests, listed by the binary itself
// (`--gtest_list_tests --gtest_output=json:FILE`, read with nlohmann-json), never guessed. A binary
// that cannot be listed is not dropped: the listing failure becomes the reason of an UNRESOLVED
// placeholder in the plan (lit's rule: nothing vanishes silently).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::runner {

struct ListedTest {
  std::string name;       // "Suite.Test", "Prefix/Suite.Test/0"
  bool disabled = false;  // DISABLED_ in the suite or test name: not run, reported as skipped
};

// `extra_args` (e.g. --dut=...) go to the binary too: a suite may list tests from the DUT.
[[nodiscard]] Result<std::vector<ListedTest>> list_tests(
    const std::filesystem::path& binary, const std::vector<std::string>& extra_args,
    const std::filesystem::path& work_dir, std::chrono::seconds timeout = std::chrono::seconds(60));

}  // namespace dextqual::runner
