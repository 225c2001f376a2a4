// The per-DUT expectations file: which tests are known to fail on this device, how, whose fault it is
// and why. A known failure that fails the recorded way is XFAIL (not a failure of the run); one that
// fails any other way is FAIL; one that passes is XPASS (a failure: the fix landed, update the file).
// TOML, read strictly with toml++ (an unknown key anywhere is an error naming it and the file):
//
//   [[expect]]
//   tests = "rawio:*TransferSize*"        # suite:gtest-filter, as in fault profiles' [selftest]
//   failure = "EIO .* 128 KiB"            # how it fails: a FailurePattern over message and detail
//   blame = "driver"                      # whose deviation: device, driver, emulator, kernel, firmware
//   reason = "F2: DMA maxTransferSize is 64 KiB; fixed in driver 2.1"
//   evidence = "..."                      # optional: what was seen (the CDB, what came back), verbatim
//   result = "fail"                       # optional; the only result there is
//   under_profiles = true                 # optional: applies under a fault profile too, because ...
//   under_profiles_reason = "..."         # ... this (required with under_profiles)
//
// Expectations describe a station's device. A run under a fault profile (--sim with a profile that
// injects faults, or --fault-profile for a simdext behind a real driver) is judged raw: only entries with
// under_profiles = true apply, so a profile's claims cannot be XFAILed away.
//
// An entry is stale when a test it names skips, is selected but not run, or when it names no test of a
// suite the run ran whole: `dextqual run` fails it as the testcase dextqual.expectations :: stale: <tests>.
//
// The one format for known failures in the project: a station's file, the QEMU guests' per-HBA files
// (fixtures/qemu/expectations/) and `dextqual judge` all read this.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/report.h"
#include "runner/failure_pattern.h"
#include "runner/run_state.h"
#include "runner/test_filter.h"

namespace dextqual::runner {

// Whose deviation a known failure is. A harness that cannot do something is never blamed: it skips.
enum class Blame { device, driver, emulator, kernel, firmware };

// What the run selected, for telling a stale entry from one whose tests were left out.
struct ExpectationScope {
  std::vector<PlannedSuite> plan;
  bool whole_suites = true;  // no --filter, --shard or --rerun-failed: each planned suite is complete
};

// An entry that no longer describes the run: which entry, and why in words.
struct StaleEntry {
  std::string tests;
  std::string why;
};

class Expectations {
 public:
  [[nodiscard]] static Result<Expectations> load(const std::filesystem::path& path);

  // The entries that hold under a fault profile (under_profiles = true); the rest are dropped.
  [[nodiscard]] Expectations under_fault_profile() const;

  // FAIL -> XFAIL when the failure matches the entry's pattern, else FAIL "failed differently from its
  // recorded expectation"; PASS -> XPASS; anything else unchanged. An XFAIL's message is
  // "expected failure (blame: B): reason"; its detail the failure text, then the recorded evidence.
  void apply(reports::TestResult& result) const;

  // The stale entries over a finished run's results.
  [[nodiscard]] std::vector<StaleEntry> stale(const std::vector<reports::TestResult>& results,
                                              const ExpectationScope& scope) const;

  // A stale entry as the failing testcase of the pseudo-suite "dextqual" the reports show.
  [[nodiscard]] reports::TestResult stale_result(const StaleEntry& entry) const;

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  struct Entry {
    std::string tests;
    std::string suite;
    TestFilter filter;
    FailurePattern failure;
    Blame blame = Blame::device;
    std::string reason;
    std::string evidence;
    bool under_profiles = false;

    [[nodiscard]] bool names(const std::string& suite_name, const std::string& test_name) const;
  };
  std::filesystem::path path_;
  std::vector<Entry> entries_;
};

[[nodiscard]] std::string to_string(Blame blame);

}  // namespace dextqual::runner
