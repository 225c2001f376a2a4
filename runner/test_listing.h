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
  std::string file;       // source file and line, as the binary reports them
  int line = 0;
};

// What a test says it guards: the comment that opens its body (STYLE.md rule 2), and whether it
// declares requirements (REQUIRE_DUT(...)) in its first lines. Empty when the source is not at hand.
struct TestGuard {
  std::string guards;
  std::vector<std::string> requires_;
};
[[nodiscard]] TestGuard read_test_guard(const ListedTest& test);

// `extra_args` (e.g. --dut=...) go to the binary too: a suite may list tests from the DUT.
[[nodiscard]] Result<std::vector<ListedTest>> list_tests(
    const std::filesystem::path& binary, const std::vector<std::string>& extra_args,
    const std::filesystem::path& work_dir, std::chrono::seconds timeout = std::chrono::seconds(60));

}  // namespace dextqual::runner
