// READ CAPACITY(10) and (16) (SBC-3 5.15, 5.16): the size every OS gives the disk. Above 2^32
// blocks (2 TiB at 512 B) (10) must say FFFFFFFFh so the OS switches to (16) CDBs.
#include "scsi/capacity_data.h"
#include "scsi/inquiry_data.h"
#include "scsi/os_disk_view.h"
#include "support/scsi_test.h"

namespace dextqual::scsi::suite {
namespace {

using ReadCapacity = ScsiTest;

TEST_F(ReadCapacity, TenAndSixteenAgree) {
  // Guards SBC-3 5.15: below 2^32 blocks both report the same last LBA and block length; above,
  // READ CAPACITY(10) returns FFFFFFFFh (the 2 TiB rule).
  SCSI_RUN(ten, initiator().run_in(read_capacity10(), 8));
  SCSI_RUN(sixteen, initiator().run_in(read_capacity16(32), 32));
  ASSERT_SCSI(ten, expect::good());
  ASSERT_SCSI(sixteen, expect::good());
  auto c10 = parse_capacity10(ten.returned());
  auto c16 = parse_capacity16(sixteen.returned());
  ASSERT_TRUE(c10 && c16) << ten.describe() << "\n" << sixteen.describe();
  EXPECT_EQ(c10->block_length, c16->block_length);
  if (c16->last_lba >= 0xFFFFFFFFull) {
    EXPECT_EQ(c10->last_lba, 0xFFFFFFFFu) << "capacity needs READ CAPACITY(16) but (10) does not say so\n"
                                          << ten.describe();
  } else {
    EXPECT_EQ(c10->last_lba, c16->last_lba) << ten.describe() << "\n" << sixteen.describe();
  }
}

TEST_F(ReadCapacity, SixteenFieldsAreSane) {
  // Guards SBC-3 5.16: a power-of-two block length >= 512; PI fields zero when INQUIRY PROTECT=0;
  // LOWEST ALIGNED LBA inside one physical block.
  SCSI_RUN(sixteen, initiator().run_in(read_capacity16(32), 32));
  ASSERT_SCSI(sixteen, expect::good());
  ASSERT_GE(sixteen.returned().size(), 32u) << sixteen.describe();
  auto c16 = parse_capacity16(sixteen.returned());
  ASSERT_TRUE(c16);
  EXPECT_TRUE(c16->block_length >= 512 && (c16->block_length & (c16->block_length - 1)) == 0)
      << "block length " << c16->block_length;
  SCSI_RUN(standard, initiator().run_in(inquiry(36), 36));
  auto data = parse_standard_inquiry(standard.returned());
  if (data && !data->protect) {
    EXPECT_FALSE(c16->prot_en) << "PROT_EN without INQUIRY PROTECT\n" << sixteen.describe();
    EXPECT_EQ(c16->p_i_exponent, 0);
  }
  EXPECT_LT(c16->lowest_aligned_lba, 1u << c16->lbppbe) << sixteen.describe();
}

TEST_F(ReadCapacity, SixteenWithShortAllocationTruncates) {
  // Guards SPC-4 4.2.5.6 for RC16: allocation 0-15 is GOOD with a truncated reply, never an error.
  SCSI_RUN(full, initiator().run_in(read_capacity16(32), 32));
  ASSERT_SCSI(full, expect::good());
  for (uint32_t allocation : {0u, 1u, 8u, 12u, 15u}) {
    SCOPED_TRACE("allocation " + std::to_string(allocation));
    SCSI_RUN(completion, initiator().run_in(read_capacity16(allocation), allocation));
    ASSERT_SCSI(completion, expect::good());
    const auto returned = completion.returned();
    EXPECT_LE(returned.size(), allocation);
    EXPECT_TRUE(std::equal(returned.begin(), returned.end(), full.returned().begin()))
        << completion.describe();
  }
}

TEST_F(ReadCapacity, AgreesWithTheOperatingSystemsBlockDevice) {
  // Guards SBC-3 5.16 against the OS: the block node's size is what READ CAPACITY says.
  REQUIRE_DUT(raw_node);
  const OsDiskView view = os_disk_view(dut().raw_node);
  REQUIRE_DUT(host_offers(view.size_bytes.has_value(),
                          "the OS's size of " + dut().raw_node + " is not known on this platform"));
  const Geometry& g = geometry();
  ASSERT_GT(g.blocks, 0u) << "READ CAPACITY failed";
  EXPECT_EQ(*view.size_bytes, g.blocks * g.block_length)
      << dut().raw_node << " holds " << *view.size_bytes << " bytes; READ CAPACITY says " << g.blocks << " x "
      << g.block_length;
  if (view.logical_block_size) {
    EXPECT_EQ(*view.logical_block_size, g.block_length);
  }
}

}  // namespace
}  // namespace dextqual::scsi::suite
