#include "core/io_error_cause.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace dextqual {
namespace {

bool mentions(const std::string& lower, std::string_view word) {
  return lower.find(word) != std::string::npos;
}

}  // namespace

IoErrorCause io_error_cause(std::string_view reported) {
  std::string lower(reported);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  constexpr std::array kMedium = {
      std::string_view("enodata"),           std::string_view("errno 61"),
      std::string_view("medium error"),      std::string_view("unrecovered read error"),
      std::string_view("no data available"), std::string_view("write error")};
  constexpr std::array kTimeout = {std::string_view("etimedout"), std::string_view("errno 110"),
                                   std::string_view("timed out"), std::string_view("timeout")};
  constexpr std::array kProtected = {std::string_view("erofs"), std::string_view("errno 30"),
                                     std::string_view("write protected"), std::string_view("data protect"),
                                     std::string_view("read-only file system")};
  const auto any = [&](const auto& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return mentions(lower, w); });
  };
  if (any(kProtected)) return IoErrorCause::write_protected;
  if (any(kMedium)) return IoErrorCause::medium;
  if (any(kTimeout)) return IoErrorCause::timeout;
  return IoErrorCause::other;
}

std::string_view to_string(IoErrorCause cause) {
  switch (cause) {
    case IoErrorCause::medium:
      return "medium error";
    case IoErrorCause::timeout:
      return "timeout";
    case IoErrorCause::write_protected:
      return "write-protected";
    case IoErrorCause::other:
      return "I/O error";
  }
  return "I/O error";
}

}  // namespace dextqual
