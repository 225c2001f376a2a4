// The initiator a suite test talks to: one transport, the DUT's address, and three ways to run a
// command (no data, data-in into a poisoned buffer, data-out). Every call returns the full
// Completion; only a transport that could not submit at all is an Error.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/result.h"
#include "scsi/completion.h"
#include "scsi/transport.h"

namespace dextqual::scsi {

class Initiator {
 public:
  Initiator(std::shared_ptr<Transport> transport, Address address);

  [[nodiscard]] const Address& address() const { return address_; }
  [[nodiscard]] Transport& transport() { return *transport_; }
  // The same transport aimed at another I_T_L nexus (F6 enumeration, absent LUNs).
  [[nodiscard]] Initiator at(Address address) const;
  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

  [[nodiscard]] Result<Completion> run(const Cdb& cdb);
  [[nodiscard]] Result<Completion> run_in(const Cdb& cdb, uint32_t allocation);
  [[nodiscard]] Result<Completion> run_out(const Cdb& cdb, std::span<const uint8_t> data);

 private:
  [[nodiscard]] Result<Completion> finish(const Request& request, uint32_t requested);

  std::shared_ptr<Transport> transport_;
  Address address_;
  std::chrono::milliseconds timeout_{30'000};
};

}  // namespace dextqual::scsi
