// The harness rules for one fio run (FIO.md §3): fail if the exit code is not 0, any job error is not
// 0, total_err > 0, stderr reports a verify failure, or the bytes read back are fewer than the bytes
// meant to be verified (a verify that silently did nothing). Every rule is checked, because fio's own
// signals are unreliable one by one: the exit status is a failed-job count mod 256 and is 0 under
// continue_on_error. The message quotes fio's own verify line (F1: "verify: bad header ...").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "fio/fio_report.h"

namespace dextqual::fio {

// How the fio process ended, independent of the process wrapper (tests build it from recordings).
struct FioExit {
  bool exited = true;  // false: killed by a signal, timed out, or failed to start
  int exit_code = 0;
  std::string description;  // "exited with code 1", "timed out after 60s ..."
};

struct FioExpectation {
  std::optional<std::uint64_t> verified_bytes;  // read io_bytes must reach this
};

struct FioVerdict {
  bool passed = true;
  std::vector<std::string> reasons;
  std::string verify_line;  // fio's first verify-failure line, quoted in the message

  // "fio verify failed: `verify: bad header offset 0, wanted 1048576 at file ...`; job 'x' error 84 ..."
  [[nodiscard]] std::string message() const;
};

[[nodiscard]] FioVerdict judge_fio_run(const FioExit& exit, const std::string& stderr_text,
                                       const Result<FioReport>& report, const FioExpectation& expectation);

// The first line of `text` that reports a verify failure ("verify failed", "verify: bad"), or "".
[[nodiscard]] std::string first_verify_line(const std::string& text);

}  // namespace dextqual::fio
