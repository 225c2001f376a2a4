#include "testing/conformance.h"

#include <iostream>
#include <map>

#include "contract/run_contract.h"
#include "testing/dut_environment.h"

namespace dextqual::testing {

std::string_view to_string(Keyword keyword) {
  switch (keyword) {
    case Keyword::shall:
      return "shall";
    case Keyword::should:
      return "should";
    case Keyword::may:
      return "may";
  }
  return "shall";
}

std::string cite(const Clause& clause) {
  return std::string(clause.standard) + " " + std::string(clause.clause) + " " +
         std::string(to_string(clause.keyword)) + ": " + std::string(clause.requirement);
}

bool strict_conformance() { return has_dut() && dut().strict; }

void judge(const Clause& clause, const ::testing::AssertionResult& check) {
  if (check) return;
  const bool fails =
      clause.keyword == Keyword::shall || (clause.keyword == Keyword::should && strict_conformance());
  if (fails) {
    ADD_FAILURE() << cite(clause) << (clause.keyword == Keyword::should ? " (--strict)" : "") << "\n"
                  << check.message();
    return;
  }
  if (clause.keyword == Keyword::may) return;  // a "may" allows either: nothing to judge
  // One line: the first line of the check's text is what was seen.
  std::string seen = check.message();
  seen = seen.substr(0, seen.find('\n'));
  // RecordProperty overwrites a key: each warning of a test gets its own number.
  static std::map<std::string, int> counts;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string key = test == nullptr ? "" : std::string(test->test_suite_name()) + "." + test->name();
  const int n = ++counts[key];
  const std::string warning = cite(clause) + "; " + seen;
  ::testing::Test::RecordProperty(std::string(contract::kWarningProperty) + std::to_string(n), warning);
  std::cout << contract::kWarningLine << warning << "\n" << check.message() << "\n";
}

void expect_kernel_io_errors(const std::string& reason) {
  ::testing::Test::RecordProperty(contract::kKernelErrorsExpectedProperty, reason);
  std::cout << contract::kKernelErrorsExpectedLine << reason << "\n";
}

}  // namespace dextqual::testing
