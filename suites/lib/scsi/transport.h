// The one interface every way of sending a CDB implements: Linux SG_IO, the simdext control socket,
// and (later) the DEXT probe on macOS. A transport moves bytes and reports what came back, field by
// field; judging the answer is the initiator's and the tests' job, never the transport's.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "scsi/cdb.h"

namespace dextqual::scsi {

// I_T_L nexus as the initiator names it: target ID and LUN (SAM-5 4.6; single-level LUNs here).
struct Address {
  uint64_t target = 0;
  uint64_t lun = 0;
  friend bool operator==(const Address&, const Address&) = default;
};
[[nodiscard]] std::string to_string(const Address& address);

enum class Direction { none, from_device, to_device };

struct Request {
  Address address;
  Cdb cdb;
  Direction direction = Direction::none;
  std::span<uint8_t> data_in;         // from_device: the transport writes only what the device sent
  std::span<const uint8_t> data_out;  // to_device
  std::chrono::milliseconds timeout{30'000};
};

// Did the command reach the logical unit and come back with a SCSI status? Anything else is the
// transport's own failure and its fields say which (SG_IO host/driver status, DriverKit service
// response).
enum class Delivery { completed, timed_out, transport_failure };

// What a transport reports, every field kept apart (SCSI-CHECKLIST.md (c)2).
struct TransportReply {
  Delivery delivery = Delivery::completed;
  uint8_t status = 0;                    // SCSI status byte
  std::string transport_status;          // decoded: "host_status=00h DID_OK, driver_status=08h ..."
  uint32_t transport_code = 0;           // host_status (SG_IO) or fServiceResponse (DriverKit)
  int64_t residual = 0;                  // requested - transferred, as the transport reports it
  std::vector<uint8_t> sense;            // exactly the sense bytes returned (sb_len_wr, fSenseLength)
  std::chrono::nanoseconds duration{0};  // measured around the call
};

// What the initiator may assume about a transport (fio-style capability flags).
struct TransportTraits {
  std::string name;  // "sg-io /dev/sg1", "simdext /tmp/x/control.sock": names the path in reports
  // Bytes past the transferred count stay untouched. False for SG_IO: the sg driver copies its whole
  // (zeroed or reused) bounce buffer back, so only "all zero" and "untouched" mean lost data there.
  bool exact_data_in = true;
  // Can address any target/LUN (simdext) or only those the OS attached (SG_IO: one sg node each).
  bool any_address = true;
  // Can ask the path for a reset (reset() below); false: the tests that need one skip, saying so.
  bool can_reset = false;
};

// The resets a test can cause (SAM-5 7.6 task management; UNIT ATTENTION sequencing): a LOGICAL UNIT
// RESET of one LU, a reset of its whole target (every LUN of it), or of the whole bus behind the HBA
// (every target and LU on it). ScsiTest::reset_dut decides which a test may cause.
enum class ResetScope { logical_unit, target, bus };
[[nodiscard]] std::string to_string(ResetScope scope);

class Transport {
 public:
  virtual ~Transport() = default;
  [[nodiscard]] virtual const TransportTraits& traits() const = 0;
  // An Error only when the request could not be submitted or its answer not read (ioctl errno,
  // socket gone); every answer from the device path, however bad, is a TransportReply.
  [[nodiscard]] virtual Result<TransportReply> execute(const Request& request) = 0;
  // The addresses this transport can reach without guessing (SG_IO: the sg nodes on the DUT's
  // host; simdext: its configured targets). Empty when it cannot tell.
  [[nodiscard]] virtual std::vector<Address> known_addresses() { return {}; }
  // Resets at least `scope` around `address` (simdext: its whole controller) and returns the scope it
  // did; an Error says why the path or the driver did not (traits().can_reset false: never tried;
  // errno EIO: the driver performed no such reset).
  [[nodiscard]] virtual Result<ResetScope> reset(const Address& address, ResetScope scope) {
    (void)address;
    return fail("reset " + to_string(scope), traits().name + " cannot cause a reset");
  }
};

}  // namespace dextqual::scsi
