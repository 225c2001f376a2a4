#include "macos/property_list.h"

#include <cmath>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <string>

namespace dextqual::macos {
namespace {

// "2025-03-02 10:11:12.345 diskutil[812:10923] ..." — an NSLog line, never part of the plist.
bool is_log_line(const std::string& line) {
  static const std::regex nslog(
      R"(^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\s+\S+\[\d+:[0-9a-fA-Fx]+\].*)");
  return std::regex_match(line, nslog);
}

Result<nlohmann::json> convert(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  if (name == "dict") {
    nlohmann::json object = nlohmann::json::object();
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (std::string_view(child.name()) != "key") {
        return fail("parse plist",
                    std::string("a <dict> holds <") + child.name() + "> where a <key> belongs");
      }
      const pugi::xml_node value = child.next_sibling();
      if (!value) {
        return fail("parse plist", std::string("key '") + child.child_value() + "' has no value");
      }
      DQ_TRY_ASSIGN(object[child.child_value()], convert(value));
      child = value;
    }
    return object;
  }
  if (name == "array") {
    nlohmann::json array = nlohmann::json::array();
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      DQ_TRY_ASSIGN(nlohmann::json element, convert(child));
      array.push_back(std::move(element));
    }
    return array;
  }
  if (name == "string" || name == "date" || name == "data") {
    return nlohmann::json(node.child_value());
  }
  if (name == "integer") {
    const std::string text = node.child_value();
    try {
      if (!text.empty() && text[0] == '-') {
        return nlohmann::json(std::stoll(text));
      }
      return nlohmann::json(std::stoull(text));
    } catch (const std::exception&) {
      return fail("parse plist", "<integer>" + text + "</integer> is not an integer");
    }
  }
  if (name == "real") {
    const std::string text = node.child_value();
    try {
      return nlohmann::json(std::stod(text));
    } catch (const std::exception&) {
      return fail("parse plist", "<real>" + text + "</real> is not a number");
    }
  }
  if (name == "true" || name == "false") {
    return nlohmann::json(name == "true");
  }
  return fail("parse plist", "unknown element <" + std::string(name) + ">");
}

}  // namespace

Result<nlohmann::json> parse_plist(std::string_view text) {
  std::istringstream lines{std::string(text)};
  std::string line;
  std::string xml;
  while (std::getline(lines, line)) {
    if (!is_log_line(line)) {
      xml += line;
      xml += '\n';
    }
  }
  // Whatever precedes the document (progress text, a log line in another format) is not ours to read.
  const auto start = xml.find("<?xml") != std::string::npos ? xml.find("<?xml") : xml.find("<plist");
  if (start == std::string::npos) {
    return fail("parse plist", "no <plist> in the output");
  }
  const auto end = xml.rfind("</plist>");
  if (end == std::string::npos || end < start) {
    return fail("parse plist", "the output ends before </plist>");
  }
  const std::string document = xml.substr(start, end + 8 - start);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(document.data(), document.size());
  if (!parsed) {
    return fail("parse plist",
                std::string(parsed.description()) + " at offset " + std::to_string(parsed.offset));
  }
  const pugi::xml_node root = doc.child("plist").first_child();
  if (!root) {
    return fail("parse plist", "empty <plist>");
  }
  return convert(root);
}

std::optional<std::uint64_t> plist_size(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    return value.get<std::uint64_t>();
  }
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
    return static_cast<std::uint64_t>(value.get<std::int64_t>());
  }
  if (value.is_number_float() && value.get<double>() >= 0) {
    return static_cast<std::uint64_t>(std::llround(value.get<double>()));
  }
  return std::nullopt;
}

std::optional<bool> plist_flag(const nlohmann::json& dict, const char* key) {
  const auto it = dict.find(key);
  if (it == dict.end()) {
    return std::nullopt;
  }
  if (it->is_boolean()) {
    return it->get<bool>();
  }
  if (it->is_string()) {
    const std::string text = it->get<std::string>();
    if (text == "Yes" || text == "yes" || text == "true") {
      return true;
    }
    if (text == "No" || text == "no" || text == "false") {
      return false;
    }
  }
  return std::nullopt;
}

std::string plist_text(const nlohmann::json& dict, const char* key) {
  const auto it = dict.find(key);
  return it != dict.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace dextqual::macos
