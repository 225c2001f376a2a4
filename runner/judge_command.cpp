#include "runner/judge_command.h"

#include <fstream>
#include <map>

#include "runner/exit_status.h"
#include "runner/expectations.h"
#include "runner/gtest_xml.h"
#include "runner/warn_verdict.h"

namespace dextqual::runner {
namespace {

reports::TestResult result_of(const std::string& suite, const std::string& name, const GtestXmlCase& gtest) {
  reports::TestResult result{.suite = suite, .name = name, .verdict = reports::Verdict::pass};
  result.properties = gtest.properties;
  if (gtest.failed) {
    result.verdict = reports::Verdict::fail;
    result.message = gtest.failure_text.substr(0, gtest.failure_text.find('\n'));
    result.detail = gtest.failure_text;
  } else if (gtest.skipped) {
    result.verdict = reports::Verdict::skipped;
    result.message = gtest.skip_message;
  }
  apply_warnings(result);  // passed with a *should* deviation (testing/conformance.h)
  return result;
}

}  // namespace

int judge_command(const JudgeOptions& options, std::ostream& out, std::ostream& err) {
  auto expectations = Expectations::load(options.expectations);
  if (!expectations) {
    err << "dextqual: " << expectations.error().message() << "\n";
    return kUsageError;
  }
  const auto cases = read_gtest_xml(options.results);
  if (cases.empty()) {
    out << "UNRESOLVED: no GoogleTest results in " << options.results << "\n";
    if (!options.log.empty()) out << std::ifstream(options.log).rdbuf();
    return kTestFailures;
  }
  std::vector<reports::TestResult> results;
  std::map<reports::Verdict, int> counts;
  bool failed = false;
  for (const auto& [name, gtest] : cases) {
    auto result = result_of(options.suite, name, gtest);
    expectations->apply(result);
    out << reports::label(result.verdict) << ": " << name;
    if (!result.message.empty()) out << "  (" << result.message << ")";
    out << "\n";
    if (result.verdict == reports::Verdict::fail) out << result.detail << "\n";
    failed = failed || reports::is_failure(result.verdict);
    ++counts[result.verdict];
    results.push_back(std::move(result));
  }
  // The XML lists every test the binary ran: the plan is the suite, whole.
  PlannedSuite suite{options.suite, "", {}};
  for (const auto& result : results) suite.tests.push_back(result.name);
  for (const auto& stale : expectations->stale(results, {{suite}, true})) {
    out << "UNRESOLVED: " << stale.tests << " in " << options.expectations << " is stale: " << stale.why
        << "\n";
    ++counts[reports::Verdict::unresolved];
    failed = true;
  }
  out << "judge:";
  for (const auto& [verdict, count] : counts) out << " " << count << " " << reports::label(verdict);
  out << "\n";
  return failed ? kTestFailures : kAllPassed;
}

}  // namespace dextqual::runner
