// What kind of fault an I/O error is, read from the words it was reported with (an errno name or
// number, strerror's text, decoded sense): the one place the suites tell a medium error, a timeout and
// a write-protected device from the rest, so that no diagnosis reads them as a property of an address
// or a transfer size. Linux's block layer returns ENODATA for a medium error (BLK_STS_MEDIUM),
// ETIMEDOUT for a timed-out command; sense 3h/11h/xx is UNRECOVERED READ ERROR, 7h/27h/xx WRITE PROTECTED.
#pragma once

#include <string_view>

namespace dextqual {

enum class IoErrorCause { medium, timeout, write_protected, other };

[[nodiscard]] IoErrorCause io_error_cause(std::string_view reported);
// "medium error", "timeout", "write-protected", "I/O error".
[[nodiscard]] std::string_view to_string(IoErrorCause cause);

}  // namespace dextqual
