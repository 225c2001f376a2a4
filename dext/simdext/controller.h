// The simulated IOUserSCSIParallelInterfaceController: targets and logical units behind it, its
// published HBA constraints, the fault engine and the command trace. process() is
// UserProcessParallelTask plus ParallelTaskCompletion in one synchronous call; it may block
// (delay, hang) until the task's timeout or until abort_all() (reset, detach, stop).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <expected>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "command_histogram.h"
#include "config.h"
#include "fault_rules.h"
#include "logical_unit.h"
#include "task.h"
#include "trace.h"

namespace simdext {

class Controller {
 public:
  // Opens (or creates) every LU's media under `media_dir`.
  [[nodiscard]] static std::expected<std::unique_ptr<Controller>, std::string> create(
      const Profile& profile, const std::string& media_dir);

  [[nodiscard]] Response process(const Task& task);

  // Completes every hung or delayed task now (with a delivery failure) and makes new hangs fail
  // at once while `refuse_hangs` (used while detached or stopping).
  void abort_all();
  // Offline (detached, stopping): waiting tasks end now and new hangs or delays end at once.
  void set_online(bool online);
  // A bus reset: in-flight tasks are aborted, every LU reports 29h/02h.
  void reset();

  [[nodiscard]] LogicalUnit* find_lu(uint64_t target, uint64_t lun) const;
  [[nodiscard]] const Profile& profile() const { return profile_; }
  [[nodiscard]] Trace& trace() { return trace_; }
  [[nodiscard]] const CommandHistogram& histogram() const { return histogram_; }
  [[nodiscard]] FaultEngine& faults() { return faults_; }
  template <typename F>
  void for_each_lu(F&& f) const {
    for (const auto& [key, lu] : lus_) {
      f(key.first, key.second, *lu);
    }
  }

 private:
  Controller(const Profile& profile);
  // What the rules that matched one command ask for.
  struct FaultPlan {
    std::string names;
    CommandQuirks quirks;
    const FaultRule* answer = nullptr;  // ignore, check_condition, transport_error
    const FaultRule* flip = nullptr;
    const FaultRule* truncate = nullptr;  // truncate_lba: named in the log's note of the address used
    uint64_t flip_draw = 0;
    uint64_t delay_ms = 0;
    bool hang = false, stall = false, lose_dma = false, zero_dma = false;
  };
  static FaultPlan plan(const std::vector<Application>& applications);
  static std::optional<Response> answer(const FaultRule& rule, const Task& task);
  std::optional<Response> wait_out(const FaultPlan& plan, const Task& task);
  Response execute_on_lu(LogicalUnit& lu, const Task& task, const FaultPlan& plan);
  Response answer_in_controller(const Task& task, const FaultPlan& plan);
  static void damage_data_in(const Task& task, const FaultPlan& plan, Response& r);
  Response finish(const Task& task, uint64_t seq, uint64_t start_ns, Response response,
                  const std::string& fault, uint64_t lun);
  // Waits up to timeout_ms (0 = until aborted); true when aborted.
  bool wait_aborted(uint64_t timeout_ms);
  Response answer_absent_lun(const Task& task);
  Response report_luns(const Task& task);

  Profile profile_;
  std::map<std::pair<uint64_t, uint64_t>, std::unique_ptr<LogicalUnit>> lus_;
  Trace trace_;
  CommandHistogram histogram_;
  FaultEngine faults_;
  std::mutex abort_mutex_;
  std::condition_variable abort_cv_;
  uint64_t abort_generation_ = 0;
  bool offline_ = false;
  std::mutex stall_mutex_;
  std::set<uint64_t> stalled_targets_;
};

[[nodiscard]] uint64_t now_ns();

}  // namespace simdext
