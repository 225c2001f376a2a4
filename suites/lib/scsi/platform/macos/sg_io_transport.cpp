// SG_IO exists only on Linux; on macOS pass-through goes through the DEXT probe (later).
#include "scsi/sg_io_transport.h"

namespace dextqual::scsi {

Result<std::unique_ptr<Transport>> open_sg_io_transport(const std::string& node, Address /*address*/) {
  return fail("open " + node, "SG_IO is Linux-only; on macOS use the DEXT probe transport");
}

}  // namespace dextqual::scsi
