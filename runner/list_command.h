// `dextqual list`: the suites and their tests as the binaries list them, with what each test guards
// and requires (read from its source when it is at hand), for people (text) or for CI matrices
// (`--json`, schema "dextqual-list/1", README "dextqual list --json"). `--shard i/n` lists what that
// shard of `run` would run. Writes nothing but a temporary listing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/installation.h"
#include "runner/suite_catalog.h"
#include "runner/test_listing.h"

namespace dextqual::runner {

struct ListOptions {
  std::vector<std::string> suites;
  std::string filter;
  std::string shard;  // "i/n", as for run
  bool json = false;
};

[[nodiscard]] int list_command(const Installation& installation, const ListOptions& options);

// One suite's entry of `list --json`; `error` when it could not be listed.
struct ListedSuite {
  SuiteBinary suite;
  std::vector<ListedTest> tests;  // already filtered and sharded
  std::string error;
};
[[nodiscard]] nlohmann::json list_json(const std::vector<ListedSuite>& suites, const std::string& shard);

}  // namespace dextqual::runner
