#include "runner/signal_stop.h"

#include <signal.h>
#include <unistd.h>

#include <thread>

namespace dextqual::runner {

struct SignalStop::Waiter {
  std::jthread thread;
};

namespace {

volatile sig_atomic_t console_closed = 0;

// SIGPIPE comes to the thread that wrote to a console nobody reads any more (`dextqual run | head`,
// a CI log collector gone). It cannot be sigwait()ed from another thread, and its default would kill
// the runner with simdext still running and the reports unfinished; so it becomes what SIGTERM is,
// a stop request (kill() is async-signal-safe). A handler, not SIG_IGN: children get the default back
// at exec.
extern "C" void on_console_closed(int /*signal*/) {
  console_closed = 1;
  ::kill(::getpid(), SIGTERM);
}

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
  struct sigaction pipe_action {};
  pipe_action.sa_handler = on_console_closed;
  sigemptyset(&pipe_action.sa_mask);
  ::sigaction(SIGPIPE, &pipe_action, nullptr);
  const sigset_t set = stop_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  waiter_ = new Waiter{std::jthread([this, set] {
    int received = 0;
    while (::sigwait(&set, &received) == 0) {
      if (received == SIGUSR2) return;
      signal_ = console_closed != 0 ? SIGPIPE : received;
      source_.request_stop();
    }
  })};
}

SignalStop::~SignalStop() {
  ::pthread_kill(waiter_->thread.native_handle(), SIGUSR2);
  delete waiter_;  // joins
}

}  // namespace dextqual::runner
