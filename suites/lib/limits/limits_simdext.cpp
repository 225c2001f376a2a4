#include "limits/limits_simdext.h"

#include <string>

namespace dextqual::limits {
namespace {

// 0 and null mean "not published", as DKIOCGETMAX* report an absent key (MACOS.md §3).
Status read_limit(const nlohmann::json& object, const char* key, std::optional<std::uint64_t>& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    return {};
  }
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0)) {
    return fail("simdext.json: constraints." + std::string(key), "not a non-negative integer: " + it->dump());
  }
  const auto value = it->get<std::uint64_t>();
  if (value != 0) {
    out = value;
  }
  return {};
}

}  // namespace

Result<SimdextLimits> limits_from_simdext(const nlohmann::json& simdext) {
  if (!simdext.is_object()) {
    return fail("simdext.json", "not an object");
  }
  auto it = simdext.find("constraints");
  if (it == simdext.end() || !it->is_object()) {
    return fail("simdext.json", "no 'constraints' object (is this simdext too old?)");
  }
  const nlohmann::json& c = *it;
  SimdextLimits out;
  out.published.source = "simdext constraints";
  DQ_TRY(read_limit(c, "max_byte_count_read", out.published.read.max_byte_count));
  DQ_TRY(read_limit(c, "max_byte_count_write", out.published.write.max_byte_count));
  DQ_TRY(read_limit(c, "max_block_count_read", out.published.read.max_block_count));
  DQ_TRY(read_limit(c, "max_block_count_write", out.published.write.max_block_count));
  DQ_TRY(read_limit(c, "max_segment_count_read", out.published.read.max_segment_count));
  DQ_TRY(read_limit(c, "max_segment_count_write", out.published.write.max_segment_count));
  DQ_TRY(read_limit(c, "max_segment_byte_count_read", out.published.read.max_segment_byte_count));
  DQ_TRY(read_limit(c, "max_segment_byte_count_write", out.published.write.max_segment_byte_count));
  DQ_TRY(read_limit(c, "min_segment_alignment", out.published.min_segment_alignment));
  DQ_TRY(read_limit(c, "segment_addressable_bits", out.published.segment_addressable_bits));
  DQ_TRY(read_limit(c, "hba_data_alignment_mask", out.published.hba_data_alignment_mask));
  DQ_TRY(read_limit(c, "max_transfer_size", out.dma.max_transfer_size));
  DQ_TRY(read_limit(c, "dma_alignment", out.dma.alignment));
  DQ_TRY(read_limit(c, "num_address_bits", out.dma.num_address_bits));
  std::optional<std::uint64_t> segment_bits;
  DQ_TRY(read_limit(c, "segment_bits", segment_bits));
  if (segment_bits) {
    out.dma.segment_bits = static_cast<unsigned>(*segment_bits);
  }
  if (auto tasks = c.find("maximum_task_count"); tasks != c.end() && tasks->is_number_integer()) {
    out.dma.maximum_task_count = tasks->get<std::uint64_t>();  // 0 is meaningful here (rule 5)
  }
  return out;
}

}  // namespace dextqual::limits
