// Random and sequential direct write+verify at queue depths 1..32 with every asynchronous engine this
// host has (libaio, io_uring): reordering and concurrency in the driver's submission path (F8's serial
// work loop shows up as speed; a broken tag or completion mapping shows up here as corruption).
#include <gtest/gtest.h>

#include <iostream>

#include "fio/fio_regions.h"
#include "fio/scratch_dir.h"
#include "fio/write_verify_job.h"
#include "testing/dut_environment.h"

namespace dextqual::fio {
namespace {

using testing::dut;

TEST(FioQueueDepths, DirectRandomWriteVerifyAtEveryDepthAndEngine) {
  // Completions matched to the wrong task at depth > 1 land data at the wrong LBA: fio's "bad header".
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(fio_available);
  const FioRegions regions = plan_regions(dut().capacity_bytes(), dut().quick);
  ScratchDir probe_dir(dut().state_dir, "fio-engines");
  std::vector<std::string> engines;
  for (const char* engine : {"libaio", "io_uring"}) {
    if (engine_available(engine, probe_dir.path())) {
      engines.emplace_back(engine);
    } else {
      std::cout << "engine " << engine << " not available here: skipped\n";
    }
  }
  REQUIRE_DUT(host_offers(!engines.empty(), "neither libaio nor io_uring works on this host"));
  const std::vector<unsigned> depths =
      dut().quick ? std::vector<unsigned>{1, 32} : std::vector<unsigned>{1, 4, 16, 32};
  std::uint64_t region = 1;  // region 0 belongs to the sequential test
  std::string failures;
  for (const auto& engine : engines) {
    for (unsigned depth : depths) {
      if (region >= regions.small_count) {
        break;
      }
      WriteVerifyJob job;
      job.name = engine + "-qd" + std::to_string(depth);
      job.rw = "randwrite";
      job.offset = regions.small_base + region++ * regions.small_size;
      job.size = regions.small_size;
      job.block_size = "16k";
      job.ioengine = engine;
      job.iodepth = depth;
      const WriteVerifyResult result = run_write_verify(dut().raw_node, job, dut().state_dir);
      std::cout << job.name << ": randwrite 16k, " << result.write_mbps << " MB/s, "
                << (result.passed ? "verified" : "FAILED") << "\n";
      if (!result.passed) {
        failures += "\n" + job.name + ": " + result.failure;
      }
    }
  }
  EXPECT_TRUE(failures.empty()) << "fio write+verify failed:" << failures;
}

TEST(FioSequential, DirectSmallBlockWriteVerify) {
  // Many small sequential commands (4 KiB, QD 1): the per-command path without merging.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(fio_available);
  const FioRegions regions = plan_regions(dut().capacity_bytes(), dut().quick);
  WriteVerifyJob job;
  job.name = "direct-seq-4k";
  job.offset = regions.small_base;
  job.size = regions.small_size;
  job.block_size = "4k";
  const WriteVerifyResult result = run_write_verify(dut().raw_node, job, dut().state_dir);
  EXPECT_TRUE(result.passed) << result.failure;
}

}  // namespace
}  // namespace dextqual::fio
