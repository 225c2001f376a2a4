#include "scsi/lu_identity.h"

#include <string_view>
#include <vector>

#include "device/identity.h"
#include "scsi/cdb.h"
#include "scsi/vpd_pages.h"
#include "wire/control_wire.h"

namespace dextqual::scsi {
namespace {

constexpr uint8_t kAssociationLogicalUnit = 0;
constexpr uint8_t kDesignatorNaa = 3;

std::vector<uint8_t> page(Initiator& lu, uint8_t code) {
  constexpr uint16_t kAllocation = 1024;
  auto completion = lu.run_in(inquiry_vpd(code, kAllocation), kAllocation);
  if (!completion || !completion->good()) return {};
  const auto bytes = completion->returned();
  return {bytes.begin(), bytes.end()};
}

}  // namespace

DutIdentity identity_from_vpd(std::span<const uint8_t> vpd80, std::span<const uint8_t> vpd83) {
  DutIdentity identity;
  if (auto serial = parse_vpd_page(vpd80); serial && serial->page_code == 0x80) {
    identity.serial = device::serial_from_vpd80(
        std::string_view(reinterpret_cast<const char*>(vpd80.data()), 4 + serial->payload.size()));
  }
  if (auto identification = parse_vpd_page(vpd83); identification && identification->page_code == 0x83) {
    if (auto designators = parse_designators(*identification)) {
      for (const auto& designator : *designators) {
        if (designator.association == kAssociationLogicalUnit && designator.type == kDesignatorNaa) {
          identity.wwn = wire::to_hex(designator.identifier);
          break;
        }
      }
    }
  }
  return identity;
}

DutIdentity read_lu_identity(Initiator& lu) {
  const auto serial = page(lu, 0x80);
  const auto identification = page(lu, 0x83);
  return identity_from_vpd(serial, identification);
}

}  // namespace dextqual::scsi
