// F1: fio write+verify of the same size through both paths. In the field direct=1 verified at every
// size while buffered I/O of 256 MB or more came back corrupt; here both halves must verify, and the
// buffered half fails (quoting fio's verify line) on a device whose flush lies above a dirty threshold.
#include <gtest/gtest.h>

#include <iostream>

#include "fio/fio_regions.h"
#include "fio/write_verify_job.h"
#include "testing/dut_environment.h"

namespace dextqual::fio {
namespace {

using testing::dut;

void run_half(CachePath path, const char* name) {
  const FioRegions regions = plan_regions(dut().capacity_bytes(), dut().quick);
  WriteVerifyJob job;
  job.name = name;
  job.path = path;
  job.rw = "write";
  job.offset = path == CachePath::direct ? regions.direct_threshold : regions.buffered_threshold;
  job.size = regions.threshold_size;
  job.block_size = "1M";
  const WriteVerifyResult result = run_write_verify(dut().buffered_node, job, dut().state_dir);
  std::cout << name << ": " << job.size / kMiB << " MiB at offset " << job.offset << ", write "
            << result.write_mbps << " MB/s\n";
  ::testing::Test::RecordProperty("write_MBps", std::to_string(result.write_mbps));
  EXPECT_TRUE(result.passed)
      << (path == CachePath::buffered ? "buffered" : "direct") << " write of " << job.size / kMiB
      << " MiB did not verify on the device: " << result.failure
      << (path == CachePath::buffered
              ? "\nhint (F1): if the direct half of the pair verified, the data was lost after "
                "fsync() returned, i.e. the device answered SYNCHRONIZE CACHE GOOD without "
                "making the data durable, or lost its dirty cache"
              : "");
}

TEST(FioWriteVerify, DirectSequentialAcrossTheF1ThresholdVerifies) {
  // F1's control half: direct I/O (no host cache, no flush) of 256 MiB verifies.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(fio_available);
  run_half(CachePath::direct, "direct-seq");
}

TEST(FioWriteVerify, BufferedSequentialAcrossTheF1ThresholdVerifies) {
  // F1: buffered I/O of 256 MiB, fsynced, then verified on the device after the page cache is dropped.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(fio_available);
  run_half(CachePath::buffered, "buffered-seq");
}

}  // namespace
}  // namespace dextqual::fio
