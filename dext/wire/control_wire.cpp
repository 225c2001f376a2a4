#include "wire/control_wire.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dextqual::wire {
namespace {

IoOutcome error(std::string text) { return {IoOutcome::Kind::error, std::move(text)}; }

IoOutcome send_all(int fd, const uint8_t* data, size_t size) {
  while (size > 0) {
    ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) {
        continue;
      }
      return error(std::string("send: ") + std::strerror(errno));
    }
    data += sent;
    size -= static_cast<size_t>(sent);
  }
  return {};
}

// `at_start` lets a clean close between frames read as "closed" rather than an error.
IoOutcome recv_all(int fd, uint8_t* data, size_t size, bool at_start) {
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::recv(fd, data + got, size - got, 0);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return error(std::string("recv: ") + std::strerror(errno));
    }
    if (n == 0) {
      if (at_start && got == 0) {
        return {IoOutcome::Kind::closed, {}};
      }
      return error("peer closed in the middle of a frame");
    }
    got += static_cast<size_t>(n);
  }
  return {};
}

void put_u32(uint8_t* out, uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    out[i] = static_cast<uint8_t>(value >> (8 * i));
  }
}

uint32_t get_u32(const uint8_t* in) {
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    value |= static_cast<uint32_t>(in[i]) << (8 * i);
  }
  return value;
}

}  // namespace

IoOutcome write_frame(int fd, const Frame& frame) {
  const std::string text = frame.json.dump();
  if (text.size() > kMaxJsonBytes || frame.payload.size() > kMaxPayloadBytes) {
    return error("frame too large");
  }
  uint8_t header[8];
  put_u32(header, static_cast<uint32_t>(text.size()));
  put_u32(header + 4, static_cast<uint32_t>(frame.payload.size()));
  if (auto out = send_all(fd, header, sizeof header); !out.ok()) {
    return out;
  }
  if (auto out = send_all(fd, reinterpret_cast<const uint8_t*>(text.data()), text.size()); !out.ok()) {
    return out;
  }
  return send_all(fd, frame.payload.data(), frame.payload.size());
}

IoOutcome read_frame(int fd, Frame& frame) {
  uint8_t header[8];
  if (auto out = recv_all(fd, header, sizeof header, /*at_start=*/true); !out.ok()) {
    return out;
  }
  const uint32_t json_size = get_u32(header);
  const uint32_t payload_size = get_u32(header + 4);
  if (json_size > kMaxJsonBytes || payload_size > kMaxPayloadBytes) {
    return error("frame header announces " + std::to_string(json_size) + " JSON bytes and " +
                 std::to_string(payload_size) + " payload bytes, over the limit");
  }
  std::string text(json_size, '\0');
  if (auto out = recv_all(fd, reinterpret_cast<uint8_t*>(text.data()), json_size, false); !out.ok()) {
    return out;
  }
  frame.payload.assign(payload_size, 0);
  if (auto out = recv_all(fd, frame.payload.data(), payload_size, false); !out.ok()) {
    return out;
  }
  frame.json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (frame.json.is_discarded() || !frame.json.is_object()) {
    return error("frame JSON is not an object");
  }
  return {};
}

std::string to_hex(const uint8_t* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    text += kDigits[data[i] >> 4];
    text += kDigits[data[i] & 0xF];
  }
  return text;
}

std::string to_hex(const std::vector<uint8_t>& bytes) { return to_hex(bytes.data(), bytes.size()); }

bool from_hex(const std::string& text, std::vector<uint8_t>& out) {
  if (text.size() % 2 != 0) {
    return false;
  }
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  out.reserve(text.size() / 2);
  for (size_t i = 0; i < text.size(); i += 2) {
    int hi = nibble(text[i]);
    int lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) {
      return false;
    }
    out.push_back(static_cast<uint8_t>(hi << 4 | lo));
  }
  return true;
}

}  // namespace dextqual::wire
