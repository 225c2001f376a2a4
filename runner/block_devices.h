// What the host's block devices are, as the safety gate needs to know them: whole disks and their
// partitions, identities, what is mounted and which disks hold the running system. One interface,
// implemented per platform under platform/<os>/ (Linux: sysfs and /proc/self/mountinfo).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "dut/dut_description.h"

namespace dextqual::runner {

struct BlockDevice {
  std::string name;  // "sda", "loop3", "loop3p1"
  std::string node;  // "/dev/sda"
  bool is_partition = false;
  std::string disk;  // the whole disk's name (itself for a disk)
  DutIdentity identity;
  std::string identity_source;  // where the identity came from: "sysfs", "simdext", "loop backing file"
  std::uint64_t size_bytes = 0;
  std::uint32_t logical_block_size = 512;
  std::string simdext_state;         // the simdext state directory, when a simdext serves this loop device
  std::vector<std::string> holders;  // device-mapper / MD devices built on it: it is in use
};

struct Mount {
  std::string device_name;  // block device name of the source ("loop3p1"), when it is one
  std::string mount_point;
};

// Every block device (disks and partitions), with identities.
[[nodiscard]] Result<std::vector<BlockDevice>> list_block_devices();
// Every mounted filesystem and active swap whose source is a block device.
[[nodiscard]] Result<std::vector<Mount>> list_mounts();
// Names of the whole disks that hold /, /boot, /boot/efi, /usr, /var or active swap: the system.
[[nodiscard]] Result<std::vector<std::string>> system_disks();

}  // namespace dextqual::runner
