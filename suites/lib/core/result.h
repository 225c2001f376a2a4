// Errors as values. Every fallible operation in suites/lib returns Result<T>: the value, or an Error
// that says what was attempted, the errno when the OS said no, and context a driver engineer can act
// on. Exceptions do not cross module boundaries (STYLE.md §5).
#pragma once

#include <cerrno>
#include <expected>
#include <string>
#include <utility>

namespace dextqual {

struct Error {
  std::string operation;  // what was attempted, e.g. "open /dev/loop3"
  std::string detail;     // why it failed, in words
  int errno_value = 0;    // 0 when the failure did not come from the OS

  // One line: "open /dev/loop3: No such file or directory (errno 2): detail".
  [[nodiscard]] std::string message() const;
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> spelled for readability at call sites.
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(std::string operation, std::string detail = {}) {
  return std::unexpected(Error{std::move(operation), std::move(detail), 0});
}

// Captures errno at the call; pass it explicitly when something may have clobbered it.
[[nodiscard]] inline std::unexpected<Error> fail_errno(std::string operation, int err = errno,
                                                       std::string detail = {}) {
  return std::unexpected(Error{std::move(operation), std::move(detail), err});
}

}  // namespace dextqual

#define DQ_CONCAT_INNER(a, b) a##b
#define DQ_CONCAT(a, b) DQ_CONCAT_INNER(a, b)

// Propagates an error from a Result/Status-returning expression; the value, if any, is dropped.
#define DQ_TRY(expr)                                            \
  do {                                                          \
    auto&& dq_try_result = (expr);                              \
    if (!dq_try_result) {                                       \
      return std::unexpected(std::move(dq_try_result).error()); \
    }                                                           \
  } while (false)

// Declares `lhs` from the value of a Result-returning expression, or propagates its error.
#define DQ_TRY_ASSIGN(lhs, expr)                                             \
  auto DQ_CONCAT(dq_try_, __LINE__) = (expr);                                \
  if (!DQ_CONCAT(dq_try_, __LINE__)) {                                       \
    return std::unexpected(std::move(DQ_CONCAT(dq_try_, __LINE__)).error()); \
  }                                                                          \
  lhs = std::move(*DQ_CONCAT(dq_try_, __LINE__))
