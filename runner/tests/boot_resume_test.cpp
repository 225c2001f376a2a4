// The one-shot resume at boot (issue 10 §4): the generated systemd unit and LaunchDaemon property list,
// and arming/disarming through the command seam into a temporary unit folder.
#include "runner/boot_resume.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include <pugixml.hpp>

namespace dextqual::runner {
namespace {

BootResumeSpec spec() {
  return {"0123abcd",
          "/opt/dextqual/bin/dextqual",
          "/var/lib/dextqual/run 1",
          {{"DEXTQUAL_SUITES_DIR", "/opt/dextqual/libexec/dextqual"}, {"PATH", "/usr/bin:/bin"}}};
}

BootResumeSpec safe_spec() {
  auto s = spec();
  s.state_dir = "/var/lib/dextqual/run-1";
  return s;
}

TEST(BootResume, SystemdUnitRunsTheResumeOnceAfterTheFilesystems) {
  const auto unit = systemd_unit_text(safe_spec());
  EXPECT_NE(unit.find("[Unit]\n"), std::string::npos);
  EXPECT_NE(
      unit.find("\nExecStart=/opt/dextqual/bin/dextqual resume --state /var/lib/dextqual/run-1 --at-boot\n"),
      std::string::npos)
      << unit;
  EXPECT_NE(unit.find("\nRequiresMountsFor=/var/lib/dextqual/run-1\n"), std::string::npos);
  EXPECT_NE(unit.find("\nAfter=local-fs.target network-online.target\n"), std::string::npos);
  EXPECT_NE(unit.find("\nEnvironment=\"DEXTQUAL_SUITES_DIR=/opt/dextqual/libexec/dextqual\"\n"),
            std::string::npos);
  EXPECT_NE(unit.find("\nStandardOutput=append:/var/lib/dextqual/run-1/resume-at-boot.log\n"),
            std::string::npos);
  EXPECT_NE(unit.find("\n[Install]\nWantedBy=multi-user.target\n"), std::string::npos);
  EXPECT_EQ(systemd_unit_name("0123abcd"), "dextqual-resume-0123abcd.service");
}

TEST(BootResume, SystemdSpecifiersAndQuotesAreEscaped) {
  auto s = safe_spec();
  s.dextqual = "/opt/100%/dextqual";
  s.env = {{"DEXTQUAL_X", "a \"b\" 50%"}};
  const auto unit = systemd_unit_text(s);
  EXPECT_NE(unit.find("ExecStart=/opt/100%%/dextqual resume"), std::string::npos) << unit;
  EXPECT_NE(unit.find("Environment=\"DEXTQUAL_X=a \\\"b\\\" 50%%\""), std::string::npos) << unit;
}

TEST(BootResume, TheResumedRunGetsThisRunsPartsButNoPerTestOrMultiLineVariables) {
  ::setenv("DEXTQUAL_SUITES_DIR", "/opt/suites", 1);
  ::setenv("DEXTQUAL_FINDINGS_DIR", "/per/test", 1);
  ::setenv("DEXTQUAL_EVIL", "x\nExecStartPre=/bin/rm", 1);
  const auto env = environment_for_resume();
  ::unsetenv("DEXTQUAL_FINDINGS_DIR");
  ::unsetenv("DEXTQUAL_EVIL");
  EXPECT_EQ(env.at("DEXTQUAL_SUITES_DIR"), "/opt/suites");
  EXPECT_FALSE(env.contains("DEXTQUAL_FINDINGS_DIR"));
  EXPECT_FALSE(env.contains("DEXTQUAL_EVIL"));
  EXPECT_TRUE(env.contains("PATH"));
}

TEST(BootResume, PathsABootJobCannotCarryAreRefused) {
  EXPECT_FALSE(check_boot_resume_spec(spec()).has_value());  // a space in the state directory
  auto relative = safe_spec();
  relative.state_dir = "state";
  EXPECT_FALSE(check_boot_resume_spec(relative).has_value());
  EXPECT_TRUE(check_boot_resume_spec(safe_spec()).has_value());
}

TEST(BootResume, LaunchDaemonPlistParsesAndHasTheKeys) {
  pugi::xml_document document;
  const auto text = launchd_plist_text(spec());
  ASSERT_TRUE(document.load_string(text.c_str(), pugi::parse_default | pugi::parse_doctype)) << text;
  EXPECT_NE(text.find("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""), std::string::npos);
  const auto dict = document.child("plist").child("dict");
  ASSERT_TRUE(dict);
  std::map<std::string, pugi::xml_node> values;
  for (auto key = dict.child("key"); key; key = key.next_sibling("key"))
    values[key.text().get()] = key.next_sibling();
  EXPECT_STREQ(values["Label"].text().get(), "org.dextqual.resume.0123abcd");
  EXPECT_STREQ(values["RunAtLoad"].name(), "true");
  EXPECT_STREQ(values["LaunchOnlyOnce"].name(), "true");
  std::vector<std::string> arguments;
  for (auto argument : values["ProgramArguments"].children("string"))
    arguments.emplace_back(argument.text().get());
  EXPECT_EQ(arguments, (std::vector<std::string>{"/opt/dextqual/bin/dextqual", "resume", "--state",
                                                 "/var/lib/dextqual/run 1", "--at-boot"}));
  EXPECT_STREQ(values["StandardOutPath"].text().get(), "/var/lib/dextqual/run 1/resume-at-boot.log");
  EXPECT_TRUE(values["EnvironmentVariables"].child("key"));
}

}  // namespace
}  // namespace dextqual::runner
