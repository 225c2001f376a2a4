// The generated boot jobs (boot_resume.h), for every platform: a systemd unit and a launchd property list.
#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "contract/run_contract.h"
#include "runner/boot_resume.h"

extern char** environ;  // NOLINT: POSIX

namespace dextqual::runner {
namespace {

bool carries_safely(const std::string& text) {
  for (const unsigned char c : text) {
    if (c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == 0x7f) return false;
  }
  return true;
}

// systemd expands %-specifiers everywhere and $VARIABLES in Exec lines.
std::string systemd_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%')
      out += "%%";
    else if (c == '$')
      out += "$$";
    else
      out += c;
  }
  return out;
}

// A value inside double quotes of an Environment= line.
std::string systemd_quoted_value(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%')
      out += "%%";
    else if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::vector<std::string> resume_arguments(const BootResumeSpec& spec) {
  return {spec.dextqual.string(), "resume", "--state", spec.state_dir.string(), "--at-boot"};
}

void add_string(pugi::xml_node dict, const std::string& key, const std::string& value) {
  dict.append_child("key").text().set(key.c_str());
  dict.append_child("string").text().set(value.c_str());
}

void add_bool(pugi::xml_node dict, const std::string& key, bool value) {
  dict.append_child("key").text().set(key.c_str());
  dict.append_child(value ? "true" : "false");
}

}  // namespace

SystemCommand real_system_command() {
  return [](const process::ChildSpec& spec) { return process::run_child(spec); };
}

std::map<std::string, std::string> environment_for_resume() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const auto equals = text.find('=');
    if (equals == std::string::npos) continue;
    const auto name = text.substr(0, equals);
    const bool wanted = name == "PATH" || name == contract::kSimdextEnv || name.starts_with("DEXTQUAL_");
    const bool per_test = name == contract::kDutEnv || name == contract::kFindingsDirEnv;
    const auto value = text.substr(equals + 1);
    // A newline would end an Environment= line early and let the rest be read as unit syntax.
    const bool one_line = std::none_of(value.begin(), value.end(), [](unsigned char c) { return c < ' '; });
    if (wanted && !per_test && one_line) env[name] = value;
  }
  return env;
}

Status check_boot_resume_spec(const BootResumeSpec& spec) {
  if (spec.run_id.empty() || !carries_safely(spec.run_id))
    return fail("arm the resume at boot", "bad run id");
  for (const auto* path : {&spec.dextqual, &spec.state_dir}) {
    if (!path->is_absolute() || !carries_safely(path->string())) {
      return fail(
          "arm the resume at boot",
          "'" + path->string() +
              "' must be an absolute path without whitespace, quotes or backslashes to go into a boot job");
    }
  }
  return {};
}

std::filesystem::path boot_resume_log(const std::filesystem::path& state_dir) {
  return state_dir / "resume-at-boot.log";
}

std::string systemd_unit_name(const std::string& run_id) { return "dextqual-resume-" + run_id + ".service"; }

std::string systemd_unit_text(const BootResumeSpec& spec) {
  std::ostringstream unit;
  const auto state = systemd_escaped(spec.state_dir.string());
  const auto log = systemd_escaped(boot_resume_log(spec.state_dir).string());
  std::string exec;
  for (const auto& argument : resume_arguments(spec))
    exec += (exec.empty() ? "" : " ") + systemd_escaped(argument);
  unit << "# Written by dextqual for run " << spec.run_id << ": resumes it once at the next boot.\n"
       << "# `dextqual resume --at-boot` disables and removes this file before it runs anything.\n"
       << "[Unit]\n"
       << "Description=dextqual: resume run " << spec.run_id
       << " after the host reboot\n"
       // The station's hooks (post_run, a networked PDU) may need the network; the state must be mounted.
       << "Wants=network-online.target\n"
       << "After=local-fs.target network-online.target\n"
       << "RequiresMountsFor=" << state << "\n"
       << "\n[Service]\n"
       // Not oneshot: the boot (multi-user.target) must not wait hours for the tests; `dextqual wait` does.
       << "Type=exec\n"
       << "ExecStart=" << exec << "\n";
  for (const auto& [name, value] : spec.env) {
    unit << "Environment=\"" << name << "=" << systemd_quoted_value(value) << "\"\n";
  }
  unit << "StandardOutput=append:" << log << "\n"
       << "StandardError=append:" << log << "\n"
       << "TimeoutStartSec=infinity\n"
       << "\n[Install]\n"
       << "WantedBy=multi-user.target\n";
  return unit.str();
}

std::string launchd_label(const std::string& run_id) { return "org.dextqual.resume." + run_id; }

std::string launchd_plist_text(const BootResumeSpec& spec) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  document.append_child(pugi::node_doctype)
      .set_value(
          R"(plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd")");
  auto plist = document.append_child("plist");
  plist.append_attribute("version") = "1.0";
  auto dict = plist.append_child("dict");
  add_string(dict, "Label", launchd_label(spec.run_id));
  dict.append_child("key").text().set("ProgramArguments");
  auto arguments = dict.append_child("array");
  for (const auto& argument : resume_arguments(spec))
    arguments.append_child("string").text().set(argument.c_str());
  add_bool(dict, "RunAtLoad", true);
  add_bool(dict, "LaunchOnlyOnce", true);
  add_bool(dict, "KeepAlive", false);
  if (!spec.env.empty()) {
    dict.append_child("key").text().set("EnvironmentVariables");
    auto variables = dict.append_child("dict");
    for (const auto& [name, value] : spec.env) add_string(variables, name, value);
  }
  add_string(dict, "StandardOutPath", boot_resume_log(spec.state_dir).string());
  add_string(dict, "StandardErrorPath", boot_resume_log(spec.state_dir).string());
  std::ostringstream text;
  document.save(text, "  ", pugi::format_default, pugi::encoding_utf8);
  return text.str();
}

}  // namespace dextqual::runner
