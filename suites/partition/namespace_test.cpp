// Guards F9: on a volume made through the driver, non-ASCII names (CJK, combining marks, an emoji)
// round-trip byte for byte across unmount/remount, readdir returns `.` and `..` exactly once, and
// nothing else appears (check_directory_listing, unit-tested in support/directory_listing_test.cpp).
// `ls -al` listing `.`/`..` first is not asserted on its own: a byte sort guarantees it whenever the
// names round-trip, so only a mangled name (UTF-16, a control character, what put CJK names first in
// the field) can break it, and that fails the round trip. POSIX leaves readdir's own order open (ext4
// with dir_index hashes it), so that order is recorded as a property, not judged.
#include <dirent.h>
#include <gtest/gtest.h>

#include "integrity/run_identity.h"
#include "lifecycle/directory_listing.h"
#include "lifecycle/partition_cycle.h"
#include "lifecycle/stamped_file_set.h"
#include "testing/dut_environment.h"

namespace dextqual::lifecycle {
namespace {

using testing::dut;

// The directory's entries in the order readdir returns them (what `ls -f` shows; `ls -al` sorts).
std::vector<std::string> raw_listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  DIR* stream = ::opendir(dir.c_str());
  if (stream == nullptr) {
    return names;
  }
  while (const dirent* entry = ::readdir(stream)) {
    names.emplace_back(entry->d_name);
  }
  ::closedir(stream);
  return names;
}

TEST(Namespace, NonAsciiNamesRoundTripAndDotEntriesAppearOnce) {
  REQUIRE_DUT(data_loss_allowed);
  REQUIRE_DUT(capacity_at_least(kLayoutMinimumBytes));
  auto lifecycle = platform::make_disk_lifecycle(platform::system_command_runner());
  auto prepared = prepare_volume(*lifecycle, dut().buffered_node, dut().capacity_bytes(), LayoutSlot::ext4);
  ASSERT_TRUE(prepared.has_value()) << prepared.error().message();
  auto identity = integrity::RunIdentity::generate();
  ASSERT_TRUE(identity.has_value());
  const std::filesystem::path dir = prepared->volume.path() / "\u76ee\u9304";  // 目錄
  std::filesystem::create_directory(dir);
  StampedFileSet files(*identity, namespace_probe_names().size(), 8);
  ASSERT_TRUE(files.write(dir, 1).has_value());
  ASSERT_TRUE(prepared->volume.unmount().has_value());
  ASSERT_TRUE(lifecycle->drop_caches(prepared->partition.node).has_value());
  auto remounted = lifecycle->mount(prepared->partition, platform::Filesystem::ext4);
  ASSERT_TRUE(remounted.has_value()) << remounted.error().message();
  const std::filesystem::path again = remounted->path() / "\u76ee\u9304";

  const std::vector<std::string> listing = raw_listing(again);
  ASSERT_FALSE(listing.empty()) << "cannot list " << again;
  std::string order;
  for (const std::string& name : listing) {
    order += (order.empty() ? "" : " | ") + name;
  }
  RecordProperty("readdir_order", order);
  std::vector<std::string> written;
  for (const StampedFile& file : files.files()) {
    written.push_back(file.name);
  }
  const Status listed = check_directory_listing(listing, written);
  EXPECT_TRUE(listed) << (listed ? std::string() : listed.error().message()) << "\nreaddir: " << order;
  auto verified = files.verify(again, 1);
  EXPECT_TRUE(verified.has_value()) << verified.error().message();
}

}  // namespace
}  // namespace dextqual::lifecycle
