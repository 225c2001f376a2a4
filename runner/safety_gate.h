// The safety gate (ARCHITECTURE.md "Safety: never the wrong disk"). A real device becomes the DUT only
// if it is a whole disk (not a partition of one), is not the system or boot disk, holds no mounted
// volume (nor swap, nor a device-mapper/MD holder), is matched by exactly one device, and — for
// destructive tests — has the identity (serial or WWN) that --allow-data-loss names. Any doubt is a
// refusal with the reason; admission itself writes nothing. Paths are only a way to find the device:
// symlinks are resolved, and a device that came back under another number is found by its identity.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "device/block_devices.h"
#include "dut/dut_description.h"

namespace dextqual::runner {

struct DeviceRequest {
  std::string device;           // --device PATH
  std::string device_file;      // --device-file station.toml (station/station_file.h)
  std::string allow_data_loss;  // serial or WWN; empty: non-destructive tests only
  // --allow-data-loss-other-lu: other LUs the SCSI suite may write (else the station's list).
  std::vector<std::string> allow_data_loss_other_lus;
};

// The DUT description of the one device the request admits, or the refusal.
[[nodiscard]] Result<DutDescription> admit_device(const DeviceRequest& request);

// Pure decision over a snapshot of the host (what admit_device uses; unit-testable without devices).
struct HostSnapshot {
  std::vector<device::BlockDevice> devices;
  std::vector<device::Mount> mounts;
  std::vector<std::string> system_disks;
};
struct MatchRules {
  std::string path_name;  // the block device name the path resolves to ("" when not given/absent)
  bool path_given = false;
  std::string path;  // as given, for messages
  std::string serial;
  std::string wwn;
  std::string allow_data_loss;
};
[[nodiscard]] Result<device::BlockDevice> choose_device(const HostSnapshot& host, const MatchRules& rules);

// The other LUs a run may write besides `dut` (each a serial or WWN): every one must pass the gate as a
// DUT would (a whole disk, not the system disk, nothing mounted or held, exactly one match) and must not
// be the DUT itself; they are allowed only when the DUT's own data loss is.
[[nodiscard]] Status check_other_lus(const HostSnapshot& host, const device::BlockDevice& dut,
                                     const std::vector<std::string>& identities, bool dut_data_loss_allowed);

// After a test: the device is still there — at its node, or found again by identity elsewhere.
[[nodiscard]] bool device_still_present(const std::string& node, const DutIdentity& identity);

}  // namespace dextqual::runner
