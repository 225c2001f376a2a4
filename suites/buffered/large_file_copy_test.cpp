// F1: `cp` of a large file on a volume on the DUT, checked against a keyed BLAKE2b manifest of the
// source after the copy was synced and the host cache dropped (the field's reproducer was a cp).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "buffered/buffered_sizes.h"
#include "buffered/dut_volume.h"
#include "core/unique_fd.h"
#include "integrity/manifest.h"
#include "integrity/stamped_io.h"
#include "process/child_process.h"
#include "testing/dut_environment.h"

namespace dextqual::buffered {
namespace {

using testing::dut;

TEST(BufferedFilesystem, CopyOfALargeFileMatchesTheManifest) {
  // F1: a 256 MiB cp, synced, reads back different from its source.
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(root);
  const std::uint64_t size = 256 * kMiB;
  REQUIRE_DUT(capacity_at_least(size * 5 / 2));  // two copies of the file, and room for the filesystem
  auto volume = make_dut_volume("dq-copy");
  ASSERT_TRUE(volume) << volume.error().message();
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity) << identity.error().message();
  const auto source = volume->volume.path() / "source.bin";
  const auto copy = volume->volume.path() / "copy.bin";
  {
    UniqueFd fd(::open(source.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    ASSERT_TRUE(fd) << "create " << source;
    integrity::StreamOptions options;
    options.threads = 2;
    auto written = integrity::write_stamped(fd.get(), integrity::StampKeys::for_run(*identity),
                                            {0, size / 512}, 1, options);
    ASSERT_TRUE(written) << written.error().message();
  }
  integrity::Manifest expected(*identity);
  ASSERT_TRUE(expected.add_file(source, "file"));

  process::ChildSpec cp;
  cp.argv = {"cp", source.string(), copy.string()};
  cp.timeout = std::chrono::minutes(5);
  const auto outcome = process::run_child(cp);
  ASSERT_TRUE(outcome.succeeded()) << process::quote_command(cp.argv) << ": " << outcome.describe() << "\n"
                                   << outcome.err.text();
  {
    UniqueFd fd(::open(copy.c_str(), O_RDONLY | O_CLOEXEC));
    ASSERT_TRUE(fd);
    ASSERT_EQ(::fsync(fd.get()), 0) << "fsync " << copy;  // SYNCHRONIZE CACHE after writeback
  }
  ASSERT_TRUE(volume->disk->drop_caches(dut().buffered_node));
  integrity::Manifest actual(*identity);
  ASSERT_TRUE(actual.add_file(copy, "file"));
  std::string mismatches;
  for (const auto& m : expected.compare(actual)) {
    mismatches += "\n  " + m.name + ": " + m.what;
  }
  EXPECT_TRUE(mismatches.empty())
      << "cp " << source.filename() << " (" << size / kMiB
      << " MiB) read back after fsync and a dropped cache differs from the source's "
         "keyed BLAKE2b manifest:"
      << mismatches << "\nhint (F1): the copy's data did not survive the device's flush";
  EXPECT_TRUE(volume->volume.unmount());
}

}  // namespace
}  // namespace dextqual::buffered
