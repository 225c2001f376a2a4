// The run journal: the source of truth of a run (JUNIT.md §4), an append-only file of JSON lines in
// the state directory, each flushed to stable storage before the runner moves on. The reports are
// re-rendered from it, and `dextqual resume` rebuilds the run from it after a runner crash or a host
// restart. A line cut short by a crash is ignored; everything before it stands.
//
// Events: "run" (once: run info, options, DUT, the plan), "start" (a test is about to run, with the
// host's boot id), "result" (a test's result; a later one for the same test replaces it), "wedged"
// (the DUT is wedged: a suite binary outlived SIGKILL), "resume", "end" (status: finished, aborted,
// device-lost, harness-error), "reboot" (the host is going down for the reboot a test asked for:
// requested_by, at, boot_id; the run continues at boot), "reboot-failed" (it did not: reason),
// "commands" (simdext's command histogram after a suite and at the end: instance, commands).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/result.h"
#include "core/unique_fd.h"

namespace dextqual::runner {

class JournalWriter {
 public:
  // Opens (creating) the journal for appending.
  [[nodiscard]] static Result<JournalWriter> open(const std::filesystem::path& path);

  // Appends one event and fdatasyncs; the event is durable when this returns.
  [[nodiscard]] Status append(const nlohmann::json& event);

 private:
  explicit JournalWriter(UniqueFd fd, std::filesystem::path path)
      : fd_(std::move(fd)), path_(std::move(path)) {}
  UniqueFd fd_;
  std::filesystem::path path_;
};

// Every complete event of a journal, in order. A missing file is an error; a torn last line is not.
[[nodiscard]] Result<std::vector<nlohmann::json>> read_journal(const std::filesystem::path& path);

}  // namespace dextqual::runner
