// The write/flush journal: an append-only file in which a writer logs every write submission and
// completion, every flush submission and completion, and the markers the durability rule needs
// ("device has no volatile cache", "quiesced"). It lives off the device under test (PERSISTENCE.md §4)
// and is what a later phase — after a reboot, a power cut or an eject — reloads to decide what the
// device must still hold (`acceptable_state(load_write_journal(...))`).
//
// Format: JSON lines, one record per line, each carrying a sequence number from one counter (the
// clock of durability.h) and a SipHash-2-4 MAC under the run's journal key, so a journal of another
// run or a corrupted record is rejected with the line number. A last line without its newline is a
// record torn by the crash and is ignored; any other bad line is an error. Records are fsync'd one by
// one (`SyncPolicy::every_record`, the default) or when the caller says (`batch` + `sync()`): only a
// synced submission is known to the next phase, so a batching writer must sync before it relies on
// one, and must log a submission before issuing the write.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"
#include "core/unique_fd.h"
#include "integrity/durability.h"
#include "integrity/run_identity.h"

namespace dextqual::integrity {

enum class SyncPolicy : std::uint8_t { every_record, batch };

class WriteJournal {
 public:
  // Opens `path` for appending, creating it (with its run record) if it does not exist. An existing
  // journal must belong to this run; its sequence counter continues where it stopped.
  [[nodiscard]] static Result<WriteJournal> open(const std::filesystem::path& path,
                                                 const RunIdentity& identity,
                                                 SyncPolicy policy = SyncPolicy::every_record);

  // Each returns the record's sequence number. Safe to call from several threads.
  [[nodiscard]] Result<std::uint64_t> write_submitted(std::uint64_t write_id, LbaRange range,
                                                      std::uint64_t generation, bool fua);
  [[nodiscard]] Result<std::uint64_t> write_completed(std::uint64_t write_id, bool succeeded);
  [[nodiscard]] Result<std::uint64_t> flush_submitted(std::uint64_t flush_id);
  [[nodiscard]] Result<std::uint64_t> flush_completed(std::uint64_t flush_id, bool succeeded);
  [[nodiscard]] Result<std::uint64_t> no_volatile_cache();
  [[nodiscard]] Result<std::uint64_t> quiesced();
  // A free-form phase marker ("writing", "flush 3", "cut"), for humans and for resuming.
  [[nodiscard]] Result<std::uint64_t> mark(const std::string& phase);

  // fsyncs everything appended so far (a no-op cost under every_record).
  [[nodiscard]] Status sync();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  WriteJournal(WriteJournal&& other) noexcept;
  WriteJournal& operator=(WriteJournal&&) = delete;
  WriteJournal(const WriteJournal&) = delete;
  WriteJournal& operator=(const WriteJournal&) = delete;
  ~WriteJournal() = default;

 private:
  WriteJournal(std::filesystem::path path, UniqueFd fd, ShortKey key, SyncPolicy policy, std::uint64_t seq);
  [[nodiscard]] Result<std::uint64_t> append(nlohmann::json record);

  std::filesystem::path path_;
  UniqueFd fd_;
  ShortKey key_;
  SyncPolicy policy_;
  std::mutex mutex_;
  std::uint64_t seq_ = 0;
};

// Reads a journal back into the history the durability rule works on. Errors name the line.
[[nodiscard]] Result<WriteFlushHistory> load_write_journal(const std::filesystem::path& path,
                                                           const RunIdentity& identity);

}  // namespace dextqual::integrity
