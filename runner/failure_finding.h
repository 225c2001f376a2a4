// A failed test's one-line message leads with the finding ("write: EIO at 1 MiB, 64 KiB works",
// "expected GOOD, got CHECK CONDITION HARDWARE ERROR 44h/00h"), never with GoogleTest's own words
// ("Value of: … Actual: false … Expected: true", "Expected equality of these values:"): those, with the
// source line, stay in the detail. Reads one GoogleTest failure block (the text after "file:line:
// Failure").
#pragma once

#include <string>
#include <string_view>

namespace dextqual::runner {

// The finding of one failure block, whitespace collapsed to single spaces; the block as it is when it
// has no GoogleTest frame around the test's own words.
[[nodiscard]] std::string failure_finding(std::string_view block);

}  // namespace dextqual::runner
