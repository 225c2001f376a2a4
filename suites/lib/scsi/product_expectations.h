// What a product is expected to look like to the host (F7): INQUIRY strings, block size and
// capacity, and the protocol characteristics the platform publishes (macOS: the IORegistry
// "Protocol Characteristics" dictionary that diskutil shows as Protocol / SCSI Domain ID).
// Format and keys: fixtures/products/README.md. Every key but [inquiry] vendor/product is optional.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual::scsi {

struct ProductExpectations {
  std::string path;
  std::string name;
  std::string vendor;  // INQUIRY, compared after trimming trailing spaces
  std::string product;
  std::optional<std::string> revision;
  std::optional<uint32_t> logical_block_size;
  std::optional<uint64_t> capacity_blocks;
  std::optional<std::string> physical_interconnect;
  std::optional<std::string> physical_interconnect_location;
  std::optional<uint64_t> scsi_domain_identifier;
};

[[nodiscard]] Result<ProductExpectations> load_product_expectations(const std::filesystem::path& path);

// The product file in `directory` whose [inquiry] vendor and product equal these (trimmed) strings.
[[nodiscard]] std::optional<ProductExpectations> find_product(const std::filesystem::path& directory,
                                                              const std::string& vendor,
                                                              const std::string& product);

}  // namespace dextqual::scsi
