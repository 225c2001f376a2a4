#include "runner/dut_provider.h"

#include <fstream>

#include "contract/run_contract.h"
#include "core/atomic_file.h"
#include "core/layout.h"
#include "dut/simdext_dut.h"
#include "process/child_process.h"
#include "reports/report_json.h"
#include "runner/host_identity.h"
#include "runner/safety_gate.h"
#include "station/station_hook.h"

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
RebootOutcome reboot_simdext(const std::filesystem::path& simdext_binary, const DutDescription& original,
                             const std::filesystem::path& dut_json) {
  const auto state = std::filesystem::path(original.state_dir);
  auto request = contract::read_reboot_request(state);
  if (!request) return {RebootStep::failed, "reboot request unreadable: " + request.error().message()};
  if (!request->has_value()) return {};
  const auto requested_by = (*request)->requested_by;
  const auto failed = [&](const std::string& why) {
    return RebootOutcome{RebootStep::failed, "reboot requested by " + requested_by + ": " + why};
  };
  process::ChildSpec restart;
  restart.argv = {simdext_binary.string(), "ctl", "--state", original.simdext_state, "restart"};
  restart.timeout = std::chrono::seconds(180);
  const auto outcome = process::run_child(restart);
  if (!outcome.succeeded())
    return failed("simdext restart " + outcome.describe() + ": " + outcome.err.text());
  auto found = dut_from_simdext(original.simdext_state);
  if (!found) return failed("DUT not found again: " + found.error().message());
  if (found->identity.serial != original.identity.serial || found->identity.wwn != original.identity.wwn) {
    return failed("the device after the restart has another identity");
  }
  found->allow_data_loss = original.allow_data_loss;
  found->writable_other_lus = original.writable_other_lus;
  found->quick = original.quick;
  found->state_dir = original.state_dir;
  if (auto saved = save_dut(dut_json.string(), *found); !saved) return failed(saved.error().message());
  if (auto written = contract::write_reboot_done(state, {requested_by, boot_id(), "simdext-restart"});
      !written) {
    return failed(written.error().message());
  }
  std::error_code ec;
  std::filesystem::remove(contract::RebootFiles::under(state).request, ec);
  return {RebootStep::done, "reboot requested by " + requested_by +
                                ": simdext restarted, DUT found again at " + found->raw_node};
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
  provisioned.dut.strict = options.strict;
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
                                               const std::filesystem::path& state_dir,
                                               const LockHolder& holder) {
  // Admission writes nothing: a refusal leaves no trace (not even the state directory). Nor does a
  // DUT that another run holds: its state and report directories may well be this run's too.
  auto admitted = admit_device(DeviceRequest{options.device, options.device_file, options.allow_data_loss,
                                             options.allow_data_loss_other_lus});
  if (!admitted) return usage_error(admitted.error().message());
  auto lock = DutLock::acquire(default_lock_dir(), admitted->identity, admitted->raw_node, holder);
  if (!lock) return usage_error(lock.error().message());
  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  ProvisionedDut provisioned;
  provisioned.lock = std::move(*lock);
  provisioned.dut = std::move(*admitted);
  provisioned.dut.quick = options.quick;
  provisioned.dut.strict = options.strict;
  provisioned.dut.state_dir = std::filesystem::absolute(state_dir).string();
  provisioned.info = dut_info(provisioned.dut);
  const auto identity = provisioned.dut.identity;
  const auto node = provisioned.dut.raw_node;
  provisioned.present = [identity, node] { return device_still_present(node, identity); };
  return provisioned;
}

}  // namespace

CommandResult<ProvisionedDut> provision_dut(const RunOptions& options, const Installation& installation,
                                            const std::filesystem::path& state_dir,
                                            const LockHolder& holder) {
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
                         : provision_device(options, state_dir, holder);
  if (!provisioned) return provisioned;
  // The product the Identity tests compare the DUT with (F7): --product wins over the station's
  // [product] file (set at admission) and a simdext profile's [dut] product (dut_from_simdext).
  if (!options.product.empty()) {
    provisioned->dut.product_expectations = std::filesystem::absolute(options.product).string();
  }
  provisioned->dut_json = std::filesystem::absolute(state_dir / contract::kDutFileName);
  // Suites read fio jobs and product files from the runner's fixtures (installed or overridden).
  provisioned->env[kFixturesEnv] = installation.fixtures_dir.string();
  if (provisioned->simdext) {
    const auto binary = installation.simdext_binary;
    const auto dut = provisioned->dut;
    const auto dut_json = provisioned->dut_json;
    provisioned->honour_reboot_request = [binary, dut, dut_json](const RebootContext&) {
      return reboot_simdext(binary, dut, dut_json);
    };
  } else {
    HostRebootSettings reboot;
    reboot.state_dir = std::filesystem::absolute(state_dir);
    reboot.dut_node = provisioned->dut.raw_node;
    reboot.reboot_hook = station::find_hook(provisioned->dut, "reboot");
    reboot.system = real_system_command();
    reboot.dextqual = own_executable().value_or("dextqual");
    reboot.env = environment_for_resume();
    provisioned->honour_reboot_request = [reboot](const RebootContext& context) {
      return reboot_host(reboot, context);
    };
  }
  if (!provisioned->reproducer_prefix) {
    const auto dut_json = provisioned->dut_json.string();
    provisioned->reproducer_prefix = [dut_json](const std::string& binary) {
      return process::quote_command({binary, std::string(contract::kDutArgument) + dut_json});
    };
  }
  if (auto saved = save_dut(provisioned->dut_json.string(), provisioned->dut); !saved) {
    return harness_error("cannot write the DUT description: " + saved.error().message());
  }
  return provisioned;
}

}  // namespace dextqual::runner
