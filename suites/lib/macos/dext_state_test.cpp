// Guards the decision "is the DEXT under test [activated enabled]?" (issue 12 §2, field report F11)
// for each state, on the recorded outputs of fixtures/macos/systemextensionsctl/.
#include "macos/dext_state.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dextqual::macos {
namespace {

constexpr std::string_view kDext = "com.acme.driverkit.scsi";

DextState decide(const std::string& fixture_name, std::string_view bundle_id) {
  std::ifstream in(std::filesystem::path(DEXTQUAL_SYSTEMEXTENSIONSCTL_FIXTURES) / fixture_name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << fixture_name;
  std::stringstream text;
  text << in.rdbuf();
  return decide_dext_state(parse_system_extensions(text.str()), bundle_id);
}

bool says(const DextState& state, std::string_view words) {
  return state.message.find(words) != std::string::npos;
}

TEST(DextState, TheEnabledCopyOfAnUpgradeIsUnderTestAndTheTerminatedOneIsReported) {
  const auto state = decide("handwritten-scsi-dext-replaced.stdout", kDext);
  ASSERT_TRUE(state.ready()) << state.message;
  EXPECT_TRUE(state.message.empty());
  const auto properties = dext_properties(state);
  EXPECT_EQ(properties.at("dext.bundle_id"), kDext);
  EXPECT_EQ(properties.at("dext.version"), "2.1.0/210");
  EXPECT_EQ(properties.at("dext.state"), "activated enabled");
  EXPECT_EQ(properties.at("dext.team_id"), "ACME123456");
  EXPECT_EQ(properties.at("dext.name"), "Acme SCSI Controller");
  EXPECT_EQ(properties.at("dext.other_entries"), "2.0.3/203 [terminated waiting to uninstall on reboot]");
}

TEST(DextState, ADevelopmentBuildWithTeamIdDashIsReady) {
  const auto state = decide("handwritten-scsi-dext-pasted-spaces.stdout", kDext);
  ASSERT_TRUE(state.ready()) << state.message;
  EXPECT_EQ(dext_properties(state).at("dext.team_id"), "-");
  EXPECT_EQ(dext_properties(state).count("dext.other_entries"), 0u);
}

TEST(DextState, WaitingForUserIsRefusedWithWhereToAllowIt) {
  const auto state = decide("handwritten-scsi-dext-waiting-for-user.stdout", kDext);
  EXPECT_EQ(state.verdict, DextVerdict::not_enabled);
  EXPECT_TRUE(says(state, "2.1.0/210 [activated waiting for user] (line 4), not [activated enabled]"))
      << state.message;
  EXPECT_TRUE(
      says(state, "allow it in System Settings > General > Login Items & Extensions > Driver Extensions"))
      << state.message;
  EXPECT_EQ(dext_properties(state).at("dext.state"), "activated waiting for user");
}

TEST(DextState, TerminatedIsRefusedAsBeingRemoved) {
  // Real capture: the CrowdStrike agent is terminated; named as a DEXT it is refused as not a driver
  // first, so the state rule is checked on a driver listing built from the same row.
  const auto list = parse_system_extensions(
      "--- com.apple.system_extension.driver_extension\n"
      "\t\tACME123456\tcom.acme.driverkit.scsi (2.0.3/203)\tAcme SCSI Controller\t"
      "[terminated waiting to uninstall on reboot]\n");
  const auto state = decide_dext_state(list, kDext);
  EXPECT_EQ(state.verdict, DextVerdict::not_enabled);
  EXPECT_TRUE(says(state, "[terminated waiting to uninstall on reboot]")) << state.message;
  EXPECT_TRUE(says(state, "install and activate the DEXT again")) << state.message;
  // Without the macOS 15 suffix, the message still says where the switch is.
  const auto disabled = decide_dext_state(
      parse_system_extensions(
          "--- com.apple.system_extension.driver_extension\n"
          "\t*\tACME123456\tcom.acme.driverkit.scsi (2.0.3/203)\tAcme\t[activated disabled]\n"),
      kDext);
  EXPECT_TRUE(says(disabled, "switch it on in System Settings > General > Login Items & Extensions"))
      << disabled.message;
}

TEST(DextState, AnotherCopyWaitingToReplaceTheEnabledOneIsRefused) {
  const auto state = decide("handwritten-scsi-dext-upgrade-pending.stdout", kDext);
  EXPECT_EQ(state.verdict, DextVerdict::replacement_pending);
  ASSERT_TRUE(state.entry.has_value());
  EXPECT_EQ(state.entry->version, "2.0.3/203");
  EXPECT_TRUE(says(state, "2.1.0/210 [activated waiting for user] (line 5), is waiting to replace it"))
      << state.message;
}

TEST(DextState, TwoEnabledCopiesAreAmbiguous) {
  const auto state = decide_dext_state(
      parse_system_extensions(
          "--- com.apple.system_extension.driver_extension\n"
          "*\t*\tACME123456\tcom.acme.driverkit.scsi (2.0.3/203)\tAcme\t[activated enabled]\n"
          "*\t*\tACME123456\tcom.acme.driverkit.scsi (2.1.0/210)\tAcme\t[activated enabled]\n"),
      kDext);
  EXPECT_EQ(state.verdict, DextVerdict::ambiguous);
  EXPECT_TRUE(says(state, "more than once")) << state.message;
}

TEST(DextState, AnEndpointSecurityExtensionIsNotADriver) {
  const auto state = decide("ramen-enabled-and-active.stdout", "com.crowdstrike.falcon.Agent");
  EXPECT_EQ(state.verdict, DextVerdict::not_a_driver);
  EXPECT_TRUE(says(state, "listed in category com.apple.system_extension.endpoint_security (line 8)"))
      << state.message;
}

TEST(DextState, AbsentSaysWhichDriversAreListed) {
  const auto none = decide("ramen-no-extensions.stdout", kDext);
  EXPECT_EQ(none.verdict, DextVerdict::absent);
  EXPECT_TRUE(says(none, "is not in `systemextensionsctl list`")) << none.message;
  EXPECT_TRUE(says(none, "no driver extension is listed")) << none.message;
  EXPECT_EQ(dext_properties(none).size(), 1u);  // only the bundle id: nothing else is known
  const auto typo = decide("handwritten-scsi-dext-replaced.stdout", "com.acme.driverkit.scis");
  EXPECT_TRUE(says(typo, "com.acme.driverkit.scsi 2.1.0/210 [activated enabled]")) << typo.message;
}

TEST(DextState, ALineNamingTheDextThatCannotBeReadIsNotCalledAbsent) {
  const auto state = decide_dext_state(
      parse_system_extensions("1 extension(s)\n*\t*\tcom.acme.driverkit.scsi [activated enabled]\n"), kDext);
  EXPECT_EQ(state.verdict, DextVerdict::absent);
  EXPECT_TRUE(says(state, "cannot read")) << state.message;
}

}  // namespace
}  // namespace dextqual::macos
