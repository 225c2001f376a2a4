#include "scsi/make_transport.h"

#include <gtest/gtest.h>

namespace dextqual::scsi {
namespace {

TEST(MakeTransport, ConfiguredAddressesFromSimdextJson) {
  DutDescription dut;
  dut.extra["simdext"] = nlohmann::json::parse(
      R"({"targets":[{"id":0,"luns":[0,1]},{"id":5,"luns":[{"id":2,"block_size":512}]}]})");
  EXPECT_EQ(configured_addresses(dut), (std::vector<Address>{{0, 0}, {0, 1}, {5, 2}}));
}

TEST(MakeTransport, NoPassthroughAndDextProbeSayWhy) {
  DutDescription dut;
  auto none = make_transport(dut);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message().find("no pass-through"), std::string::npos);
  dut.passthrough.kind = PassthroughKind::dext_probe;
  EXPECT_FALSE(make_transport(dut));
}

TEST(MakeTransport, SgIoOnANonSgNodeFails) {
  DutDescription dut;
  dut.passthrough.kind = PassthroughKind::sg_io;
  dut.passthrough.endpoint = "/dev/null";
  auto transport = make_transport(dut);
  ASSERT_FALSE(transport);
}

}  // namespace
}  // namespace dextqual::scsi
