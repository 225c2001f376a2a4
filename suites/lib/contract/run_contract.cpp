#include "contract/run_contract.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/atomic_file.h"

namespace dextqual::contract {
namespace {

using nlohmann::json;

constexpr const char* kRequestedBy = "requested_by";
constexpr const char* kPhaseFile = "phase_file";
constexpr const char* kBootId = "boot_id";
constexpr const char* kMethod = "method";

Status write_json(const std::filesystem::path& path, const json& value) {
  return write_file_atomically(path, value.dump(2) + "\n");
}

Result<std::optional<json>> read_json_object(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::optional<json>{};
  std::stringstream text;
  text << in.rdbuf();
  auto value = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) return fail("parse " + path.string(), "not a JSON object");
  return std::optional<json>(std::move(value));
}

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string loop_device_serial(std::string_view backing_file) { return "loop:" + std::string(backing_file); }

std::string test_file_name(std::string_view test, std::string_view extension) {
  std::string name;
  for (const char c : test) name += (c == '/' || c == ' ' || c == '\\') ? '_' : c;
  return name + std::string(extension);
}

RebootFiles RebootFiles::under(const std::filesystem::path& state_dir) {
  RebootFiles files;
  files.request = state_dir / "reboot-request.json";
  files.done = state_dir / "reboot-done.json";
  files.phase_dir = state_dir / "persistence-reboot";
  files.phase_file = files.phase_dir / "phase.json";
  return files;
}

Status write_reboot_request(const std::filesystem::path& state_dir, const RebootRequest& request) {
  return write_json(RebootFiles::under(state_dir).request,
                    {{kRequestedBy, request.requested_by}, {kPhaseFile, request.phase_file}});
}

Result<std::optional<RebootRequest>> read_reboot_request(const std::filesystem::path& state_dir) {
  DQ_TRY_ASSIGN(const auto object, read_json_object(RebootFiles::under(state_dir).request));
  if (!object) return std::optional<RebootRequest>{};
  return std::optional<RebootRequest>(
      RebootRequest{string_field(*object, kRequestedBy), string_field(*object, kPhaseFile)});
}

Status write_reboot_done(const std::filesystem::path& state_dir, const RebootDone& done) {
  return write_json(RebootFiles::under(state_dir).done,
                    {{kRequestedBy, done.requested_by}, {kBootId, done.boot_id}, {kMethod, done.method}});
}

Result<std::optional<RebootDone>> read_reboot_done(const std::filesystem::path& state_dir) {
  DQ_TRY_ASSIGN(const auto object, read_json_object(RebootFiles::under(state_dir).done));
  if (!object) return std::optional<RebootDone>{};
  return std::optional<RebootDone>(RebootDone{
      string_field(*object, kRequestedBy), string_field(*object, kBootId), string_field(*object, kMethod)});
}

Status write_test_progress(const std::filesystem::path& file, const TestProgress& progress) {
  return write_json(file, {{"test", progress.test}, {"bytes_verified", progress.bytes_verified}});
}

Result<TestProgress> read_test_progress(const std::filesystem::path& file) {
  DQ_TRY_ASSIGN(const auto object, read_json_object(file));
  if (!object) return fail("read " + file.string(), "no progress published");
  TestProgress progress;
  progress.test = string_field(*object, "test");
  const auto bytes = object->find("bytes_verified");
  if (bytes != object->end() && bytes->is_number_unsigned())
    progress.bytes_verified = bytes->get<std::uint64_t>();
  return progress;
}

}  // namespace dextqual::contract
