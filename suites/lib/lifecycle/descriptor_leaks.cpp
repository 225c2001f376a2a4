#include "lifecycle/descriptor_leaks.h"

#include <thread>

namespace dextqual::lifecycle {

std::vector<std::string> new_descriptors(const OpenDescriptors& before, const OpenDescriptors& after) {
  std::vector<std::string> found;
  for (const auto& [fd, target] : after) {
    const auto was = before.find(fd);
    if (was == before.end() || was->second != target) {
      found.push_back("fd " + std::to_string(fd) + " -> " + (target.empty() ? "(unnamed)" : target));
    }
  }
  return found;
}

std::vector<std::string> leaked_descriptors(const OpenDescriptors& before,
                                            const std::function<OpenDescriptors()>& list,
                                            std::chrono::milliseconds settle) {
  constexpr auto kLookAgain = std::chrono::milliseconds(100);
  const auto deadline = std::chrono::steady_clock::now() + settle;
  auto leaked = new_descriptors(before, list());
  while (!leaked.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kLookAgain);
    leaked = new_descriptors(before, list());
  }
  return leaked;
}

}  // namespace dextqual::lifecycle
