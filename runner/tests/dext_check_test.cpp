// Guards the runner's DEXT check through its seam (issue 12 §2): no DEXT named, nothing asked; a listing
// that cannot be had, or a DEXT not [activated enabled], is exit 2 with the reason; enabled, the dext.*
// properties.
#include "runner/dext_check.h"

#include "runner/run_properties.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

SystemExtensionsLister replaying(std::string text, int* calls) {
  return [text = std::move(text), calls]() -> Result<std::string> {
    ++*calls;
    return text;
  };
}

constexpr const char* kEnabled =
    "2 extension(s)\n--- com.apple.system_extension.driver_extension\n"
    "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
    "\t\tACME123456\tcom.acme.driverkit.scsi (1.2.2/44)\tAcme SCSI\t[terminated waiting to uninstall on "
    "reboot]\n"
    "*\t*\tACME123456\tcom.acme.driverkit.scsi (1.2.3/45)\tAcme SCSI\t[activated enabled]\n";

TEST(DextCheck, NoDextNamedAsksNothing) {
  int calls = 0;
  const auto properties = check_dext_under_test("", replaying(kEnabled, &calls));
  ASSERT_TRUE(properties.has_value());
  EXPECT_TRUE(properties->empty());
  EXPECT_EQ(calls, 0);
}

TEST(DextCheck, AnEnabledDextGivesItsProperties) {
  int calls = 0;
  const auto properties = check_dext_under_test("com.acme.driverkit.scsi", replaying(kEnabled, &calls));
  ASSERT_TRUE(properties.has_value()) << properties.error().reason;
  EXPECT_EQ(properties->size(), 6u);  // bundle id, version, state, team id, name, the terminated copy
  EXPECT_EQ(properties->at("dext.version"), "1.2.3/45");
  EXPECT_EQ(properties->at("dext.bundle_id"), "com.acme.driverkit.scsi");
  EXPECT_EQ(calls, 1);
  // Every property the check sets is dextqual's: --property may not fake it.
  for (const auto& [key, value] : *properties) {
    EXPECT_FALSE(parse_property_assignment(key + "=x").has_value()) << key;
  }
}

TEST(DextCheck, AnotherStateOrAFailedListingIsAUsageError) {
  int calls = 0;
  std::string waiting = kEnabled;
  waiting.replace(waiting.find("[activated enabled]"), 19, "[activated waiting for user]");
  const auto refused = check_dext_under_test("com.acme.driverkit.scsi", replaying(waiting, &calls));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().exit_code, kUsageError);
  EXPECT_NE(refused.error().reason.find("[activated waiting for user]"), std::string::npos)
      << refused.error().reason;
  const auto unlisted = check_dext_under_test("com.acme.driverkit.scsi", []() -> Result<std::string> {
    return fail("systemextensionsctl list", "boom");
  });
  ASSERT_FALSE(unlisted.has_value());
  EXPECT_EQ(unlisted.error().exit_code, kUsageError);
  EXPECT_NE(unlisted.error().reason.find("cannot check the DEXT under test, com.acme.driverkit.scsi"),
            std::string::npos);
  EXPECT_NE(unlisted.error().reason.find("boom"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::runner
