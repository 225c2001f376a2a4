#include "reboot_contract.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/unique_fd.h"

namespace dextqual::lifecycle {

RebootPaths RebootPaths::under(const std::filesystem::path& state_dir) {
  RebootPaths paths;
  paths.dir = state_dir / "persistence-reboot";
  paths.phase_file = paths.dir / "phase.json";
  paths.run_key = paths.dir / "run.key";
  paths.journal = paths.dir / "journal.jsonl";
  paths.request = state_dir / "reboot-request.json";
  paths.done = state_dir / "reboot-done.json";
  return paths;
}

Status write_json_atomically(const std::filesystem::path& path, const nlohmann::json& json) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  const std::string text = json.dump(2) + "\n";
  {
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) {
      return fail_errno("create " + temporary.string());
    }
    if (::write(fd.get(), text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
        ::fsync(fd.get()) != 0) {
      return fail_errno("write " + temporary.string());
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    return fail_errno("rename " + temporary.string() + " to " + path.string());
  }
  UniqueFd dir(::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir || ::fsync(dir.get()) != 0) {
    return fail_errno("fsync directory " + path.parent_path().string());
  }
  return {};
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
