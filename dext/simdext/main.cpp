// simdext: the simulated DEXT as a Linux block device.
//   simdext start --profile <toml> --state <DIR> [--foreground]
//   simdext stop --state <DIR>
//   simdext ctl --state <DIR> <detach|attach|eject|power-cut|restart|reset>
//   simdext status --state <DIR>
// `start` returns once the block device is ready and prints the description (simdext.json).
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "control_server.h"
#include "profile.h"
#include "simulator.h"
#include "state_dir.h"

namespace {

using namespace simdext;

constexpr int kExitUsage = 2;

// Runs the simulator in this process; `ready` is called with the description or an error.
int run_daemon(const Profile& profile, const std::string& state,
               const std::function<void(const std::string&, bool)>& ready) {
  // Signals are taken by one thread (sigwait) so that SIGTERM/SIGINT mean a clean stop.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  Simulator simulator(profile, state);
  auto started = simulator.start();
  if (!started) {
    ready(started.error(), false);
    simulator.request_stop();
    simulator.wait_and_shutdown();
    return 1;
  }
  auto server = ControlServer::listen(state + "/control.sock", simulator);
  if (!server) {
    ready(server.error(), false);
    simulator.request_stop();
    simulator.wait_and_shutdown();
    return 1;
  }
  std::thread signal_thread([&simulator, signals] {
    int received = 0;
    sigwait(&signals, &received);
    simulator.request_stop();
  });
  signal_thread.detach();
  ready(simulator.describe().dump(2), true);
  simulator.wait_and_shutdown();
  server->reset();
  return 0;
}

int start(const std::string& profile_path, const std::string& state_arg, bool foreground) {
  auto profile = load_profile(profile_path);
  if (!profile) {
    std::cerr << "simdext: " << profile.error() << "\n";
    return kExitUsage;
  }
  std::error_code ec;
  std::filesystem::create_directories(state_arg, ec);
  const std::string state = std::filesystem::canonical(state_arg, ec).string();
  if (ec) {
    std::cerr << "simdext: state directory " << state_arg << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  profile->path = std::filesystem::absolute(profile_path).string();
  if (const int pid = running_pid(state)) {
    std::cerr << "simdext: already running for " << state << " (pid " << pid << ")\n";
    return 1;
  }
  // The daemon holds DIR/simdext.lock for its whole life (the forked child inherits it). An
  // instance that is still tearing down (after a power cut) is waited for, never raced.
  const int lock_fd = ::open((state + "/simdext.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  bool locked = false;
  for (int i = 0; lock_fd >= 0 && i < 750 && !(locked = ::flock(lock_fd, LOCK_EX | LOCK_NB) == 0); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!locked) {
    std::cerr << "simdext: another simdext holds " << state << "/simdext.lock\n";
    return 1;
  }
  for (const std::string& what : recover_state(state)) {
    std::cerr << "simdext: recovered: " << what << "\n";
  }
  if (foreground) {
    return run_daemon(*profile, state, [](const std::string& text, bool ok) {
      (ok ? std::cout : std::cerr) << (ok ? "" : "simdext: ") << text << std::endl;
    });
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    std::perror("simdext: pipe");
    return 1;
  }
  const pid_t child = ::fork();
  if (child < 0) {
    std::perror("simdext: fork");
    return 1;
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    ::setsid();
    const int log = ::open((state + "/simdext.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ::dup2(null, 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    const int report = pipe_fds[1];
    const int code = run_daemon(*profile, state, [report](const std::string& text, bool ok) {
      const std::string message = (ok ? "ok\n" : "error\n") + text;
      (void)!::write(report, message.data(), message.size());
      ::close(report);
      if (!ok) {
        std::cerr << "simdext: " << text << std::endl;
      }
    });
    std::_Exit(code);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char chunk[4096];
  ssize_t n = 0;
  while ((n = ::read(pipe_fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) {
      message.append(chunk, static_cast<size_t>(n));
    }
  }
  ::close(pipe_fds[0]);
  if (message.rfind("ok\n", 0) == 0) {
    std::cout << message.substr(3) << std::endl;
    return 0;
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  std::cerr << "simdext: start failed: "
            << (message.size() > 6 ? message.substr(6) : std::string("the daemon died (see simdext.log)"))
            << "\n";
  return 1;
}

int stop(const std::string& state) {
  const int pid = running_pid(state);
  if (pid != 0) {
    (void)control_request(state, {{"op", "stop"}});
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (process_alive(pid) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (process_alive(pid) && std::chrono::steady_clock::now() > deadline - std::chrono::seconds(25)) {
        ::kill(pid, SIGTERM);  // the socket did not answer: ask by signal
      }
    }
    if (process_alive(pid)) {
      std::cerr << "simdext: pid " << pid << " did not stop; killing it\n";
      ::kill(pid, SIGKILL);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  for (const std::string& what : recover_state(state)) {
    std::cerr << "simdext: recovered: " << what << "\n";
  }
  if (auto d = read_description(state); d && d->value("pid", 0) != 0) {
    (*d)["pid"] = 0;
    (*d)["running"] = false;
    (*d)["attached"] = false;
    (*d)["block_device"] = "";
    write_json_atomically(state + "/simdext.json", *d);
  }
  return 0;
}

int ctl(const std::string& state, const std::string& event) {
  if (running_pid(state) == 0) {
    if (event == "restart") {
      // After a power cut the process is gone: a restart boots a new one from the media.
      auto d = read_description(state);
      if (!d || !d->contains("profile")) {
        std::cerr << "simdext: no simdext.json in " << state << " to restart from\n";
        return 1;
      }
      return start((*d)["profile"].get<std::string>(), state, false);
    }
    std::cerr << "simdext: not running for " << state << "\n";
    return 1;
  }
  const int pid = running_pid(state);
  auto reply = control_request(state, {{"op", "event"}, {"event", event}});
  if (!reply) {
    std::cerr << "simdext: " << reply.error() << "\n";
    return 1;
  }
  std::cout << reply->json.dump(2) << std::endl;
  if (event == "power-cut") {  // returns when the process has ended
    for (int i = 0; i < 1500 && process_alive(pid); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  return reply->json.value("ok", false) ? 0 : 1;
}

int status(const std::string& state) {
  if (running_pid(state) != 0) {
    auto reply = control_request(state, {{"op", "describe"}});
    if (reply) {
      std::cout << reply->json.dump(2) << std::endl;
      return 0;
    }
  }
  auto d = read_description(state);
  nlohmann::json out = d ? *d : nlohmann::json{{"schema", "simdext/1"}};
  out["running"] = false;
  std::cout << out.dump(2) << std::endl;
  return 1;
}

// The DUT LU's serial and WWN as the profile (with its base) gives them or simdext derives them: what a
// host that puts simdext behind something else (QEMU's scsi-hd, ci/qemu-qualify.sh) must present.
int identity(const std::string& profile_path) {
  auto profile = load_profile(profile_path);
  if (!profile) {
    std::cerr << "simdext: " << profile.error() << "\n";
    return 2;
  }
  const LuConfig* lu = profile->find_lu(profile->dut_target, profile->dut_lun);
  if (lu == nullptr) {
    std::cerr << "simdext: " << profile_path << ": no DUT LU at target " << profile->dut_target << " LUN "
              << profile->dut_lun << "\n";
    return 2;
  }
  std::cout << lu->identity.serial << " " << lu->identity.wwn << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"simdext: a simulated SCSI-controller DEXT as a Linux block device"};
  app.require_subcommand(1);
  std::string profile, state, event;
  bool foreground = false;
  auto* start_cmd = app.add_subcommand("start", "start simdext; returns when the block device is ready");
  start_cmd->add_option("--profile", profile, "fault profile (TOML, fixtures/faults/)")->required();
  start_cmd->add_option("--state", state, "state directory (media, socket, simdext.json)")->required();
  start_cmd->add_flag("--foreground", foreground, "do not daemonize");
  auto* stop_cmd = app.add_subcommand("stop", "stop simdext (flush, detach, unmount); recovers a dead one");
  stop_cmd->add_option("--state", state)->required();
  auto* ctl_cmd = app.add_subcommand("ctl", "send a lifecycle event");
  ctl_cmd->add_option("--state", state)->required();
  ctl_cmd->add_option("event", event, "detach, attach, eject, power-cut, restart, reset")
      ->required()
      ->check(CLI::IsMember({"detach", "attach", "eject", "power-cut", "restart", "reset"}));
  auto* status_cmd = app.add_subcommand("status", "print the description; exit 1 when not running");
  status_cmd->add_option("--state", state)->required();
  auto* identity_cmd = app.add_subcommand("identity", "print the DUT LU's serial and WWN (\"SERIAL WWN\")");
  identity_cmd->add_option("--profile", profile, "fault profile (TOML)")->required();
  CLI11_PARSE(app, argc, argv);
  if (*identity_cmd) {
    return identity(profile);
  }
  if (*start_cmd) {
    return start(profile, state, foreground);
  }
  const std::string canonical = std::filesystem::weakly_canonical(state).string();
  if (*stop_cmd) {
    return stop(canonical);
  }
  if (*ctl_cmd) {
    return ctl(canonical, event);
  }
  return status(canonical);
}
