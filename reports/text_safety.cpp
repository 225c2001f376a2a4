#include "reports/text_safety.h"

#include <cstdint>
#include <cstdio>

namespace dextqual::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at the start of `bytes`, or 0 when it is not one.
std::size_t valid_sequence_length(std::string_view bytes, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(bytes[i]); };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (bytes.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

bool xml_allowed(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

template <class OnCharacter>
void for_each_character(std::string_view bytes, OnCharacter on_character) {
  while (!bytes.empty()) {
    char32_t code_point = 0;
    const std::size_t length = valid_sequence_length(bytes, code_point);
    if (length == 0) {
      on_character(std::string_view{}, 0xFFFD);
      bytes.remove_prefix(1);
    } else {
      on_character(bytes.substr(0, length), code_point);
      bytes.remove_prefix(length);
    }
  }
}

// Moves `at` back to the start of the UTF-8 character it points into.
std::size_t character_boundary(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<std::uint8_t>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string repair_utf8(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for_each_character(
      bytes, [&](std::string_view encoded, char32_t) { text += encoded.empty() ? kReplacement : encoded; });
  return text;
}

std::string xml_safe(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for_each_character(bytes, [&](std::string_view encoded, char32_t c) {
    if (encoded.empty()) {
      text += kReplacement;
    } else if (xml_allowed(c)) {
      text += encoded;
    } else {
      char visible[16];
      std::snprintf(visible, sizeof visible, c < 0x100 ? "\\x%02X" : "\\u%04X", static_cast<unsigned>(c));
      text += visible;
    }
  });
  return text;
}

std::string head_and_tail(std::string_view text, std::size_t limit, std::string_view full_log) {
  if (text.size() <= limit) return std::string(text);
  const std::size_t head_end = character_boundary(text, limit / 2);
  const std::size_t tail_start = character_boundary(text, text.size() - limit / 2);
  std::string result(text.substr(0, head_end));
  result += "\n[... " + std::to_string(tail_start - head_end) + " bytes left out";
  if (!full_log.empty()) {
    result += "; the whole log is ";
    result += full_log;
  }
  result += " ...]\n";
  result += text.substr(tail_start);
  return result;
}

std::string first_line(std::string_view text, std::size_t limit) {
  const auto start = text.find_first_not_of("\r\n \t");
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  auto line = text.substr(0, text.find_first_of("\r\n"));
  if (line.size() > limit) {
    return std::string(line.substr(0, character_boundary(line, limit - 3))) + "...";
  }
  return std::string(line);
}

}  // namespace dextqual::reports
