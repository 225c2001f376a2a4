#include "buffered/stamped_region.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "core/unique_fd.h"
#include "integrity/stamped_io.h"
#include "limits/limits_probe.h"

namespace dextqual::buffered {
namespace {

std::string first_findings(const integrity::VerifyReport& report) {
  std::string text;
  std::size_t shown = 0;
  for (const auto& finding : report.findings) {
    if (finding.acceptable) {
      continue;
    }
    if (shown++ == 3) {
      text += "; ...";
      break;
    }
    text += (text.empty() ? "" : "; ") + finding.describe();
  }
  return text;
}

integrity::StreamOptions stream_options(std::uint32_t sectors_per_block) {
  integrity::StreamOptions options;
  options.threads = 2;
  options.chunk_bytes = std::size_t{1} << 20;
  options.sectors_per_block = sectors_per_block;
  return options;
}

}  // namespace

bool TwiceVerified::passed() const {
  return write_error.empty() && bypass_error.empty() && through_error.empty() && bypassing_cache &&
         bypassing_cache->passed() && through_cache && through_cache->passed();
}

std::string TwiceVerified::describe() const {
  if (!write_error.empty()) {
    return "write: " + write_error;
  }
  std::string text;
  if (!bypass_error.empty()) {
    text += "read-back bypassing the cache failed: " + bypass_error;
  } else if (bypassing_cache && !bypassing_cache->passed()) {
    text += "bypassing the cache (O_DIRECT): " + first_findings(*bypassing_cache);
  }
  if (!through_error.empty()) {
    text += (text.empty() ? "" : "; ") + ("read-back through the cache failed: " + through_error);
  } else if (through_cache && !through_cache->passed()) {
    text += (text.empty() ? "" : "; ") +
            ("through the cache after dropping it: " + first_findings(*through_cache));
  }
  return text.empty() ? "verified" : text;
}

TwiceVerified write_fsync_verify_twice(const RegionPaths& paths, const integrity::StampKeys& keys,
                                       integrity::ExpectedState& expected, integrity::LbaRange range,
                                       std::uint32_t sectors_per_block) {
  TwiceVerified result;
  const auto options = stream_options(sectors_per_block);
  UniqueFd buffered(::open(paths.buffered_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!buffered) {
    result.write_error = "open " + paths.buffered_path + ": " + std::strerror(errno);
    return result;
  }
  const std::uint64_t generation = expected.next_generation(range);
  if (auto written = integrity::write_stamped(buffered.get(), keys, range, generation, options); !written) {
    result.write_error = written.error().message();
    // A failed write may have landed in part; only `last` moves. Recording cannot fail: the generation
    // came from next_generation().
    (void)expected.record_write(range, generation, integrity::WriteState::in_flight);
    return result;
  }
  // fsync: on Linux the block layer sends SYNCHRONIZE CACHE after writeback (F1's flush). On macOS
  // fsync of /dev/diskN only writes the buffer cache back; the device flush is DKIOCSYNCHRONIZE
  // (MACOS.md §3), which flush_device sends (on Linux it is the same fsync again).
  struct stat node {};
  Status synced = ::fsync(buffered.get()) == 0 ? Status{} : fail_errno("fsync");
  if (synced && ::fstat(buffered.get(), &node) == 0 && S_ISBLK(node.st_mode)) {
    synced = limits::flush_device(buffered.get());
  }
  if (!synced) {
    result.write_error = synced.error().message();
    (void)expected.record_write(range, generation, integrity::WriteState::in_flight);
    return result;
  }
  if (auto recorded = expected.record_write(range, generation, integrity::WriteState::must_survive);
      !recorded) {
    result.write_error = recorded.error().message();
    return result;
  }
  if (auto direct = limits::open_uncached(paths.direct_path, limits::Access::read_only); !direct) {
    result.bypass_error = direct.error().message();
  } else if (auto report = integrity::verify_range(direct->get(), keys, range, expected, options); !report) {
    result.bypass_error = report.error().message();
  } else {
    result.bypassing_cache = std::move(*report);
  }
#ifdef POSIX_FADV_DONTNEED  // a feature test: macOS has no fadvise; its drop_cache (purge) covers it
  ::posix_fadvise(buffered.get(), 0, 0, POSIX_FADV_DONTNEED);
#endif
  if (auto dropped = paths.drop_cache(); !dropped) {
    result.through_error = dropped.error().message();
  } else if (auto report = integrity::verify_range(buffered.get(), keys, range, expected, options); !report) {
    result.through_error = report.error().message();
  } else {
    result.through_cache = std::move(*report);
  }
  return result;
}

}  // namespace dextqual::buffered
