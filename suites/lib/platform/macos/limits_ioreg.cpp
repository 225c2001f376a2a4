#include "platform/macos/limits_ioreg.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace dextqual::limits {
namespace {

// The <dict> elements from the matched IOMedia up to the outermost ancestor ioreg printed.
using Chain = std::vector<pugi::xml_node>;

// The value element that follows <key>name</key> directly in `dict`, or an empty node.
pugi::xml_node dict_value(pugi::xml_node dict, std::string_view name) {
  for (pugi::xml_node key = dict.child("key"); key; key = key.next_sibling("key")) {
    if (name == key.text().get()) {
      return key.next_sibling();
    }
  }
  return {};
}

bool find_media(pugi::xml_node dict, std::string_view bsd_name, Chain& chain) {
  chain.push_back(dict);
  if (pugi::xml_node name = dict_value(dict, "BSD Name");
      name && std::string_view(name.name()) == "string" && bsd_name == name.text().get()) {
    return true;
  }
  if (pugi::xml_node children = dict_value(dict, "IORegistryEntryChildren");
      children && std::string_view(children.name()) == "array") {
    for (pugi::xml_node child = children.child("dict"); child; child = child.next_sibling("dict")) {
      if (find_media(child, bsd_name, chain)) {
        return true;
      }
    }
  }
  chain.pop_back();
  return false;
}

// <integer>, or a <real> holding a whole number (sizes are sometimes <real>, MACOS.md §7).
Result<std::optional<std::uint64_t>> as_count(pugi::xml_node value, std::string_view key) {
  const std::string_view type = value.name();
  const std::string text = value.text().get();
  if (type == "integer") {
    std::uint64_t out = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    int base = 10;
    if (text.starts_with("0x") || text.starts_with("0X")) {
      first += 2;
      base = 16;
    }
    auto [ptr, ec] = std::from_chars(first, last, out, base);
    if (ec != std::errc() || ptr != last) {
      return fail("ioreg: key " + std::string(key), "not an unsigned integer: '" + text + "'");
    }
    return out == 0 ? std::nullopt : std::optional<std::uint64_t>(out);
  }
  if (type == "real") {
    char* end = nullptr;
    const double real = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || real < 0 || real != std::floor(real) || real > 1.8e19) {
      return fail("ioreg: key " + std::string(key), "not a whole, non-negative size: '" + text + "'");
    }
    const auto out = static_cast<std::uint64_t>(real);
    return out == 0 ? std::nullopt : std::optional<std::uint64_t>(out);
  }
  return fail("ioreg: key " + std::string(key), "unexpected plist type <" + std::string(type) + ">");
}

// Nearest-ancestor lookup: the IOMedia itself first, then each parent.
Status lookup(const Chain& chain, std::string_view key, std::optional<std::uint64_t>& out) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (pugi::xml_node value = dict_value(*it, key)) {
      DQ_TRY_ASSIGN(out, as_count(value, key));
      return {};
    }
  }
  return {};
}

}  // namespace

Result<PublishedLimits> limits_from_ioreg(std::string_view plist_xml, std::string_view bsd_name) {
  for (std::string_view prefix : {"/dev/r", "/dev/"}) {
    if (bsd_name.starts_with(prefix)) {
      bsd_name.remove_prefix(prefix.size());
    }
  }
  if (plist_xml.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail("ioreg -a", "empty output: no IOMedia matched (ioreg exits 0 when nothing matches)");
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(plist_xml.data(), plist_xml.size());
  if (!parsed) {
    return fail("ioreg -a", std::string("not a valid plist: ") + parsed.description() + " at offset " +
                                std::to_string(parsed.offset));
  }
  pugi::xml_node root = doc.child("plist").first_child();
  std::vector<pugi::xml_node> tops;
  if (std::string_view(root.name()) == "array") {
    for (pugi::xml_node dict = root.child("dict"); dict; dict = dict.next_sibling("dict")) {
      tops.push_back(dict);
    }
  } else if (std::string_view(root.name()) == "dict") {
    tops.push_back(root);
  }
  Chain chain;
  for (pugi::xml_node top : tops) {
    if (find_media(top, bsd_name, chain)) {
      break;
    }
  }
  if (chain.empty()) {
    return fail("ioreg -a", "no IOMedia with BSD Name '" + std::string(bsd_name) + "'");
  }
  PublishedLimits out;
  out.source = "IORegistry (ioreg -a)";
  DQ_TRY(lookup(chain, "IOMaximumByteCountRead", out.read.max_byte_count));
  DQ_TRY(lookup(chain, "IOMaximumByteCountWrite", out.write.max_byte_count));
  DQ_TRY(lookup(chain, "IOMaximumBlockCountRead", out.read.max_block_count));
  DQ_TRY(lookup(chain, "IOMaximumBlockCountWrite", out.write.max_block_count));
  DQ_TRY(lookup(chain, "IOMaximumSegmentCountRead", out.read.max_segment_count));
  DQ_TRY(lookup(chain, "IOMaximumSegmentCountWrite", out.write.max_segment_count));
  DQ_TRY(lookup(chain, "IOMaximumSegmentByteCountRead", out.read.max_segment_byte_count));
  DQ_TRY(lookup(chain, "IOMaximumSegmentByteCountWrite", out.write.max_segment_byte_count));
  DQ_TRY(lookup(chain, "IOMinimumSegmentAlignmentByteCount", out.min_segment_alignment));
  DQ_TRY(lookup(chain, "IOMaximumSegmentAddressableBitCount", out.segment_addressable_bits));
  DQ_TRY(lookup(chain, "HBA Data Alignment", out.hba_data_alignment_mask));
  return out;
}

}  // namespace dextqual::limits
