#include "perf/gate_settings.h"

#include <cstdlib>

namespace dextqual::perf {
namespace {

Result<double> percent_to_fraction(const std::string& text, const std::string& from) {
  char* end = nullptr;
  const double percent = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || percent < 0 || percent >= 100) {
    return fail("throughput threshold from " + from, "not a percentage in [0, 100): '" + text + "'");
  }
  return percent / 100.0;
}

}  // namespace

Result<GateSettings> gate_settings(const nlohmann::json& dut_extra, const char* env_baseline,
                                   const char* env_threshold) {
  GateSettings settings;
  if (env_baseline != nullptr && *env_baseline != '\0') {
    settings.baseline_path = env_baseline;
    settings.baseline_from = "$DEXTQUAL_BASELINE";
  } else if (auto it = dut_extra.find("baseline"); it != dut_extra.end() && it->is_string()) {
    settings.baseline_path = it->get<std::string>();
    settings.baseline_from = "dut.json baseline";
  }
  if (env_threshold != nullptr && *env_threshold != '\0') {
    DQ_TRY_ASSIGN(settings.threshold, percent_to_fraction(env_threshold, "$DEXTQUAL_PERF_THRESHOLD"));
  } else if (auto it = dut_extra.find("perf_threshold_percent"); it != dut_extra.end()) {
    if (!it->is_number()) {
      return fail("dut.json perf_threshold_percent", "not a number: " + it->dump());
    }
    DQ_TRY_ASSIGN(settings.threshold,
                  percent_to_fraction(std::to_string(it->get<double>()), "dut.json perf_threshold_percent"));
  }
  return settings;
}

}  // namespace dextqual::perf
