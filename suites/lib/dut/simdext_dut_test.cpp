#include "dut/simdext_dut.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace dextqual {
namespace {

class SimdextDut : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/simdutXXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& text) { std::ofstream(dir_ + "/simdext.json") << text; }
  std::string dir_;
};

TEST_F(SimdextDut, MapsTheDescriptionOntoTheDut) {
  write(R"({"schema":"simdext/1","block_device":"/dev/loop4","control_socket":"/s/control.sock",
            "logical_block_size":4096,"capacity_blocks":262144,"dut":{"target":3,"lun":1},
            "identity":{"vendor":"DEXTQUAL","product":"SIMDEXT","serial":"S1"},
            "constraints":{"max_transfer_size":65536},"product":"simdext-raid0"})");
  auto dut = dut_from_simdext(dir_);
  ASSERT_TRUE(dut) << dut.error().message();
  EXPECT_EQ(dut->kind, DutKind::simdext);
  EXPECT_EQ(dut->raw_node, "/dev/loop4");
  EXPECT_EQ(dut->passthrough.kind, PassthroughKind::simdext_socket);
  EXPECT_EQ(dut->passthrough.target, 3u);
  EXPECT_EQ(dut->passthrough.lun, 1u);
  EXPECT_EQ(dut->identity.serial, "S1");
  EXPECT_EQ(dut->capacity_bytes(), 4096ull * 262144ull);
  EXPECT_EQ(dut->simdext_state, dir_);
  EXPECT_EQ(dut->product_expectations, "simdext-raid0");  // the profile's [dut] product, by name
  EXPECT_EQ(dut->extra["simdext"]["constraints"]["max_transfer_size"], 65536);
}

TEST_F(SimdextDut, MissingFileSaysWhatToCheck) {
  auto dut = dut_from_simdext(dir_);
  ASSERT_FALSE(dut);
  EXPECT_NE(dut.error().message().find("is simdext running"), std::string::npos);
}

TEST_F(SimdextDut, MissingKeyIsAnErrorNotACrash) {
  write(R"({"schema":"simdext/1","control_socket":"/s"})");
  auto dut = dut_from_simdext(dir_);
  ASSERT_FALSE(dut);
  EXPECT_NE(dut.error().message().find("block_device"), std::string::npos);
}

}  // namespace
}  // namespace dextqual
