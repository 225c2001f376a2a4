#include "process/child_process.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/asio/connect_pipe.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/writable_pipe.hpp>
#include <boost/asio/write.hpp>
// Boost 1.81's process/v2 headers name boost::optional and boost type traits unqualified without
// including them when
// BOOST_PROCESS_USE_STD_FS is defined; they have to come first.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
// clang-format off
#include <boost/process/v2/environment.hpp>  // find_executable
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/start_dir.hpp>
#include <boost/process/v2/stdio.hpp>
// clang-format on
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>

#include "process/abandoned_children.h"
#include "process/child_setup.h"

extern char** environ;  // NOLINT: POSIX

namespace dextqual::process {
namespace {

namespace asio = boost::asio;
namespace bp = boost::process::v2;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

// After the child exits, how long pipes held open by escaped descendants may keep us waiting.
constexpr auto kDrainLimit = std::chrono::seconds(2);

// Runs in the forked child before exec: own process group (so one killpg reaches every descendant
// that did not leave it), default signal state, and death with the runner.
struct ChildGroupSetup {
  pid_t parent = ::getpid();

  template <class Launcher>
  error_code on_exec_setup(Launcher& launcher, const std::filesystem::path& /*exe*/,
                           const char* const*& /*argv*/) const {
    if (::setpgid(0, 0) != 0) {
      return {errno, boost::system::system_category()};
    }
    // The runner blocks or ignores some signals for itself; exec keeps both, a child must not.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    close_descriptors_except(launcher.fd_whitelist.data(), launcher.fd_whitelist.size());
    if (set_parent_death_signal() != 0) {
      return {errno, boost::system::system_category()};
    }
    if (::getppid() != parent) {  // the runner died before the death signal was armed
      ::_exit(127);
    }
    return {};
  }
};

std::vector<std::string> child_environment(const ChildSpec& spec) {
  std::vector<std::string> env;
  const std::set<std::string> unset(spec.env_unset.begin(), spec.env_unset.end());
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::string name(text.substr(0, text.find('=')));
    if (!unset.contains(name) && !spec.env.contains(name)) {
      env.emplace_back(text);
    }
  }
  for (const auto& [name, value] : spec.env) {
    env.push_back(name + "=" + value);
  }
  return env;
}

std::filesystem::path resolve_program(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return name;
  }
  return bp::environment::find_executable(name);
}

// One run: the io_context, the pipes, the timers, and what has happened so far.
class Supervisor {
 public:
  Supervisor(const ChildSpec& spec, ChildOutcome& outcome)
      : spec_(spec),
        outcome_(outcome),
        out_(io_),
        err_(io_),
        in_(io_),
        deadline_(io_),
        grace_(io_),
        abandon_(io_),
        drain_(io_) {}

  void run() {
    if (spec_.argv.empty()) {
      outcome_.start_error = "empty command line";
      return;
    }
    const auto program = resolve_program(spec_.argv.front());
    if (program.empty()) {
      outcome_.start_error = spec_.argv.front() + ": not found in PATH";
      return;
    }
    asio::writable_pipe out_w(io_);
    asio::writable_pipe err_w(io_);
    asio::readable_pipe in_r(io_);
    error_code ec;
    asio::connect_pipe(out_, out_w, ec);
    if (!ec) asio::connect_pipe(err_, err_w, ec);
    if (!ec) asio::connect_pipe(in_r, in_, ec);
    if (ec) {
      outcome_.start_error = "pipe: " + ec.message();
      return;
    }
    const auto env = child_environment(spec_);
    const std::vector<std::string> args(spec_.argv.begin() + 1, spec_.argv.end());
    const auto cwd = spec_.cwd.empty() ? std::filesystem::current_path(ec) : spec_.cwd;

    // The launcher's own environment pointer: 1.81's process_environment initializer is not
    // header-only (its on_setup lives in the separately compiled part).
    std::vector<const char*> envp;
    for (const auto& entry : env) envp.push_back(entry.c_str());
    envp.push_back(nullptr);
    bp::default_process_launcher launcher;
    launcher.env = envp.data();

    started_ = Clock::now();
    bp::process child = launcher(io_.get_executor(), ec, program, args, bp::process_stdio{in_r, out_w, err_w},
                                 bp::process_start_dir(cwd), ChildGroupSetup{});
    // Our copies of the child's ends must go, or the pipes never reach end-of-file.
    out_w.close();
    err_w.close();
    in_r.close();
    if (ec) {
      outcome_.start_error = program.string() + ": " + ec.message();
      return;
    }
    outcome_.pid = child.id();
    group_ = child.id();

    read(out_, outcome_.out, OutputStream::out);
    read(err_, outcome_.err, OutputStream::err);
    feed_stdin();
    if (spec_.timeout.count() > 0) {
      deadline_.expires_after(spec_.timeout);
      deadline_.async_wait([this](error_code wait_ec) {
        if (!wait_ec) end_child(OutcomeKind::timed_out);
      });
    }
    // The stop callback may fire on another thread; post() hands it to ours.
    std::stop_callback on_stop(spec_.stop,
                               [this] { asio::post(io_, [this] { end_child(OutcomeKind::stopped); }); });
    child.async_wait([this, &child](error_code wait_ec, int /*portable*/) {
      if (!abandoned_) on_exit(wait_ec ? -1 : child.native_exit_code());
    });
    io_.run();
    if (abandoned_) {
      // Nobody waits for it here any more (the process object's destructor would, without bound):
      // the reaper collects it once the kernel lets it go.
      (void)child.detach();
      reap_when_it_exits(outcome_.pid);
    }
  }

