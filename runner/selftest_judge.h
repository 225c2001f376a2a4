// The strict selftest's decision for one profile's run (issue 13 §1): every test that did not pass
// must be explained — by a claim (its verdict and message), by the profile's collateral, or, for a
// skip, by clean.toml's allowed skips —, every claim must catch at least one test, every collateral
// entry and allowed skip must still happen (a stale one is a mismatch, so the lists follow the code),
// and every pattern must name a suite that exists and select at least one test. Pure: unit-tested on
// made-up results (selftest_judge_test.cpp).
#pragma once

#include <string>
#include <vector>

#include "reports/report.h"
#include "runner/selftest_spec.h"

namespace dextqual::runner {

struct JudgedTest {
  std::string suite;
  std::string name;  // "Suite.Test"
  reports::Verdict verdict = reports::Verdict::pass;
  std::string message;  // the short message and, after it, the full failure text (claims match either)
};

// `allowed_skips`: clean.toml's list (skips every profile may have). `suites`: the suites that ran.
[[nodiscard]] reports::SelftestRow judge_profile(const SelftestSpec& spec,
                                                 const std::vector<TestExpectation>& allowed_skips,
                                                 const std::vector<std::string>& suites,
                                                 const std::vector<JudgedTest>& results);

}  // namespace dextqual::runner
