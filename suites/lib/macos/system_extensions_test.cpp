// Guards the reading of `systemextensionsctl list` (issue 12 §2, MACOS.md §7) on every recorded output
// in fixtures/macos/systemextensionsctl/: real captures first, hand-written shapes after.
#include "macos/system_extensions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dextqual::macos {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(DEXTQUAL_SYSTEMEXTENSIONSCTL_FIXTURES) / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr std::string_view kNetwork = "com.apple.system_extension.network_extension";
constexpr std::string_view kEndpoint = "com.apple.system_extension.endpoint_security";

TEST(SystemExtensionsList, ReadsTheMacos15CaptureWithItsGoToSuffixAndCategoryLine) {
  const auto list = parse_system_extensions(fixture("ramen-enabled-and-active.stdout"));
  EXPECT_EQ(list.declared_count, 2);
  EXPECT_TRUE(list.unread_lines.empty()) << list.unread_lines.front();
  ASSERT_EQ(list.extensions.size(), 2u);
  const auto& cisco = list.extensions[0];
  EXPECT_EQ(cisco.category, kNetwork);
  EXPECT_TRUE(cisco.enabled);
  EXPECT_TRUE(cisco.active);
  EXPECT_EQ(cisco.team_id, "DE8Y96K9QP");
  EXPECT_EQ(cisco.bundle_id, "com.cisco.anyconnect.macos.acsockext");
  EXPECT_EQ(cisco.version, "5.1.3.14/5.1.3.14");
  EXPECT_EQ(cisco.name, "Cisco Secure Client - Socket Filter Extension");
  EXPECT_EQ(cisco.state, "activated enabled");
  EXPECT_EQ(cisco.line, 5);
  const auto& falcon = list.extensions[1];
  EXPECT_EQ(falcon.category, kEndpoint);
  EXPECT_EQ(falcon.bundle_id, "com.crowdstrike.falcon.Agent");
  EXPECT_EQ(falcon.version, "7.30/202.02");
  EXPECT_EQ(falcon.name, "Falcon Sensor");
  EXPECT_EQ(settings_path_for(list, kNetwork),
            "System Settings > General > Login Items & Extensions > Network Extensions");
  EXPECT_EQ(settings_path_for(list, kEndpoint),
            "System Settings > General > Login Items & Extensions > Endpoint Security Extensions");
}

TEST(SystemExtensionsList, EmptyMarkColumnsOfATerminatedEntryAreNotMarks) {
  const auto list = parse_system_extensions(fixture("ramen-terminated-waiting-to-uninstall.stdout"));
  ASSERT_EQ(list.extensions.size(), 2u);
  const auto& falcon = list.extensions[1];
  EXPECT_FALSE(falcon.enabled);
  EXPECT_FALSE(falcon.active);
  EXPECT_EQ(falcon.team_id, "X9E956P446");
  EXPECT_EQ(falcon.state, "terminated waiting to uninstall on reboot");
}

TEST(SystemExtensionsList, ASpaceInAMarkColumnIsNoMark) {
  const auto list = parse_system_extensions(fixture("ramen-disabled-or-inactive.stdout"));
  ASSERT_EQ(list.extensions.size(), 2u);
  EXPECT_FALSE(list.extensions[0].enabled);
  EXPECT_TRUE(list.extensions[0].active);
  EXPECT_TRUE(list.extensions[1].enabled);
  EXPECT_FALSE(list.extensions[1].active);
  EXPECT_EQ(list.extensions[1].team_id, "X9E956P446");
}

TEST(SystemExtensionsList, NoExtensionsIsAnEmptyListWithItsCount) {
  const auto list = parse_system_extensions(fixture("ramen-no-extensions.stdout"));
  EXPECT_EQ(list.declared_count, 0);
  EXPECT_TRUE(list.extensions.empty());
  EXPECT_TRUE(list.unread_lines.empty());
}

TEST(SystemExtensionsList, TheSameBundleIdTwiceGivesTwoEntriesInListedOrder) {
  const auto list = parse_system_extensions(fixture("handwritten-scsi-dext-replaced.stdout"));
  EXPECT_EQ(list.declared_count, 4);
  ASSERT_EQ(list.extensions.size(), 4u);
  EXPECT_EQ(list.extensions[1].bundle_id, "com.acme.driverkit.scsi");
  EXPECT_EQ(list.extensions[1].version, "2.0.3/203");
  EXPECT_EQ(list.extensions[1].category, kDriverExtensionCategory);
  EXPECT_EQ(list.extensions[2].bundle_id, "com.acme.driverkit.scsi");
  EXPECT_EQ(list.extensions[2].version, "2.1.0/210");
  EXPECT_EQ(list.extensions[2].name, "Acme SCSI Controller");
  EXPECT_EQ(settings_path_for(list, kDriverExtensionCategory),
            "System Settings > General > Login Items & Extensions > Driver Extensions");
}

