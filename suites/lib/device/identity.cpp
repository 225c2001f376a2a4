#include "device/identity.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace dextqual::device {
namespace {

std::string_view trim(std::string_view text, std::string_view blanks) {
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace

std::string normalize_wwn(std::string_view wwn) {
  std::string text(trim(wwn, " \t\r\n"));
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
  // Longest first: "wwn-0x" before "0x".
  for (const std::string_view prefix : std::array<std::string_view, 3>{"wwn-0x", "naa.", "0x"}) {
    if (text.starts_with(prefix)) {
      text.erase(0, prefix.size());
      break;
    }
  }
  return text;
}

std::string serial_from_vpd80(std::string_view page) {
  if (page.size() <= 4) return {};
  std::string serial(page.substr(4));
  std::erase(serial, '\0');
  return std::string(trim(serial, " \t\r\n"));
}

bool identity_names(const DutIdentity& identity, std::string_view serial_or_wwn) {
  if (serial_or_wwn.empty()) return false;
  if (!identity.serial.empty() && identity.serial == serial_or_wwn) return true;
  return !identity.wwn.empty() && normalize_wwn(identity.wwn) == normalize_wwn(serial_or_wwn);
}

bool same_identity(const DutIdentity& before, const DutIdentity& candidate) {
  if (!before.serial.empty()) return before.serial == candidate.serial;
  return !before.wwn.empty() && normalize_wwn(before.wwn) == normalize_wwn(candidate.wwn);
}

}  // namespace dextqual::device
