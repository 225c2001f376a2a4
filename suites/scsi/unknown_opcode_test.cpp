// Unknown operation codes (SPC-4 4.5.6, SAM-5 5.3): must fail with INVALID COMMAND OPERATION CODE,
// not be passed to the medium or answered GOOD. libiscsi counts such answers as skips; here they
// fail (SCSI-CHECKLIST.md (c)7).
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

struct UnusedOpcode {
  uint8_t opcode;
  uint8_t size;
  const char* name;
};

class UnknownOpcode : public ScsiTest, public ::testing::WithParamInterface<UnusedOpcode> {};

TEST_P(UnknownOpcode, IsInvalidCommandOperationCode) {
  // Guards SPC-4 4.5.6: an operation code the LU does not implement is 5h/20h/00h.
  std::array<uint8_t, 16> bytes{};
  bytes[0] = GetParam().opcode;
  EXPECT_SCSI(initiator().run(raw_cdb(std::span(bytes).first(GetParam().size), GetParam().name)),
              expect::invalid_command_operation_code());
}

// Codes not assigned to direct-access devices in SPC-4 Annex D / SBC-3 (one per CDB group size).
INSTANTIATE_TEST_SUITE_P(Codes, UnknownOpcode,
                         ::testing::Values(UnusedOpcode{0x0D, 6, "unassigned 0Dh (6-byte group)"},
                                           UnusedOpcode{0x27, 10, "unassigned 27h (10-byte group)"},
                                           UnusedOpcode{0x97, 16, "unassigned 97h (16-byte group)"}),
                         [](const auto& instance) {
                           return "Opcode" + std::to_string(instance.param.opcode);
                         });

using UnknownServiceAction = ScsiTest;

TEST_F(UnknownServiceAction, IsInvalidFieldInCdb) {
  // Guards SPC-4 4.5.6: an unknown SERVICE ACTION of a known opcode (9Eh) is 5h/24h/00h, with the
  // field pointer at CDB byte 1 when SKSV is set.
  Cdb cdb = read_capacity16(32);
  cdb.bytes[1] = 0x1F;
  cdb.name = "SERVICE ACTION IN(16), unassigned service action 1Fh";
  SCSI_RUN(completion, initiator().run_in(cdb, 32));
  EXPECT_SCSI(completion, expect::invalid_field_in_cdb());
  if (auto sense = completion.sense(); sense && sense->field_pointer) {
    EXPECT_EQ(sense->field_pointer->byte, 1) << describe(*sense);
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
