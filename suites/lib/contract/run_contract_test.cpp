#include "contract/run_contract.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace dextqual::contract {
namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("dextqual-contract-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(RunContract, RebootFilesLiveInTheStateDirectory) {
  const auto files = RebootFiles::under("/state");
  EXPECT_EQ(files.request, "/state/reboot-request.json");
  EXPECT_EQ(files.done, "/state/reboot-done.json");
  EXPECT_EQ(files.phase_file, "/state/persistence-reboot/phase.json");
}

TEST(RunContract, RequestAndDoneRoundTrip) {
  const auto dir = fresh_dir("roundtrip");
  ASSERT_TRUE(write_reboot_request(dir, {"Reboot.Phase1WriteAndFlush", "/x/phase.json"}).has_value());
  auto request = read_reboot_request(dir);
  ASSERT_TRUE(request.has_value() && request->has_value());
  EXPECT_EQ((*request)->requested_by, "Reboot.Phase1WriteAndFlush");
  EXPECT_EQ((*request)->phase_file, "/x/phase.json");
  ASSERT_TRUE(write_reboot_done(dir, {"Reboot.Phase1WriteAndFlush", "b00t", "host-reboot"}).has_value());
  auto done = read_reboot_done(dir);
  ASSERT_TRUE(done.has_value() && done->has_value());
  EXPECT_EQ((*done)->boot_id, "b00t");
  EXPECT_EQ((*done)->method, "host-reboot");
  std::filesystem::remove_all(dir);
}

TEST(RunContract, AbsentIsNothingAndGarbageIsAnError) {
  const auto dir = fresh_dir("garbage");
  auto absent = read_reboot_request(dir);
  ASSERT_TRUE(absent.has_value());
  EXPECT_FALSE(absent->has_value());
  std::ofstream(RebootFiles::under(dir).done) << "{torn";
  EXPECT_FALSE(read_reboot_done(dir).has_value());
  std::filesystem::remove_all(dir);
}

TEST(RunContract, TestFileNamesAreSafeForParameterizedTests) {
  EXPECT_EQ(test_file_name("Sizes/Transfer.Sweep/3", ".json"), "Sizes_Transfer.Sweep_3.json");
}

}  // namespace
}  // namespace dextqual::contract
