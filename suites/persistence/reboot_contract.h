// The suite's side of the reboot contract with the runner (issue 7; the file names and fields are
// spelled once, in suites/lib/contract/run_contract.h, for both sides):
//   phase 1 writes, flushes and journals into the run's state directory, saves the run key and the
//   phase file, then writes `<state>/reboot-request.json` = {"requested_by", "phase_file"} and passes;
//   the runner reboots (simdext `restart`, or the station's reboot hook and `dextqual resume`), finds
//   the DUT again by identity, rewrites dut.json, writes `<state>/reboot-done.json` =
//   {"requested_by", "boot_id", "method"} and deletes the request;
//   phase 2 verifies with the durability rule. No reboot-done.json while the phase file exists is a
//   failure (the reboot did not happen); no phase file at all is a skip (phase 1 never ran).
// Every file is written atomically (temporary file, fsync, rename, directory fsync).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/result.h"

namespace dextqual::lifecycle {

struct RebootPaths {
  std::filesystem::path dir;         // <state>/persistence-reboot/: journal, run key, phase file
  std::filesystem::path phase_file;  // <dir>/phase.json
  std::filesystem::path run_key;     // <dir>/run.key
  std::filesystem::path journal;     // <dir>/journal.jsonl
  std::filesystem::path request;     // <state>/reboot-request.json
  std::filesystem::path done;        // <state>/reboot-done.json

  [[nodiscard]] static RebootPaths under(const std::filesystem::path& state_dir);
};

[[nodiscard]] Status write_json_atomically(const std::filesystem::path& path, const nlohmann::json& json);

// The JSON in `path`, nullopt when there is no such file, an Error when it cannot be parsed.
[[nodiscard]] Result<std::optional<nlohmann::json>> read_json_if_present(const std::filesystem::path& path);

}  // namespace dextqual::lifecycle
