#include "scsi/simdext_transport.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/unique_fd.h"
#include "scsi/simdext_control.h"
#include "wire/control_wire.h"

namespace dextqual::scsi {
namespace {

std::string response_name(uint32_t response) {
  switch (response) {
    case service_response::kRequestInProcess:
      return "REQUEST_IN_PROCESS";
    case service_response::kServiceDeliveryOrTargetFailure:
      return "SERVICE_DELIVERY_OR_TARGET_FAILURE";
    case service_response::kTaskComplete:
      return "TASK_COMPLETE";
    default:
      return "unknown";
  }
}

const char* direction_word(Direction direction) {
  switch (direction) {
    case Direction::none:
      return "none";
    case Direction::from_device:
      return "read";
    case Direction::to_device:
      return "write";
  }
  return "none";
}

class SimdextTransport final : public Transport {
 public:
  SimdextTransport(UniqueFd fd, const std::string& path, std::vector<Address> addresses)
      : fd_(std::move(fd)), path_(path), addresses_(std::move(addresses)) {
    traits_.name = "simdext " + path;
    traits_.can_reset = true;
  }

  // simdext's "reset" event resets its whole controller: a bus reset, whatever scope was asked.
  Result<ResetScope> reset(const Address& /*address*/, ResetScope /*scope*/) override {
    DQ_TRY(simdext_event(path_, "reset"));
    return ResetScope::bus;
  }

  const TransportTraits& traits() const override { return traits_; }
  std::vector<Address> known_addresses() override { return addresses_; }

  Result<TransportReply> execute(const Request& request) override {
    wire::Frame frame;
    const size_t length =
        request.direction == Direction::from_device ? request.data_in.size() : request.data_out.size();
    frame.json = {{"op", "scsi"},
                  {"target", request.address.target},
                  {"lun", request.address.lun},
                  {"cdb", wire::to_hex(request.cdb.bytes.data(), request.cdb.size)},
                  {"direction", direction_word(request.direction)},
                  {"transfer_length", request.direction == Direction::none ? 0 : length},
                  {"timeout_ms", request.timeout.count()}};
    if (request.direction == Direction::to_device) {
      frame.payload.assign(request.data_out.begin(), request.data_out.end());
    }
    const auto start = std::chrono::steady_clock::now();
    if (auto sent = wire::write_frame(fd_.get(), frame); !sent.ok()) {
      return fail("simdext " + request.cdb.describe(), "send: " + sent.error);
    }
    wire::Frame answer;
    if (auto got = wire::read_frame(fd_.get(), answer); !got.ok()) {
      return fail("simdext " + request.cdb.describe(), got.kind == wire::IoOutcome::Kind::closed
                                                           ? "simdext closed the control socket"
                                                           : "receive: " + got.error);
    }
    TransportReply reply;
    reply.duration = std::chrono::steady_clock::now() - start;
    const nlohmann::json& json = answer.json;
    if (!json.value("ok", false)) {
      return fail("simdext " + request.cdb.describe(),
                  "refused: " + json.value("error", std::string("no reason")));
    }
    const auto response = json.value("service_response", uint32_t{0});
    const auto completion = json.value("completion_status", uint32_t{0});
    const auto transferred = json.value("bytes_transferred", int64_t{0});
    reply.transport_code = response;
    reply.status = static_cast<uint8_t>(completion);
    reply.residual = static_cast<int64_t>(length) - transferred;
    if (!wire::from_hex(json.value("sense", std::string()), reply.sense)) {
      return fail("simdext " + request.cdb.describe(), "sense is not hex");
    }
    // The payload is what was DMA'd into the host buffer from offset 0: copy no more than fits.
    if (request.direction == Direction::from_device) {
      std::copy_n(answer.payload.begin(), std::min(answer.payload.size(), request.data_in.size()),
                  request.data_in.begin());
    }
    reply.transport_status = "service_response=" + std::to_string(response) + " " + response_name(response) +
                             ", completion_status=" + std::to_string(completion) +
                             ", bytes_transferred=" + std::to_string(transferred) + ", DMA'd " +
                             std::to_string(answer.payload.size()) + " bytes";
    if (answer.payload.size() > length) {
      reply.transport_status += " (more than the " + std::to_string(length) + "-byte buffer)";
    }
    if (response != service_response::kTaskComplete) {
      // With SERVICE_DELIVERY_OR_TARGET_FAILURE the status field says why: 1 = TaskTimeout.
      reply.delivery = completion == 1 ? Delivery::timed_out : Delivery::transport_failure;
    }
    return reply;
  }

 private:
  UniqueFd fd_;
  std::string path_;
  std::vector<Address> addresses_;
  TransportTraits traits_;
};

}  // namespace

Result<std::unique_ptr<Transport>> open_simdext_transport(const std::string& socket_path,
                                                          std::vector<Address> addresses) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof address.sun_path) {
    return fail("connect " + socket_path, "path longer than sun_path");
  }
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd) {
    return fail_errno("socket AF_UNIX");
  }
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    return fail_errno("connect " + socket_path, errno, "is simdext running?");
  }
  return std::make_unique<SimdextTransport>(std::move(fd), socket_path, std::move(addresses));
}

}  // namespace dextqual::scsi
