// The per-DUT expectations file: which tests are known to fail on this device, and why. A known
// failure is XFAIL (not a failure of the run); a test it names that passes is XPASS (a failure: the
// file is stale, or the fix landed and the file should say so). TOML, read with toml++:
//
//   [[expect]]
//   tests = "rawio:*TransferSize*"       # suite:gtest-filter, as in fault profiles' [selftest]
//   result = "fail"
//   reason = "F2: DMA maxTransferSize is 64 KiB; fixed in driver 2.1"
//   evidence = "..."                      # optional: what was seen (the CDB, what came back), verbatim
//
// The one format for known failures in the project: a station's file, the QEMU guests' per-HBA files
// (fixtures/qemu/expectations/) and `dextqual judge` all read this.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/report.h"
#include "runner/test_filter.h"

namespace dextqual::runner {

class Expectations {
 public:
  [[nodiscard]] static Result<Expectations> load(const std::filesystem::path& path);

  // FAIL -> XFAIL and PASS -> XPASS for the tests the file names; anything else unchanged.
  // An XFAIL's detail starts with the entry's evidence.
  void apply(reports::TestResult& result) const;

  // The `tests` of every entry that names none of these results: a stale entry.
  [[nodiscard]] std::vector<std::string> entries_matching_none(
      const std::vector<reports::TestResult>& results) const;

  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string tests;
    std::string suite;
    TestFilter filter;
    std::string reason;
    std::string evidence;

    [[nodiscard]] bool names(const reports::TestResult& result) const;
  };
  std::vector<Entry> entries_;
};

}  // namespace dextqual::runner
