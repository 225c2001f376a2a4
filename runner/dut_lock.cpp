#include "runner/dut_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "device/identity.h"

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

std::string safe_for_file_name(std::string_view text) {
  std::string safe;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    safe += std::isalnum(u) != 0 || c == '-' || c == '.' ? c : '_';
  }
  // Long serials (loop backing paths) stay unique at their end; NAME_MAX is 255.
  return safe.size() > 200 ? safe.substr(safe.size() - 200) : safe;
}

std::string read_all(int fd) {
  std::string content;
  char buffer[4096];
  if (::lseek(fd, 0, SEEK_SET) < 0) return content;
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
    content.append(buffer, static_cast<size_t>(n));
  return content;
}

// The record left in the file; a missing or unreadable record is an empty holder (pid 0).
LockHolder parse_holder(const std::string& content) {
  LockHolder holder;
  const auto json = nlohmann::json::parse(content, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return holder;
  holder.pid = json.value("pid", 0);
  holder.run_id = json.value("run_id", "");
  holder.started_at = json.value("started_at", "");
  holder.host = json.value("host", "");
  holder.state_dir = json.value("state_dir", "");
  return holder;
}

Status write_holder(int fd, const LockHolder& holder) {
  const std::string record = nlohmann::json{{"pid", holder.pid},
                                            {"run_id", holder.run_id},
                                            {"started_at", holder.started_at},
                                            {"host", holder.host},
                                            {"state_dir", holder.state_dir}}
                                 .dump() +
                             "\n";
  if (::ftruncate(fd, 0) != 0) return fail_errno("truncate the DUT lock");
  if (::pwrite(fd, record.data(), record.size(), 0) != static_cast<ssize_t>(record.size())) {
    return fail_errno("write the DUT lock record");
  }
  (void)::fsync(fd);
  return {};
}

}  // namespace

std::string LockHolder::describe() const {
  std::string text = "pid " + std::to_string(pid) + ", run " + (run_id.empty() ? "?" : run_id);
  if (!started_at.empty()) text += ", started " + started_at;
  if (!host.empty()) text += " on " + host;
  if (!state_dir.empty()) text += ", state " + state_dir;
  return text;
}

std::string lock_file_name(const DutIdentity& identity, const std::string& node) {
  if (!identity.serial.empty()) return "serial-" + safe_for_file_name(identity.serial) + ".lock";
  if (!identity.wwn.empty()) {
    return "wwn-" + safe_for_file_name(device::normalize_wwn(identity.wwn)) + ".lock";
  }
  return "node-" + safe_for_file_name(node) + ".lock";
}

fs::path default_lock_dir() {
  const char* dir = std::getenv("DEXTQUAL_LOCK_DIR");
  return dir != nullptr && *dir != '\0' ? fs::path(dir) : fs::path("/var/run/dextqual/locks");
}

Result<DutLock> DutLock::acquire(const fs::path& lock_dir, const DutIdentity& identity,
                                 const std::string& node, const LockHolder& holder) {
  std::error_code ec;
  fs::create_directories(lock_dir, ec);
  if (ec) return fail("create the DUT lock directory " + lock_dir.string(), ec.message());
  const auto path = lock_dir / lock_file_name(identity, node);
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (!fd) return fail_errno("open the DUT lock " + path.string());
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) return fail_errno("lock " + path.string());
    const auto current = parse_holder(read_all(fd.get()));
    return fail("the DUT is being tested by another run (" + current.describe() + ")",
                "one DUT, one run; lock " + path.string());
  }
  const auto previous = parse_holder(read_all(fd.get()));
  std::string note;
  if (previous.pid != 0 && previous.run_id != holder.run_id) {
    note = "took over the stale DUT lock of " + previous.describe() + " (its process is gone)";
  }
  DQ_TRY(write_holder(fd.get(), holder));
  return DutLock(std::move(fd), path, std::move(note));
}

DutLock::~DutLock() {
  // A finished run leaves no record: the next run has nothing stale to report.
  if (fd_) (void)::ftruncate(fd_.get(), 0);
}

}  // namespace dextqual::runner
