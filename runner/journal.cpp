#include "runner/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "reports/report_json.h"

namespace dextqual::runner {

Result<JournalWriter> JournalWriter::open(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (!fd) return fail_errno("open journal " + path.string());
  // A crash mid-line leaves a torn line; start on a fresh line so the next event stays readable.
  const auto size = ::lseek(fd.get(), 0, SEEK_END);
  if (size > 0) {
    char last = '\n';
    UniqueFd reader(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (reader && ::pread(reader.get(), &last, 1, size - 1) == 1 && last != '\n') {
      if (::write(fd.get(), "\n", 1) != 1) return fail_errno("repair journal " + path.string());
    }
  }
  return JournalWriter(std::move(fd), path);
}

Status JournalWriter::append(const nlohmann::json& event) {
  const std::string line = reports::dump_safely(event) + "\n";
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd_.get(), rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail_errno("append to journal " + path_.string());
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::fdatasync(fd_.get()) != 0) return fail_errno("fdatasync journal " + path_.string());
  return {};
}

Result<std::vector<nlohmann::json>> read_journal(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail_errno("open journal " + path.string());
  std::vector<nlohmann::json> events;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto event = nlohmann::json::parse(line, nullptr, false);
    if (event.is_discarded() || !event.is_object()) continue;  // torn by a crash
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace dextqual::runner
