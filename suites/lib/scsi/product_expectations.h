// What a product is expected to look like to the host (F7): INQUIRY strings, block size and
// capacity, and the protocol characteristics the platform publishes (macOS: the IORegistry
// "Protocol Characteristics" dictionary that diskutil shows as Protocol / SCSI Domain ID).
// Format and keys: fixtures/products/README.md. Every key but [inquiry] vendor/product is optional.
// Which file applies is the run's to say (station [product] file, `dextqual run --product`, a simdext
// profile's [dut] product), never looked up from the DUT's own INQUIRY strings (issue 12 §3).
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

// dut.json `product_expectations`: a path (it has a '/' or ends in .toml) as it is, or a product name
// ("simdext-raid0") as `products_dir`/<name>.toml.
[[nodiscard]] std::filesystem::path product_file(const std::string& spec,
                                                 const std::filesystem::path& products_dir);

}  // namespace dextqual::scsi
