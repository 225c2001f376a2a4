// Guards which station file a run reads and what it changes (issue 10 §3): the default location only
// when the command line names no device, DEXTQUAL_STATION instead of /etc/dextqual/station.toml, the
// station's [run] defaults only where the command line is silent, and a malformed file as exit 2.
#include "runner/station_options.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

namespace dextqual::runner {
namespace {

namespace fs = std::filesystem;

class StationOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dextqual-station-options-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(StationOptions, TheEnvironmentVariableReplacesTheDefaultPath) {
  ::setenv(kStationEnvironmentVariable, "/tmp/elsewhere/station.toml", 1);
  EXPECT_EQ(default_station_file(), "/tmp/elsewhere/station.toml");
  ::setenv(kStationEnvironmentVariable, "", 1);
  EXPECT_EQ(default_station_file(), "/etc/dextqual/station.toml");
  ::unsetenv(kStationEnvironmentVariable);
  EXPECT_EQ(default_station_file(), "/etc/dextqual/station.toml");
}

TEST_F(StationOptions, TheDefaultFileIsReadOnlyWhenItExistsAndNoDeviceIsNamed) {
  const auto station = write("station.toml", "[device]\npath = \"/dev/sdz\"\n");
  RunOptions plain;
  EXPECT_EQ(station_file_for(plain, station), station);
  EXPECT_EQ(station_file_for(plain, dir_ / "absent.toml"), std::nullopt);  // simdext clean, as before
  for (auto named : {&RunOptions::sim_profile, &RunOptions::device}) {
    RunOptions options;
    options.*named = "x";
    EXPECT_EQ(station_file_for(options, station), std::nullopt);
  }
  RunOptions none;
  none.no_dut = true;
  EXPECT_EQ(station_file_for(none, station), std::nullopt);
  RunOptions explicit_file;
  explicit_file.device_file = "/srv/other.toml";
  EXPECT_EQ(station_file_for(explicit_file, station), fs::path("/srv/other.toml"));
}

TEST_F(StationOptions, StationDefaultsFillInOnlyWhatTheCommandLineDidNotSay) {
  const auto station = write("station.toml",
                             "[device]\nallow_data_loss = \"SER1\"\n"
                             "[run]\nsuites = [\"scsi\"]\nfilter = \"*Inquiry*\"\nquick = true\n"
                             "timeout_per_test_s = 42\nexpectations = \"xfail.toml\"\n"
                             "require = [\"destructive\"]\nmax_skips = 5\n");
  RunOptions options;
  options.filter = "*Cdb*";
  options.max_skips = 0;
  options.timeout_per_test_s = 7;
  auto applied = apply_station(options, {"--filter", "--timeout-per-test", "--full", "--max-skips"}, station);
  ASSERT_TRUE(applied.has_value()) << applied.error().reason;
  ASSERT_TRUE(applied->has_value());
  EXPECT_EQ(options.device_file, station.string());
  EXPECT_EQ(options.suites, std::vector<std::string>{"scsi"});
  EXPECT_EQ(options.filter, "*Cdb*");          // the command line wins
  EXPECT_EQ(options.timeout_per_test_s, 7.0);  // the command line wins
  EXPECT_FALSE(options.quick);                 // --full said so
  EXPECT_EQ(options.expectations, (dir_ / "xfail.toml").string());
  EXPECT_EQ(options.allow_data_loss, "SER1");
  EXPECT_EQ(options.require, std::vector<std::string>{"destructive"});
  EXPECT_EQ(options.max_skips, 0);  // the command line wins

  RunOptions silent;
  ASSERT_TRUE(apply_station(silent, {}, station).has_value());
  EXPECT_TRUE(silent.quick);
  EXPECT_EQ(silent.filter, "*Inquiry*");
  EXPECT_EQ(silent.timeout_per_test_s, 42.0);
  EXPECT_EQ(silent.max_skips, 5);
}

// Issue 12 §2: the station names the DEXT under test; --dext names another for one run.
TEST_F(StationOptions, TheStationsDextIsTheDefaultAndDextOnTheCommandLineWins) {
  const auto station = write("station.toml", "[dext]\nbundle_id = \"com.acme.driverkit.scsi\"\n");
  RunOptions silent;
  ASSERT_TRUE(apply_station(silent, {}, station).has_value());
  EXPECT_EQ(silent.dext_bundle_id, "com.acme.driverkit.scsi");
  RunOptions given;
  given.dext_bundle_id = "com.acme.driverkit.scsi.beta";
  ASSERT_TRUE(apply_station(given, {"--dext"}, station).has_value());
  EXPECT_EQ(given.dext_bundle_id, "com.acme.driverkit.scsi.beta");
  // Journaled with the run's options, so `resume` knows which DEXT the run was about.
  EXPECT_EQ(run_options_from_json(to_json(silent)).dext_bundle_id, "com.acme.driverkit.scsi");
}

TEST_F(StationOptions, AMalformedStationIsAUsageErrorNamingKeyAndFile) {
  const auto station = write("station.toml", "[hooks]\npower_cycel = \"pdu 7\"\n");
  RunOptions options;
  auto applied = apply_station(options, {}, station);
  ASSERT_FALSE(applied.has_value());
  EXPECT_EQ(applied.error().exit_code, kUsageError);
  EXPECT_NE(applied.error().reason.find("unknown key 'hooks.power_cycel'"), std::string::npos)
      << applied.error().reason;
  EXPECT_NE(applied.error().reason.find(station.string()), std::string::npos) << applied.error().reason;
}

TEST_F(StationOptions, WithoutAStationNothingChanges) {
  RunOptions options;
  options.filter = "*x*";
  auto applied = apply_station(options, {}, dir_ / "absent.toml");
  ASSERT_TRUE(applied.has_value());
  EXPECT_FALSE(applied->has_value());
  EXPECT_TRUE(options.device_file.empty());
  EXPECT_EQ(options.filter, "*x*");
}

TEST_F(StationOptions, TheReportGetsTheStationNameAndItsProperties) {
  auto station = station::parse_station(
      "[station]\nname = \"lab-7\"\n[report]\nproperties = { lab = \"B2\" }\n", dir_ / "s.toml");
  ASSERT_TRUE(station.has_value());
  const auto properties = station_properties(*station);
  EXPECT_EQ(properties.at("station"), "lab-7");
  EXPECT_EQ(properties.at("lab"), "B2");
}

}  // namespace
}  // namespace dextqual::runner
