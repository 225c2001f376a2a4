// What a report must say about the system under test so that two runs can be told apart and a result
// traced to a build (issue 14 §2): the OS and kernel, and the driver the DUT sits behind. Per platform
// in platform/<os>/: Linux reads uname, /etc/os-release and sysfs; macOS reads uname and sysctl.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace dextqual::runner {

using PropertyMap = std::map<std::string, std::string>;

// os.name, os.version (per platform) and kernel_properties().
[[nodiscard]] PropertyMap host_os_properties();

// kernel.name, kernel.release, kernel.version, arch: uname(2), the same call on every platform
// (host_properties.cpp).
[[nodiscard]] PropertyMap kernel_properties();

// The drivers between dextqual and the DUT's block node, as the OS names them: driver.block (the
// block driver: sd, virtio_blk, loop), driver.hba (the SCSI host's driver, e.g. megaraid_sas), with
// driver.hba.module and driver.hba.version where the OS knows them. `sysfs` is the sysfs root
// (a parameter so that a unit test can walk a captured tree); empty when nothing is known.
[[nodiscard]] PropertyMap driver_properties(const std::filesystem::path& block_node,
                                            const std::filesystem::path& sysfs = "/sys");

}  // namespace dextqual::runner
