#include "scsi/initiator.h"

#include <utility>

#include "scsi/poisoned_buffer.h"

namespace dextqual::scsi {

Initiator::Initiator(std::shared_ptr<Transport> transport, Address address)
    : transport_(std::move(transport)), address_(address) {}

Initiator Initiator::at(Address address) const {
  Initiator other(transport_, address);
  other.timeout_ = timeout_;
  return other;
}

Result<Completion> Initiator::finish(const Request& request, uint32_t requested) {
  DQ_TRY_ASSIGN(TransportReply reply, transport_->execute(request));
  Completion completion;
  completion.cdb = request.cdb;
  completion.address = request.address;
  completion.direction = request.direction;
  completion.transport_name = transport_->traits().name;
  completion.exact_data_in = transport_->traits().exact_data_in;
  completion.requested = requested;
  completion.reply = std::move(reply);
  return completion;
}

Result<Completion> Initiator::run(const Cdb& cdb) {
  Request request{address_, cdb, Direction::none, {}, {}, timeout_};
  return finish(request, 0);
}

Result<Completion> Initiator::run_in(const Cdb& cdb, uint32_t allocation) {
  PoisonedBuffer buffer(allocation);
  Request request{address_, cdb, Direction::from_device, buffer.writable(), {}, timeout_};
  DQ_TRY_ASSIGN(Completion completion, finish(request, allocation));
  completion.data = buffer.contents();
  completion.data_in = buffer.report();
  return completion;
}

Result<Completion> Initiator::run_out(const Cdb& cdb, std::span<const uint8_t> data) {
  Request request{address_, cdb, Direction::to_device, {}, data, timeout_};
  return finish(request, static_cast<uint32_t>(data.size()));
}

}  // namespace dextqual::scsi
