#include "control_server.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "wire/control_wire.h"

namespace simdext {

std::expected<std::unique_ptr<ControlServer>, std::string> ControlServer::listen(const std::string& path,
                                                                                 Simulator& simulator) {
  sockaddr_un address{};
  if (path.size() >= sizeof(address.sun_path)) {
    return std::unexpected("control socket path too long: " + path);
  }
  std::unique_ptr<ControlServer> server(new ControlServer(path, simulator));
  server->listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (server->listen_fd_ < 0) {
    return std::unexpected(std::string("socket: ") + std::strerror(errno));
  }
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  ::unlink(path.c_str());
  const mode_t old_mask = ::umask(0077);  // owner-only from the moment it exists
  const int bound = ::bind(server->listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::umask(old_mask);
  if (bound != 0) {
    return std::unexpected("bind " + path + ": " + std::strerror(errno));
  }
  ::chmod(path.c_str(), 0600);
  if (::listen(server->listen_fd_, 16) != 0) {
    return std::unexpected(std::string("listen: ") + std::strerror(errno));
  }
  server->acceptor_ = std::thread([s = server.get()] { s->accept_loop(); });
  return server;
}

ControlServer::~ControlServer() {
  stopping_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  if (acceptor_.joinable()) {
    acceptor_.join();
  }
  ::close(listen_fd_);
  {
    std::lock_guard lock(clients_mutex_);
    for (int fd : client_fds_) {
      ::shutdown(fd, SHUT_RDWR);
    }
  }
  for (auto& t : clients_) {
    t.join();
  }
  ::unlink(path_.c_str());
}

void ControlServer::accept_loop() {
  while (!stopping_) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) {
        continue;
      }
      return;
    }
    std::lock_guard lock(clients_mutex_);
    client_fds_.push_back(fd);
    clients_.emplace_back([this, fd] { serve(fd); });
  }
}

void ControlServer::serve(int fd) {
  using dextqual::wire::Frame;
  while (!stopping_) {
    Frame request;
    if (!dextqual::wire::read_frame(fd, request).ok()) {
      break;
    }
    Frame reply;
    const std::string op = request.json.value("op", std::string());
    try {
      if (op == "scsi") {
        reply.json = simulator_.scsi(request.json, request.payload, reply.payload);
      } else if (op == "trace") {
        reply.json = simulator_.trace_since(request.json.value("since", uint64_t{0}));
      } else if (op == "histogram") {
        reply.json = simulator_.histogram();
      } else if (op == "mark") {
        reply.json = {{"ok", true}, {"mark", simulator_.mark()}};
      } else if (op == "event") {
        reply.json = simulator_.event(request.json.value("event", std::string()));
      } else if (op == "describe") {
        reply.json = simulator_.describe();
      } else if (op == "faults") {
        reply.json = simulator_.fault_log();
      } else if (op == "stop") {
        simulator_.request_stop();
        reply.json = {{"ok", true}};
      } else {
        reply.json = {{"ok", false}, {"error", "unknown op '" + op + "'"}};
      }
    } catch (const std::exception& e) {
      reply.json = {{"ok", false}, {"error", std::string("bad request: ") + e.what()}};
    }
    if (!dextqual::wire::write_frame(fd, reply).ok()) {
      break;
    }
  }
  std::lock_guard lock(clients_mutex_);
  client_fds_.erase(std::remove(client_fds_.begin(), client_fds_.end(), fd), client_fds_.end());
  ::close(fd);
}

}  // namespace simdext
