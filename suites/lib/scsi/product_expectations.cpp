#include "scsi/product_expectations.h"

#include <toml++/toml.h>

namespace dextqual::scsi {

Result<ProductExpectations> load_product_expectations(const std::filesystem::path& path) {
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& error) {
    return fail("parse " + path.string(), std::string(error.description()));
  }
  ProductExpectations product;
  product.path = path.string();
  product.name = table["product"]["name"].value_or(path.stem().string());
  auto vendor = table["inquiry"]["vendor"].value<std::string>();
  auto model = table["inquiry"]["product"].value<std::string>();
  if (!vendor || !model) {
    return fail("parse " + path.string(), "[inquiry] needs vendor and product");
  }
  product.vendor = *vendor;
  product.product = *model;
  product.revision = table["inquiry"]["revision"].value<std::string>();
  if (auto size = table["geometry"]["logical_block_size"].value<int64_t>()) {
    product.logical_block_size = static_cast<uint32_t>(*size);
  }
  if (auto blocks = table["geometry"]["capacity_blocks"].value<int64_t>()) {
    product.capacity_blocks = static_cast<uint64_t>(*blocks);
  }
  product.physical_interconnect = table["protocol"]["physical_interconnect"].value<std::string>();
  product.physical_interconnect_location =
      table["protocol"]["physical_interconnect_location"].value<std::string>();
  if (auto domain = table["protocol"]["scsi_domain_identifier"].value<int64_t>()) {
    product.scsi_domain_identifier = static_cast<uint64_t>(*domain);
  }
  return product;
}

std::filesystem::path product_file(const std::string& spec, const std::filesystem::path& products_dir) {
  if (spec.find('/') != std::string::npos || spec.ends_with(".toml")) return spec;
  return products_dir / (spec + ".toml");
}

}  // namespace dextqual::scsi
