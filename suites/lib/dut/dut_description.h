// The device under test as the runner describes it to every suite binary (`--dut=<state>/dut.json`).
// This is the contract between runner/ and suites/: the runner resolves and identifies the device
// and writes this file; a suite reads it and asks only what it needs, skipping with a reason when
// the device cannot give it. Schema "dextqual-dut/1"; unknown keys are kept in `extra`.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"

namespace dextqual {

enum class DutKind { simdext, linux_block, macos_disk };
enum class PassthroughKind { none, simdext_socket, sg_io, dext_probe };

struct DutIdentity {
  std::string vendor;
  std::string product;
  std::string revision;
  std::string serial;  // VPD 80h, or the OS's serial property
  std::string wwn;     // VPD 83h NAA designator as hex, when there is one
};

struct Passthrough {
  PassthroughKind kind = PassthroughKind::none;
  std::string endpoint;  // simdext control socket path, or /dev/sgN / block node for SG_IO
  uint64_t target = 0;   // target ID and LUN of the DUT behind the endpoint
  uint64_t lun = 0;
};

struct DutDescription {
  DutKind kind = DutKind::linux_block;
  std::string raw_node;       // bypasses the host cache: O_DIRECT here, /dev/rdiskN on macOS
  std::string buffered_node;  // through the host cache: same node on Linux, /dev/diskN on macOS
  Passthrough passthrough;
  DutIdentity identity;
  uint32_t logical_block_size = 512;
  uint64_t capacity_blocks = 0;
  bool allow_data_loss = false;  // the safety gate passed for this device
  // Serials or WWNs of other LUs of the DUT's transport the gate admitted too (the station's
  // allow_data_loss_other_lus): the only LUs besides the DUT a test may write. A simdext DUT's other
  // LUs are simulated and always writable.
  std::vector<std::string> writable_other_lus;
  bool quick = false;  // --quick: smaller sizes and fewer cycles, same coverage
  // --strict: a deviation from a *should* of the standards fails its test instead of warning
  // (testing/conformance.h).
  bool strict = false;
  std::string state_dir;      // the run's state directory; never on the DUT
  std::string simdext_state;  // simdext --state DIR when the DUT is simdext (lifecycle control)
  // The product the Identity tests compare the DUT with (F7): a file, or the name of one in the
  // fixtures' products/ folder (a simdext profile's [dut] product). Empty: none given.
  std::string product_expectations;
  std::map<std::string, std::string> hooks;       // lifecycle hooks: power_cycle, reboot, replug, ...
  std::map<std::string, double> hook_timeouts_s;  // per hook, from the station file; absent: 300 s
  nlohmann::json extra = nlohmann::json::object();

  [[nodiscard]] uint64_t capacity_bytes() const { return capacity_blocks * logical_block_size; }
};

[[nodiscard]] std::string to_string(DutKind kind);
[[nodiscard]] std::string to_string(PassthroughKind kind);

[[nodiscard]] nlohmann::json to_json(const DutDescription& dut);
[[nodiscard]] Result<DutDescription> dut_from_json(const nlohmann::json& json);

// Reads and validates a dut.json; a malformed file is an Error naming the key, never a crash.
[[nodiscard]] Result<DutDescription> load_dut(const std::string& path);
// Writes atomically (temporary file, fsync, rename), so a reader never sees half a file.
[[nodiscard]] Status save_dut(const std::string& path, const DutDescription& dut);

}  // namespace dextqual
