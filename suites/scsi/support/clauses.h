// The SCSI suite's table of what it holds a device to that is not a plain *shall*: each entry names the
// standard (the T10 draft and revision), the clause, the sentence's keyword and the requirement in
// short. Tests read it through EXPECT_CONFORMS (testing/conformance.h): a *should* deviation is a WARN
// (a failure only under --strict). Where the standard allows alternatives, the test itself accepts each
// one and says so in its comment (UnitAttention.RequestSenseReportsAndClearsIt, SAM-5 5.14).
//
// Clause numbers follow the drafts the suite was written against: SBC-3 r36 (sbc3r36, 2013), SPC-4 r37
// (spc4r37, 2014), SAM-5 r21 (sam5r21, 2015). The keywords of the entries below are those of the
// drafts' sentences; the table is where a reviewer checks them.
#pragma once

#include "testing/conformance.h"

namespace dextqual::scsi::suite::clause {

using testing::Clause;
using testing::Keyword;

// SBC-3 5.8 READ(10) and the RDPROTECT table: on a LU that does not support protection information,
// "the device server should terminate the command with CHECK CONDITION status with the sense key set to
// ILLEGAL REQUEST and the additional sense code set to INVALID FIELD IN CDB" when RDPROTECT != 000b.
inline constexpr Clause kRdprotectWithoutProtection{
    "SBC-3 r36", "5.8 (RDPROTECT field)", Keyword::should,
    "RDPROTECT != 000b on a LU without protection information is CHECK CONDITION, ILLEGAL REQUEST, "
    "INVALID FIELD IN CDB"};

// SBC-3 5.35 WRITE(10) and the WRPROTECT table: the same for WRPROTECT.
inline constexpr Clause kWrprotectWithoutProtection{
    "SBC-3 r36", "5.35 (WRPROTECT field)", Keyword::should,
    "WRPROTECT != 000b on a LU without protection information is CHECK CONDITION, ILLEGAL REQUEST, "
    "INVALID FIELD IN CDB"};

}  // namespace dextqual::scsi::suite::clause
