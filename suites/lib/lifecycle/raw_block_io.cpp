#include "lifecycle/raw_block_io.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "lifecycle/lifecycle_raw_io.h"
#include "limits/limits_probe.h"

namespace dextqual::lifecycle {
namespace {

std::string at(const std::string& node, std::uint64_t offset, std::size_t length) {
  return node + " at byte " + std::to_string(offset) + ", " + std::to_string(length) + " bytes";
}

// The platform's words for what failed, with where on the device.
std::unexpected<Error> located(const Error& error, const std::string& what, const std::string& where) {
  return std::unexpected(Error{what + " " + where, error.detail, error.errno_value});
}

}  // namespace

Result<RawBlockDevice> RawBlockDevice::open(const std::string& node) {
  DQ_TRY_ASSIGN(UniqueFd fd, limits::open_uncached(node, limits::Access::read_write));
  return RawBlockDevice(node, std::move(fd));
}

Status RawBlockDevice::write(std::uint64_t offset, std::span<const std::uint8_t> data, WriteMode mode) {
  if (mode == WriteMode::fua) {
    if (auto written = platform::write_fua(fd_.get(), offset, data); !written) {
      return located(written.error(), "FUA write", at(node_, offset, data.size()));
    }
    return {};
  }
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t written =
        ::pwrite(fd_.get(), data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written < 0) {
      return fail_errno("write " + at(node_, offset + done, data.size() - done));
    }
    if (written == 0) {
      return fail("write " + at(node_, offset + done, data.size() - done), "device accepted 0 bytes");
    }
    done += static_cast<std::size_t>(written);
  }
  return {};
}

Status RawBlockDevice::read(std::uint64_t offset, std::span<std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t got =
        ::pread(fd_.get(), data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      return fail_errno("read " + at(node_, offset + done, data.size() - done));
    }
    if (got == 0) {
      return fail("read " + at(node_, offset + done, data.size() - done), "end of device");
    }
    done += static_cast<std::size_t>(got);
  }
  return {};
}

Status RawBlockDevice::flush() {
  if (auto flushed = limits::flush_device(fd_.get()); !flushed) {
    return located(flushed.error(), "flush", node_);
  }
  return {};
}

Status RawBlockDevice::discard(std::uint64_t offset, std::uint64_t length) {
  return platform::discard_range(fd_.get(), offset, length);
}

Result<std::uint64_t> RawBlockDevice::size_bytes() const { return platform::device_size_bytes(fd_.get()); }

}  // namespace dextqual::lifecycle