 private:
  void read(asio::readable_pipe& pipe, OutputCapture& capture, OutputStream which) {
    ++open_streams_;
    auto buffer = std::make_shared<std::array<char, 65536>>();
    read_more(pipe, capture, which, buffer);
  }

  void read_more(asio::readable_pipe& pipe, OutputCapture& capture, OutputStream which,
                 std::shared_ptr<std::array<char, 65536>> buffer) {
    pipe.async_read_some(asio::buffer(*buffer),
                         [this, &pipe, &capture, which, buffer](error_code ec, std::size_t n) {
                           if (n > 0) {
                             const std::string_view chunk(buffer->data(), n);
                             capture.append(chunk);
                             if (spec_.on_output) spec_.on_output(which, chunk);
                           }
                           if (!ec) {
                             read_more(pipe, capture, which, buffer);
                           } else if (--open_streams_ == 0) {
                             drain_.cancel();
                           }
                         });
  }

  void feed_stdin() {
    if (spec_.stdin_data.empty()) {
      in_.close();
      return;
    }
    // A child that exits without reading its stdin must not kill the runner with SIGPIPE.
    static const bool sigpipe_ignored = (::signal(SIGPIPE, SIG_IGN), true);
    (void)sigpipe_ignored;
    asio::async_write(in_, asio::buffer(spec_.stdin_data), [this](error_code, std::size_t) { in_.close(); });
  }

  // Timeout or stop request: SIGTERM to the group, then SIGKILL after the grace period.
  void end_child(OutcomeKind why) {
    if (exited_ || ending_) return;
    ending_ = why;
    ::killpg(group_, SIGTERM);
    grace_.expires_after(spec_.grace);
    grace_.async_wait([this](error_code ec) {
      if (!ec && !exited_) {
        outcome_.needed_sigkill = true;
        if (spec_.kill_signal != 0) ::killpg(group_, spec_.kill_signal);
        abandon_.expires_after(spec_.abandon_after);
        abandon_.async_wait([this](error_code abandon_ec) {
          if (!abandon_ec && !exited_) abandon();
        });
      }
    });
  }

  // SIGKILL did not end it: it sleeps in the kernel (uninterruptibly, on a device that does not
  // answer). Say what the kernel shows and stop waiting; its pipes are closed with us.
  void abandon() {
    abandoned_ = true;
    outcome_.kind = OutcomeKind::abandoned;
    outcome_.abandoned_after = *ending_;
    outcome_.abandon_after = spec_.abandon_after;
    outcome_.duration = Clock::now() - started_;
    outcome_.stuck = read_process_state(outcome_.pid);
    io_.stop();
  }

  void on_exit(int status) {
    exited_ = true;
    outcome_.duration = Clock::now() - started_;
    // Descendants still in the group hold our pipes and, worse, the device: none may outlive it.
    ::killpg(group_, SIGKILL);
    deadline_.cancel();
    grace_.cancel();
    abandon_.cancel();
    classify(status);
    if (open_streams_ > 0) {
      drain_.expires_after(kDrainLimit);
      drain_.async_wait([this](error_code ec) {
        if (!ec) {  // an escaped descendant (setsid) still holds a pipe: stop waiting for it
          error_code ignored;
          out_.close(ignored);
          err_.close(ignored);
        }
      });
    }
    in_.close();
  }

