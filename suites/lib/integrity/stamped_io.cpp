#include "integrity/stamped_io.h"

#include <unistd.h>

#include <bit>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "core/aligned_buffer.h"
#include "integrity/chunk_pool.h"
#include "integrity/write_journal.h"

namespace dextqual::integrity {
namespace {

Status check_options(const StreamOptions& options) {
  const std::size_t block = std::size_t{std::max<std::uint32_t>(options.sectors_per_block, 1)} * kSectorSize;
  if (options.chunk_bytes == 0 || options.chunk_bytes % block != 0) {
    return fail("stamped I/O", "chunk_bytes (" + std::to_string(options.chunk_bytes) +
                                   ") must be a non-zero multiple of the logical block size (" +
                                   std::to_string(block) + ")");
  }
  return {};
}

std::string describe(LbaRange range) {
  return "LBA " + std::to_string(range.first) + ".." + std::to_string(range.end() - 1);
}

Status pwrite_all(int fd, const std::uint8_t* data, std::size_t size, std::uint64_t offset, LbaRange range) {
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return fail_errno("pwrite " + describe(range), n == 0 ? EIO : errno);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return {};
}

// Reads exactly `size` bytes; returns the errno of the failure (EIO for a short read at end of file).
int pread_all(int fd, std::uint8_t* data, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, data, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return n == 0 ? EIO : errno;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return 0;
}

LbaRange chunk_range(LbaRange range, std::uint64_t chunk, std::uint64_t sectors_per_chunk) {
  const std::uint64_t first = range.first + chunk * sectors_per_chunk;
  return {first, std::min(sectors_per_chunk, range.end() - first)};
}

// Verifies one chunk; on a read error, block by block so only the failing blocks are unreadable.
VerifyReport verify_chunk(int fd, const StampKeys& keys, LbaRange sectors, std::uint8_t* buffer,
                          const ExpectedState& state, const StreamOptions& options,
                          const VerifyOptions& verify) {
  const std::vector<Extent> extents = state.extents(sectors);
  if (pread_all(fd, buffer, sectors.count * kSectorSize, sectors.first * kSectorSize) == 0) {
    return verify_sectors(keys, std::span<const std::uint8_t>(buffer, sectors.count * kSectorSize),
                          sectors.first, extents, verify);
  }
  VerifyReport report;
  const std::uint64_t per_block = std::max<std::uint32_t>(options.sectors_per_block, 1);
  for (std::uint64_t lba = sectors.first; lba < sectors.end(); lba += per_block) {
    const LbaRange block{lba, std::min(per_block, sectors.end() - lba)};
    const int error = pread_all(fd, buffer, block.count * kSectorSize, block.first * kSectorSize);
    if (error == 0) {
      report.append(verify_sectors(keys, std::span<const std::uint8_t>(buffer, block.count * kSectorSize),
                                   block.first, state, verify),
                    verify.max_findings);
      continue;
    }
    VerifyReport failed;
    failed.sectors_checked = block.count;
    failed.sectors_by_class[static_cast<std::size_t>(SectorClass::unreadable)] = block.count;
    for (std::uint64_t s = block.first; s < block.end(); ++s) {
      failed.add(unreadable_finding({s, 1}, state.at(s), error), verify.max_findings);
    }
    report.append(std::move(failed), verify.max_findings);
  }
  return report;
}

}  // namespace

Result<WriteSummary> write_stamped(int fd, const StampKeys& keys, LbaRange range, std::uint64_t generation,
                                   const StreamOptions& options) {
  DQ_TRY(check_options(options));
  const std::uint64_t per_chunk = options.chunk_bytes / kSectorSize;
  const std::uint64_t chunks = (range.count + per_chunk - 1) / per_chunk;
  const unsigned threads = std::max(1U, options.threads);
  std::vector<AlignedBuffer> buffers;
  for (unsigned i = 0; i < threads; ++i) {
    buffers.push_back(AlignedBuffer(options.chunk_bytes));
  }
  const auto block_shift =
      static_cast<std::uint8_t>(std::countr_zero(std::max<std::uint32_t>(options.sectors_per_block, 1)));
  const Status done = for_each_chunk(chunks, threads, [&](std::uint64_t chunk, unsigned worker) -> Status {
    const LbaRange sectors = chunk_range(range, chunk, per_chunk);
    const std::uint64_t write_id = options.first_write_id + chunk;
    std::uint8_t* buffer = buffers[worker].data();
    stamp_sectors(keys,
                  {.lba = sectors.first,
                   .generation = generation,
                   .write_id = write_id,
                   .seq = chunk,
                   .writer_id = options.writer_id,
                   .block_shift = block_shift},
                  std::span(buffer, sectors.count * kSectorSize));
    if (options.journal != nullptr) {
      DQ_TRY(options.journal->write_submitted(write_id, sectors, generation, false));
    }
    const Status written =
        pwrite_all(fd, buffer, sectors.count * kSectorSize, sectors.first * kSectorSize, sectors);
    if (options.journal != nullptr) {
      DQ_TRY(options.journal->write_completed(write_id, written.has_value()));
    }
    return written;
  });
  if (!done) {
    return std::unexpected(done.error());
  }
  return WriteSummary{range.count, chunks};
}

Result<VerifyReport> verify_range(int fd, const StampKeys& keys, LbaRange range, const ExpectedState& state,
                                  const StreamOptions& options, const VerifyOptions& verify) {
  DQ_TRY(check_options(options));
  const std::uint64_t per_chunk = options.chunk_bytes / kSectorSize;
  const std::uint64_t chunks = (range.count + per_chunk - 1) / per_chunk;
  const unsigned threads = std::max(1U, options.threads);
  std::vector<AlignedBuffer> buffers;
  for (unsigned i = 0; i < threads; ++i) {
    buffers.push_back(AlignedBuffer(options.chunk_bytes));
  }
  // Chunks finish out of order; they are merged in order as soon as their predecessors are in, so memory
  // stays bounded by the reorder window, not by the size of the device.
  VerifyReport total;
  std::map<std::uint64_t, VerifyReport> pending;
  std::uint64_t next_to_merge = 0;
  std::mutex merge_mutex;
  DQ_TRY(for_each_chunk(chunks, threads, [&](std::uint64_t chunk, unsigned worker) -> Status {
    VerifyReport report = verify_chunk(fd, keys, chunk_range(range, chunk, per_chunk), buffers[worker].data(),
                                       state, options, verify);
    std::lock_guard lock(merge_mutex);
    pending.emplace(chunk, std::move(report));
    for (auto it = pending.begin(); it != pending.end() && it->first == next_to_merge;
         it = pending.erase(it)) {
      total.append(std::move(it->second), verify.max_findings);
      ++next_to_merge;
    }
    return {};
  }));
  return total;
}

}  // namespace dextqual::integrity
