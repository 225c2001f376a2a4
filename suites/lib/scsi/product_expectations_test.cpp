#include "scsi/product_expectations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "scsi/transport_protocol.h"

namespace dextqual::scsi {
namespace {

TEST(ProductExpectations, LoadsEveryKey) {
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
  auto found = load_product_expectations(std::string(dir) + "/a.toml");
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->name, "Example");
  EXPECT_EQ(found->revision, "1.0");
  EXPECT_EQ(found->logical_block_size, 4096u);
  EXPECT_EQ(found->capacity_blocks, 1000u);
  EXPECT_EQ(found->physical_interconnect, "Fibre Channel Interface");
  EXPECT_EQ(found->scsi_domain_identifier, 0u);
  EXPECT_FALSE(found->physical_interconnect_location);
  auto broken = load_product_expectations(std::string(dir) + "/broken.toml");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message().find("needs vendor and product"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ProductExpectations, AFileIsTakenAsItIsANameIsLookedUpInTheProductsFolder) {
  EXPECT_EQ(product_file("/etc/acme.toml", "/fx/products"), "/etc/acme.toml");
  EXPECT_EQ(product_file("acme.toml", "/fx/products"), "acme.toml");
  EXPECT_EQ(product_file("stations/acme", "/fx/products"), "stations/acme");
  EXPECT_EQ(product_file("simdext-raid0", "/fx/products"), "/fx/products/simdext-raid0.toml");
}

TEST(ProductExpectations, EveryShippedProductNamesAKnownProtocol) {
  // A [protocol] physical_interconnect the Identity test cannot map would fail every run against it.
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(DEXTQUAL_FIXTURES) + "/products")) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    auto product = load_product_expectations(entry.path());
    ASSERT_TRUE(product) << product.error().message();
    if (product->physical_interconnect) {
      EXPECT_TRUE(from_physical_interconnect(*product->physical_interconnect))
          << entry.path() << ": " << *product->physical_interconnect;
    }
  }
  EXPECT_GE(files, 5);
}

}  // namespace
}  // namespace dextqual::scsi
