#include "fio/write_verify_job.h"

#include "fio/scratch_dir.h"
#include "limits/limits_checker.h"
#include "limits/limits_probe.h"

#include <algorithm>

namespace dextqual::fio {

std::string fio_unavailable_reason() {
  auto version = fio_version();
  return version ? "" : "fio cannot run: " + version.error().message();
}

namespace {

// Zeros the region (uncached writes, then a device flush) before fio writes it. fio 3.33 accepts any
// block carrying a valid header for its offset, including one left by an earlier fio run with another
// seed (FIO.md §1), so a write the device drops would read back as "verified" on a rerun; over zeros it
// reads back as "bad magic header 0".
Status clear_region(const std::string& device, std::uint64_t offset, std::uint64_t size) {
  DQ_TRY_ASSIGN(auto fd, limits::open_uncached(device, limits::Access::read_write));
  constexpr std::uint64_t kChunk = std::uint64_t{1} << 20;
  AlignedBuffer zeros(kChunk);
  std::fill(zeros.data(), zeros.data() + kChunk, std::uint8_t{0});
  for (std::uint64_t done = 0; done < size;) {
    const std::uint64_t length = std::min(kChunk, size - done);
    const auto outcome = limits::transfer_once(fd.get(), limits::Direction::write, offset + done,
                                               std::span<std::uint8_t>(zeros.data(), length));
    if (!outcome.complete()) {
      return fail("clear " + limits::format_bytes(length) + " at byte " + std::to_string(offset + done) +
                      " of " + device,
                  outcome.describe());
    }
    done += length;
  }
  return limits::flush_device(fd.get());
}

}  // namespace

WriteVerifyResult run_write_verify(const std::string& device, const WriteVerifyJob& job,
                                   const std::string& state_dir) {
  WriteVerifyResult result;
  auto text = read_job_template(job_template_dir() / "write-verify.fio");
  if (!text) {
    result.failure = text.error().message();
    return result;
  }
  if (auto cleared = clear_region(device, job.offset, job.size); !cleared) {
    result.failure = "before fio ran: " + cleared.error().message();
    return result;
  }
  ScratchDir scratch(state_dir, "fio-" + job.name);
  JobValues values{{"NAME", job.name},
                   {"FILENAME", device},
                   {"OFFSET", std::to_string(job.offset)},
                   {"SIZE", std::to_string(job.size)},
                   {"BS", job.block_size},
                   {"RW", job.rw},
                   {"DIRECT", job.path == CachePath::direct ? "1" : "0"},
                   {"IOENGINE", job.ioengine},
                   {"IODEPTH", std::to_string(job.iodepth)},
                   // Buffered data must be pushed to the device and flushed before it is verified
                   // there; direct I/O never flushes (as fio direct=1 in the field).
                   {"END_FSYNC", job.path == CachePath::buffered ? "1" : "0"},
                   {"RANDSEED", fresh_randseed()}};
  for (const char* phase : {"0", "1"}) {
    values["VERIFY_ONLY"] = phase;
    auto filled = fill_job_template(*text, values);
    if (!filled) {
      result.failure = filled.error().message();
      return result;
    }
    FioRunSpec spec;
    spec.job_text = *filled;
    spec.scratch_dir = scratch.path() / (std::string("phase") + phase);
    spec.timeout = std::chrono::seconds(600);
    if (std::string(phase) == "1") {
      spec.expectation.verified_bytes = job.size;
    }
    auto run = run_fio(spec);
    if (!run) {
      result.failure = run.error().message();
      return result;
    }
    if (std::string(phase) == "0" && run->report) {
      double bw = 0;
      for (const auto& j : run->report->jobs) {
        bw += j.write.bw_bytes;
      }
      result.write_mbps = bw / 1e6;
    }
    if (!run->verdict.passed) {
      result.failure =
          std::string(phase) == "0" ? "write phase: " : "verify phase (read back from the device): ";
      result.failure += run->failure();
      return result;
    }
  }
  result.passed = true;
  return result;
}

}  // namespace dextqual::fio

namespace dextqual::testing::requirement {

std::optional<std::string> fio_available() {
  auto reason = fio::fio_unavailable_reason();
  if (reason.empty()) return std::nullopt;
  return reason;
}

}  // namespace dextqual::testing::requirement
