#include "runner/shard.h"

#include <charconv>
#include <cstdint>
#include <optional>

namespace dextqual::runner {
namespace {

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

CommandResult<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto bad = [&] {
    return usage_error("--shard '" + std::string(text) + "': expected i/n with 1 <= i <= n, e.g. 2/4");
  };
  if (slash == std::string_view::npos) return bad();
  const auto index = number(text.substr(0, slash));
  const auto count = number(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *index < 1 || *index > *count) return bad();
  return Shard{*index, *count};
}

std::string shard_unit(std::string_view suite, std::string_view test) {
  // The fixture is everything before the test's own name; a value-parameterized test's "/N" suffix
  // is after the last dot and so stays with its test.
  const auto dot = test.find('.');
  return std::string(suite) + ":" + std::string(test.substr(0, dot));
}

int shard_of(std::string_view suite, std::string_view test, int count) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64: stable across builds and platforms
  for (const unsigned char c : shard_unit(suite, test)) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return 1 + static_cast<int>(hash % static_cast<std::uint64_t>(count));
}

bool in_shard(const Shard& shard, std::string_view suite, std::string_view test) {
  return !shard.enabled() || shard_of(suite, test, shard.count) == shard.index;
}

}  // namespace dextqual::runner
