// Sense data format (SPC-4 4.5): what the initiator gets back with CHECK CONDITION must be
// well-formed — fixed format with ADDITIONAL SENSE LENGTH >= 0Ah so ASC/ASCQ are present, and a
// field pointer, when given, that points at the field that was wrong. Drivers that build or copy
// autosense themselves (DriverKit fSenseBuffer/fSenseLength) get this wrong first.
//
// The sense is provoked in four independent ways, so that one command a device gets wrong cannot hide
// the sense format: an unlisted VPD page, a PAGE CODE without EVPD, an unsupported operation code and
// an LBA past the end. A provocation the device answers without CHECK CONDITION is another test's
// finding (InquiryVpd, InquiryStandard, UnknownOpcode, Read): here it skips, and the sense format is
// judged on the others.
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

struct Provocation {
  std::string name;
  std::optional<int> field_byte;                  // INVALID FIELD IN CDB: the byte the pointer must name
  Cdb (*cdb)(const Geometry& geometry);           // the command
  uint32_t (*data_in)(const Geometry& geometry);  // its data-in length
};

const std::vector<Provocation>& provocations() {
  static const std::vector<Provocation> all = {
      {"UnlistedVpdPage", 2,
       [](const Geometry&) {
         Cdb cdb = inquiry_vpd(0xC7, 252);  // vendor-specific page: rarely implemented
         cdb.name = "INQUIRY(VPD C7h)";
         return cdb;
       },
       [](const Geometry&) { return 252u; }},
      {"PageCodeWithoutEvpd", 2,
       [](const Geometry&) {
         Cdb cdb = inquiry(255);
         cdb.bytes[2] = 0x83;  // EVPD=0 with a PAGE CODE
         cdb.name = "INQUIRY(EVPD=0, PAGE CODE 83h)";
         return cdb;
       },
       [](const Geometry&) { return 255u; }},
      {"UnsupportedOpcode", std::nullopt,
       [](const Geometry&) {
         const std::array<uint8_t, 10> bytes{0x27, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // unassigned 10-byte code
         return raw_cdb(bytes, "unassigned opcode 27h");
       },
       [](const Geometry&) { return 0u; }},
      {"LbaPastTheEnd", std::nullopt,
       [](const Geometry& geometry) { return read(CdbSize::sixteen, {.lba = geometry.blocks, .blocks = 1}); },
       [](const Geometry& geometry) { return geometry.block_length; }},
  };
  return all;
}

class SenseFormat : public ScsiTest, public ::testing::WithParamInterface<Provocation> {};

TEST_P(SenseFormat, CheckConditionCarriesCompleteSense) {
  // Guards SPC-4 4.5.3 (fixed: response code 70h, ADDITIONAL SENSE LENGTH >= 0Ah) and 4.5.2
  // (descriptor: 72h); the ASC/ASCQ bytes must be inside what was returned. Which ASC it is, is the
  // provoking command's own test's judgement: one deviation, one FAIL.
  const auto& provocation = GetParam();
  const Cdb cdb = provocation.cdb(geometry());
  const uint32_t length = provocation.data_in(geometry());
  SCSI_RUN(completion, length == 0 ? initiator().run(cdb) : initiator().run_in(cdb, length));
  REQUIRE_DUT(device_offers(completion.delivered() && completion.status() == status::kCheckCondition,
                            cdb.name + " did not end in CHECK CONDITION: no sense to check here (the "
                                       "command's own test judges the answer)"));
  auto sense = completion.sense();
  ASSERT_TRUE(sense) << "CHECK CONDITION without sense data\n" << completion.describe();
  if (sense->descriptor_format) {
    EXPECT_EQ(sense->response_code, 0x72) << completion.describe();
  } else {
    EXPECT_EQ(sense->response_code, 0x70) << "current error expected\n" << completion.describe();
    EXPECT_GE(sense->declared_length, 18u) << "ADDITIONAL SENSE LENGTH below 0Ah\n" << completion.describe();
    EXPECT_GE(completion.reply.sense.size(), 14u) << "ASC/ASCQ (bytes 12-13) not returned\n"
                                                  << completion.describe();
  }
}

// The field pointer is defined for the INVALID FIELD IN CDB provocations only.
using SenseFieldPointer = SenseFormat;

TEST_P(SenseFieldPointer, FieldPointerPointsAtTheBadField) {
  // Guards SPC-4 4.5.2.4.2: with SKSV set, the field pointer of INVALID FIELD IN CDB names the
  // CDB byte that was wrong (here byte 2, PAGE CODE). Without SKSV there is nothing to check.
  const auto& provocation = GetParam();
  const Cdb cdb = provocation.cdb(geometry());
  SCSI_RUN(completion, initiator().run_in(cdb, provocation.data_in(geometry())));
  REQUIRE_DUT(device_offers(completion.delivered() && completion.status() == status::kCheckCondition,
                            cdb.name + " did not end in CHECK CONDITION: no sense to check here"));
  auto sense = completion.sense();
  ASSERT_TRUE(sense) << completion.describe();
  REQUIRE_DUT(device_offers(sense->field_pointer.has_value(),
                            "no sense-key specific field pointer (SKSV=0): optional"));
  EXPECT_TRUE(sense->field_pointer->in_cdb) << describe(*sense);
  EXPECT_EQ(sense->field_pointer->byte, *provocation.field_byte) << describe(*sense);
}

std::string name_of(const ::testing::TestParamInfo<Provocation>& info) { return info.param.name; }

std::vector<Provocation> with_field_pointer() {
  std::vector<Provocation> some;
  for (const auto& provocation : provocations()) {
    if (provocation.field_byte) some.push_back(provocation);
  }
  return some;
}

INSTANTIATE_TEST_SUITE_P(Provoked, SenseFormat, ::testing::ValuesIn(provocations()), name_of);
INSTANTIATE_TEST_SUITE_P(Provoked, SenseFieldPointer, ::testing::ValuesIn(with_field_pointer()), name_of);

}  // namespace
}  // namespace dextqual::scsi::suite
