// One DUT, one run (issue 10 §6): two CI executors on one station must never test the same disk at once.
// A run holds an exclusive flock(2) on a lock file named after the DUT's identity (serial, else WWN) —
// not its path, since /dev/sdb and /dev/disk5 are only where the disk happens to be today. The kernel
// drops the lock when the holder dies, so a crashed run never blocks the station; the file keeps the
// holder's record (pid, run id, start time), which names the holder to a refused run and, when the lock
// was free but a record of another run was left in it, becomes the note that a stale lock was taken over.
// The same run taking the lock again (resume) takes it silently.
//
//   DEXTQUAL_LOCK_DIR  where the lock files live (default /var/run/dextqual/locks: cleared at boot,
//                      root-only; /var/run exists on Linux and macOS alike)
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "core/unique_fd.h"
#include "dut/dut_description.h"

namespace dextqual::runner {

struct LockHolder {
  int pid = 0;
  std::string run_id{};
  std::string started_at{};  // UTC, ISO 8601
  std::string host{};
  std::string state_dir{};

  [[nodiscard]] std::string describe() const;  // "pid 4242, run 1a2b..., started 2026-12-02T07:00:00Z"
};

class DutLock {
 public:
  // Takes the lock of `identity` for `holder`, or fails with a reason that names the current holder.
  // `node` names the lock only when the identity has neither serial nor WWN.
  [[nodiscard]] static Result<DutLock> acquire(const std::filesystem::path& lock_dir,
                                               const DutIdentity& identity, const std::string& node,
                                               const LockHolder& holder);

  DutLock(DutLock&&) noexcept = default;
  DutLock& operator=(DutLock&&) noexcept = default;
  ~DutLock();  // empties the record; the kernel drops the flock with the descriptor

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // "took over the stale lock of pid 4242, run 1a2b... (its process is gone)", or empty.
  [[nodiscard]] const std::string& takeover_note() const { return takeover_note_; }

 private:
  DutLock(UniqueFd fd, std::filesystem::path path, std::string note)
      : fd_(std::move(fd)), path_(std::move(path)), takeover_note_(std::move(note)) {}

  UniqueFd fd_;
  std::filesystem::path path_;
  std::string takeover_note_;
};

// The default lock directory, or $DEXTQUAL_LOCK_DIR.
[[nodiscard]] std::filesystem::path default_lock_dir();

// The lock file's name: "serial-<serial>", else "wwn-<wwn>" (device::normalize_wwn: one name for every
// spelling of the WWN), else
// "node-<node>", made safe for a file name.
[[nodiscard]] std::string lock_file_name(const DutIdentity& identity, const std::string& node);

}  // namespace dextqual::runner
