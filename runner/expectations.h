// The per-DUT expectations file: which tests are known to fail on this device, and why. A known
// failure is XFAIL (not a failure of the run); a test it names that passes is XPASS (a failure: the
// file is stale, or the fix landed and the file should say so). TOML, read with toml++:
//
//   [[expect]]
//   tests = "rawio:*TransferSize*"       # suite:gtest-filter, as in fault profiles' [selftest]
//   result = "fail"
//   reason = "F2: DMA maxTransferSize is 64 KiB; fixed in driver 2.1"
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
  void apply(reports::TestResult& result) const;

  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string suite;
    TestFilter filter;
    std::string reason;
  };
  std::vector<Entry> entries_;
};

}  // namespace dextqual::runner
