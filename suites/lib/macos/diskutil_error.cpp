#include "macos/diskutil_error.h"

#include <regex>

#include "macos/property_list.h"

namespace dextqual::macos {
namespace {

std::optional<DiskutilError> error_line(const std::string& text) {
  static const std::regex line(R"((?:^|\n)[^\n]*Error:?\s*(-\d+)\s*:\s*([^\n]*))");
  std::smatch match;
  if (std::regex_search(text, match, line)) {
    DiskutilError error;
    error.code = std::stoi(match[1].str());
    error.message = match[2].str();
    while (!error.message.empty() && (error.message.back() == '\r' || error.message.back() == ' ')) {
      error.message.pop_back();
    }
    return error;
  }
  return std::nullopt;
}

}  // namespace

std::string diskutil_code_meaning(int code) {
  switch (code) {
    case -69825:
      return "wiping volume data failed: a write of the wipe was refused (see F3/F2)";
    case -69808:
      return "the disk is busy: a volume could not be unmounted";
    case -69877:
    case -69879:
      return "the disk could not be opened";
    case -69888:
      return "the operation failed on this disk";
    default:
      return "";
  }
}

std::string DiskutilError::describe() const {
  std::string text = "diskutil error " + std::to_string(code);
  if (const std::string meaning = diskutil_code_meaning(code); !meaning.empty()) {
    text += " (" + meaning + ")";
  }
  text += ": " + message;
  if (exit_code != 0) {
    text += " [exit " + std::to_string(exit_code) + "]";
  }
  return text;
}

std::optional<DiskutilError> diskutil_error(const platform::CommandOutput& output) {
  if (output.out.find("<plist") != std::string::npos) {
    if (auto plist = parse_plist(output.out);
        plist && plist->is_object() && plist_flag(*plist, "Error") == true) {
      DiskutilError error;
      error.message = plist->value("ErrorMessage", "");
      error.exit_code = plist->value("ExitCode", output.exit_code);
      if (auto coded = error_line(error.message)) {
        error.code = coded->code;
      }
      return error;
    }
  }
  // The error line goes to stderr; older versions print it on stdout.
  std::optional<DiskutilError> error = error_line(output.err);
  if (!error) {
    error = error_line(output.out);
  }
  if (!error && output.exit_code != 0) {
    error = DiskutilError{0, output.err.empty() ? output.out : output.err, 0};
  }
  if (error) {
    error->exit_code = output.exit_code;
  }
  return error;
}

}  // namespace dextqual::macos
