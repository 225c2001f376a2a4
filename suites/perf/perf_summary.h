// Throughput figures of one run and their comparison with a baseline (F8: a DEXT at 565 MB/s where the
// KEXT did 645 MB/s is a -12.4% regression, and must fail a gate whose threshold is 5%). The summary is
// the JSON file the perf suite writes (perf-summary.json in the run's state directory) and also the
// format of a baseline: pass a previous run's summary, or one recorded with the KEXT.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::perf {

struct PerfPoint {
  std::string rw;          // read | write | randread | randwrite
  std::string block_size;  // fio's spelling: 4k, 64k, 1M
  unsigned iodepth = 1;
  double mbps = 0;  // 10^6 bytes per second, as the field report quotes
  double iops = 0;

  // "write_1M_qd32": the key of the JUnit property throughput_MBps_<key> and of the baseline entry.
  [[nodiscard]] std::string key() const;
};

struct PerfSummary {
  std::string device;
  std::string fio_version;
  std::string ioengine;
  std::vector<PerfPoint> points;

  [[nodiscard]] const PerfPoint* find(const std::string& key) const;
};

[[nodiscard]] nlohmann::json to_json(const PerfSummary& summary);
[[nodiscard]] Result<PerfSummary> summary_from_json(const nlohmann::json& json);
[[nodiscard]] Result<PerfSummary> load_summary(const std::string& path);
[[nodiscard]] Status save_summary(const std::string& path, const PerfSummary& summary);

struct Regression {
  std::string key;
  double baseline_mbps = 0;
  double current_mbps = 0;
  double change = 0;  // fraction: -0.124 for F8

  // "write_1M_qd32: 565.0 MB/s vs baseline 645.0 MB/s (-12.4%)"
  [[nodiscard]] std::string describe() const;
};

struct Comparison {
  std::vector<Regression> regressions;    // drops beyond the threshold
  std::vector<std::string> not_compared;  // baseline keys this run did not measure
  std::size_t compared = 0;
};

// A point regresses when current < baseline * (1 - threshold). threshold is a fraction (0.05 = 5%).
[[nodiscard]] Comparison compare_with_baseline(const PerfSummary& current, const PerfSummary& baseline,
                                               double threshold);

}  // namespace dextqual::perf
