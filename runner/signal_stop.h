// SIGINT, SIGTERM and SIGHUP become a stop request instead of killing the runner outright: the
// children get SIGTERM (then SIGKILL) through their stop tokens, the running test is recorded as
// aborted, the reports are written and simdext is stopped. A second signal is not needed and does
// nothing more; SIGKILL cannot be caught, which is what the journal is for. SIGPIPE (the console was
// closed: `dextqual run | head`) is a stop request too, reported as SIGPIPE.
#pragma once

#include <atomic>
#include <stop_token>

namespace dextqual::runner {

class SignalStop {
 public:
  // Blocks the signals in this thread (and so in threads created later) and starts the waiter.
  SignalStop();
  ~SignalStop();
  SignalStop(const SignalStop&) = delete;
  SignalStop& operator=(const SignalStop&) = delete;

  [[nodiscard]] std::stop_token token() const { return source_.get_token(); }
  // The signal that asked to stop, or 0.
  [[nodiscard]] int signal() const { return signal_; }

 private:
  std::stop_source source_;
  std::atomic<int> signal_ = 0;
  struct Waiter;
  Waiter* waiter_ = nullptr;
};

}  // namespace dextqual::runner
