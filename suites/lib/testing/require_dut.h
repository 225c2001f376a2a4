// The one way a suite test declares what it needs (STYLE.md §4, issue 13 §4): REQUIRE_DUT(name) or
// REQUIRE_DUT(name(arguments)) names a predicate in dextqual::testing::requirement. A predicate answers
// met, unmet with the reason (the test skips: "requires <name>: <reason>") or an error (it could not
// tell: the test fails, since a skip there would hide a broken DUT or station behind a green run).
// The skip text and the "requires.<name>" = "met" property are what the runner's coverage gate reads
// back (contract/capabilities.h), so they are spelled in one place: check_requirement().
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace dextqual::testing {

class RequirementAnswer {
 public:
  enum class Kind { met, unmet, error };

  [[nodiscard]] static RequirementAnswer met() { return {Kind::met, {}}; }
  [[nodiscard]] static RequirementAnswer unmet(std::string reason) {
    return {Kind::unmet, std::move(reason)};
  }
  [[nodiscard]] static RequirementAnswer error(std::string message) {
    return {Kind::error, std::move(message)};
  }
  // The plain predicates' spelling: nullopt is met, a reason is unmet.
  RequirementAnswer(std::optional<std::string> unmet_reason)  // NOLINT(google-explicit-constructor)
      : kind_(unmet_reason ? Kind::unmet : Kind::met), text_(unmet_reason.value_or("")) {}

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_met() const { return kind_ == Kind::met; }
  // The reason (unmet) or the error message; empty when met.
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  RequirementAnswer(Kind kind, std::string text) : kind_(kind), text_(std::move(text)) {}
  Kind kind_;
  std::string text_;
};

}  // namespace dextqual::testing

namespace dextqual::testing::detail {

// REQUIRE_DUT takes a bare predicate name (`raw_node`) or a call (`capacity_at_least(n)`); these
// overloads make both spellings yield the predicate's answer.
template <class Predicate>
requires std::is_invocable_v<Predicate> RequirementAnswer answer_of(Predicate&& predicate) {
  return RequirementAnswer(std::forward<Predicate>(predicate)());
}
inline RequirementAnswer answer_of(RequirementAnswer answer) { return answer; }
inline RequirementAnswer answer_of(std::optional<std::string> unmet_reason) {
  return RequirementAnswer(std::move(unmet_reason));
}

// What REQUIRE_DUT does with an answer. `expression` is how the macro spelled the requirement
// ("capacity_at_least(n)"); its name is contract::requirement_name_of(expression).
struct RequirementOutcome {
  enum class Action { run, skip, fail };
  Action action = Action::run;
  // skip: "requires <name>: <reason>"; fail: "requirement <name> could not be checked: ...".
  std::string text;
};

// Unmet: the skip text. Error: the failure text. Met: records the test property "requires.<name>" =
// "met" on the running test (when there is one) and answers run.
[[nodiscard]] RequirementOutcome check_requirement(std::string_view expression,
                                                   const RequirementAnswer& answer);

}  // namespace dextqual::testing::detail

// REQUIRE_DUT(raw_node), REQUIRE_DUT(capacity_at_least(1 << 30)): skips the test with the reason when
// unmet, fails it when the predicate could not tell. Returns from the enclosing void function (a TEST
// body, SetUp) like GTEST_SKIP and FAIL.
#define REQUIRE_DUT(requirement_expr)                                                                \
  do {                                                                                               \
    const auto dq_outcome = ::dextqual::testing::detail::check_requirement(                          \
        #requirement_expr,                                                                           \
        ::dextqual::testing::detail::answer_of(::dextqual::testing::requirement::requirement_expr)); \
    if (dq_outcome.action == ::dextqual::testing::detail::RequirementOutcome::Action::skip) {        \
      GTEST_SKIP() << dq_outcome.text;                                                               \
    }                                                                                                \
    if (dq_outcome.action == ::dextqual::testing::detail::RequirementOutcome::Action::fail) {        \
      FAIL() << dq_outcome.text;                                                                     \
    }                                                                                                \
  } while (false)
