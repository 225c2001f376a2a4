#include "station/station_error.h"

namespace dextqual::station {

std::string station_error_line(std::string_view reason) {
  std::string line(kStationErrorMarker);
  for (const char c : reason) line += (c == '\n' || c == '\r') ? ' ' : c;  // one line, whatever it says
  return line + "\n";
}

std::optional<std::string> station_error_in(std::string_view output) {
  std::size_t at = 0;
  while ((at = output.find(kStationErrorMarker, at)) != std::string_view::npos) {
    if (at == 0 || output[at - 1] == '\n') {  // only at the start of a line
      const auto start = at + kStationErrorMarker.size();
      const auto end = output.find('\n', start);
      return std::string(output.substr(start, end == std::string_view::npos ? end : end - start));
    }
    at += kStationErrorMarker.size();
  }
  return std::nullopt;
}

}  // namespace dextqual::station
