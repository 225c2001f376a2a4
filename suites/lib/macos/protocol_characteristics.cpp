#include "macos/protocol_characteristics.h"

#include "macos/ioreg_archive.h"

namespace dextqual::macos {

Result<std::optional<ProtocolCharacteristics>> protocol_characteristics_from_ioreg(
    std::string_view plist_xml, std::string_view bsd_name) {
  const std::string bsd(bsd_name_of(bsd_name));
  DQ_TRY_ASSIGN(const IoregArchive archive, IoregArchive::parse(plist_xml));
  if (archive.empty()) {
    return fail("ioreg", "no output: no IOMedia matched (is " + bsd + " attached?)");
  }
  const auto path = archive.path_to_media(bsd);
  if (!path) return fail("ioreg", "no IOMedia with BSD Name " + bsd);
  // Nearest entry first, as copyProperty walks the service plane (MACOS.md §2); the whole dictionary
  // comes from the one entry that publishes a Physical Interconnect.
  for (auto it = path->rbegin(); it != path->rend(); ++it) {
    const nlohmann::json& entry = **it;
    const auto dict = entry.find("Protocol Characteristics");
    if (dict == entry.end() || !dict->is_object()) continue;
    const auto interconnect = dict->find("Physical Interconnect");
    if (interconnect == dict->end() || !interconnect->is_string()) continue;
    ProtocolCharacteristics out;
    out.physical_interconnect = interconnect->get<std::string>();
    if (const auto location = dict->find("Physical Interconnect Location");
        location != dict->end() && location->is_string()) {
      out.physical_interconnect_location = location->get<std::string>();
    }
    if (const auto domain = dict->find("SCSI Domain Identifier"); domain != dict->end()) {
      if (!domain->is_number_unsigned() &&
          !(domain->is_number_integer() && domain->get<std::int64_t>() >= 0)) {
        return fail("ioreg: SCSI Domain Identifier", "not an unsigned integer: " + domain->dump());
      }
      out.scsi_domain_identifier = domain->get<std::uint64_t>();
    }
    if (const auto object_class = entry.find("IOObjectClass");
        object_class != entry.end() && object_class->is_string()) {
      out.published_by = object_class->get<std::string>();
    }
    return std::optional<ProtocolCharacteristics>(std::move(out));
  }
  return std::optional<ProtocolCharacteristics>();
}

}  // namespace dextqual::macos
