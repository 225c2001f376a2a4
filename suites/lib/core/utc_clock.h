// The current UTC time as text, from one clock for the runner's timestamps (journal, reports) and the CI
// log's (the time of day on every line, the date once).
#pragma once

#include <ctime>
#include <string>

namespace dextqual {

enum class UtcText {
  timestamp,    // 2026-12-02T13:20:05
  time_of_day,  // 13:20:05
  date,         // 2026-12-02
};

[[nodiscard]] inline std::string utc_now_text(UtcText what) {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  ::gmtime_r(&now, &parts);
  char text[32];
  std::size_t length = 0;
  switch (what) {  // literal formats: -Wformat=2 checks each
    case UtcText::timestamp:
      length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
      break;
    case UtcText::time_of_day:
      length = std::strftime(text, sizeof text, "%H:%M:%S", &parts);
      break;
    case UtcText::date:
      length = std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
      break;
  }
  return std::string(text, length);
}

}  // namespace dextqual
