#include "runner/inspect_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "device/block_devices.h"
#include "runner/exit_status.h"

namespace dextqual::runner {

int inspect_command(const DeviceRequest& request) {
  if (request.device.empty() && request.device_file.empty()) {
    std::cerr << "dextqual: inspect needs --device or --device-file\n";
    return kUsageError;
  }
  auto devices = device::list_block_devices();
  if (!devices) {
    std::cerr << "dextqual: " << devices.error().message() << "\n";
    return kHarnessError;
  }
  std::error_code ec;
  const auto name = std::filesystem::canonical(request.device, ec).filename().string();
  for (const auto& device : *devices) {
    if (device.name != name) continue;
    std::cout << "device:      " << device.node
              << (device.is_partition ? " (partition of /dev/" + device.disk + ")" : "")
              << "\nvendor:      " << device.identity.vendor << "\nproduct:     " << device.identity.product
              << "\nrevision:    " << device.identity.revision << "\nserial:      " << device.identity.serial
              << "\nwwn:         " << device.identity.wwn << "\nidentity by: " << device.identity_source
              << "\nsize:        " << device.size_bytes
              << " bytes\nblock size:  " << device.logical_block_size << "\n";
  }
  auto admitted = admit_device(request);
  if (!admitted) {
    std::cout << "safety gate: " << admitted.error().message() << "\n";
    return kUsageError;
  }
  std::cout << "safety gate: admitted " << admitted->raw_node << " ("
            << (admitted->allow_data_loss ? "destructive tests allowed" : "non-destructive tests only")
            << ")\n";
  for (const auto& lu : admitted->writable_other_lus) {
    std::cout << "safety gate: admitted other LU " << lu << " (the SCSI suite may write it)\n";
  }
  return kAllPassed;
}

}  // namespace dextqual::runner
