#include "runner/dut_provider.h"

#include <fstream>

#include "core/atomic_file.h"
#include "dut/simdext_dut.h"
#include "process/child_process.h"
#include "reports/report_json.h"
#include "runner/host_identity.h"
#include "runner/safety_gate.h"

namespace dextqual::runner {

reports::DutInfo dut_info(const DutDescription& dut) {
  reports::DutInfo info;
  info.kind = to_string(dut.kind);
  info.node = dut.raw_node;
  info.vendor = dut.identity.vendor;
  info.product = dut.identity.product;
  info.revision = dut.identity.revision;
  info.serial = dut.identity.serial;
  info.wwn = dut.identity.wwn;
  info.capacity_bytes = dut.capacity_bytes();
  info.logical_block_size = dut.logical_block_size;
  return info;
}

CommandResult<std::filesystem::path> resolve_profile(const std::string& name,
                                                     const Installation& installation) {
  const std::string wanted = name.empty() ? "clean.toml" : name;
  std::error_code ec;
  if (std::filesystem::is_regular_file(wanted, ec)) return std::filesystem::absolute(wanted);
  const auto faults = installation.fixtures_dir / "faults";
  for (const auto& candidate : {faults / wanted, faults / (wanted + ".toml")}) {
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return usage_error("no fault profile '" + wanted + "' (looked for a file and in " + faults.string() + ")");
}

namespace {

// simdext's stand-in for a host reboot: `simdext ctl restart` (the process and its loop device go
// away and come back, possibly under another number), then the DUT found again from simdext.json.
std::string reboot_simdext(const std::filesystem::path& simdext_binary, const DutDescription& original,
                           const std::filesystem::path& dut_json) {
  const auto state = std::filesystem::path(original.state_dir);
  const auto request_path = state / "reboot-request.json";
  std::error_code ec;
  if (!std::filesystem::exists(request_path, ec)) return {};
  std::ifstream in(request_path);
  const auto request = nlohmann::json::parse(in, nullptr, false);
  const auto requested_by = request.is_object() ? request.value("requested_by", "") : std::string();
  process::ChildSpec restart;
  restart.argv = {simdext_binary.string(), "ctl", "--state", original.simdext_state, "restart"};
  restart.timeout = std::chrono::seconds(180);
  const auto outcome = process::run_child(restart);
  if (!outcome.succeeded()) {
    return "reboot requested by " + requested_by + ", but simdext restart " + outcome.describe() + ": " +
           outcome.err.text();
  }
  auto found = dut_from_simdext(original.simdext_state);
  if (!found)
    return "reboot requested by " + requested_by + ": DUT not found again: " + found.error().message();
  if (found->identity.serial != original.identity.serial || found->identity.wwn != original.identity.wwn) {
    return "reboot requested by " + requested_by + ": the device after the restart has another identity";
  }
  found->allow_data_loss = original.allow_data_loss;
  found->quick = original.quick;
  found->state_dir = original.state_dir;
  if (auto saved = save_dut(dut_json.string(), *found); !saved) return saved.error().message();
  const nlohmann::json done = {
      {"requested_by", requested_by}, {"boot_id", boot_id()}, {"method", "simdext-restart"}};
  if (auto written = write_file_atomically(state / "reboot-done.json", reports::dump_safely(done) + "\n");
      !written) {
    return written.error().message();
  }
  std::filesystem::remove(request_path, ec);
  return "reboot requested by " + requested_by + ": simdext restarted, DUT found again at " + found->raw_node;
}

CommandResult<ProvisionedDut> provision_simdext(const RunOptions& options, const Installation& installation,
                                                const std::filesystem::path& state_dir) {
  auto profile = resolve_profile(options.sim_profile, installation);
  if (!profile) return std::unexpected(profile.error());
  auto session = SimdextSession::start(installation.simdext_binary, *profile, state_dir / "simdext");
  if (!session) return harness_error("simdext did not start: " + session.error().message());
  ProvisionedDut provisioned;
  provisioned.simdext = std::make_unique<SimdextSession>(std::move(*session));
  provisioned.dut = provisioned.simdext->dut();
  provisioned.dut.allow_data_loss = true;  // a simulated disk of our own: nothing of anyone's on it
  provisioned.dut.quick = options.quick;
  provisioned.dut.state_dir = std::filesystem::absolute(state_dir).string();
  provisioned.info = dut_info(provisioned.dut);
  provisioned.info.profile = profile->stem().string();
  provisioned.env["SIMDEXT"] = installation.simdext_binary.string();
  auto* simdext = provisioned.simdext.get();
  provisioned.present = [simdext] { return simdext->present(); };
  const auto with_simdext = installation.with_simdext_script;
  const std::string quick = options.quick ? " --quick" : "";
  const std::string profile_path = profile->string();
  provisioned.reproducer_prefix = [with_simdext, profile_path, quick](const std::string& binary) {
    return process::quote_command({with_simdext.string(), profile_path}) + quick + " -- " +
           process::quote_command({binary});
  };
  return provisioned;
}

CommandResult<ProvisionedDut> provision_device(const RunOptions& options,
                                               const std::filesystem::path& state_dir) {
  // Admission writes nothing: a refusal leaves no trace (not even the state directory).
  auto admitted = admit_device(DeviceRequest{options.device, options.device_file, options.allow_data_loss});
  if (!admitted) return usage_error(admitted.error().message());
  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  ProvisionedDut provisioned;
  provisioned.dut = std::move(*admitted);
  provisioned.dut.quick = options.quick;
  provisioned.dut.state_dir = std::filesystem::absolute(state_dir).string();
  provisioned.info = dut_info(provisioned.dut);
  const auto identity = provisioned.dut.identity;
  const auto node = provisioned.dut.raw_node;
  provisioned.present = [identity, node] { return device_still_present(node, identity); };
  return provisioned;
}

}  // namespace

CommandResult<ProvisionedDut> provision_dut(const RunOptions& options, const Installation& installation,
                                            const std::filesystem::path& state_dir) {
  if (!options.sim_profile.empty() && (!options.device.empty() || !options.device_file.empty())) {
    return usage_error("--sim and --device/--device-file exclude each other");
  }
  if (options.no_dut) {
    // No device at all: suites get no --dut and skip every test that needs one. Tests of the harness
    // itself (fake suites) run this way; nothing can be touched.
    if (!options.sim_profile.empty() || !options.device.empty() || !options.device_file.empty()) {
      return usage_error("--no-dut excludes --sim, --device and --device-file");
    }
    ProvisionedDut none;
    none.info.kind = "none";
    none.present = [] { return true; };
    none.reproducer_prefix = [](const std::string& binary) { return process::quote_command({binary}); };
    return none;
  }
  auto provisioned = options.device.empty() && options.device_file.empty()
                         ? provision_simdext(options, installation, state_dir)
                         : provision_device(options, state_dir);
  if (!provisioned) return provisioned;
  provisioned->dut_json = std::filesystem::absolute(state_dir / "dut.json");
  // Suites read fio jobs and product files from the runner's fixtures (installed or overridden).
  provisioned->env["DEXTQUAL_FIXTURES"] = installation.fixtures_dir.string();
  if (provisioned->simdext) {
    const auto binary = installation.simdext_binary;
    const auto dut = provisioned->dut;
    const auto dut_json = provisioned->dut_json;
    provisioned->honour_reboot_request = [binary, dut, dut_json] {
      return reboot_simdext(binary, dut, dut_json);
    };
  } else {
    const auto request = std::filesystem::absolute(state_dir / "reboot-request.json");
    provisioned->honour_reboot_request = [request] {
      std::error_code ec;
      return std::filesystem::exists(request, ec)
                 ? std::string(
                       "a test requested a host reboot; rebooting real hardware from inside a run is not "
                       "implemented yet (reboot, then `dextqual resume`): the later phase will fail")
                 : std::string();
    };
  }
  if (!provisioned->reproducer_prefix) {
    const auto dut_json = provisioned->dut_json.string();
    provisioned->reproducer_prefix = [dut_json](const std::string& binary) {
      return process::quote_command({binary, "--dut=" + dut_json});
    };
  }
  if (auto saved = save_dut(provisioned->dut_json.string(), provisioned->dut); !saved) {
    return harness_error("cannot write the DUT description: " + saved.error().message());
  }
  return provisioned;
}

}  // namespace dextqual::runner
