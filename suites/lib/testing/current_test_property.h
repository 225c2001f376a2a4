// The value of a property the running test recorded (RecordProperty), or "" — for tests of code that
// records properties (REQUIRE_DUT, EXPECT_CONFORMS).
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace dextqual::testing {

[[nodiscard]] inline std::string current_test_property(const std::string& key) {
  const auto* result = ::testing::UnitTest::GetInstance()->current_test_info()->result();
  for (int i = 0; i < result->test_property_count(); ++i) {
    if (result->GetTestProperty(i).key() == key) return result->GetTestProperty(i).value();
  }
  return "";
}

}  // namespace dextqual::testing
