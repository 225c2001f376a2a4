// Guards the plist reader against what real tools print (MACOS.md §7): NSLog lines around and inside
// the document, <real> where an integer was expected, "Yes" for true.
#include "macos/property_list.h"

#include <gtest/gtest.h>

#include "macos/replayed_commands.h"

namespace dextqual::macos {
namespace {

TEST(PropertyList, NsLogLinesAroundAndInsideThePlistAreIgnored) {
  // Hand-written: no public capture with an NSLog line inside a plist was found (fixtures README).
  auto plist = parse_plist(recorded("diskutil/info-disk5-nslog.txt"));
  ASSERT_TRUE(plist.has_value()) << plist.error().message();
  EXPECT_EQ((*plist)["DeviceIdentifier"], "disk5");
}

TEST(PropertyList, RealSizeInPublishedTestDataIsAWholeByteCount) {
  // hst-imager's author turned IOKitSize into <real> after the capture (PROVENANCE.md): accepted, not built
  // on.
  auto plist = parse_plist(recorded("diskutil/hst-imager/info-disk0-real-size-edited.plist"));
  ASSERT_TRUE(plist.has_value()) << plist.error().message();
  EXPECT_TRUE((*plist)["IOKitSize"].is_number_float());
  EXPECT_EQ(plist_size((*plist)["IOKitSize"]), 512110190592u);
}

TEST(PropertyList, SealedIsTheStringYes) {
  // Big Sur's sealed system snapshot, as `diskutil list -plist` printed it on a real Mac.
  auto plist = parse_plist(recorded("diskutil/hst-imager/list-all-usb-stick.plist"));
  ASSERT_TRUE(plist.has_value()) << plist.error().message();
  const auto& snapshot = (*plist)["AllDisksAndPartitions"][1]["APFSVolumes"][4]["MountedSnapshots"][0];
  EXPECT_EQ(plist_flag(snapshot, "Sealed"), true);
  EXPECT_EQ(plist_flag(snapshot, "NoSuchKey"), std::nullopt);
}

TEST(PropertyList, NoPlistOrTruncatedIsAnError) {
  EXPECT_FALSE(parse_plist("Unmount of all volumes on disk5 was successful\n").has_value());
  EXPECT_FALSE(parse_plist("<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n").has_value());
}

}  // namespace
}  // namespace dextqual::macos
