#include "fio/fio_report.h"

#include <nlohmann/json.hpp>

namespace dextqual::fio {
namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return "";
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

FioDirection read_direction(const nlohmann::json& job, const char* key) {
  FioDirection out;
  const auto it = job.find(key);
  if (it == job.end() || !it->is_object()) {
    return out;
  }
  out.io_bytes = it->value("io_bytes", std::uint64_t{0});
  out.bw_bytes = it->value("bw_bytes", 0.0);
  out.iops = it->value("iops", 0.0);
  out.runtime_ms = it->value("runtime", std::uint64_t{0});
  out.total_ios = it->value("total_ios", std::uint64_t{0});
  out.short_ios = it->value("short_ios", std::uint64_t{0});
  if (auto clat = it->find("clat_ns"); clat != it->end() && clat->is_object()) {
    out.clat_mean_ns = clat->value("mean", 0.0);
  }
  return out;
}

}  // namespace

std::uint64_t FioReport::read_bytes() const {
  std::uint64_t total = 0;
  for (const auto& job : jobs) {
    total += job.read.io_bytes;
  }
  return total;
}

std::uint64_t FioReport::write_bytes() const {
  std::uint64_t total = 0;
  for (const auto& job : jobs) {
    total += job.write.io_bytes;
  }
  return total;
}

Result<FioReport> parse_fio_output(std::string_view output) {
  std::size_t start = std::string_view::npos;
  for (std::size_t line = 0; line < output.size();) {
    if (output[line] == '{') {
      start = line;
      break;
    }
    const auto next = output.find('\n', line);
    if (next == std::string_view::npos) {
      break;
    }
    line = next + 1;
  }
  const std::string head = trim(output.substr(0, 200));
  if (start == std::string_view::npos) {
    return fail("parse fio output", "no line starts with '{' (no JSON); output begins: '" + head + "'");
  }
  const auto end = output.rfind('}');
  const nlohmann::json json =
      nlohmann::json::parse(output.substr(start, end - start + 1), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return fail("parse fio output",
                "the JSON after the preamble is malformed; output begins: '" + head + "'");
  }
  const auto jobs = json.find("jobs") != json.end() ? json.find("jobs") : json.find("client_stats");
  if (jobs == json.end() || !jobs->is_array()) {
    return fail("parse fio output", "no \"jobs\" array in the JSON");
  }
  FioReport report;
  report.version = json.value("fio version", "");
  report.preamble = trim(output.substr(0, start));
  for (const auto& job : *jobs) {
    if (!job.is_object()) {
      continue;
    }
    FioJob out;
    out.name = job.value("jobname", "");
    out.error = job.value("error", 0);
    if (auto it = job.find("total_err"); it != job.end() && it->is_number()) {
      out.total_err = it->get<std::uint64_t>();
    }
    if (auto it = job.find("first_error"); it != job.end() && it->is_number()) {
      out.first_error = it->get<int>();
    }
    out.read = read_direction(job, "read");
    out.write = read_direction(job, "write");
    report.jobs.push_back(std::move(out));
  }
  return report;
}

}  // namespace dextqual::fio
