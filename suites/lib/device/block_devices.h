// The host's block devices as the safety gate, `inspect`, the DUT lock and the re-finds need them:
// whole disks and their partitions, identities, what is mounted and which disks hold the running
// system. One interface; the listing is per OS under platform/<os>/ (chosen in CMake), the decisions
// over a listing (which disks are the system's, which disk has an identity) are here and pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "dut/dut_description.h"

namespace dextqual::device {

struct BlockDevice {
  std::string name;  // "sda", "loop3", "loop3p1"
  std::string node;  // "/dev/sda"
  bool is_partition = false;
  std::string disk;                    // the whole disk's name (itself for a disk)
  std::uint32_t partition_number = 0;  // a partition's number in its table (1-based)
  std::uint64_t start_bytes = 0;       // where a partition starts on its disk
  DutIdentity identity;
  std::string identity_source;  // where the identity came from: "sysfs", "simdext", "loop backing file"
  std::uint64_t size_bytes = 0;
  std::uint32_t logical_block_size = 512;
  bool scsi = false;  // a SCSI disk the OS lets us send CDBs to (Linux: SG_IO on its node)
  // Write-protected as the OS sees it: Linux /sys/block/<disk>/ro (sd sets it from MODE SENSE's WP bit),
  // macOS IOMedia "Writable" false. A destructive run cannot write it: the gate refuses it.
  bool read_only = false;
  std::string simdext_state;         // the simdext state directory, when a simdext serves this loop device
  std::string backing_file;          // the file behind a loop device
  std::vector<std::string> holders;  // device-mapper / MD devices built on it: it is in use
};

struct Mount {
  std::string device_name;  // block device name of the source ("loop3p1"), when it is one
  std::string mount_point;  // as a path (the kernel's \ooo escapes undone); "[swap]" for active swap
};

// Every block device (disks and partitions), with identities. (platform/<os>/)
[[nodiscard]] Result<std::vector<BlockDevice>> list_block_devices();
// Every mounted filesystem and active swap whose source is a block device. (platform/<os>/)
[[nodiscard]] Result<std::vector<Mount>> list_mounts();
// Names of the whole disks that hold the running system. (platform/<os>/)
[[nodiscard]] Result<std::vector<std::string>> system_disks();

// The whole disks holding /, /boot, /boot/efi, /usr, /var or active swap, in a listing.
[[nodiscard]] std::vector<std::string> system_disks_among(const std::vector<BlockDevice>& devices,
                                                          const std::vector<Mount>& mounts);

// The whole disks (never partitions) that are the device `identity` describes (device/identity.h
// same_identity: serial, else WWN in any spelling), in listing order.
[[nodiscard]] std::vector<BlockDevice> disks_with_identity(const std::vector<BlockDevice>& devices,
                                                           const DutIdentity& identity);

}  // namespace dextqual::device
