// The JUnit rendering validates against junit-10.xsd whatever the tests printed, and puts the
// verdicts where consumers look (JUNIT.md).
#include "reports/junit_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "reports/tests/junit_schema_check.h"
#include "reports/tests/sample_report.h"

namespace dextqual::reports {
namespace {

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("dextqual-reports-" + std::to_string(::getpid()) + name);
}

TEST(JunitWriter, SampleWithHostileTextValidatesAgainstTheSchema) {
  const auto path = temp_file("-junit.xml");
  ASSERT_TRUE(write_junit(path, testing::sample_report(), {.attachment_prefix = "build/report/"}));
  const auto problems = testing::junit_schema_problems(path.string());
  EXPECT_EQ(problems, "") << path;
  std::filesystem::remove(path);
}

TEST(JunitWriter, EmptyReportValidates) {
  const auto path = temp_file("-empty.xml");
  ASSERT_TRUE(write_junit(path, Report{}));
  EXPECT_EQ(testing::junit_schema_problems(path.string()), "");
  std::filesystem::remove(path);
}

TEST(JunitWriter, VerdictsMapToTheElementsConsumersRead) {
  pugi::xml_document doc;
  const auto xml = render_junit(testing::sample_report(), {.attachment_prefix = "build/report/"});
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  const auto suite = doc.child("testsuites").find_child_by_attribute("testsuite", "name", "rawio");
  ASSERT_TRUE(suite);
  EXPECT_STREQ(suite.attribute("tests").value(), "9");
  EXPECT_STREQ(suite.attribute("failures").value(), "2");  // FAIL, XPASS
  EXPECT_STREQ(suite.attribute("errors").value(), "4");    // TIMEOUT, ERROR, UNRESOLVED, DEVICE-LOST
  EXPECT_STREQ(suite.attribute("skipped").value(), "1");
  const auto bad = suite.find_child_by_attribute("testcase", "name", "Bad");
  EXPECT_STREQ(bad.attribute("classname").value(), "rawio.TransferSize");
  const std::string body = bad.child("failure").text().get();
  EXPECT_NE(body.find("Expected: ok"), std::string::npos);
  EXPECT_NE(body.find("Reproduce: build/rawio --gtest_filter=TransferSize.Bad"), std::string::npos);
  const std::string out = bad.child("system-out").text().get();
  EXPECT_NE(out.find("[[ATTACHMENT|build/report/logs/rawio/TransferSize.Bad.log]]"), std::string::npos);
  EXPECT_NE(out.find("[[PROPERTY|effective_write_limit_bytes=65536]]"), std::string::npos);
  EXPECT_LT(out.size(), 80u * 1024);  // the megabyte log is cut to head + tail
  EXPECT_NE(out.find("bytes left out"), std::string::npos);
  EXPECT_STREQ(
      suite.find_child_by_attribute("testcase", "name", "Forever").child("error").attribute("type").value(),
      "timeout");
  EXPECT_TRUE(
      suite.find_child_by_attribute("testcase", "name", "Failure").child("failure").empty());  // XFAIL
  EXPECT_STREQ(
      suite.find_child_by_attribute("testcase", "name", "Pass").child("failure").attribute("type").value(),
      "xpass");
}

TEST(JunitWriter, RunAndDutIdentityAreSuiteProperties) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(testing::sample_report()).c_str()));
  const auto properties = doc.child("testsuites").child("testsuite").child("properties");
  EXPECT_STREQ(properties.find_child_by_attribute("property", "name", "dut.wwn").attribute("value").value(),
               "50dec0a000000001");
  EXPECT_STREQ(
      properties.find_child_by_attribute("property", "name", "run.profile").attribute("value").value(),
      "clean");
}

}  // namespace
}  // namespace dextqual::reports
