#include "perf/perf_summary.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dextqual::perf {
namespace {

std::string fixed1(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

std::string PerfPoint::key() const { return rw + "_" + block_size + "_qd" + std::to_string(iodepth); }

const PerfPoint* PerfSummary::find(const std::string& key) const {
  for (const auto& point : points) {
    if (point.key() == key) {
      return &point;
    }
  }
  return nullptr;
}

nlohmann::json to_json(const PerfSummary& summary) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : summary.points) {
    points.push_back({{"key", p.key()},
                      {"rw", p.rw},
                      {"bs", p.block_size},
                      {"iodepth", p.iodepth},
                      {"MBps", p.mbps},
                      {"iops", p.iops}});
  }
  return {{"schema", "dextqual-perf/1"},
          {"device", summary.device},
          {"fio_version", summary.fio_version},
          {"ioengine", summary.ioengine},
          {"points", points}};
}

Result<PerfSummary> summary_from_json(const nlohmann::json& json) {
  if (!json.is_object() || json.value("schema", "") != "dextqual-perf/1") {
    return fail("perf summary", "not a dextqual-perf/1 document");
  }
  PerfSummary summary;
  try {
    summary.device = json.value("device", "");
    summary.fio_version = json.value("fio_version", "");
    summary.ioengine = json.value("ioengine", "");
    for (const auto& p : json.at("points")) {
      PerfPoint point;
      point.rw = p.at("rw").get<std::string>();
      point.block_size = p.at("bs").get<std::string>();
      point.iodepth = p.at("iodepth").get<unsigned>();
      point.mbps = p.at("MBps").get<double>();
      point.iops = p.value("iops", 0.0);
      summary.points.push_back(point);
    }
  } catch (const nlohmann::json::exception& e) {
    return fail("perf summary", e.what());
  }
  return summary;
}

Result<PerfSummary> load_summary(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return fail_errno("open perf baseline " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return fail("parse " + path, "not valid JSON");
  }
  auto summary = summary_from_json(json);
  if (!summary) {
    return fail(path, summary.error().message());
  }
  return summary;
}

Status save_summary(const std::string& path, const PerfSummary& summary) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << to_json(summary).dump(2) << "\n";
    if (!out) {
      return fail_errno("write " + tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return fail_errno("rename " + tmp);
  }
  return {};
}

std::string Regression::describe() const {
  const double percent = change * 100;
  return key + ": " + fixed1(current_mbps) + " MB/s vs baseline " + fixed1(baseline_mbps) + " MB/s (" +
         (percent >= 0 ? "+" : "") + fixed1(percent) + "%)";
}

Comparison compare_with_baseline(const PerfSummary& current, const PerfSummary& baseline, double threshold) {
  Comparison comparison;
  for (const auto& base : baseline.points) {
    const PerfPoint* now = current.find(base.key());
    if (now == nullptr || base.mbps <= 0) {
      comparison.not_compared.push_back(base.key());
      continue;
    }
    ++comparison.compared;
    const double change = now->mbps / base.mbps - 1.0;
    if (now->mbps < base.mbps * (1.0 - threshold)) {
      comparison.regressions.push_back({base.key(), base.mbps, now->mbps, change});
    }
  }
  return comparison;
}

}  // namespace dextqual::perf
