// The address-aliasing class through pass-through (issue 13 §3, the 2 TiB rule of SCSI-CHECKLIST.md):
// with each CDB size, a uniquely stamped block at LBA 0, 1, 2^k-1, 2^k, 2^k+1 for every LBA bit k the
// DUT has and the CDB can carry, and at the last such LBA, all written (highest first), then all read
// back. A driver that truncates, masks or sign-extends the LBA while translating READ or WRITE makes
// a high LBA alias a low one: it reads back the low one's stamp, or its own write never arrives, and
// the failure names the bit (integrity/address_walk.h). LargeLbaData cannot see this: it writes and
// reads the high LBAs through the same truncation and never looks at the low LBAs they alias.
#include <algorithm>
#include <bit>

#include "integrity/address_walk.h"
#include "integrity/run_identity.h"
#include "scsi/capacity_data.h"
#include "support/read_write_test.h"

namespace dextqual::scsi::suite {
namespace {

using integrity::AliasFinding;
using integrity::WalkPoint;

// The first power of two the CDB size cannot address (READ/WRITE(6): 2^21, (10)/(12): 2^32).
uint64_t reach(CdbSize size) {
  for (unsigned k = 0; k < 64; ++k) {
    if (!fits(size, uint64_t{1} << k, 1)) {
      return uint64_t{1} << k;
    }
  }
  return UINT64_MAX;
}

AliasFinding command_failure(WalkPoint point, const std::string& what) {
  AliasFinding finding;
  finding.point = point;
  finding.kind = integrity::SectorClass::unreadable;
  finding.error = what;
  return finding;
}

class AddressBits : public ReadWriteTest {
 protected:
  // Walks `lu` with the fixture's CDB size; an empty string when every walked LBA kept its stamp.
  std::string walk(Initiator& lu, const Geometry& g) {
    if (g.block_length % integrity::kSectorSize != 0) {
      return "block length " + std::to_string(g.block_length) + " is not a multiple of 512";
    }
    auto identity = integrity::RunIdentity::generate();
    if (!identity) {
      return identity.error().message();
    }
    const auto keys = integrity::StampKeys::for_run(*identity);
    const auto points = integrity::plan_address_walk(g.blocks, reach(size()));
    RecordProperty("walked_lbas", std::to_string(points.size()));
    const std::string cdb = "(" + to_string(size()) + ")";
    // Highest LBA first: under aliasing the low LBA's stamp survives, so a high LBA that aliases it
    // reads back "the stamp of LBA 0" instead of passing by reading its own alias.
    std::vector<AliasFinding> findings;
    std::vector<uint64_t> unwritten;  // a failed write is its own finding; its read-back says nothing
    std::vector<uint8_t> data(g.block_length);
    for (auto it = points.rbegin(); it != points.rend(); ++it) {
      integrity::stamp_sectors(keys, integrity::walk_stamp(it->lba, 1, g.block_length), data);
      auto written = lu.run_out(write(size(), {.lba = it->lba, .blocks = 1}), data);
      if (!written || !written->good()) {
        findings.push_back(command_failure(
            *it, "WRITE" + cdb + ": " + (written ? written->describe() : written.error().message())));
        unwritten.push_back(it->lba);
      }
    }
    for (const WalkPoint& point : points) {
      if (std::find(unwritten.begin(), unwritten.end(), point.lba) != unwritten.end()) {
        continue;
      }
      auto back = lu.run_in(read(size(), {.lba = point.lba, .blocks = 1}), g.block_length);
      if (!back || !back->good() || back->data.size() < g.block_length) {
        findings.push_back(
            command_failure(point, "READ" + cdb + ": " + (back ? back->describe() : back.error().message())));
      } else if (auto finding = integrity::check_walk_block(
                     keys, point, std::span<const uint8_t>(back->data).first(g.block_length), 1)) {
        findings.push_back(*finding);
      }
    }
    if (findings.empty()) {
      return "";
    }
    return to_string(lu.address()) + ", READ/WRITE" + cdb + ", " + std::to_string(g.blocks) + " blocks of " +
           std::to_string(g.block_length) + " B: " + integrity::summarize_address_walk(findings, points);
  }

  // The largest reachable LU other than the DUT that the run may write, when it has more blocks than
  // the DUT; `why_none` says what there was instead (a larger LU it may not write is named).
  std::optional<OtherLu> larger_lu(std::string& why_none) {
    std::optional<OtherLu> best, refused;
    for (auto& lu : other_lus()) {
      if (lu.geometry.blocks <= geometry().blocks) continue;
      auto& slot = lu.writable ? best : refused;
      if (!slot || lu.geometry.blocks > slot->geometry.blocks) slot = std::move(lu);
    }
    why_none = refused ? not_allowed_to_write(*refused)
                       : "no reachable LU is larger than the DUT (" + std::to_string(geometry().blocks) +
                             " blocks), whose every bit the DUT test walks";
    return best;
  }
};

TEST_P(AddressBits, EveryLbaBitOfTheDutTheCdbCanAddressKeepsItsOwnStamp) {
  // Guards the 2 TiB rule and issue 13 §3: every LBA bit reaches the DUT on WRITE and on READ.
  REQUIRE_DUT(data_loss_allowed);
  const std::string failure = walk(initiator(), geometry());
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST_P(AddressBits, EveryLbaBitOfTheLargestReachableLuKeepsItsOwnStamp) {
  // Guards the 2 TiB rule on a DUT too small to have the high bits: the largest other LU of the same
  // transport (simdext: target 3 LUN 1, above 2^32 blocks) is walked the same way.
  REQUIRE_DUT(data_loss_allowed);
  std::string why_none;
  auto found = larger_lu(why_none);
  REQUIRE_DUT(device_offers(found.has_value(), why_none));
  RecordProperty("lu", to_string(found->initiator.address()));
  const std::string failure = walk(found->initiator, found->geometry);
  EXPECT_TRUE(failure.empty()) << failure;
}

INSTANTIATE_READ_WRITE_SIZES(AddressBits);

}  // namespace
}  // namespace dextqual::scsi::suite
