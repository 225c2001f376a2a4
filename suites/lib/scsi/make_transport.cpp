#include "scsi/make_transport.h"

#include "scsi/sg_io_transport.h"
#include "scsi/simdext_transport.h"

namespace dextqual::scsi {

std::vector<Address> configured_addresses(const DutDescription& dut) {
  std::vector<Address> addresses;
  auto simdext = dut.extra.find("simdext");
  if (simdext == dut.extra.end() || !simdext->is_object()) {
    return addresses;
  }
  auto targets = simdext->find("targets");
  if (targets == simdext->end() || !targets->is_array()) {
    return addresses;
  }
  // Each target: {"id": T, "luns": [L, ...]} or {"id": T, "luns": [{"id": L, ...}, ...]}.
  for (const auto& target : *targets) {
    if (!target.is_object() || !target.contains("id") || !target["id"].is_number_unsigned()) {
      continue;
    }
    const auto id = target["id"].get<uint64_t>();
    for (const auto& lun : target.value("luns", nlohmann::json::array())) {
      if (lun.is_number_unsigned()) {
        addresses.push_back({id, lun.get<uint64_t>()});
      } else if (lun.is_object() && lun.contains("id") && lun["id"].is_number_unsigned()) {
        addresses.push_back({id, lun["id"].get<uint64_t>()});
      }
    }
  }
  return addresses;
}

Result<std::unique_ptr<Transport>> make_transport(const DutDescription& dut) {
  const Address address{dut.passthrough.target, dut.passthrough.lun};
  switch (dut.passthrough.kind) {
    case PassthroughKind::sg_io:
      return open_sg_io_transport(dut.passthrough.endpoint, address);
    case PassthroughKind::simdext_socket:
      return open_simdext_transport(dut.passthrough.endpoint, configured_addresses(dut));
    case PassthroughKind::dext_probe:
      return fail("open DEXT probe " + dut.passthrough.endpoint,
                  "the macOS DEXT probe transport is not built yet");
    case PassthroughKind::none:
      break;
  }
  return fail("make SCSI transport", "the DUT has no pass-through (passthrough.kind is none)");
}

Result<Initiator> make_initiator(const DutDescription& dut) {
  DQ_TRY_ASSIGN(std::unique_ptr<Transport> transport, make_transport(dut));
  return Initiator(std::shared_ptr<Transport>(std::move(transport)),
                   Address{dut.passthrough.target, dut.passthrough.lun});
}

}  // namespace dextqual::scsi
