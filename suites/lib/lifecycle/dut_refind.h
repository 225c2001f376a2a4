// After an event that takes the DUT away (eject, detach, power cut, restart): bring it back, find it
// again by identity within a budget, and make the new description the one every later test and suite
// binary sees (in-process, and dut.json rewritten atomically: the loop device or /dev/diskN may have
// a new number). The time it took is returned, for F10's budget.
#pragma once

#include <chrono>
#include <optional>

#include "core/result.h"
#include "dut/dut_description.h"
#include "lifecycle/lifecycle_device.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {

// The attach budget: dut.json extra key `attach_budget_s`, 15 s by default (F10: the kernel's
// power-state budget is ~20 s; flag anything above 15 before it becomes a panic in the field).
[[nodiscard]] std::chrono::milliseconds attach_budget(const DutDescription& dut);

struct Refound {
  DutDescription dut;
  std::chrono::milliseconds elapsed{0};  // from the restoring event's start to the device being usable
};

// Brings the device back if the test ends while it is away (a failed assertion between an eject and
// its re-attach must not leave every later test without a DUT). Armed by the event, disarmed by a
// successful restore_and_find.
class ReattachOnExit {
 public:
  explicit ReattachOnExit(platform::DeviceLifecycle& lifecycle) : lifecycle_(lifecycle) {}
  ReattachOnExit(const ReattachOnExit&) = delete;
  ReattachOnExit& operator=(const ReattachOnExit&) = delete;
  ~ReattachOnExit() {
    if (armed_) {
      (void)lifecycle_.apply(platform::DeviceEvent::attach);
    }
  }
  // Applies `event` (which takes the device away) and arms the guard.
  [[nodiscard]] Status take_away(platform::DeviceEvent event) {
    armed_ = true;
    return lifecycle_.apply(event);
  }
  void back() { armed_ = false; }

 private:
  platform::DeviceLifecycle& lifecycle_;
  bool armed_ = false;
};

// Applies `restore` (attach, or nothing when nullopt: the device comes back by itself) and waits for
// the device `before` describes. When `dut_path` is not empty, rewrites that dut.json atomically.
[[nodiscard]] Result<Refound> restore_and_find(platform::DeviceLifecycle& lifecycle,
                                               const DutDescription& before,
                                               std::optional<platform::DeviceEvent> restore,
                                               std::chrono::milliseconds budget, const std::string& dut_path);

// The same for the suite's DUT: the found description becomes testing::dut() for the tests that follow,
// and the --dut file is rewritten for the suite binaries that follow.
[[nodiscard]] inline Result<Refound> restore_and_find(platform::DeviceLifecycle& lifecycle,
                                                      std::optional<platform::DeviceEvent> restore,
                                                      std::chrono::milliseconds budget) {
  DQ_TRY_ASSIGN(Refound refound,
                restore_and_find(lifecycle, testing::dut(), restore, budget, testing::dut_path()));
  testing::set_dut(refound.dut, testing::dut_path());
  return refound;
}

}  // namespace dextqual::lifecycle
