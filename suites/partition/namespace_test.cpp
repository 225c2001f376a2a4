// Guards F9: on a volume made through the driver, non-ASCII names (CJK, combining marks, an emoji)
// round-trip byte for byte across unmount/remount, and `ls -al` lists `.` and `..` first: readdir
// returns each exactly once and no name it returns sorts before them byte-wise (a name read back with
// mangled bytes, e.g. UTF-16 or a control character, is what put CJK names first in the field).
// POSIX leaves readdir's own order open (ext4 with dir_index hashes it), so that order is recorded as
// a property, not judged.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "integrity/run_identity.h"
#include "partition_cycle.h"
#include "support/skip_unless.h"
#include "support/stamped_file_set.h"
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

TEST(Namespace, NonAsciiNamesRoundTripAndDotEntriesComeFirst) {
  SKIP_UNLESS(requirement::data_loss_allowed());
  SKIP_UNLESS(requirement::capacity_at_least(kLayoutMinimumBytes));
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
  EXPECT_EQ(std::ranges::count(listing, "."), 1) << "readdir: " << order;
  EXPECT_EQ(std::ranges::count(listing, ".."), 1) << "readdir: " << order;
  std::vector<std::string> sorted = listing;
  std::ranges::sort(sorted);  // byte order, as `LC_ALL=C ls -al` sorts
  ASSERT_GE(sorted.size(), 2u);
  EXPECT_EQ(sorted[0], ".") << "F9: `ls -al` would list '" << sorted[0] << "' before '.'";
  EXPECT_EQ(sorted[1], "..") << "F9: `ls -al` would list '" << sorted[1] << "' before '..'";
  std::set<std::string> found(listing.begin(), listing.end());
  found.erase(".");
  found.erase("..");
  for (const StampedFile& file : files.files()) {
    EXPECT_TRUE(found.contains(file.name)) << "name did not round-trip byte for byte: " << file.name;
  }
  EXPECT_EQ(found.size(), files.files().size()) << "unexpected entries: " << order;
  auto verified = files.verify(again, 1);
  EXPECT_TRUE(verified.has_value()) << verified.error().message();
}

}  // namespace
}  // namespace dextqual::lifecycle
