// A finished command as a test sees it: the transport's fields (status, transport status, residual,
// sense, duration) kept apart, the data-in buffer after the command, and a report of exactly which
// bytes the device changed in a poisoned buffer (F5). `inconsistencies()` lists what no correct
// device/driver pair can produce, whatever the command: CHECK CONDITION without sense, sense with
// GOOD, sense shorter than its own ADDITIONAL SENSE LENGTH, a residual outside 0..requested, a
// transfer claimed into a buffer nobody touched, and writes past the buffer's end.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "scsi/cdb.h"
#include "scsi/sense.h"
#include "scsi/transport.h"

namespace dextqual::scsi {

namespace status {
inline constexpr uint8_t kGood = 0x00;
inline constexpr uint8_t kCheckCondition = 0x02;
inline constexpr uint8_t kConditionMet = 0x04;
inline constexpr uint8_t kBusy = 0x08;
inline constexpr uint8_t kReservationConflict = 0x18;
inline constexpr uint8_t kTaskSetFull = 0x28;
inline constexpr uint8_t kAcaActive = 0x30;
inline constexpr uint8_t kTaskAborted = 0x40;
}  // namespace status
[[nodiscard]] std::string status_name(uint8_t status);

// Which bytes of a poisoned data-in buffer the command changed (SCSI-CHECKLIST.md (c)1).
struct DataInReport {
  uint32_t requested = 0;
  uint32_t changed = 0;  // bytes that differ from the poison
  std::optional<uint32_t> first_changed;
  std::optional<uint32_t> end_changed;  // one past the last changed byte
  uint32_t guard_changed = 0;           // bytes past the buffer's end that changed: an overrun
  bool all_zero = false;                // every requested byte is zero now
};

struct Completion {
  Cdb cdb;
  Address address;
  Direction direction = Direction::none;
  std::string transport_name;
  bool exact_data_in = true;
  uint32_t requested = 0;  // data-in or data-out length of the request
  TransportReply reply;
  std::vector<uint8_t> data;  // the data-in buffer after the command (requested bytes)
  DataInReport data_in;

  [[nodiscard]] uint8_t status() const { return reply.status; }
  [[nodiscard]] bool delivered() const { return reply.delivery == Delivery::completed; }
  [[nodiscard]] bool good() const { return delivered() && reply.status == status::kGood; }
  // Bytes the transport says moved: requested - residual, clamped to 0..requested.
  [[nodiscard]] uint32_t transferred() const;
  // The data the device returned: the first transferred() bytes.
  [[nodiscard]] std::span<const uint8_t> returned() const;
  [[nodiscard]] std::optional<Sense> sense() const;
  [[nodiscard]] std::vector<std::string> inconsistencies() const;
  // Several lines: command, delivery, status, sense decoded, residual, buffer report, path.
  [[nodiscard]] std::string describe() const;
};

}  // namespace dextqual::scsi
