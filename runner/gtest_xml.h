// Reads the XML a suite binary writes at a normal exit (--gtest_output=xml:FILE) for what stdout does
// not carry: each failure's full message, the skip reason, and the properties tests recorded (as
// testcase attributes in GoogleTest 1.12, as <properties> from 1.16; both are read). Lenient on purpose
// (JUNIT.md §4): the file may be missing, stale or cut short, and then it simply says nothing.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace dextqual::runner {

struct GtestXmlCase {
  bool failed = false;
  bool skipped = false;
  std::string failure_text;  // every <failure> joined
  std::string skip_message;
  std::map<std::string, std::string> properties;
  double seconds = 0;
};

// By full name "Suite.Test"; empty when the file is missing or unreadable.
[[nodiscard]] std::map<std::string, GtestXmlCase> read_gtest_xml(const std::filesystem::path& path);

}  // namespace dextqual::runner
