// The Linux SG_IO transport (sg v3 interface, <scsi/sg.h>) on a /dev/sgN node or a SCSI block node.
// Implemented in platform/linux/; on other systems the factory says it is Linux-only. Other
// targets and LUNs on the same host and channel are reached through their own sg nodes, found in
// sysfs: Linux attaches one node per LU it found, so LUNs it did not attach cannot be addressed.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "scsi/transport.h"

namespace dextqual::scsi {

// `address` is the target/LUN the DUT description gives for `node`; when sysfs says otherwise the
// description is wrong and this fails rather than send commands to a LU under a wrong name.
[[nodiscard]] Result<std::unique_ptr<Transport>> open_sg_io_transport(const std::string& node,
                                                                      Address address);

}  // namespace dextqual::scsi