  void classify(int status) {
    if (status != -1 && WIFSIGNALED(status)) {
      outcome_.signal = WTERMSIG(status);
      outcome_.core_dumped = WCOREDUMP(status);
    } else if (status != -1 && WIFEXITED(status)) {
      outcome_.exit_code = WEXITSTATUS(status);
    }
    if (ending_) {
      outcome_.kind = *ending_;
    } else if (status != -1 && WIFSIGNALED(status)) {
      outcome_.kind = OutcomeKind::signaled;
    } else if (status != -1 && WIFEXITED(status)) {
      outcome_.kind = OutcomeKind::exited;
    } else {
      outcome_.kind = OutcomeKind::failed_to_start;
      outcome_.start_error = "could not wait for pid " + std::to_string(outcome_.pid);
    }
  }

  const ChildSpec& spec_;
  ChildOutcome& outcome_;
  asio::io_context io_;
  asio::readable_pipe out_;
  asio::readable_pipe err_;
  asio::writable_pipe in_;
  asio::steady_timer deadline_;
  asio::steady_timer grace_;
  asio::steady_timer abandon_;
  asio::steady_timer drain_;
  Clock::time_point started_;
  pid_t group_ = -1;
  int open_streams_ = 0;
  bool exited_ = false;
  bool abandoned_ = false;
  std::optional<OutcomeKind> ending_;
};

std::string seconds_text(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

}  // namespace

ChildOutcome run_child(const ChildSpec& spec) {
  ChildOutcome outcome{.out = OutputCapture(spec.output_cap), .err = OutputCapture(spec.output_cap)};
  outcome.timeout = spec.timeout;
  try {
    Supervisor(spec, outcome).run();
  } catch (const std::exception& e) {  // Asio reports resource exhaustion by throwing
    outcome.kind = OutcomeKind::failed_to_start;
    outcome.start_error = e.what();
  }
  return outcome;
}

std::string ChildOutcome::describe() const {
  const std::string how_ended = signal != 0 ? " (" + signal_name(signal) + ")"
                                            : " (exited with code " + std::to_string(exit_code) + ")";
  switch (kind) {
    case OutcomeKind::exited:
      return "exited with code " + std::to_string(exit_code);
    case OutcomeKind::signaled:
      return "killed by signal " + std::to_string(signal) + " (" + signal_name(signal) +
             (core_dumped ? ", core dumped)" : ")");
    case OutcomeKind::timed_out:
      return "timed out after " + seconds_text(timeout) +
             (needed_sigkill ? " (SIGTERM ignored, then SIGKILL)" : how_ended);
    case OutcomeKind::stopped:
      return std::string("stopped by the runner") +
             (needed_sigkill ? " (SIGTERM ignored, then SIGKILL)" : how_ended);
    case OutcomeKind::abandoned:
      return (abandoned_after == OutcomeKind::stopped ? std::string("stopped by the runner")
                                                      : "timed out after " + seconds_text(timeout)) +
             " (SIGTERM, then SIGKILL after the grace period); pid " + std::to_string(pid) +
             " was still there " + seconds_text(abandon_after) +
             " after SIGKILL and was abandoned, stuck in the kernel: " + stuck.describe();
    case OutcomeKind::failed_to_start:
      return "failed to start: " + start_error;
  }
  return "unknown outcome";
}

std::string signal_name(int signal) {
  static const std::map<int, std::string> names = {
      {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
      {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},
      {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
      {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGXCPU, "SIGXCPU"},
      {SIGSYS, "SIGSYS"}};
  if (auto it = names.find(signal); it != names.end()) return it->second;
  return "signal " + std::to_string(signal);
}

std::string quote_command(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) {
    if (!line.empty()) line += ' ';
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_./=:,+@%-") == std::string::npos;
    if (plain) {
      line += arg;
      continue;
    }
    line += '\'';
    for (const char c : arg) {
      if (c == '\'') {
        line += "'\\''";
      } else {
        line += c;
      }
    }
    line += '\'';
  }
  return line;
}

}  // namespace dextqual::process
