#include "runner/inspect_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "runner/exit_status.h"
#include "runner/suite_catalog.h"
#include "runner/test_filter.h"
#include "runner/test_listing.h"

namespace dextqual::runner {

int list_command(const Installation& installation, const std::vector<std::string>& suites,
                 const std::string& filter) {
  const auto available = discover_suites(installation.suites_dir);
  if (available.empty()) {
    std::cerr << "dextqual: no suite binaries in " << installation.suites_dir.string() << "\n";
    return kHarnessError;
  }
  const TestFilter test_filter(filter);
  const auto work_dir =
      std::filesystem::temp_directory_path() / ("dextqual-list-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work_dir);
  int status = kAllPassed;
  for (const auto& suite : available) {
    if (!suites.empty() && std::find(suites.begin(), suites.end(), suite.name) == suites.end()) continue;
    auto tests = list_tests(suite.path, {}, work_dir);
    if (!tests) {
      std::cout << suite.name << ": cannot be listed: " << tests.error().message() << "\n";
      status = kHarnessError;
      continue;
    }
    const auto selected = std::count_if(tests->begin(), tests->end(),
                                        [&](const auto& t) { return test_filter.matches(t.name); });
    std::cout << suite.name << " (" << selected << " tests, " << suite.path.string() << ")\n";
    for (const auto& test : *tests) {
      if (!test_filter.matches(test.name)) continue;
      std::cout << "  " << test.name << (test.disabled ? "  [disabled]" : "") << "\n";
      const auto guard = read_test_guard(test);
      if (!guard.guards.empty()) std::cout << "      guards:   " << guard.guards << "\n";
      std::string requirements;
      for (const auto& requirement : guard.requires_)
        requirements += (requirements.empty() ? "" : ", ") + requirement;
      if (!requirements.empty()) std::cout << "      requires: " << requirements << "\n";
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(work_dir, ec);
  std::cout
      << "Requirements are declared by each test (REQUIRE_DUT) and reported as SKIPPED with the reason when "
         "the DUT cannot meet them; destructive tests need --allow-data-loss.\n";
  return status;
}

int inspect_command(const DeviceRequest& request) {
  if (request.device.empty() && request.device_file.empty()) {
    std::cerr << "dextqual: inspect needs --device or --device-file\n";
    return kUsageError;
  }
  auto devices = list_block_devices();
  if (!devices) {
    std::cerr << "dextqual: " << devices.error().message() << "\n";
    return kHarnessError;
  }
  std::error_code ec;
  const auto name = std::filesystem::canonical(request.device, ec).filename().string();
  for (const auto& device : *devices) {
    if (device.name != name) continue;
    std::cout << "device:      " << device.node
              << (device.is_partition ? " (partition of /dev/" + device.disk + ")" : "")
              << "\nvendor:      " << device.identity.vendor << "\nproduct:     " << device.identity.product
              << "\nrevision:    " << device.identity.revision << "\nserial:      " << device.identity.serial
              << "\nwwn:         " << device.identity.wwn << "\nidentity by: " << device.identity_source
              << "\nsize:        " << device.size_bytes
              << " bytes\nblock size:  " << device.logical_block_size << "\n";
  }
  auto admitted = admit_device(request);
  if (!admitted) {
    std::cout << "safety gate: " << admitted.error().message() << "\n";
    return kUsageError;
  }
  std::cout << "safety gate: admitted " << admitted->raw_node << " ("
            << (admitted->allow_data_loss ? "destructive tests allowed" : "non-destructive tests only")
            << ")\n";
  return kAllPassed;
}

}  // namespace dextqual::runner
