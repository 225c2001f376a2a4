#include "profile_base.h"

#include <filesystem>
#include <vector>

namespace simdext {
namespace {

using Error = std::unexpected<std::string>;
constexpr size_t kMaxChain = 8;

// Everything of `over` wins; tables present in both are merged recursively.
void merge_into(toml::table& under, const toml::table& over) {
  for (const auto& [key, value] : over) {
    toml::node* existing = under.get(key);
    if (existing != nullptr && existing->is_table() && value.is_table()) {
      merge_into(*existing->as_table(), *value.as_table());
    } else {
      under.insert_or_assign(key, value);
    }
  }
}

std::expected<toml::table, std::string> resolve(toml::table profile, const std::filesystem::path& path,
                                                std::vector<std::filesystem::path>& chain) {
  const toml::node* base_node = profile.get("base");
  if (base_node == nullptr) return profile;
  const auto base_name = base_node->value<std::string>();
  if (!base_name || base_name->empty()) return Error(path.string() + ": base: expected a file name");
  const auto base_path = (path.parent_path() / *base_name).lexically_normal();
  for (const auto& seen : chain) {
    if (seen == base_path) return Error(path.string() + ": base: " + *base_name + " is part of a cycle");
  }
  if (chain.size() >= kMaxChain) return Error(path.string() + ": base: chain longer than 8 profiles");
  chain.push_back(base_path);
  toml::table base;
  try {
    base = toml::parse_file(base_path.string());
  } catch (const toml::parse_error& e) {
    return Error(path.string() + ": base " + base_path.string() + ": " + std::string(e.description()));
  }
  auto resolved_base = resolve(std::move(base), base_path, chain);
  if (!resolved_base) return resolved_base;
  resolved_base->erase("profile");
  resolved_base->erase("selftest");
  profile.erase("base");
  merge_into(*resolved_base, profile);
  return resolved_base;
}

}  // namespace

std::expected<toml::table, std::string> resolve_base(toml::table profile, const std::string& path) {
  std::vector<std::filesystem::path> chain{std::filesystem::path(path).lexically_normal()};
  return resolve(std::move(profile), path, chain);
}

}  // namespace simdext
