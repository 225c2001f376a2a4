// The answer sets of allowed_answers.h.
#include "scsi/allowed_answers.h"

#include <cstdio>
#include <string>

namespace dextqual::scsi {

Status check_absent_lun_inquiry(uint8_t byte0) {
  const unsigned qualifier = byte0 >> 5;
  const unsigned type = byte0 & 0x1F;
  if (qualifier == 0b011 && type == 0x1F) {
    return {};
  }
  if (qualifier == 0b001) {
    return {};
  }
  char text[80];
  std::snprintf(text, sizeof text, "byte 0 = %02Xh (PERIPHERAL QUALIFIER %u%u%ub, DEVICE TYPE %02Xh)", byte0,
                (qualifier >> 2) & 1, (qualifier >> 1) & 1, qualifier & 1, type);
  const std::string seen = text;
  if (qualifier == 0b011) {
    return fail("absent LUN INQUIRY", seen + ": with qualifier 011b SPC-4 6.4.2 requires DEVICE TYPE 1Fh");
  }
  if (qualifier == 0b000) {
    return fail("absent LUN INQUIRY",
                seen +
                    ": qualifier 000b claims a logical unit that REPORT LUNS does not list; "
                    "SPC-4 6.4.2 allows 011b/1Fh or 001b");
  }
  return fail("absent LUN INQUIRY",
              seen + ": a reserved or vendor-specific qualifier; SPC-4 6.4.2 allows 011b/1Fh or 001b");
}

Status check_nothing_pending_sense(const Sense& sense) {
  const bool no_sense = sense.key == sense_key::kNoSense;
  if (no_sense && sense.asc == 0x00 && sense.ascq == 0x00) {
    return {};
  }
  if (no_sense && (sense.asc == 0x5E || sense.asc == 0x04)) {
    return {};  // a low-power condition, or not ready with progress indication
  }
  if ((no_sense || sense.key == sense_key::kRecoveredError) && sense.asc == 0x5D) {
    return {};  // an informational exception reported on request (MRIE 6h)
  }
  return fail("REQUEST SENSE with nothing pending",
              key_asc_ascq(sense.key, sense.asc, sense.ascq) + " (" + asc_text(sense.asc, sense.ascq) +
                  "): SPC-4 6.39 allows NO SENSE with 00h/00h, 5Eh/xx or 04h/xx, or NO SENSE / RECOVERED "
                  "ERROR with 5Dh/xx");
}

}  // namespace dextqual::scsi
