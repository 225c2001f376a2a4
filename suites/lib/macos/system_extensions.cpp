#include "macos/system_extensions.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace dextqual::macos {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  for (auto part : split(text, ' ')) {
    for (auto piece : split(part, '\t')) {
      if (!trimmed(piece).empty()) out.push_back(trimmed(piece));
    }
  }
  return out;
}

// "N extension(s)".
std::optional<int> declared_count(std::string_view line) {
  constexpr std::string_view kSuffix = " extension(s)";
  if (!line.ends_with(kSuffix)) return std::nullopt;
  const auto digits = line.substr(0, line.size() - kSuffix.size());
  int count = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return count;
}

// The quoted path of "(Go to 'System Settings > … > Driver Extensions' to modify …)".
std::string settings_path(std::string_view text) {
  const auto open = text.find("Go to '");
  if (open == std::string_view::npos) return {};
  const auto start = open + 7;
  const auto close = text.find('\'', start);
  return close == std::string_view::npos ? std::string() : std::string(text.substr(start, close - start));
}

// The bundle id and its "(version)": the first token directly followed by " (…)" without blanks
// inside. Names may hold parentheses too ("Split Tunneling (experimental)"), but they come after it.
struct BundleSpan {
  std::size_t token_start = 0;
  std::size_t close = 0;
  std::string_view bundle_id;
  std::string_view version;
};

std::optional<BundleSpan> find_bundle(std::string_view columns) {
  for (auto open = columns.find(" ("); open != std::string_view::npos; open = columns.find(" (", open + 1)) {
    const auto close = columns.find(')', open + 2);
    if (close == std::string_view::npos) return std::nullopt;
    const auto version = columns.substr(open + 2, close - open - 2);
    std::size_t token_start = open;
    while (token_start > 0 && !is_blank(columns[token_start - 1])) --token_start;
    const bool blank_inside = std::any_of(version.begin(), version.end(), is_blank);
    if (token_start == open || version.empty() || blank_inside) continue;
    return BundleSpan{token_start, close, columns.substr(token_start, open - token_start), version};
  }
  return std::nullopt;
}

// The enabled, active and team id columns. Tab-separated as printed: exact positions. Otherwise the
// last word is the team id and the words before it are `*` marks; a single mark is the active one when
// the row starts with a blank (the empty enabled column lost its tab), else the enabled one.
bool read_marks(std::string_view head, SystemExtension& entry) {
  if (head.find('\t') != std::string_view::npos) {
    auto columns = split(head, '\t');
    if (!columns.empty() && trimmed(columns.back()).empty()) columns.pop_back();
    if (columns.size() == 3 && !trimmed(columns[2]).empty()) {
      entry.enabled = trimmed(columns[0]) == "*";
      entry.active = trimmed(columns[1]) == "*";
      entry.team_id = std::string(trimmed(columns[2]));
      return true;
    }
  }
  auto tokens = words(head);
  if (tokens.empty() || tokens.size() > 3) return false;
  entry.team_id = std::string(tokens.back());
  tokens.pop_back();
  if (std::any_of(tokens.begin(), tokens.end(), [](std::string_view t) { return t != "*"; })) return false;
  if (tokens.size() == 2) {
    entry.enabled = entry.active = true;
  } else if (tokens.size() == 1) {
    (is_blank(head.front()) ? entry.active : entry.enabled) = true;
  }
  return true;
}

std::optional<SystemExtension> read_row(std::string_view line) {
  const auto text = trimmed(line);
  const auto open = text.rfind('[');
  if (!text.ends_with(']') || open == std::string_view::npos) return std::nullopt;
  SystemExtension entry;
  entry.state = std::string(trimmed(text.substr(open + 1, text.size() - open - 2)));
  // Everything before "[state]", with the row's leading blanks: they say which mark column is empty.
  const auto row_columns = line.substr(0, static_cast<std::size_t>(text.data() - line.data()) + open);
  const auto bundle = find_bundle(row_columns);
  if (!bundle || entry.state.empty()) return std::nullopt;
  if (!read_marks(row_columns.substr(0, bundle->token_start), entry)) return std::nullopt;
  entry.bundle_id = std::string(bundle->bundle_id);
  entry.version = std::string(bundle->version);
  entry.name = std::string(trimmed(row_columns.substr(bundle->close + 1)));
  return entry;
}

}  // namespace

SystemExtensionList parse_system_extensions(std::string_view output) {
  SystemExtensionList list;
  std::string category;
  int number = 0;
  for (auto raw : split(output, '\n')) {
    ++number;
    const auto line = trimmed(raw);
    if (line.empty() || line.starts_with("Category:")) continue;
    if (auto count = declared_count(line)) {
      list.declared_count = count;
    } else if (line.starts_with("---")) {
      // "--- CATEGORY (Go to '…' …)"; a pasted copy may carry the "(Go to …)" on a "---" line of its own.
      const auto rest = trimmed(line.substr(3));
      if (!rest.empty() && rest.front() != '(') {
        category = std::string(rest.substr(0, std::min(rest.find_first_of(" \t("), rest.size())));
      }
      if (auto path = settings_path(rest); !path.empty()) list.settings_paths.emplace_back(category, path);
    } else if (line.starts_with("enabled") && line.ends_with("[state]")) {
      continue;  // the column header, repeated under each section
    } else if (auto entry = read_row(raw)) {
      entry->category = category;
      entry->line = number;
      list.extensions.push_back(std::move(*entry));
    } else {
      list.unread_lines.emplace_back(line);
    }
  }
  return list;
}

std::string settings_path_for(const SystemExtensionList& list, std::string_view category) {
  for (const auto& [name, path] : list.settings_paths) {
    if (name == category) return path;
  }
  return {};
}

}  // namespace dextqual::macos
