// The Caching mode page (SBC-3 6.4.5): WCE decides whether Linux sd and IOKit send SYNCHRONIZE
// CACHE and FUA at all. A device that caches writes but says WCE=0 loses data on power loss.
#include "scsi/mode_data.h"
#include "scsi/os_disk_view.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

class CachingPage : public ScsiTest {
 protected:
  std::optional<scsi::CachingPage> read_page(bool ten) {
    ModeSenseFields fields{.page_code = 0x08, .disable_block_descriptors = true};
    auto completion = initiator().run_in(ten ? mode_sense10(fields) : mode_sense6(fields), 255);
    EXPECT_SCSI(completion, expect::good());
    if (!completion || !completion->good()) {
      return std::nullopt;
    }
    auto mode = parse_mode_parameters(completion->returned(), ten);
    const ModePage* page = mode ? mode->find(0x08) : nullptr;
    EXPECT_NE(page, nullptr) << "page 08h asked for but not returned\n" << completion->describe();
    if (page != nullptr) {
      EXPECT_GE(page->bytes.size(), 20u) << "the Caching page is 20 bytes (SBC-3 6.4.5)";
      return parse_caching_page(*page);
    }
    return std::nullopt;
  }
};

TEST_F(CachingPage, SameThroughSixAndTenByteModeSense) {
  // Guards SBC-3 6.4.5 and SCSI-CHECKLIST.md (c)11: WCE/RCD do not depend on the CDB size.
  auto six = read_page(false);
  auto ten = read_page(true);
  ASSERT_TRUE(six && ten);
  EXPECT_EQ(six->wce, ten->wce);
  EXPECT_EQ(six->rcd, ten->rcd);
}

TEST_F(CachingPage, WriteCacheMatchesWhatTheOperatingSystemUses) {
  // Guards SBC-3 6.4.5 against the OS: Linux sets queue/write_cache from WCE; if they disagree,
  // the OS is not flushing a cache the device has (or flushing one it has not).
  REQUIRE_DUT(raw_node);
  REQUIRE_DUT(
      host_offers(dut().passthrough.kind == PassthroughKind::sg_io,
                  "the OS's block node is a SCSI disk only behind SG_IO (simdext's is a loop device)"));
  const OsDiskView view = os_disk_view(dut().raw_node);
  REQUIRE_DUT(host_offers(view.write_cache.has_value(),
                          "the OS's write-cache setting of " + dut().raw_node + " is not known"));
  auto page = read_page(false);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->wce, *view.write_cache)
      << "MODE SENSE says WCE=" << page->wce << ", the OS runs " << dut().raw_node << " as "
      << (*view.write_cache ? "write back" : "write through");
}

TEST_F(CachingPage, WriteBackCacheCanBeFlushed) {
  // Guards SBC-3 5.22 and 6.4.5: with WCE=1 the OS must be able to flush, so SYNCHRONIZE CACHE (10
  // or 16) is implemented (optional commands, but not for a disk that caches writes).
  auto page = read_page(false);
  ASSERT_TRUE(page);
  REQUIRE_DUT(device_offers(page->wce, "WCE=0: the device does not cache writes"));
  SCSI_RUN(ten, initiator().run(synchronize_cache10(0, 0, false)));
  if (is_unsupported_opcode(ten)) {
    EXPECT_SCSI(initiator().run(synchronize_cache16(0, 0, false)), expect::good())
        << "WCE=1 but neither SYNCHRONIZE CACHE(10) nor (16) is implemented";
  } else {
    EXPECT_SCSI(ten, expect::good());
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
