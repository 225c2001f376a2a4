// A scripted transport for unit tests of the initiator and of suite checks: a callback plays the
// device, writing data-in and answering with a TransportReply, and every request is recorded.
#pragma once

#include <functional>
#include <vector>

#include "scsi/transport.h"

namespace dextqual::scsi {

class FakeTransport final : public Transport {
 public:
  using Device = std::function<TransportReply(const Request&)>;
  explicit FakeTransport(Device device, bool exact_data_in = true) : device_(std::move(device)) {
    traits_.name = "fake";
    traits_.exact_data_in = exact_data_in;
  }
  const TransportTraits& traits() const override { return traits_; }
  Result<TransportReply> execute(const Request& request) override {
    cdbs.push_back(request.cdb);
    return device_(request);
  }
  std::vector<Cdb> cdbs;

 private:
  Device device_;
  TransportTraits traits_;
};

// A reply of CHECK CONDITION with fixed-format sense key/ASC/ASCQ (SPC-4 4.5.3).
inline TransportReply check_condition_reply(uint8_t key, uint8_t asc, uint8_t ascq, int64_t residual = 0) {
  TransportReply reply;
  reply.status = 0x02;
  reply.residual = residual;
  reply.sense = std::vector<uint8_t>(18, 0);
  reply.sense[0] = 0x70;
  reply.sense[2] = key;
  reply.sense[7] = 10;
  reply.sense[12] = asc;
  reply.sense[13] = ascq;
  return reply;
}

}  // namespace dextqual::scsi
