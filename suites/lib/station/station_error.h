// How a suite test tells the runner that the station failed it, not the DUT (a hook that exited
// non-zero or timed out): it prints one marker line into its output and fails; the runner then records
// that test as ERROR with the marked reason instead of FAIL (README "Station file"). A line in the
// test's own output, rather than a file, because it must survive a crash right after it and it is
// already where the runner reads each test's result as it is printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dextqual::station {

inline constexpr std::string_view kStationErrorMarker = "[dextqual station error] ";

// The line to print (ends with a newline).
[[nodiscard]] std::string station_error_line(std::string_view reason);

// The reason of the first marker line in a test's output, if there is one.
[[nodiscard]] std::optional<std::string> station_error_in(std::string_view output);

}  // namespace dextqual::station
