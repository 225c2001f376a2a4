// The simdext control-socket wire format: the only code simdext and the tester share
// (ARCHITECTURE.md: "simdext and the suites share no SCSI code"). It frames messages; it knows
// nothing of CDBs or sense data.
//
// A frame is: u32 little-endian JSON length, u32 little-endian payload length, the JSON text
// (an object with "op" on requests and "ok" on replies), then the payload bytes (data-out on a
// request, data-in as the controller DMA'd it on a reply). Requests and replies alternate on one
// stream socket. The message vocabulary is documented in dext/README.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dextqual::wire {

inline constexpr uint32_t kMaxJsonBytes = 16u << 20;      // a trace reply can be large
inline constexpr uint32_t kMaxPayloadBytes = 256u << 20;  // above any transfer a test makes

struct Frame {
  nlohmann::json json = nlohmann::json::object();
  std::vector<uint8_t> payload;
};

// Outcome of a frame read or write: ok, the peer closed cleanly, or an error with its reason.
struct IoOutcome {
  enum class Kind { ok, closed, error } kind = Kind::ok;
  std::string error;  // for Kind::error: errno text, bad length, or malformed JSON

  [[nodiscard]] bool ok() const { return kind == Kind::ok; }
};

// Blocking I/O on a connected stream socket; EINTR is retried. MSG_NOSIGNAL: a vanished peer
// is an error value, never a SIGPIPE.
[[nodiscard]] IoOutcome write_frame(int fd, const Frame& frame);
[[nodiscard]] IoOutcome read_frame(int fd, Frame& frame);

// Encodes bytes as lowercase hex for CDBs and sense data inside the JSON.
[[nodiscard]] std::string to_hex(const uint8_t* data, size_t size);
[[nodiscard]] std::string to_hex(const std::vector<uint8_t>& bytes);
// False on odd length or a non-hex character.
[[nodiscard]] bool from_hex(const std::string& text, std::vector<uint8_t>& out);

}  // namespace dextqual::wire
