#include "dut/dut_description.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace dextqual {
namespace {

TEST(DutDescription, RoundTripsThroughJsonIncludingUnknownKeys) {
  DutDescription dut;
  dut.kind = DutKind::simdext;
  dut.raw_node = "/dev/loop7";
  dut.passthrough = {PassthroughKind::simdext_socket, "/run/simdext/ctl.sock", 2, 1};
  dut.identity.serial = "SIM0001";
  dut.logical_block_size = 4096;
  dut.capacity_blocks = 1000;
  dut.hooks["power_cycle"] = "pdu off 3; pdu on 3";
  dut.extra["future_key"] = 42;
  auto back = dut_from_json(to_json(dut));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->kind, DutKind::simdext);
  EXPECT_EQ(back->raw_node, "/dev/loop7");
  EXPECT_EQ(back->passthrough.kind, PassthroughKind::simdext_socket);
  EXPECT_EQ(back->passthrough.target, 2u);
  EXPECT_EQ(back->identity.serial, "SIM0001");
  EXPECT_EQ(back->capacity_bytes(), 4096u * 1000u);
  EXPECT_EQ(back->hooks.at("power_cycle"), "pdu off 3; pdu on 3");
  EXPECT_EQ(back->extra.at("future_key"), 42);
}

TEST(DutDescription, WrongSchemaIsAnErrorNamingTheKey) {
  auto dut = dut_from_json({{"schema", "other/9"}});
  ASSERT_FALSE(dut);
  EXPECT_NE(dut.error().message().find("schema"), std::string::npos);
}

TEST(DutDescription, WrongTypeIsAnErrorNotAnException) {
  auto dut = dut_from_json({{"schema", "dextqual-dut/1"}, {"capacity_blocks", "lots"}});
  ASSERT_FALSE(dut);
  EXPECT_NE(dut.error().message().find("capacity_blocks"), std::string::npos);
}

TEST(DutDescription, BlockSizeMustBeAPowerOfTwo) {
  auto dut = dut_from_json({{"schema", "dextqual-dut/1"}, {"logical_block_size", 520}});
  ASSERT_FALSE(dut);
}

TEST(DutDescription, SaveThenLoad) {
  char dir_template[] = "/tmp/dutXXXXXX";
  ASSERT_NE(::mkdtemp(dir_template), nullptr);
  const std::string path = std::string(dir_template) + "/dut.json";
  DutDescription dut;
  dut.raw_node = "/dev/sdz";
  ASSERT_TRUE(save_dut(path, dut));
  auto back = load_dut(path);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->raw_node, "/dev/sdz");
  std::remove(path.c_str());
  ::rmdir(dir_template);
}

TEST(DutDescription, MalformedFileIsAClearError) {
  char path[] = "/tmp/dutbadXXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, "{oops", 5), 5);
  ::close(fd);
  auto dut = load_dut(path);
  ASSERT_FALSE(dut);
  EXPECT_NE(dut.error().message().find("not valid JSON"), std::string::npos);
  std::remove(path);
}

}  // namespace
}  // namespace dextqual