TEST(SystemExtensionsList, WaitingForUserWithAnEmptyEnabledColumnIsActiveOnly) {
  const auto list = parse_system_extensions(fixture("handwritten-scsi-dext-waiting-for-user.stdout"));
  ASSERT_EQ(list.extensions.size(), 2u);
  EXPECT_FALSE(list.extensions[0].enabled);
  EXPECT_TRUE(list.extensions[0].active);
  EXPECT_EQ(list.extensions[0].state, "activated waiting for user");
}

TEST(SystemExtensionsList, PastedRunsOfSpacesSingleSpacesAndTeamIdDash) {
  const auto list = parse_system_extensions(fixture("handwritten-scsi-dext-pasted-spaces.stdout"));
  EXPECT_TRUE(list.unread_lines.empty()) << list.unread_lines.front();
  EXPECT_TRUE(list.settings_paths.empty());
  ASSERT_EQ(list.extensions.size(), 2u);
  const auto& dev = list.extensions[0];
  EXPECT_EQ(dev.category, kDriverExtensionCategory);
  EXPECT_TRUE(dev.enabled && dev.active);
  EXPECT_EQ(dev.team_id, "-");
  EXPECT_EQ(dev.bundle_id, "com.acme.driverkit.scsi");
  EXPECT_EQ(dev.version, "0.9.0/17");
  EXPECT_EQ(dev.name, "com.acme.driverkit.scsi");
  const auto& legacy = list.extensions[1];
  EXPECT_FALSE(legacy.enabled);  // the row starts with blanks: the empty column is the enabled one
  EXPECT_TRUE(legacy.active);
  EXPECT_EQ(legacy.team_id, "9YG3G8543N");
  EXPECT_EQ(legacy.state, "activated disabled");
}

TEST(SystemExtensionsList, TheGoToSuffixOnALineOfItsOwnStillNamesTheSettings) {
  // A macOS 15.2 listing pasted into a document split the section line in two (MACOS.md §7).
  const auto list = parse_system_extensions(
      "1 extension(s)\n--- com.apple.system_extension.driver_extension \n"
      "---(Go to 'System Settings > General > Login Items & Extensions > Driver Extensions' to modify "
      "these system extension(s))\n"
      "enabled active  teamID  bundleID (version)      name    [state]\n"
      "*       *       5JZGQTGU4W      cn.wch.CH34xVCPDriver (1.0/1)   cn.wch.CH34xVCPDriver    [activated "
      "enabled]\n");
  EXPECT_TRUE(list.unread_lines.empty());
  ASSERT_EQ(list.extensions.size(), 1u);
  EXPECT_EQ(list.extensions[0].category, kDriverExtensionCategory);
  EXPECT_EQ(list.extensions[0].bundle_id, "cn.wch.CH34xVCPDriver");
  EXPECT_EQ(settings_path_for(list, kDriverExtensionCategory),
            "System Settings > General > Login Items & Extensions > Driver Extensions");
}

TEST(SystemExtensionsList, ParenthesesInTheNameDoNotMoveTheBundleIdAndCrlfIsTolerated) {
  const auto list = parse_system_extensions(
      "--- com.apple.system_extension.network_extension\r\n"
      "\t*\tJ6S6Q257EK\tch.protonvpn.mac.Transparent-Proxy (6.5.1)\tProton VPN Split Tunneling "
      "(experimental)\t[activated waiting for user]\r\n");
  ASSERT_EQ(list.extensions.size(), 1u);
  EXPECT_EQ(list.extensions[0].bundle_id, "ch.protonvpn.mac.Transparent-Proxy");
  EXPECT_EQ(list.extensions[0].version, "6.5.1");
  EXPECT_EQ(list.extensions[0].name, "Proton VPN Split Tunneling (experimental)");
  EXPECT_EQ(list.extensions[0].state, "activated waiting for user");
}

TEST(SystemExtensionsList, UnknownLinesAreKeptNotGuessed) {
  const auto list = parse_system_extensions(
      "At this time, this tool cannot be used if System Integrity Protection is enabled.\n"
      "*\t*\tcom.acme.driverkit.scsi [activated enabled]\n");
  EXPECT_TRUE(list.extensions.empty());
  ASSERT_EQ(list.unread_lines.size(), 2u);
  EXPECT_EQ(list.unread_lines[1], "*\t*\tcom.acme.driverkit.scsi [activated enabled]");
}

}  // namespace
}  // namespace dextqual::macos
