// fio's JSON output (--output-format=json) as values. fio prints warnings and "terminating on signal"
// lines BEFORE the JSON, even into --output files (FIO.md §3), so parsing starts at the first line that
// begins with '{'; whatever came before is kept as the preamble. total_err/first_error exist only with
// continue_on_error, hence optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dextqual::fio {

struct FioDirection {
  std::uint64_t io_bytes = 0;
  double bw_bytes = 0;  // bytes per second
  double iops = 0;
  std::uint64_t runtime_ms = 0;
  std::uint64_t total_ios = 0;
  std::uint64_t short_ios = 0;
  double clat_mean_ns = 0;
};

struct FioJob {
  std::string name;
  int error = 0;  // errno of the job's first error, 0 = OK
  std::optional<std::uint64_t> total_err;
  std::optional<int> first_error;
  FioDirection read;  // the verify reads of a write+verify job appear here
  FioDirection write;
};

struct FioReport {
  std::string version;
  std::vector<FioJob> jobs;
  std::string preamble;  // text fio printed before the JSON (warnings), trimmed

  [[nodiscard]] std::uint64_t read_bytes() const;
  [[nodiscard]] std::uint64_t write_bytes() const;
};

// Parses fio's stdout. An output with no JSON, or JSON without "jobs", is an Error quoting the start of
// the output.
[[nodiscard]] Result<FioReport> parse_fio_output(std::string_view output);

}  // namespace dextqual::fio
