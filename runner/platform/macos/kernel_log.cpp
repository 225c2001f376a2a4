// macOS: not watched yet. The source would be `log stream` filtered to the DEXT's subsystem and
// IOStorageFamily; until then the run property says that recovered errors are not seen.
#include "runner/kernel_log.h"

namespace dextqual::runner {
namespace {

class Unwatched final : public KernelLog {
 public:
  std::string take() override { return {}; }
  [[nodiscard]] std::string status() const override {
    return "not watched on macOS yet (log stream): errors the DEXT or IOStorageFamily recovered from are not "
           "reported";
  }
};

}  // namespace

std::unique_ptr<KernelLog> open_kernel_log() { return std::make_unique<Unwatched>(); }

}  // namespace dextqual::runner
