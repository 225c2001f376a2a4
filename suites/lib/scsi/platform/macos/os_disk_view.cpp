// macOS: the IORegistry view (media size, write cache) comes with the platform adapters; nothing yet.
#include "scsi/os_disk_view.h"

namespace dextqual::scsi {

OsDiskView os_disk_view(const std::string& /*node*/) { return {}; }

}  // namespace dextqual::scsi
