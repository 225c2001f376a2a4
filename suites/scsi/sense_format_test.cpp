// Sense data format (SPC-4 4.5): what the initiator gets back with CHECK CONDITION must be
// well-formed — fixed format with ADDITIONAL SENSE LENGTH >= 0Ah so ASC/ASCQ are present, and a
// field pointer, when given, that points at the field that was wrong. Drivers that build or copy
// autosense themselves (DriverKit fSenseBuffer/fSenseLength) get this wrong first.
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using SenseFormat = ScsiTest;

TEST_F(SenseFormat, CheckConditionCarriesCompleteSense) {
  // Guards SPC-4 4.5.3 (fixed: response code 70h, ADDITIONAL SENSE LENGTH >= 0Ah) and 4.5.2
  // (descriptor: 72h); the ASC/ASCQ bytes must be inside what was returned.
  Cdb cdb = inquiry(255);
  cdb.bytes[2] = 0x83;  // EVPD=0 with a PAGE CODE: INVALID FIELD IN CDB
  cdb.name = "INQUIRY(EVPD=0, PAGE CODE 83h)";
  SCSI_RUN(completion, initiator().run_in(cdb, 255));
  ASSERT_SCSI(completion, expect::invalid_field_in_cdb());
  auto sense = completion.sense();
  ASSERT_TRUE(sense);
  if (sense->descriptor_format) {
    EXPECT_EQ(sense->response_code, 0x72) << completion.describe();
    return;
  }
  EXPECT_EQ(sense->response_code, 0x70) << "current error expected\n" << completion.describe();
  EXPECT_GE(sense->declared_length, 18u) << "ADDITIONAL SENSE LENGTH below 0Ah\n" << completion.describe();
  EXPECT_GE(completion.reply.sense.size(), 14u) << "ASC/ASCQ (bytes 12-13) not returned\n"
                                                << completion.describe();
}

TEST_F(SenseFormat, FieldPointerPointsAtTheBadField) {
  // Guards SPC-4 4.5.2.4.2: with SKSV set, the field pointer of INVALID FIELD IN CDB names the
  // CDB byte that was wrong (here byte 2, PAGE CODE). Without SKSV there is nothing to check.
  Cdb cdb = inquiry(255);
  cdb.bytes[2] = 0x83;
  cdb.name = "INQUIRY(EVPD=0, PAGE CODE 83h)";
  SCSI_RUN(completion, initiator().run_in(cdb, 255));
  ASSERT_SCSI(completion, expect::invalid_field_in_cdb());
  auto sense = completion.sense();
  ASSERT_TRUE(sense);
  REQUIRE_DUT(device_offers(sense->field_pointer.has_value(),
                            "no sense-key specific field pointer (SKSV=0): optional"));
  EXPECT_TRUE(sense->field_pointer->in_cdb) << describe(*sense);
  EXPECT_EQ(sense->field_pointer->byte, 2) << describe(*sense);
}

}  // namespace
}  // namespace dextqual::scsi::suite
