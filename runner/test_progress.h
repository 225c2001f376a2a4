// The running test's progress as the CI-log heartbeat words it ("12.3 GiB verified"), read from the
// file its suite binary publishes (contract/run_contract.h, $DEXTQUAL_PROGRESS_FILE): one per suite,
// in the suite's work directory of the run's state.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dextqual::runner {

[[nodiscard]] std::filesystem::path progress_file(const std::filesystem::path& suite_work_dir);

// Empty when the file is absent, unreadable, about another test, or says nothing was verified yet.
[[nodiscard]] std::string progress_text(const std::filesystem::path& file, std::string_view test);

// 1536 -> "1.5 KiB", 13207024435 -> "12.3 GiB".
[[nodiscard]] std::string byte_count_text(std::uint64_t bytes);

}  // namespace dextqual::runner
