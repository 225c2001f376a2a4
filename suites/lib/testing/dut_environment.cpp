#include "testing/dut_environment.h"

#include <unistd.h>

#include <utility>

namespace dextqual::testing {
namespace {

struct State {
  std::optional<DutDescription> dut;
  std::string path;
};

State& state() {
  static State instance;
  return instance;
}

}  // namespace

bool has_dut() { return state().dut.has_value(); }

const DutDescription& dut() {
  static const DutDescription empty;
  return state().dut ? *state().dut : empty;
}

const std::string& dut_path() { return state().path; }

void set_dut(DutDescription dut, std::string path) {
  state().dut = std::move(dut);
  state().path = std::move(path);
}

namespace requirement {

std::optional<std::string> dut_present() {
  if (!has_dut()) {
    return "no device under test (run through `dextqual run`, or pass --dut=PATH)";
  }
  return std::nullopt;
}

std::optional<std::string> scsi_passthrough() {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (dut().passthrough.kind == PassthroughKind::none) {
    return "the DUT has no SCSI pass-through transport";
  }
  return std::nullopt;
}

std::optional<std::string> data_loss_allowed() {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (!dut().allow_data_loss) {
    return "destructive test; pass --allow-data-loss=<serial or WWN of the DUT>";
  }
  return std::nullopt;
}

std::optional<std::string> simdext() {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (dut().kind != DutKind::simdext || dut().simdext_state.empty()) {
    return "needs the simulated DEXT (simdext)";
  }
  return std::nullopt;
}

std::optional<std::string> raw_node() {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (dut().raw_node.empty()) {
    return "the DUT has no raw block node";
  }
  return std::nullopt;
}

std::optional<std::string> capacity_at_least(uint64_t bytes) {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (dut().capacity_bytes() < bytes) {
    return "the DUT holds " + std::to_string(dut().capacity_bytes()) + " bytes, the test needs " +
           std::to_string(bytes);
  }
  return std::nullopt;
}

std::optional<std::string> hook(const std::string& name) {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (!dut().hooks.contains(name)) {
    return "no '" + name + "' hook in the station file";
  }
  return std::nullopt;
}

std::optional<std::string> root() {
  if (::geteuid() != 0) {
    return "needs root";
  }
  return std::nullopt;
}

std::optional<std::string> reboot_supported() {
  if (auto unmet = dut_present()) {
    return unmet;
  }
  if (dut().kind == DutKind::simdext) {
    return std::nullopt;  // the runner restarts simdext
  }
  return hook("reboot");
}

std::optional<std::string> device_offers(bool present, std::string reason) {
  return present ? std::nullopt : std::optional<std::string>(std::move(reason));
}

std::optional<std::string> driver_offers(bool present, std::string reason) {
  return present ? std::nullopt : std::optional<std::string>(std::move(reason));
}

std::optional<std::string> host_offers(bool present, std::string reason) {
  return present ? std::nullopt : std::optional<std::string>(std::move(reason));
}

std::optional<std::string> run_provides(bool present, std::string reason) {
  return present ? std::nullopt : std::optional<std::string>(std::move(reason));
}

}  // namespace requirement

}  // namespace dextqual::testing
