#include "runner/signal_stop.h"

#include <signal.h>
#include <unistd.h>

#include <thread>

namespace dextqual::runner {

struct SignalStop::Waiter {
  std::jthread thread;
};

namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR2);  // our own wake-up at shutdown
  return set;
}

}  // namespace

SignalStop::SignalStop() {
  const sigset_t set = stop_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  waiter_ = new Waiter{std::jthread([this, set] {
    int received = 0;
    while (::sigwait(&set, &received) == 0) {
      if (received == SIGUSR2) return;
      signal_ = received;
      source_.request_stop();
    }
  })};
}

SignalStop::~SignalStop() {
  ::pthread_kill(waiter_->thread.native_handle(), SIGUSR2);
  delete waiter_;  // joins
}

}  // namespace dextqual::runner
