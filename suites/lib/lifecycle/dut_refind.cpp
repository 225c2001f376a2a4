#include "lifecycle/dut_refind.h"

#include <algorithm>

namespace dextqual::lifecycle {

std::chrono::milliseconds attach_budget(const DutDescription& dut) {
  double seconds = 15.0;
  if (auto it = dut.extra.find("attach_budget_s"); it != dut.extra.end() && it->is_number()) {
    seconds = it->get<double>();
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

Result<Refound> restore_and_find(platform::DeviceLifecycle& lifecycle, const DutDescription& before,
                                 std::optional<platform::DeviceEvent> restore,
                                 std::chrono::milliseconds budget, const std::string& dut_path) {
  const auto start = std::chrono::steady_clock::now();
  if (restore) {
    DQ_TRY(lifecycle.apply(*restore));
  }
  const auto spent =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // The restoring command may itself have taken the whole budget (a slow attach, F10); still give the
  // device a moment to show up, so the report says how slow rather than "not found".
  const auto remaining = std::max(budget - spent, std::chrono::milliseconds(2000));
  DQ_TRY_ASSIGN(DutDescription found, lifecycle.find_again(before, remaining));
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  if (!dut_path.empty()) {
    DQ_TRY(save_dut(dut_path, found));
  }
  return Refound{std::move(found), elapsed};
}

}  // namespace dextqual::lifecycle
