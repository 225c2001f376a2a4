// INQUIRY vital product data (SPC-4 7.8): Supported VPD Pages (00h), Unit Serial Number (80h),
// Device Identification (83h). The OS builds a disk's persistent identity from 80h/83h.
#include "scsi/vpd_pages.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class InquiryVpd : public ScsiTest {
 protected:
  // The page as returned, or a failure naming the command.
  Result<VpdPage> page(uint8_t code) {
    auto completion = initiator().run_in(inquiry_vpd(code, 1024), 1024);
    if (!completion) {
      return std::unexpected(completion.error());
    }
    if (auto problem = check(*completion, expect::good())) {
      return fail("VPD page", *problem);
    }
    return parse_vpd_page(completion->returned());
  }
  std::vector<uint8_t> supported() {
    auto listing = page(0x00);
    return listing ? listing->payload : std::vector<uint8_t>{};
  }
};

TEST_F(InquiryVpd, SupportedPagesListMandatoryPagesAscending) {
  // Guards SPC-4 7.8.13 and SBC-3 6.5: 00h lists itself and 83h, strictly ascending.
  auto listing = page(0x00);
  ASSERT_TRUE(listing) << listing.error().message();
  EXPECT_EQ(listing->page_code, 0x00);
  const auto& codes = listing->payload;
  EXPECT_EQ(codes.size(), listing->page_length) << "PAGE LENGTH disagrees with the bytes returned";
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()) &&
              std::adjacent_find(codes.begin(), codes.end()) == codes.end())
      << "page codes not strictly ascending";
  for (uint8_t mandatory : {0x00, 0x83}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), mandatory), codes.end())
        << "missing page " << int{mandatory};
  }
}

TEST_F(InquiryVpd, EveryListedPageReadsWithItsOwnHeader) {
  // Guards SPC-4 7.8.1: each listed page answers GOOD with byte 1 = its page code.
  for (uint8_t code : supported()) {
    auto listed = page(code);
    ASSERT_TRUE(listed) << "page " << std::hex << int{code} << ": " << listed.error().message();
    EXPECT_EQ(listed->page_code, code);
    EXPECT_EQ(listed->payload.size(), listed->page_length) << "page " << std::hex << int{code};
  }
}

TEST_F(InquiryVpd, UnlistedPageIsInvalidField) {
  // Guards SPC-4 6.4.1: a page the device does not list is INVALID FIELD IN CDB.
  auto codes = supported();
  ASSERT_FALSE(codes.empty());
  uint8_t unlisted = 0xC7;  // vendor-specific range, rarely implemented
  while (std::find(codes.begin(), codes.end(), unlisted) != codes.end()) {
    ++unlisted;
  }
  EXPECT_SCSI(initiator().run_in(inquiry_vpd(unlisted, 255), 255), expect::invalid_field_in_cdb());
}

TEST_F(InquiryVpd, SerialNumberIsAsciiAndStable) {
  // Guards SPC-4 7.8.15 and SCSI-CHECKLIST.md (c)11: 80h is ASCII and the same on every read.
  auto codes = supported();
  REQUIRE_DUT(device_offers(std::find(codes.begin(), codes.end(), 0x80) != codes.end(),
                            "the device does not list VPD 80h"));
  auto first = page(0x80);
  auto second = page(0x80);
  ASSERT_TRUE(first && second);
  for (uint8_t c : first->payload) {
    EXPECT_TRUE(c >= 0x20 && c <= 0x7E) << "serial byte " << int{c};
  }
  EXPECT_EQ(first->payload, second->payload);
}

TEST_F(InquiryVpd, DeviceIdentificationHasALogicalUnitDesignator) {
  // Guards SPC-4 7.8.6: at least one LU designator (association 0) of type NAA, EUI-64 or SCSI
  // name string, with a code set that fits the type; designator lengths add up to PAGE LENGTH.
  auto identification = page(0x83);
  ASSERT_TRUE(identification) << identification.error().message();
  auto designators = parse_designators(*identification);
  ASSERT_TRUE(designators) << designators.error().message();
  bool found = false;
  for (const Designator& d : *designators) {
    if (d.association == 0 && (d.type == 2 || d.type == 3 || d.type == 8)) {
      found = true;
      EXPECT_EQ(d.code_set, d.type == 8 ? 3 : 1)
          << designator_type_name(d.type) << " with code set " << int{d.code_set};
    }
    if (d.type == 3 && !d.identifier.empty()) {
      const int naa = d.identifier[0] >> 4;
      EXPECT_EQ(d.identifier.size(), naa == 6 ? 16u : 8u) << "NAA " << naa;
    }
  }
  EXPECT_TRUE(found) << "no NAA, EUI-64 or SCSI name designator for the logical unit";
}

}  // namespace
}  // namespace dextqual::scsi::suite
