// The control socket (<state>/control.sock, mode 0600): framed JSON requests from dext/wire, one
// thread per connection, answered by the Simulator. Vocabulary in dext/README.md.
#pragma once

#include <atomic>
#include <expected>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "simulator.h"

namespace simdext {

class ControlServer {
 public:
  [[nodiscard]] static std::expected<std::unique_ptr<ControlServer>, std::string> listen(
      const std::string& path, Simulator& simulator);
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;
  ~ControlServer();

 private:
  ControlServer(std::string path, Simulator& simulator) : path_(std::move(path)), simulator_(simulator) {}
  void accept_loop();
  void serve(int fd);

  std::string path_;
  Simulator& simulator_;
  int listen_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  std::mutex clients_mutex_;
  std::vector<int> client_fds_;
  std::vector<std::thread> clients_;
};

}  // namespace simdext
