// CDB pass-through over the simdext control socket (dext/wire framing, message "op":"scsi"). The
// reply carries DriverKit's response fields (fServiceResponse, fCompletionStatus, fBytesTransferred,
// fSenseBuffer; MACOS.md §1) and, as payload, only the bytes the controller DMA'd into the host
// buffer, so a lost DMA (F5) leaves the poisoned buffer untouched here, exactly as on a Mac.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "scsi/transport.h"

namespace dextqual::scsi {

// DriverKit SCSIServiceResponse values (MACOS.md §1).
namespace service_response {
inline constexpr uint32_t kRequestInProcess = 0;
inline constexpr uint32_t kServiceDeliveryOrTargetFailure = 1;
inline constexpr uint32_t kTaskComplete = 2;
}  // namespace service_response

// `addresses`: the targets/LUNs simdext was configured with (simdext.json), for enumeration.
[[nodiscard]] Result<std::unique_ptr<Transport>> open_simdext_transport(const std::string& socket_path,
                                                                        std::vector<Address> addresses);

}  // namespace dextqual::scsi
