// Guards the station file (issue 10 §3): every documented key is read, and anything else, or a value
// of the wrong type, is an error naming the key and the file, never silently ignored.
#include "station/station_file.h"

#include <gtest/gtest.h>

namespace dextqual::station {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kFile = "/srv/lab/station.toml";

std::string error_of(std::string_view text) {
  auto parsed = parse_station(text, kFile);
  EXPECT_FALSE(parsed.has_value()) << text;
  return parsed ? std::string() : parsed.error().message();
}

TEST(StationFile, TheExampleDocumentsAndSetsEveryKey) {
  auto station = load_station_file(DEXTQUAL_EXAMPLE_STATION);
  ASSERT_TRUE(station.has_value()) << station.error().message();
  const auto dir = std::filesystem::path(DEXTQUAL_EXAMPLE_STATION).parent_path();
  EXPECT_EQ(station->name, "lab-mac-07");
  EXPECT_EQ(station->device.path, "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4");
  EXPECT_EQ(station->device.serial, "ZA1B2C3D");
  EXPECT_EQ(station->device.wwn, "5000c500a1b2c3d4");
  EXPECT_EQ(station->device.allow_data_loss, "ZA1B2C3D");
  EXPECT_EQ(station->device.allow_data_loss_other_lus, std::vector<std::string>{"ZA9SCRATCH"});
  EXPECT_EQ(station->product_file, (dir.parent_path() / "products/simdext-raid0.toml").string());
  EXPECT_EQ(station->dext_bundle_id, "com.acme.driverkit.scsi");
  ASSERT_EQ(station->hooks.size(), 5u);
  EXPECT_EQ(station->hooks.at("power_cycle").timeout, 120s);
  EXPECT_EQ(station->hooks.at("reboot").command, "/sbin/shutdown -r now");
  EXPECT_EQ(station->hooks.at("replug").timeout, kDefaultHookTimeout);
  EXPECT_EQ(station->report_properties.at("lab"), "Berlin B2");
  EXPECT_EQ(station->report_properties.size(), 3u);
  EXPECT_EQ(station->run.suites, (std::vector<std::string>{"scsi", "rawio", "persistence"}));
  EXPECT_EQ(station->run.filter, "-*Slow*");
  EXPECT_EQ(station->run.quick, false);
  EXPECT_EQ(station->run.timeout_per_test_s, 900.0);
  EXPECT_EQ(station->run.expectations, (dir / "expectations/acme-x1.toml").string());
  EXPECT_EQ(station->run.require, (std::vector<std::string>{"destructive", "passthrough"}));
  EXPECT_EQ(station->run.max_skips, 20);
}

TEST(StationFile, AnEmptyFileIsAStationWithNothingSet) {
  auto station = parse_station("", kFile);
  ASSERT_TRUE(station.has_value()) << station.error().message();
  EXPECT_TRUE(station->hooks.empty());
  EXPECT_FALSE(station->run.quick.has_value());
  EXPECT_FALSE(station->run.suites.has_value());
  EXPECT_EQ(station->file, kFile);
}

TEST(StationFile, UnknownKeysNameTheKeyTheLineAndTheFile) {
  for (const auto& [text, key] : std::vector<std::pair<std::string, std::string>>{
           {"[devices]\npath = \"/dev/sdb\"\n", "'devices'"},
           {"[device]\nseral = \"X\"\n", "'device.seral'"},
           {"[hooks]\npower_cylce = \"pdu 7\"\n", "'hooks.power_cylce'"},
           {"[hooks.power_cycle]\ncommand = \"x\"\ntimeout = 3\n", "'hooks.power_cycle.timeout'"},
           {"[report]\nlab = \"x\"\n", "'report.lab'"},
           {"[run]\nsuite = [\"scsi\"]\n", "'run.suite'"},
           {"[product]\nexpectations = \"a.toml\"\n", "'product.expectations'"},
           {"[station]\nname = \"a\"\nlocation = \"b\"\n", "'station.location'"},
           {"[dext]\nbundle = \"com.acme.x\"\n", "'dext.bundle'"}}) {
    const auto message = error_of(text);
    EXPECT_NE(message.find("unknown key " + key), std::string::npos) << message;
    EXPECT_NE(message.find(kFile.string()), std::string::npos) << message;
    EXPECT_NE(message.find("line "), std::string::npos) << message;
  }
}

TEST(StationFile, WrongTypesNameTheKeyAndWhatWasExpected) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           {"[run]\nquick = \"yes\"\n", "key 'run.quick' (line 2): expected true or false, got a string"},
           {"[run]\nsuites = \"scsi\"\n", "key 'run.suites' (line 2): expected an array"},
           {"[run]\nsuites = [\"scsi\", 3]\n", "key 'run.suites'"},
           {"[run]\ntimeout_per_test_s = \"10\"\n", "key 'run.timeout_per_test_s'"},
           {"[run]\ntimeout_per_test_s = 0\n", "must be more than 0"},
           {"[run]\nrequire = \"destructive\"\n", "key 'run.require' (line 2): expected an array"},
           {"[run]\nrequire = [\"destructve\"]\n", "no capability 'destructve' (known: destructive, "},
           {"[run]\nmax_skips = -1\n", "key 'run.max_skips' (line 2): expected a count"},
           {"[run]\nmax_skips = \"3\"\n", "key 'run.max_skips'"},
           {"[device]\nserial = 1234\n", "key 'device.serial' (line 2): expected a string, got an integer"},
           {"device = \"/dev/sdb\"\n", "key 'device' (line 1): expected a table, got a string"},
           {"[hooks]\npower_cycle = 3\n",
            "key 'hooks.power_cycle' (line 2): expected a command string or a table"},
           {"[hooks]\nreplug = \"\"\n", "key 'hooks.replug' (line 2): the command is empty"},
           {"[hooks.reboot]\ncommand = \"r\"\ntimeout_s = \"60\"\n", "key 'hooks.reboot.timeout_s'"},
           {"[hooks.reboot]\ntimeout_s = 60\n", "key 'hooks.reboot' (line 1): the command is empty"},
           {"[report]\nproperties = { rack = 7 }\n",
            "key 'report.properties.rack' (line 2): expected a string"},
           {"[report]\nproperties = \"lab=B2\"\n", "key 'report.properties' (line 2): expected a table"},
           {"[report]\nproperties = { mode = \"x\" }\n", "a property the runner sets itself"},
           {"[report]\nproperties = { \"dext.version\" = \"9\" }\n", "a property the runner sets itself"},
           {"[dext]\nbundle_id = 7\n", "key 'dext.bundle_id' (line 2): expected a string, got an integer"},
           {"[dext]\nbundle_id = \"com.acme.scsi (1.0/1)\"\n",
            "key 'dext.bundle_id' (line 2): expected the DEXT's bundle identifier"},
           {"[dext]\nbundle_id = \"\"\n",
            "key 'dext.bundle_id' (line 2): expected the DEXT's bundle identifier"},
           {"dext = \"com.acme.scsi\"\n", "key 'dext' (line 1): expected a table, got a string"}}) {
    const auto message = error_of(text);
    EXPECT_NE(message.find(expected), std::string::npos) << text << "\n-> " << message;
    EXPECT_NE(message.find(kFile.string()), std::string::npos) << message;
  }
}

