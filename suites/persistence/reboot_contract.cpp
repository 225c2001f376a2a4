#include "reboot_contract.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "contract/run_contract.h"
#include "core/atomic_file.h"
#include "core/unique_fd.h"

namespace dextqual::lifecycle {

RebootPaths RebootPaths::under(const std::filesystem::path& state_dir) {
  const auto files = contract::RebootFiles::under(state_dir);
  RebootPaths paths;
  paths.dir = files.phase_dir;
  paths.phase_file = files.phase_file;
  paths.run_key = paths.dir / "run.key";
  paths.journal = paths.dir / "journal.jsonl";
  paths.request = files.request;
  paths.done = files.done;
  return paths;
}

Status write_json_atomically(const std::filesystem::path& path, const nlohmann::json& json) {
  return write_file_atomically(path, json.dump(2) + "\n");
}

Result<std::optional<nlohmann::json>> read_json_if_present(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    return std::optional<nlohmann::json>{};
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return fail("parse " + path.string(), "not a JSON object");
  }
  return std::optional<nlohmann::json>(std::move(json));
}

}  // namespace dextqual::lifecycle
