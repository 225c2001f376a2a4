#include "testing/require_dut.h"

#include "contract/capabilities.h"

namespace dextqual::testing::detail {

RequirementOutcome check_requirement(std::string_view expression, const RequirementAnswer& answer) {
  const std::string name = contract::requirement_name_of(expression);
  switch (answer.kind()) {
    case RequirementAnswer::Kind::unmet:
      return {RequirementOutcome::Action::skip, "requires " + name + ": " + answer.text()};
    case RequirementAnswer::Kind::error:
      return {RequirementOutcome::Action::fail,
              "requirement " + name + " could not be checked: " + answer.text()};
    case RequirementAnswer::Kind::met:
      break;
  }
  if (::testing::UnitTest::GetInstance()->current_test_info() != nullptr) {
    ::testing::Test::RecordProperty(std::string(contract::kMetPropertyPrefix) + name,
                                    std::string(contract::kMetValue));
  }
  return {RequirementOutcome::Action::run, {}};
}

}  // namespace dextqual::testing::detail
