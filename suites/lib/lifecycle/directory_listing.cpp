// The checks of directory_listing.h.
#include "lifecycle/directory_listing.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace dextqual::lifecycle {
namespace {

std::string hex(const std::string& name) {
  std::string text;
  for (unsigned char byte : name) {
    char part[4];
    std::snprintf(part, sizeof part, text.empty() ? "%02x" : " %02x", byte);
    text += part;
  }
  return "'" + name + "' (" + text + ")";
}

}  // namespace

Status check_directory_listing(std::span<const std::string> listing, std::span<const std::string> written) {
  std::string problems;
  for (const char* dot : {".", ".."}) {
    const auto count = std::count(listing.begin(), listing.end(), std::string(dot));
    if (count != 1) {
      problems += "\n  '" + std::string(dot) + "' listed " + std::to_string(count) + " times, not once";
    }
  }
  std::multiset<std::string> found(listing.begin(), listing.end());
  found.erase(".");
  found.erase("..");
  for (const std::string& name : written) {
    const auto at = found.find(name);
    if (at == found.end()) {
      problems += "\n  written, not listed byte for byte: " + hex(name);
    } else {
      found.erase(at);
    }
  }
  for (const std::string& extra : found) {
    problems += "\n  listed, never written (a mangled or duplicated name?): " + hex(extra);
  }
  if (!problems.empty()) {
    return fail("readdir listing", "F9:" + problems);
  }
  return {};
}

}  // namespace dextqual::lifecycle
