// Guards Namespace.NonAsciiNamesRoundTripAndDotEntriesAppearOnce's check: a faithful listing in any
// order passes; a mangled name, a lost or repeated dot entry, and a duplicated name each fail, saying
// which bytes.
#include "lifecycle/directory_listing.h"

#include <gtest/gtest.h>

#include <vector>

namespace dextqual::lifecycle {
namespace {

const std::vector<std::string> kWritten = {"\xe7\x9b\xae\xe9\x8c\x84", "cafe\xcc\x81", "plain"};

TEST(DirectoryListing, AFaithfulListingPassesInAnyOrder) {
  EXPECT_TRUE(check_directory_listing(
      std::vector<std::string>{"plain", "..", "\xe7\x9b\xae\xe9\x8c\x84", ".", "cafe\xcc\x81"}, kWritten));
}

TEST(DirectoryListing, AMangledNameFailsWithItsBytes) {
  // The F9 symptom: a name that reads back with different bytes (here NFC instead of NFD).
  const auto result = check_directory_listing(
      std::vector<std::string>{".", "..", "\xe7\x9b\xae\xe9\x8c\x84", "caf\xc3\xa9", "plain"}, kWritten);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message().find("63 61 66 65 cc 81"), std::string::npos)
      << result.error().message();
  EXPECT_NE(result.error().message().find("never written"), std::string::npos) << result.error().message();
}

TEST(DirectoryListing, LostOrRepeatedDotEntriesAndDuplicatesFail) {
  EXPECT_FALSE(check_directory_listing(
      std::vector<std::string>{".", "\xe7\x9b\xae\xe9\x8c\x84", "cafe\xcc\x81", "plain"}, kWritten));
  EXPECT_FALSE(check_directory_listing(
      std::vector<std::string>{".", ".", "..", "\xe7\x9b\xae\xe9\x8c\x84", "cafe\xcc\x81", "plain"},
      kWritten));
  EXPECT_FALSE(check_directory_listing(
      std::vector<std::string>{".", "..", "\xe7\x9b\xae\xe9\x8c\x84", "cafe\xcc\x81", "plain", "plain"},
      kWritten));
}

}  // namespace
}  // namespace dextqual::lifecycle
