// What a check is held to: the keyword of the standard's sentence it checks (SPC-4, SBC-3, SAM-5). A
// *shall* deviation fails its test; a *should* deviation is a warning — the test records the property
// "warning.<n>" ("<standard> <clause> should: <requirement>; <what was seen>"), which the runner reports
// as the verdict WARN (not a failure, exit 0) — unless the run is strict (`dextqual run --strict`:
// dut.json "strict"), where it fails like a shall. Where the standard allows alternatives, the test
// accepts each of them; no keyword is needed for those.
//
// The clauses themselves live in one table per suite (suites/scsi/support/clauses.h) that the tests
// read, so what a test holds a device to is reviewable in one place.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dextqual::testing {

enum class Keyword { shall, should, may };

struct Clause {
  std::string_view standard;     // "SBC-3 r36", the T10 draft and its revision
  std::string_view clause;       // "5.8"
  Keyword keyword;               // the sentence's keyword
  std::string_view requirement;  // what the sentence asks, in short
};

[[nodiscard]] std::string_view to_string(Keyword keyword);
// "SBC-3 r36 5.8 should: <requirement>"
[[nodiscard]] std::string cite(const Clause& clause);

// --strict (dut.json "strict"): should deviations fail.
[[nodiscard]] bool strict_conformance();

// A failed `check` of `clause`: a shall (or a should in a strict run) fails the test with the citation
// and the check's text; a should records a warning. A passed check does nothing.
void judge(const Clause& clause, const ::testing::AssertionResult& check);

// This test causes I/O errors on purpose: what the kernel logs about the DUT during it is shown in its
// detail, not reported as a warning (contract::kKernelErrorsExpectedProperty).
void expect_kernel_io_errors(const std::string& reason);

}  // namespace dextqual::testing

// EXPECT_CONFORMS(check, clause): `check` is an AssertionResult (answers(completion, expectation), or
// ::testing::AssertionFailure() << ...), judged by the clause's keyword.
#define EXPECT_CONFORMS(check, clause) ::dextqual::testing::judge((clause), (check))
