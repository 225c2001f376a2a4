#include "macos/ioreg_identity.h"

#include <array>

namespace dextqual::macos {
namespace {

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string string_at(const nlohmann::json* value) {
  return value != nullptr && value->is_string() ? trimmed(value->get<std::string>()) : std::string();
}

// The nearest non-empty string of `key`, else of `dictionary`.`nested`.
std::string nearest_string(const RegistryPath& path, const char* key, const char* dictionary,
                           const char* nested) {
  std::string value = string_at(nearest_property(path, key));
  if (value.empty()) value = string_at(nearest_nested_property(path, dictionary, nested));
  return value;
}

// <data> arrives as the base64 text between the tags (property_list.h), whitespace included.
std::string base64_decoded(const std::string& text) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto index = alphabet.find(c);
    if (index == std::string_view::npos) continue;  // whitespace, padding
    buffer = (buffer << 6) | static_cast<unsigned>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::optional<std::uint64_t> count_at(const nlohmann::json* value) {
  if (value != nullptr && value->is_number_unsigned()) return value->get<std::uint64_t>();
  return std::nullopt;
}

}  // namespace

std::string naa_wwn(const nlohmann::json& device_identification) {
  if (!device_identification.is_array()) return {};
  for (const nlohmann::json& designator : device_identification) {
    if (!designator.is_object()) continue;
    if (designator.value("Identifier Type", -1) != 3 || designator.value("Association", -1) != 0) continue;
    const auto identifier = designator.find("Identifier");
    if (identifier == designator.end() || !identifier->is_string()) continue;
    std::string hex;
    for (const unsigned char byte : base64_decoded(identifier->get<std::string>())) {
      static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                      '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
      hex.push_back(digits[byte >> 4]);
      hex.push_back(digits[byte & 0xF]);
    }
    if (!hex.empty()) return hex;
  }
  return {};
}

RegistryDisk registry_disk(const RegistryPath& path) {
  RegistryDisk disk;
  disk.identity.vendor =
      nearest_string(path, "Vendor Identification", "Device Characteristics", "Vendor Name");
  disk.identity.product =
      nearest_string(path, "Product Identification", "Device Characteristics", "Product Name");
  disk.identity.revision =
      nearest_string(path, "Product Revision Level", "Device Characteristics", "Product Revision Level");
  disk.identity.serial =
      nearest_string(path, "INQUIRY Unit Serial Number", "Device Characteristics", "Serial Number");
  if (const nlohmann::json* ids = nearest_property(path, "INQUIRY Device Identification")) {
    disk.identity.wwn = naa_wwn(*ids);
  }
  if (!path.empty()) {
    const nlohmann::json& media = *path.back();
    if (auto block =
            count_at(media.contains("Preferred Block Size") ? &media["Preferred Block Size"] : nullptr)) {
      disk.block_size = static_cast<std::uint32_t>(*block);
    }
    disk.size_bytes = count_at(media.contains("Size") ? &media["Size"] : nullptr);
    disk.read_only =
        media.contains("Writable") && media["Writable"].is_boolean() && !media["Writable"].get<bool>();
  }
  return disk;
}

}  // namespace dextqual::macos
