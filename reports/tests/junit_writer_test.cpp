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
  EXPECT_STREQ(suite.attribute("tests").value(), "10");
  EXPECT_STREQ(suite.attribute("failures").value(), "2");  // FAIL, XPASS
  EXPECT_STREQ(suite.attribute("errors").value(), "4");    // TIMEOUT, ERROR, UNRESOLVED, DEVICE-LOST
  EXPECT_STREQ(suite.attribute("skipped").value(), "2");   // SKIPPED, XFAIL
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
  EXPECT_STREQ(
      suite.find_child_by_attribute("testcase", "name", "Pass").child("failure").attribute("type").value(),
      "xpass");
}

// pytest's convention: an XFAIL is a skip, so no CI counts it as a pass; its body is the failure.
TEST(JunitWriter, XfailIsASkipWhoseBodyIsTheFailure) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(testing::sample_report()).c_str()));
  const auto testcase =
      doc.child("testsuites").child("testsuite").find_child_by_attribute("testcase", "name", "Failure");
  ASSERT_TRUE(testcase);
  EXPECT_FALSE(testcase.child("failure"));
  const auto skipped = testcase.child("skipped");
  ASSERT_TRUE(skipped);
  EXPECT_STREQ(skipped.attribute("type").value(), "xfail");
  EXPECT_STREQ(skipped.attribute("message").value(), "expected failure (blame: driver): F2 limit <64 KiB>");
  const std::string body = skipped.text().get();
  EXPECT_NE(body.find("Actual: EIO at 128 KiB"), std::string::npos) << body;
  EXPECT_NE(body.find("Reproduce: build/rawio --gtest_filter=Expected.Failure"), std::string::npos);
  // A plain skip keeps its form: no type, the reason in the message.
  const auto skip =
      doc.child("testsuites").child("testsuite").find_child_by_attribute("testcase", "name", "Me");
  EXPECT_STREQ(skip.child("skipped").attribute("message").value(),
               "SKIPPED: requires scsi_passthrough(): none");
  EXPECT_FALSE(skip.child("skipped").attribute("type"));
}

// junit-10.xsd allows no <properties> in a testcase: the warnings are [[PROPERTY|...]] lines, as every
// per-test property is, and "WARN: ..." lines first in system-out, where GitLab and Jenkins show them.
TEST(JunitWriter, WarnIsAPassWithItsWarningsInSystemOut) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(testing::sample_report()).c_str()));
  const auto testcase = doc.child("testsuites")
                            .child("testsuite")
                            .find_child_by_attribute("testcase", "name", "WithoutProtection");
  ASSERT_TRUE(testcase);
  EXPECT_FALSE(testcase.child("failure") || testcase.child("error") || testcase.child("skipped"));
  const std::string out = testcase.child("system-out").text().get();
  const auto first = out.find("WARN: SBC-3 5.8 should: RDPROTECT 011b");
  const auto second = out.find("WARN: SPC-4 4.5.6 should: sense data\\x07 <&> \"descriptor\" format\n");
  ASSERT_NE(first, std::string::npos) << out;
  ASSERT_NE(second, std::string::npos) << out;
  EXPECT_LT(first, second);  // warning.2 before warning.10
  EXPECT_LT(second, out.find("[[PROPERTY|"));
  EXPECT_NE(out.find("[[PROPERTY|warning.2=SBC-3 5.8 should:"), std::string::npos);
  EXPECT_NE(out.find("[[PROPERTY|warning.10=SPC-4 4.5.6 should:"), std::string::npos);
  EXPECT_EQ(out.find("WARN: not a warning"), std::string::npos);
}

TEST(JunitWriter, XfailAndWarnValidateAgainstTheSchema) {
  Report report;
  TestResult xfail{.suite = "scsi", .name = "Read.Protect", .verdict = Verdict::xfail};
  xfail.message = "expected failure (blame: firmware): RDPROTECT ignored";
  xfail.detail = "Expected: CHECK CONDITION\n  Actual: GOOD";
  TestResult warn{.suite = "scsi", .name = "Read.ProtectWarn", .verdict = Verdict::warn};
  warn.properties = {{"warning", "SBC-3 5.8 should: ..."}, {"warning.1", "SPC-4 should: ..."}};
  report.suites.push_back({"scsi", "/build/scsi", {xfail, warn}});
  const auto path = temp_file("-xfail-warn.xml");
  ASSERT_TRUE(write_junit(path, report));
  EXPECT_EQ(testing::junit_schema_problems(path.string()), "") << path;
  std::filesystem::remove(path);
}

// Consumers recount the elements; the attributes must say the same (the root has no `skipped`:
// junit-10.xsd does not allow it there).
TEST(JunitWriter, SuiteCountsAgreeWithTheElements) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(testing::sample_report()).c_str()));
  const auto root = doc.child("testsuites");
  EXPECT_FALSE(root.attribute("skipped"));
  int all_failures = 0;
  int all_errors = 0;
  for (const auto suite : root.children("testsuite")) {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (const auto testcase : suite.children("testcase")) {
      failures += testcase.child("failure") ? 1 : 0;
      errors += testcase.child("error") ? 1 : 0;
      skipped += testcase.child("skipped") ? 1 : 0;
    }
    EXPECT_EQ(suite.attribute("failures").as_int(), failures) << suite.attribute("name").value();
    EXPECT_EQ(suite.attribute("errors").as_int(), errors);
    EXPECT_EQ(suite.attribute("skipped").as_int(), skipped);
    all_failures += failures;
    all_errors += errors;
  }
  EXPECT_EQ(root.attribute("failures").as_int(), all_failures);
  EXPECT_EQ(root.attribute("errors").as_int(), all_errors);
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