TEST(StationFile, ATomlSyntaxErrorNamesTheFileAndLine) {
  const auto message = error_of("[device]\npath = /dev/sdb\n");
  EXPECT_NE(message.find("station file " + kFile.string()), std::string::npos) << message;
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
}

TEST(StationFile, RelativePathsResolveAgainstTheFilesDirectory) {
  auto station = parse_station(
      "[product]\nfile = \"products/x1.toml\"\n[run]\nexpectations = \"../xfail/x1.toml\"\n"
      "[device]\npath = \"/dev/sdb\"\n",
      kFile);
  ASSERT_TRUE(station.has_value()) << station.error().message();
  EXPECT_EQ(station->product_file, "/srv/lab/products/x1.toml");
  EXPECT_EQ(station->run.expectations, "/srv/xfail/x1.toml");
  EXPECT_EQ(station->device.path, "/dev/sdb");  // absolute stays as given
}

TEST(StationFile, HooksHaveAShortAndALongForm) {
  auto station = parse_station(
      "[hooks]\nreplug = \"relay 3\"\npost_run = { command = \"collect\", timeout_s = 2.5 }\n"
      "[hooks.power_cycle]\ncommand = \"pdu 7\"\ntimeout_s = 120\n",
      kFile);
  ASSERT_TRUE(station.has_value()) << station.error().message();
  EXPECT_EQ(station->hooks.at("replug").command, "relay 3");
  EXPECT_EQ(station->hooks.at("replug").timeout, kDefaultHookTimeout);
  EXPECT_EQ(station->hooks.at("post_run").timeout, 2500ms);
  EXPECT_EQ(station->hooks.at("power_cycle").command, "pdu 7");
  EXPECT_EQ(station->hooks.at("power_cycle").timeout, 120s);
}

TEST(StationFile, AMissingFileIsAnErrorNamingIt) {
  auto station = load_station_file("/nonexistent/dextqual/station.toml");
  ASSERT_FALSE(station.has_value());
  EXPECT_NE(station.error().message().find("/nonexistent/dextqual/station.toml"), std::string::npos);
}

TEST(StationFile, OtherLusAreAListOfIdentities) {
  EXPECT_NE(
      error_of("[device]\nallow_data_loss_other_lus = \"ZA9\"\n").find("device.allow_data_loss_other_lus"),
      std::string::npos);
  EXPECT_NE(error_of("[device]\nallow_data_loss_other_lus = [1]\n").find("expected names"),
            std::string::npos);
}

}  // namespace
}  // namespace dextqual::station
