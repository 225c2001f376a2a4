// The fio suite's one workload shape: write a region of the DUT with fio, then verify it with a second
// fio run of the same job and seed (verify_only=1, after fio invalidates the host cache), so buffered
// data is checked on the device rather than in the page cache (F1). Each test owns its own region:
// fio 3.33 cannot tell stale data from another job's earlier write (FIO.md §1), so regions never overlap
// and each region is zeroed before fio writes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fio/fio_runner.h"

namespace dextqual::fio {

enum class CachePath { direct, buffered };

struct WriteVerifyJob {
  std::string name;  // fio job name, e.g. "buffered-seq-256m"
  CachePath path = CachePath::direct;
  std::string rw = "write";  // write | randwrite
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::string block_size = "1M";
  std::string ioengine = "psync";
  unsigned iodepth = 1;
};

struct WriteVerifyResult {
  bool passed = false;
  std::string failure;  // the failing phase's message, with fio's verify line and the reproducer
  double write_mbps = 0;
};

[[nodiscard]] WriteVerifyResult run_write_verify(const std::string& device, const WriteVerifyJob& job,
                                                 const std::string& state_dir);

// Why fio cannot run here ("fio not found: ..."), or "" when it can.
[[nodiscard]] std::string fio_unavailable_reason();

}  // namespace dextqual::fio

namespace dextqual::testing::requirement {
// REQUIRE_DUT(fio_available): fio is installed and runs ("requires fio_available: fio not found: ...").
[[nodiscard]] std::optional<std::string> fio_available();
}  // namespace dextqual::testing::requirement
