#include "runner/dext_check.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "macos/dext_state.h"

namespace dextqual::runner {

SystemExtensionsLister system_extensions_lister() {
  const char* replay = std::getenv(kSystemExtensionsReplayVariable);
  if (replay == nullptr || *replay == '\0') return platform_system_extensions_lister();
  return [file = std::string(replay)]() -> Result<std::string> {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail_errno(std::string("read ") + kSystemExtensionsReplayVariable + "=" + file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
}

CommandResult<PropertyMap> check_dext_under_test(const std::string& bundle_id,
                                                 const SystemExtensionsLister& lister) {
  if (bundle_id.empty()) return PropertyMap{};
  auto listing = lister();
  if (!listing) {
    return usage_error("cannot check the DEXT under test, " + bundle_id +
                       " ([dext] bundle_id, --dext): " + listing.error().message());
  }
  const auto state = macos::decide_dext_state(macos::parse_system_extensions(*listing), bundle_id);
  if (!state.ready()) return usage_error(state.message);
  return macos::dext_properties(state);
}

}  // namespace dextqual::runner
