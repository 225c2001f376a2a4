// macOS: the IORegistry Protocol Characteristics above the disk, read with `ioreg -a` through the
// project's one process wrapper and parsed by macos/protocol_characteristics (tested on Linux).
#include <chrono>

#include "macos/protocol_characteristics.h"
#include "process/child_process.h"
#include "scsi/os_protocol_view.h"

namespace dextqual::scsi {

OsProtocolView os_protocol_view(const std::string& node) {
  OsProtocolView view;
  process::ChildSpec spec;
  spec.argv = {"ioreg", "-a", "-l", "-t", "-r", "-c", "IOMedia"};
  spec.timeout = std::chrono::seconds(30);
  const process::ChildOutcome outcome = process::run_child(spec);
  if (!outcome.succeeded()) {
    view.shown = "ioreg -a failed: " + outcome.describe();
    return view;
  }
  auto found = macos::protocol_characteristics_from_ioreg(outcome.out.text(), node);
  if (!found) {
    view.shown = "IORegistry not read: " + found.error().message();
    return view;
  }
  if (!found->has_value()) {
    view.shown = "no entry above " + node + " publishes Protocol Characteristics";
    return view;
  }
  const macos::ProtocolCharacteristics& published = **found;
  view.protocol = from_physical_interconnect(published.physical_interconnect);
  view.shown = "IORegistry Protocol Characteristics of " + published.published_by +
               ": Physical Interconnect \"" + published.physical_interconnect + "\"";
  view.physical_interconnect = published.physical_interconnect;
  view.physical_interconnect_location = published.physical_interconnect_location;
  view.scsi_domain_identifier = published.scsi_domain_identifier;
  return view;
}

}  // namespace dextqual::scsi
