// `dextqual judge --results GTEST.xml --expectations FILE [--suite NAME] [--log FILE]`: one suite
// binary's GoogleTest XML, run outside dextqual (the QEMU guests of fixtures/qemu run
// dextqual_scsi_suite from an initramfs), judged against the project's one expectations format
// (runner/expectations.h). One lit-style line per test: PASS, FAIL, XFAIL, XPASS, SKIPPED, and
// UNRESOLVED for an expectations entry that named no test that ran (stale) or for no XML at all.
// Exit codes: 0 no FAIL, XPASS or UNRESOLVED; 1 otherwise; 2 an unreadable expectations file.
#pragma once

#include <ostream>
#include <string>

namespace dextqual::runner {

struct JudgeOptions {
  std::string results;         // the suite's --gtest_output=xml file
  std::string expectations;    // [[expect]] tests/reason/evidence
  std::string suite = "scsi";  // the suite binary's short name, as the `tests` patterns prefix it
  std::string log;             // the suite's console output, shown when no XML came back
};

[[nodiscard]] int judge_command(const JudgeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dextqual::runner
