// Identity against the product's expectations file (F7, fixtures/products/README.md): INQUIRY
// strings, block size and capacity, and the protocol characteristics the platform publishes. In F7
// the DEXT published Protocol "SCSI" / SCSI Domain ID 2 where the KEXT had "Fibre Channel Interface".
#include <cstdlib>

#include "core/layout.h"
#include "scsi/inquiry_data.h"
#include "scsi/product_expectations.h"
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
    SCSI_RUN(completion, initiator().run_in(inquiry(36), 36));
    ASSERT_SCSI(completion, expect::good());
    auto data = parse_standard_inquiry(completion.returned());
    ASSERT_TRUE(data);
    inquiry_ = *data;
    if (!dut().product_expectations.empty()) {
      auto loaded = load_product_expectations(dut().product_expectations);
      ASSERT_TRUE(loaded) << loaded.error().message();
      product_ = *loaded;
      return;
    }
    // No file named: the product whose [inquiry] strings this device answers with, if any.
    const char* directory = std::getenv("DEXTQUAL_PRODUCTS_DIR");
    product_ =
        find_product(directory != nullptr ? std::filesystem::path(directory) : fixtures_dir() / "products",
                     trim_ascii_field(inquiry_.vendor), trim_ascii_field(inquiry_.product));
    REQUIRE_DUT(run_provides(product_.has_value(), "no product expectations for '" +
                                                       trim_ascii_field(inquiry_.vendor) + " " +
                                                       trim_ascii_field(inquiry_.product) +
                                                       "' (set product_expectations in dut.json)"));
  }
  StandardInquiry inquiry_;
  std::optional<ProductExpectations> product_;
};

TEST_F(Identity, InquiryStringsMatchTheProduct) {
  // Guards F7: vendor, product and revision are the product's, not the DEXT author's placeholders.
  EXPECT_EQ(trim_ascii_field(inquiry_.vendor), product_->vendor) << product_->path;
  EXPECT_EQ(trim_ascii_field(inquiry_.product), product_->product) << product_->path;
  if (product_->revision) {
    EXPECT_EQ(trim_ascii_field(inquiry_.revision), *product_->revision) << product_->path;
  }
}

TEST_F(Identity, BlockSizeAndCapacityMatchTheProduct) {
  // Guards F7: the host sees the product's block size and capacity.
  if (product_->logical_block_size) {
    EXPECT_EQ(geometry().block_length, *product_->logical_block_size) << product_->path;
  }
  if (product_->capacity_blocks) {
    EXPECT_EQ(geometry().blocks, *product_->capacity_blocks) << product_->path;
  }
}

TEST_F(Identity, ProtocolCharacteristicsMatchTheProduct) {
  // Guards F7: the published Protocol Characteristics (diskutil "Protocol", "SCSI Domain ID").
  const nlohmann::json* published = nullptr;
  if (auto it = dut().extra.find("protocol_characteristics"); it != dut().extra.end()) {
    published = &*it;
  } else if (auto sim = dut().extra.find("simdext");
             sim != dut().extra.end() && sim->contains("protocol_characteristics")) {
    published = &(*sim)["protocol_characteristics"];
  }
  if (published != nullptr) {
    // Recorded whatever the verdict, so `dextqual diff` can set two drivers' characteristics side by side.
    RecordProperty("protocol.physical_interconnect", published->value("physical_interconnect", ""));
    RecordProperty("protocol.physical_interconnect_location",
                   published->value("physical_interconnect_location", ""));
    RecordProperty("protocol.scsi_domain_identifier",
                   std::to_string(published->value("scsi_domain_identifier", uint64_t{0})));
  }
  REQUIRE_DUT(
      host_offers(published != nullptr, "this platform publishes no protocol characteristics for the DUT"));
  REQUIRE_DUT(
      run_provides(product_->physical_interconnect.has_value(), "the product file has no [protocol]"));
  EXPECT_EQ(published->value("physical_interconnect", ""), *product_->physical_interconnect)
      << "diskutil would show Protocol: " << published->value("physical_interconnect", "") << " ("
      << product_->path << ")";
  if (product_->physical_interconnect_location) {
    EXPECT_EQ(published->value("physical_interconnect_location", ""),
              *product_->physical_interconnect_location);
  }
  if (product_->scsi_domain_identifier) {
    EXPECT_EQ(published->value("scsi_domain_identifier", uint64_t{0}), *product_->scsi_domain_identifier)
        << "SCSI Domain ID";
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
