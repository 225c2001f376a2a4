// Standard INQUIRY data (SPC-4 6.4.2): the identity every OS builds its disk from. F5: a GOOD
// INQUIRY whose data never reached the host made the disk appear with 0 bytes.
#include <algorithm>

#include "scsi/inquiry_data.h"
#include "scsi/make_transport.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using InquiryStandard = ScsiTest;

TEST_F(InquiryStandard, DataActuallyReachesTheHostBuffer) {
  // Guards F5: GOOD with an untouched or all-zero poisoned buffer is lost DMA, not a disk. A fresh
  // transport, because Linux sg reuses a per-descriptor bounce buffer: on a descriptor that has
  // carried other commands, a lost DMA would show their data (fixtures/qemu/README.md).
  auto fresh = make_initiator(dut());
  ASSERT_TRUE(fresh) << fresh.error().message();
  SCSI_RUN(completion, fresh->run_in(inquiry(36), 36));
  ASSERT_SCSI(completion, expect::good());
  EXPECT_GT(completion.data_in.changed, 0u) << "GOOD but no byte of the buffer changed (F5)\n"
                                            << completion.describe();
  EXPECT_FALSE(completion.data_in.all_zero) << "GOOD but the buffer is all zeros: a disk's INQUIRY has a "
                                               "non-zero RESPONSE DATA FORMAT (F5)\n"
                                            << completion.describe();
  EXPECT_GE(completion.transferred(), 36u) << completion.describe();
}

TEST_F(InquiryStandard, HeaderDescribesADirectAccessDisk) {
  // Guards SPC-4 6.4.2: PQ 0, PDT 00h, RESPONSE DATA FORMAT 2, VERSION 04h-07h, length >= 36.
  SCSI_RUN(completion, initiator().run_in(inquiry(255), 255));
  ASSERT_SCSI(completion, expect::good());
  auto data = parse_standard_inquiry(completion.returned());
  ASSERT_TRUE(data) << data.error().message() << "\n" << completion.describe();
  EXPECT_EQ(data->peripheral_qualifier, 0) << completion.describe();
  EXPECT_EQ(data->device_type, 0x00) << "not a direct-access block device\n" << completion.describe();
  EXPECT_EQ(data->response_data_format, 2) << completion.describe();
  EXPECT_GE(data->additional_length + 5, 36) << completion.describe();
  if (data->version == 0) {
    RecordProperty("warning", "VERSION 00h: the device claims conformance to no standard");
  } else {
    EXPECT_TRUE(data->version >= 0x04 && data->version <= 0x07) << "VERSION " << int{data->version};
  }
  EXPECT_FALSE(data->obsolete_aerc) << "AERC is obsolete since SPC-3";
  EXPECT_FALSE(data->obsolete_trmtsk) << "TrmTsk is obsolete since SPC-2";
}

TEST_F(InquiryStandard, IdentificationFieldsArePrintableAsciiLeftAligned) {
  // Guards SPC-4 4.4.1: vendor, product and revision are 20h-7Eh, left-aligned, space-padded.
  SCSI_RUN(completion, initiator().run_in(inquiry(36), 36));
  ASSERT_SCSI(completion, expect::good());
  ASSERT_GE(completion.returned().size(), 36u) << completion.describe();
  auto data = parse_standard_inquiry(completion.returned());
  ASSERT_TRUE(data);
  for (const auto& [name, field] : {std::pair{"vendor", data->vendor}, std::pair{"product", data->product},
                                    std::pair{"revision", data->revision}}) {
    for (size_t i = 0; i < field.size(); ++i) {
      const auto c = static_cast<unsigned char>(field[i]);
      EXPECT_TRUE((c >= 0x20 && c <= 0x7E) || c == 0) << name << " byte " << i << " is " << int{c};
    }
    EXPECT_TRUE(field.empty() || field[0] != ' ' || trim_ascii_field(field).empty())
        << name << " '" << field << "' is not left-aligned";
    if (const size_t nul = field.find('\0'); nul != std::string::npos) {
      EXPECT_EQ(field.find_first_not_of(std::string("\0 ", 2), nul), std::string::npos)
          << name << " '" << field << "' has text after a NUL";
    }
  }
}

TEST_F(InquiryStandard, NothingIsSentPastAdditionalLengthAndReservedBytesAreZero) {
  // Guards SPC-4 6.4.2: the reply ends at ADDITIONAL LENGTH + 5; reserved bytes 56-57 and 74-95
  // are zero (a non-zero byte there is usually a leak of a previous reply or of driver memory).
  SCSI_RUN(completion, initiator().run_in(inquiry(255), 255));
  ASSERT_SCSI(completion, expect::good());
  auto data = parse_standard_inquiry(completion.returned());
  ASSERT_TRUE(data);
  const size_t end = size_t{data->additional_length} + 5;
  EXPECT_LE(completion.transferred(), end) << "transferred past ADDITIONAL LENGTH\n" << completion.describe();
  if (completion.exact_data_in && completion.data_in.end_changed) {
    EXPECT_LE(*completion.data_in.end_changed, end) << completion.describe();
  }
  auto bytes = completion.returned();
  for (size_t i : {56u, 57u}) {
    if (i < std::min(end, bytes.size())) {
      EXPECT_EQ(bytes[i], 0) << "reserved byte " << i << "\n" << completion.describe();
    }
  }
  for (size_t i = 74; i < std::min({end, bytes.size(), size_t{96}}); ++i) {
    EXPECT_EQ(bytes[i], 0) << "reserved byte " << i << "\n" << completion.describe();
  }
}

TEST_F(InquiryStandard, VersionDescriptorsClaimSpcAndSbc) {
  // Guards SPC-4 6.4.2 (table 33): a disk that lists version descriptors lists an SPC and an SBC.
  SCSI_RUN(completion, initiator().run_in(inquiry(96), 96));
  ASSERT_SCSI(completion, expect::good());
  auto data = parse_standard_inquiry(completion.returned());
  ASSERT_TRUE(data);
  REQUIRE_DUT(device_offers(!data->version_descriptors.empty(),
                            "no version descriptors (bytes 58-73 are zero or absent)"));
  EXPECT_TRUE(std::ranges::any_of(data->version_descriptors, claims_spc)) << completion.describe();
  EXPECT_TRUE(std::ranges::any_of(data->version_descriptors, claims_sbc)) << completion.describe();
}

TEST_F(InquiryStandard, PageCodeWithoutEvpdIsInvalidField) {
  // Guards SPC-4 6.4.1: EVPD=0 with a non-zero PAGE CODE is INVALID FIELD IN CDB.
  Cdb cdb = inquiry(255);
  cdb.bytes[2] = 0x83;
  cdb.name = "INQUIRY(EVPD=0, PAGE CODE 83h)";
  EXPECT_SCSI(initiator().run_in(cdb, 255), expect::invalid_field_in_cdb());
}

}  // namespace
}  // namespace dextqual::scsi::suite
