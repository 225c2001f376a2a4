#include "scsi/product_expectations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace dextqual::scsi {
namespace {

TEST(ProductExpectations, LoadsEveryKeyAndFindsByInquiryStrings) {
  char dir[] = "/tmp/products-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  std::ofstream(std::string(dir) + "/a.toml") << R"(
[product]
name = "Example"
[inquiry]
vendor = "ACME"
product = "RAID"
revision = "1.0"
[geometry]
logical_block_size = 4096
capacity_blocks = 1000
[protocol]
physical_interconnect = "Fibre Channel Interface"
scsi_domain_identifier = 0
)";
  std::ofstream(std::string(dir) + "/broken.toml") << "[inquiry]\nvendor = \"X\"\n";
  auto found = find_product(dir, "ACME", "RAID");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Example");
  EXPECT_EQ(found->revision, "1.0");
  EXPECT_EQ(found->logical_block_size, 4096u);
  EXPECT_EQ(found->capacity_blocks, 1000u);
  EXPECT_EQ(found->physical_interconnect, "Fibre Channel Interface");
  EXPECT_EQ(found->scsi_domain_identifier, 0u);
  EXPECT_FALSE(found->physical_interconnect_location);
  EXPECT_FALSE(find_product(dir, "ACME", "OTHER"));
  auto broken = load_product_expectations(std::string(dir) + "/broken.toml");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message().find("needs vendor and product"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dextqual::scsi
