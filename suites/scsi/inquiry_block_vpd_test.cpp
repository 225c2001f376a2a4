// Block Limits (B0h) and Block Device Characteristics (B1h) VPD pages (SBC-3 6.5.2, 6.5.3): where
// the OS learns the largest transfer and whether the disk spins. Both optional; checked when listed.
#include "scsi/vpd_pages.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class InquiryBlockVpd : public ScsiTest {
 protected:
  // The page when 00h lists it; nullopt otherwise. A VPD 00h that fails, or a listed page that fails
  // or does not parse, is a failure recorded here (SPC-4 7.8.16: Supported VPD Pages is mandatory),
  // so the caller skips only when HasFailure() is false: "not listed" must never hide a broken
  // listing.
  std::optional<VpdPage> listed_page(uint8_t code) {
    auto listing = initiator().run_in(inquiry_vpd(0x00, 255), 255);
    EXPECT_SCSI(listing, expect::good()) << "VPD 00h (Supported VPD Pages) must answer";
    if (!listing || !listing->good()) {
      return std::nullopt;
    }
    auto codes = listing->returned().subspan(std::min<size_t>(4, listing->returned().size()));
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      return std::nullopt;
    }
    auto completion = initiator().run_in(inquiry_vpd(code, 255), 255);
    EXPECT_SCSI(completion, expect::good());
    if (!completion || !completion->good()) {
      return std::nullopt;
    }
    auto parsed = parse_vpd_page(completion->returned());
    EXPECT_TRUE(parsed.has_value()) << "VPD page " << int{code} << " is listed by 00h but does not parse";
    return parsed ? std::optional<VpdPage>(*parsed) : std::nullopt;
  }
};

TEST_F(InquiryBlockVpd, BlockLimitsAreOrderedAndConsistent) {
  // Guards SBC-3 6.5.3: PAGE LENGTH 3Ch (SBC-3) or 10h (SBC-2); OTLG <= OTL <= MTL when reported.
  auto page = listed_page(0xB0);
  if (HasFailure()) {
    return;  // VPD 00h or the page itself failed: a failure, not an absence
  }
  REQUIRE_DUT(device_offers(page.has_value(), "the device does not list VPD B0h"));
  EXPECT_TRUE(page->page_length == 0x3C || page->page_length == 0x10) << "PAGE LENGTH " << page->page_length;
  const BlockLimits limits = parse_block_limits(*page);
  if (limits.maximum_transfer_length != 0 && limits.optimal_transfer_length != 0) {
    EXPECT_LE(limits.optimal_transfer_length, limits.maximum_transfer_length);
  }
  if (limits.optimal_transfer_length != 0 && limits.optimal_transfer_length_granularity != 0) {
    EXPECT_LE(limits.optimal_transfer_length_granularity, limits.optimal_transfer_length);
  }
  RecordProperty("maximum_transfer_length_blocks", std::to_string(limits.maximum_transfer_length));
}

TEST_F(InquiryBlockVpd, TransferAboveTheMaximumIsInvalidField) {
  // Guards SBC-3 6.5.3: a transfer longer than MAXIMUM TRANSFER LENGTH is INVALID FIELD IN CDB
  // (SCSI-CHECKLIST.md: "verify" item; SBC-3 says the device server "shall" reject it).
  auto page = listed_page(0xB0);
  if (HasFailure()) {
    return;  // VPD 00h or the page itself failed: a failure, not an absence
  }
  REQUIRE_DUT(device_offers(page.has_value(), "the device does not list VPD B0h"));
  const uint32_t maximum = parse_block_limits(*page).maximum_transfer_length;
  REQUIRE_DUT(device_offers(
      maximum != 0 && maximum < 65536,
      "MAXIMUM TRANSFER LENGTH " + std::to_string(maximum) + ": none reported, or too large to exceed here"));
  const uint32_t length = geometry().block_length;
  ASSERT_GT(length, 0u);
  ASSERT_GT(geometry().blocks, uint64_t{maximum} + 1);
  EXPECT_SCSI(initiator().run_in(read(CdbSize::sixteen, {.lba = 0, .blocks = maximum}), maximum * length),
              expect::good());
  EXPECT_SCSI(
      initiator().run_in(read(CdbSize::sixteen, {.lba = 0, .blocks = maximum + 1}), (maximum + 1) * length),
      expect::invalid_field_in_cdb());
}

TEST_F(InquiryBlockVpd, BlockDeviceCharacteristicsHaveFullLength) {
  // Guards SBC-3 6.5.2: PAGE LENGTH 3Ch; MEDIUM ROTATION RATE 0, 1 or 0401h-FFFEh.
  auto page = listed_page(0xB1);
  if (HasFailure()) {
    return;  // VPD 00h or the page itself failed: a failure, not an absence
  }
  REQUIRE_DUT(device_offers(page.has_value(), "the device does not list VPD B1h"));
  EXPECT_EQ(page->page_length, 0x3C);
  const auto rate = parse_block_device_characteristics(*page).medium_rotation_rate;
  EXPECT_TRUE(rate <= 1 || (rate >= 0x0401 && rate <= 0xFFFE))
      << "MEDIUM ROTATION RATE " << rate << " is reserved";
}

}  // namespace
}  // namespace dextqual::scsi::suite
