// For tests that decide over a host's block devices (this module's listing decisions and re-find, the
// runner's safety gate): a whole disk and a partition as the Linux listing reports them, one line each,
// so both tests build their host snapshots from the same records.
#pragma once

#include <string>
#include <utility>

#include "device/block_devices.h"

namespace dextqual::device {

// Whole disk /dev/NAME; an empty serial and WWN is a disk without identity.
inline BlockDevice disk(std::string name, std::string serial, std::string wwn = {}) {
  BlockDevice device;
  device.name = name;
  device.node = "/dev/" + name;
  device.disk = name;
  device.identity.serial = std::move(serial);
  device.identity.wwn = std::move(wwn);
  return device;
}

// Partition /dev/NAME of the whole disk `disk_name`, without an identity of its own.
inline BlockDevice partition(std::string name, std::string disk_name) {
  BlockDevice device;
  device.name = name;
  device.node = "/dev/" + name;
  device.is_partition = true;
  device.disk = std::move(disk_name);
  return device;
}

}  // namespace dextqual::device
