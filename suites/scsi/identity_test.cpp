// Identity against the product's expectations file (F7, fixtures/products/README.md): INQUIRY
// strings, block size and capacity, and the transport protocol the host sees. In F7 the DEXT published
// Protocol "SCSI" / SCSI Domain ID 2 where the KEXT had "Fibre Channel Interface". The expectations
// are the run's (station [product] file, `dextqual run --product`, a simdext profile's [dut] product),
// never looked up from the DUT's own INQUIRY strings: a DUT that names itself wrongly fails here.
#include <algorithm>
#include <sstream>

#include "core/layout.h"
#include "scsi/inquiry_data.h"
#include "scsi/os_protocol_view.h"
#include "scsi/product_expectations.h"
#include "scsi/transport_protocol.h"
#include "scsi/vpd_pages.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class Identity : public ScsiTest {
 protected:
  void SetUp() override {
    ScsiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    REQUIRE_DUT(run_provides(!dut().product_expectations.empty(),
                             "no product expectations given (station [product] file or --product)"));
    auto loaded =
        load_product_expectations(product_file(dut().product_expectations, fixtures_dir() / "products"));
    ASSERT_TRUE(loaded) << loaded.error().message();
    product_ = *loaded;
    SCSI_RUN(completion, initiator().run_in(inquiry(36), 36));
    ASSERT_SCSI(completion, expect::good());
    auto data = parse_standard_inquiry(completion.returned());
    ASSERT_TRUE(data);
    inquiry_ = *data;
  }

  // The PROTOCOL IDENTIFIERs of the DUT's VPD 83h target port designators, over its own transport;
  // `note` says why there are none.
  std::vector<uint8_t> port_protocols(std::string& note) {
    auto completion = initiator().run_in(inquiry_vpd(0x83, 1024), 1024);
    if (!completion || check(*completion, expect::good())) {
      note = "VPD 83h not read";
      return {};
    }
    auto page = parse_vpd_page(completion->returned());
    auto designators =
        page ? parse_designators(*page) : Result<std::vector<Designator>>(std::unexpected(page.error()));
    if (!designators) {
      note = "VPD 83h not parsed: " + designators.error().message();
      return {};
    }
    auto identifiers = port_protocol_identifiers(*designators);
    if (identifiers.empty()) note = "VPD 83h has no target port designator with PIV=1";
    return identifiers;
  }

  StandardInquiry inquiry_;
  ProductExpectations product_;
};

TEST_F(Identity, InquiryStringsMatchTheProduct) {
  // Guards F7: vendor, product and revision are the product's, not the DEXT author's placeholders.
  EXPECT_EQ(trim_ascii_field(inquiry_.vendor), product_.vendor)
      << "INQUIRY VENDOR IDENTIFICATION is not the product's (" << product_.path << ")";
  EXPECT_EQ(trim_ascii_field(inquiry_.product), product_.product)
      << "INQUIRY PRODUCT IDENTIFICATION is not the product's (" << product_.path << ")";
  if (product_.revision) {
    EXPECT_EQ(trim_ascii_field(inquiry_.revision), *product_.revision) << product_.path;
  }
}

TEST_F(Identity, BlockSizeAndCapacityMatchTheProduct) {
  // Guards F7: the host sees the product's block size and capacity.
  if (product_.logical_block_size) {
    EXPECT_EQ(geometry().block_length, *product_.logical_block_size) << product_.path;
  }
  if (product_.capacity_blocks) {
    EXPECT_EQ(geometry().blocks, *product_.capacity_blocks) << product_.path;
  }
}

TEST_F(Identity, ProtocolCharacteristicsMatchTheProduct) {
  // Guards F7: the protocol the host sees is the product's. Two observable channels, each compared
  // when it shows one: what the OS shows (Linux: sysfs transport class; macOS: IORegistry Protocol
  // Characteristics, diskutil's "Protocol:") and what the DUT answers (VPD 83h target port PROTOCOL
  // IDENTIFIER). Recorded whatever the verdict, so `dextqual diff` can set two drivers side by side.
  const std::string node = !dut().raw_node.empty() ? dut().raw_node : dut().passthrough.endpoint;
  const OsProtocolView os = os_protocol_view(node);
  RecordProperty("protocol.os", os.protocol ? to_string(*os.protocol) : "none");
  RecordProperty("protocol.os_shows", os.shown);
  std::string vpd_note;
  const std::vector<uint8_t> identifiers = port_protocols(vpd_note);
  std::ostringstream vpd_text;
  for (uint8_t id : identifiers) {
    auto protocol = from_protocol_identifier(id);
    vpd_text << (vpd_text.tellp() > 0 ? ", " : "") << std::hex << std::uppercase << int{id} << "h "
             << (protocol ? to_string(*protocol) : "no specific/reserved");
  }
  RecordProperty("protocol.vpd83", identifiers.empty() ? vpd_note : vpd_text.str());
  if (os.physical_interconnect) RecordProperty("protocol.physical_interconnect", *os.physical_interconnect);
  if (os.physical_interconnect_location) {
    RecordProperty("protocol.physical_interconnect_location", *os.physical_interconnect_location);
  }
  if (os.scsi_domain_identifier) {
    RecordProperty("protocol.scsi_domain_identifier", std::to_string(*os.scsi_domain_identifier));
  }
  const std::string seen =
      "the OS: " + (os.protocol ? to_string(*os.protocol) + " (" + os.shown + ")" : os.shown) +
      "; VPD 83h: " + (identifiers.empty() ? vpd_note : vpd_text.str());
  REQUIRE_DUT(host_offers(os.protocol || !identifiers.empty() || os.physical_interconnect,
                          "neither the OS nor the DUT shows a transport protocol (" + seen + ")"));
  REQUIRE_DUT(run_provides(product_.physical_interconnect.has_value(),
                           "the product file has no [protocol] to compare with; the host shows " + seen));
  const std::string& expected_name = *product_.physical_interconnect;
  const auto expected = from_physical_interconnect(expected_name);
  ASSERT_TRUE(expected) << product_.path << ": [protocol] physical_interconnect \"" << expected_name
                        << "\" names no known protocol (fixtures/products/README.md)";
  const std::string product_text =
      to_string(*expected) + " (physical_interconnect \"" + expected_name + "\", " + product_.path + ")";
  if (os.protocol) {
    EXPECT_EQ(to_string(*os.protocol), to_string(*expected))
        << "the OS shows " << to_string(*os.protocol) << " (" << os.shown << ") where the product is "
        << product_text;
  }
  if (os.physical_interconnect) {
    EXPECT_EQ(*os.physical_interconnect, expected_name)
        << "diskutil would show Protocol: " << *os.physical_interconnect;
  }
  for (uint8_t id : identifiers) {
    auto protocol = from_protocol_identifier(id);
    EXPECT_TRUE(protocol && *protocol == *expected)
        << "the DUT's VPD 83h target port designators say "
        << (protocol ? to_string(*protocol) : std::string("no specific protocol")) << " (PROTOCOL IDENTIFIER "
        << std::hex << std::uppercase << int{id} << "h) where the product is " << product_text;
  }
  // Location and SCSI domain exist only where the OS publishes them (macOS Protocol Characteristics).
  if (product_.physical_interconnect_location && os.physical_interconnect_location) {
    EXPECT_EQ(*os.physical_interconnect_location, *product_.physical_interconnect_location) << product_.path;
  }
  if (product_.scsi_domain_identifier && os.scsi_domain_identifier) {
    EXPECT_EQ(*os.scsi_domain_identifier, *product_.scsi_domain_identifier) << "SCSI Domain ID";
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
