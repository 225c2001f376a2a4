// Where SPC-4 allows more than one answer, the set it allows, and nothing more: a test tuned to what
// simdext happens to answer would fail a conforming device, and a test that accepts anything would
// pass a broken one. Each check says which clause allows what, and why an answer outside the set is
// wrong. Unit-tested with every allowed answer and the nearest wrong ones (allowed_answers_test.cpp).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "scsi/sense.h"

namespace dextqual::scsi {

// INQUIRY byte 0 from a LUN that has no logical unit behind it (not in REPORT LUNS). SPC-4 6.4.2
// (PERIPHERAL QUALIFIER): 011b with DEVICE TYPE 1Fh ("not capable of supporting a device on this
// LU"), or 001b with any DEVICE TYPE ("capable of that type, but no device is connected"). 000b
// claims a logical unit; 010b is reserved; 100b-111b are vendor specific, which no OS can judge.
[[nodiscard]] Status check_absent_lun_inquiry(uint8_t byte0);

// The sense data REQUEST SENSE returns when nothing is pending (SPC-4 6.39): sense key NO SENSE with
// NO ADDITIONAL SENSE INFORMATION (00h/00h); or, from a LU in a state SPC-4 makes REQUEST SENSE
// report without an error, NO SENSE with 5Eh/xx (a low-power condition, SPC-4 5.12), NO SENSE with
// 04h/xx (not ready, with progress indication, SPC-4 6.39), or NO SENSE / RECOVERED ERROR with 5Dh/xx
// (an informational exception reported on request, SPC-4 MRIE 6h). Anything else is a condition the
// device should have reported as CHECK CONDITION, or a sense the driver invented.
[[nodiscard]] Status check_nothing_pending_sense(const Sense& sense);

}  // namespace dextqual::scsi
