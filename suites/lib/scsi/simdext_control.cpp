#include "scsi/simdext_control.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

#include "core/unique_fd.h"
#include "wire/control_wire.h"

namespace dextqual::scsi {

Result<nlohmann::json> simdext_request(const std::string& socket_path, const nlohmann::json& request_json) {
  const std::string what = "simdext " + request_json.value("op", std::string("request"));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof address.sun_path) {
    return fail("connect " + socket_path, "path longer than sun_path");
  }
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd || ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    return fail_errno("connect " + socket_path);
  }
  wire::Frame request;
  request.json = request_json;
  if (auto sent = wire::write_frame(fd.get(), request); !sent.ok()) {
    return fail(what, sent.error);
  }
  wire::Frame reply;
  if (auto got = wire::read_frame(fd.get(), reply); !got.ok()) {
    return fail(what, "no reply: " + got.error);
  }
  if (!reply.json.value("ok", false)) {
    return fail(what, reply.json.value("error", std::string("refused")));
  }
  return reply.json;
}

Status simdext_event(const std::string& socket_path, const std::string& event) {
  DQ_TRY(simdext_request(socket_path, {{"op", "event"}, {"event", event}}));
  return {};
}

}  // namespace dextqual::scsi
