#include "runner/gtest_xml.h"

#include <cstdlib>
#include <pugixml.hpp>
#include <set>

namespace dextqual::runner {

std::map<std::string, GtestXmlCase> read_gtest_xml(const std::filesystem::path& path) {
  std::map<std::string, GtestXmlCase> cases;
  pugi::xml_document document;
  if (!document.load_file(path.c_str())) return cases;
  // GoogleTest's own attributes; anything else on a testcase is a RecordProperty (1.12).
  static const std::set<std::string> standard = {"name",        "file",      "line",      "status",
                                                 "result",      "time",      "timestamp", "classname",
                                                 "value_param", "type_param"};
  for (auto suite : document.child("testsuites").children("testsuite")) {
    for (auto testcase : suite.children("testcase")) {
      GtestXmlCase result;
      for (auto attribute : testcase.attributes()) {
        if (!standard.contains(attribute.name())) result.properties[attribute.name()] = attribute.value();
      }
      for (auto property : testcase.child("properties").children("property")) {
        result.properties[property.attribute("name").value()] = property.attribute("value").value();
      }
      for (auto failure : testcase.children("failure")) {
        result.failed = true;
        if (!result.failure_text.empty()) result.failure_text += "\n\n";
        const std::string body = failure.text().get();
        result.failure_text += body.empty() ? failure.attribute("message").value() : body;
      }
      if (auto skipped = testcase.child("skipped")) {
        result.skipped = true;
        result.skip_message = skipped.attribute("message").value();
      }
      result.seconds = std::strtod(testcase.attribute("time").value(), nullptr);
      cases[std::string(testcase.attribute("classname").value()) + "." + testcase.attribute("name").value()] =
          std::move(result);
    }
  }
  return cases;
}

}  // namespace dextqual::runner
