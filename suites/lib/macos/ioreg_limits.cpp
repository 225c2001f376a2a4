#include "macos/ioreg_limits.h"

#include <cmath>
#include <string>

#include "macos/ioreg_archive.h"

namespace dextqual::limits {
namespace {

// <integer>, or a <real> holding a whole number (sizes are sometimes <real>, MACOS.md §7). 0 = absent.
Result<std::optional<std::uint64_t>> as_count(const nlohmann::json& value, std::string_view key) {
  std::uint64_t out = 0;
  if (value.is_number_unsigned()) {
    out = value.get<std::uint64_t>();
  } else if (value.is_number_integer()) {
    return fail("ioreg: key " + std::string(key), "negative: " + value.dump());
  } else if (value.is_number_float()) {
    const double real = value.get<double>();
    if (real < 0 || real != std::floor(real) || real > 1.8e19) {
      return fail("ioreg: key " + std::string(key), "not a whole, non-negative size: " + value.dump());
    }
    out = static_cast<std::uint64_t>(real);
  } else {
    return fail("ioreg: key " + std::string(key), "not a number: " + value.dump());
  }
  return out == 0 ? std::nullopt : std::optional<std::uint64_t>(out);
}

Status lookup(const macos::RegistryPath& path, std::string_view key, std::optional<std::uint64_t>& out) {
  if (const nlohmann::json* value = macos::nearest_property(path, key)) {
    DQ_TRY_ASSIGN(out, as_count(*value, key));
  }
  return {};
}

Status lookup_requested(const macos::RegistryPath& path, std::string_view key,
                        std::optional<std::uint64_t>& out) {
  if (const nlohmann::json* value =
          macos::nearest_nested_property(path, "SCSI Device Characteristics", key)) {
    DQ_TRY_ASSIGN(out, as_count(*value, "SCSI Device Characteristics/" + std::string(key)));
  }
  return {};
}

Result<macos::RegistryPath> path_to(const macos::IoregArchive& archive, std::string_view bsd_name) {
  if (archive.empty()) {
    return fail("ioreg -a", "empty output: no IOMedia matched (ioreg exits 0 when nothing matches)");
  }
  auto path = archive.path_to_media(bsd_name);
  if (!path) {
    return fail("ioreg -a", "no IOMedia with BSD Name '" + std::string(macos::bsd_name_of(bsd_name)) + "'");
  }
  return std::move(*path);
}

}  // namespace

Result<PublishedLimits> requested_limits_from_ioreg(std::string_view ioreg_output,
                                                    std::string_view bsd_name) {
  DQ_TRY_ASSIGN(const auto archive, macos::IoregArchive::parse(ioreg_output));
  DQ_TRY_ASSIGN(const auto path, path_to(archive, bsd_name));
  PublishedLimits out;
  out.source = "IORegistry SCSI Device Characteristics (requested by the protocol layer)";
  DQ_TRY(lookup_requested(path, "IOMaximumByteCountRead", out.read.max_byte_count));
  DQ_TRY(lookup_requested(path, "IOMaximumByteCountWrite", out.write.max_byte_count));
  DQ_TRY(lookup_requested(path, "IOMaximumBlockCountRead", out.read.max_block_count));
  DQ_TRY(lookup_requested(path, "IOMaximumBlockCountWrite", out.write.max_block_count));
  return out;
}

Result<PublishedLimits> limits_from_ioreg(std::string_view ioreg_output, std::string_view bsd_name) {
  DQ_TRY_ASSIGN(const auto archive, macos::IoregArchive::parse(ioreg_output));
  DQ_TRY_ASSIGN(const auto found, path_to(archive, bsd_name));
  const macos::RegistryPath* path = &found;
  PublishedLimits out;
  out.source = "IORegistry (ioreg -a)";
  DQ_TRY(lookup(*path, "IOMaximumByteCountRead", out.read.max_byte_count));
  DQ_TRY(lookup(*path, "IOMaximumByteCountWrite", out.write.max_byte_count));
  DQ_TRY(lookup(*path, "IOMaximumBlockCountRead", out.read.max_block_count));
  DQ_TRY(lookup(*path, "IOMaximumBlockCountWrite", out.write.max_block_count));
  DQ_TRY(lookup(*path, "IOMaximumSegmentCountRead", out.read.max_segment_count));
  DQ_TRY(lookup(*path, "IOMaximumSegmentCountWrite", out.write.max_segment_count));
  DQ_TRY(lookup(*path, "IOMaximumSegmentByteCountRead", out.read.max_segment_byte_count));
  DQ_TRY(lookup(*path, "IOMaximumSegmentByteCountWrite", out.write.max_segment_byte_count));
  DQ_TRY(lookup(*path, "IOMinimumSegmentAlignmentByteCount", out.min_segment_alignment));
  DQ_TRY(lookup(*path, "IOMaximumSegmentAddressableBitCount", out.segment_addressable_bits));
  DQ_TRY(lookup(*path, "HBA Data Alignment", out.hba_data_alignment_mask));
  return out;
}

}  // namespace dextqual::limits
