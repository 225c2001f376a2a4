// What F9's `ls -al` symptom reduces to, checked on the raw readdir listing of a directory the test
// filled: `.` and `..` each exactly once, every name written comes back byte for byte, and nothing
// else appears. A byte sort puts `.`/`..` first whenever the names round-trip (every probe name sorts
// after 2Eh), so the order `ls` shows is not judged separately; a mangled name (UTF-16, a control
// character) is what put CJK names first in the field, and that is a name that did not round-trip.
#pragma once

#include <span>
#include <string>

#include "core/result.h"

namespace dextqual::lifecycle {

// Fails with every difference: a dot entry missing or repeated, a written name absent (with its
// bytes in hex), an entry nobody wrote (with its bytes in hex).
[[nodiscard]] Status check_directory_listing(std::span<const std::string> listing,
                                             std::span<const std::string> written);

}  // namespace dextqual::lifecycle
