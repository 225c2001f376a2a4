// Text from a suite binary is bytes: a test that prints a sector dump can emit invalid UTF-8 and
// control characters, which make a JUnit file unreadable to every consumer (JUNIT.md §1: C0 controls
// are illegal in XML 1.0 even as character references). These functions turn any bytes into text that
// every rendering can carry, visibly (a replaced byte is shown, not silently dropped).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dextqual::reports {

// Replaces every invalid UTF-8 sequence (stray continuation bytes, overlong forms, surrogates,
// code points above U+10FFFF, truncated sequences) with U+FFFD.
[[nodiscard]] std::string repair_utf8(std::string_view bytes);

// repair_utf8, then every character XML 1.0 forbids (C0 controls other than TAB, LF, CR; U+FFFE,
// U+FFFF) written visibly as "\xNN" / "\uFFFE". The result is legal in any XML text or attribute.
[[nodiscard]] std::string xml_safe(std::string_view bytes);

// At most about `limit` bytes: the first and last halves with a marker line saying how much was left
// out and where the whole text is (`full_log`, when not empty). Never splits a UTF-8 character.
[[nodiscard]] std::string head_and_tail(std::string_view text, std::size_t limit,
                                        std::string_view full_log = {});

// The first line, at most `limit` bytes, for one-line messages (attributes, console).
[[nodiscard]] std::string first_line(std::string_view text, std::size_t limit = 200);

}  // namespace dextqual::reports
