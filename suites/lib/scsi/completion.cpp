#include "scsi/completion.h"

#include <algorithm>
#include <cstdio>

namespace dextqual::scsi {
namespace {

// SPC-4 4.5.1: sense data is at most 252 bytes; transports offer that much (SG_IO mx_sb_len) or
// more (DriverKit fSenseBuffer[256]), so a shorter reply than declared below it is the device's.
constexpr size_t kSenseCapacity = 252;

std::string hex_dump(std::span<const uint8_t> bytes, size_t limit) {
  std::string text;
  char byte[4];
  for (size_t i = 0; i < bytes.size() && i < limit; ++i) {
    std::snprintf(byte, sizeof byte, i == 0 ? "%02x" : " %02x", bytes[i]);
    text += byte;
  }
  if (bytes.size() > limit) {
    text += " ...";
  }
  return text;
}

const char* direction_name(Direction direction) {
  switch (direction) {
    case Direction::none:
      return "no data";
    case Direction::from_device:
      return "data-in";
    case Direction::to_device:
      return "data-out";
  }
  return "?";
}

}  // namespace

std::string to_string(const Address& address) {
  return "target " + std::to_string(address.target) + " LUN " + std::to_string(address.lun);
}

std::string to_string(ResetScope scope) {
  switch (scope) {
    case ResetScope::logical_unit:
      return "logical unit";
    case ResetScope::target:
      return "target";
    case ResetScope::bus:
      return "bus";
  }
  return "?";
}

std::string status_name(uint8_t value) {
  switch (value) {
    case status::kGood:
      return "GOOD";
    case status::kCheckCondition:
      return "CHECK CONDITION";
    case status::kConditionMet:
      return "CONDITION MET";
    case status::kBusy:
      return "BUSY";
    case status::kReservationConflict:
      return "RESERVATION CONFLICT";
    case status::kTaskSetFull:
      return "TASK SET FULL";
    case status::kAcaActive:
      return "ACA ACTIVE";
    case status::kTaskAborted:
      return "TASK ABORTED";
    default: {
      char text[24];
      std::snprintf(text, sizeof text, "status %02Xh", value);
      return text;
    }
  }
}

uint32_t Completion::transferred() const {
  const int64_t total = requested;
  return static_cast<uint32_t>(std::clamp<int64_t>(total - reply.residual, 0, total));
}

std::span<const uint8_t> Completion::returned() const {
  return std::span<const uint8_t>(data).first(std::min<size_t>(transferred(), data.size()));
}

std::optional<Sense> Completion::sense() const {
  auto parsed = parse_sense(reply.sense);
  if (!parsed) {
    return std::nullopt;
  }
  return *parsed;
}

std::vector<std::string> Completion::inconsistencies() const {
  std::vector<std::string> found;
  if (!delivered()) {
    return found;  // the transport failed; its status says why, the SCSI fields mean nothing
  }
  const bool has_sense = !reply.sense.empty();
  if (reply.status == status::kCheckCondition && !has_sense) {
    found.push_back("CHECK CONDITION without sense data (autosense lost)");
  }
  if (reply.status == status::kGood && has_sense) {
    found.push_back("sense data (" + hex_dump(reply.sense, 18) + ") returned with GOOD status");
  }
  if (has_sense) {
    auto parsed = parse_sense(reply.sense);
    if (!parsed) {
      found.push_back("sense data does not parse: " + parsed.error().detail);
    } else if (parsed->available < std::min(parsed->declared_length, kSenseCapacity)) {
      found.push_back("sense data is " + std::to_string(parsed->available) +
                      " bytes but its ADDITIONAL SENSE " + "LENGTH declares " +
                      std::to_string(parsed->declared_length));
    }
  }
  if (reply.residual < 0 || reply.residual > static_cast<int64_t>(requested)) {
    found.push_back("residual " + std::to_string(reply.residual) + " outside 0.." +
                    std::to_string(requested) + " (the requested length)");
  }
  if (direction == Direction::from_device) {
    if (data_in.guard_changed > 0) {
      found.push_back(std::to_string(data_in.guard_changed) + " guard bytes past the " +
                      std::to_string(data_in.requested) + "-byte buffer were overwritten");
    }
    if (reply.status == status::kGood && transferred() >= 4 && data_in.changed == 0) {
      found.push_back("GOOD with " + std::to_string(transferred()) +
                      " bytes transferred, but the poisoned buffer is untouched (lost DMA, F5)");
    }
    if (exact_data_in && data_in.end_changed && *data_in.end_changed > transferred()) {
      found.push_back("bytes changed up to offset " + std::to_string(*data_in.end_changed) + ", past the " +
                      std::to_string(transferred()) + " bytes the transport says it transferred");
    }
  }
  return found;
}

std::string Completion::describe() const {
  std::string text = cdb.describe() + " to " + to_string(address) + " via " + transport_name + "\n";
  switch (reply.delivery) {
    case Delivery::completed:
      text += "  status: " + status_name(reply.status);
      break;
    case Delivery::timed_out:
      text += "  TIMED OUT";
      break;
    case Delivery::transport_failure:
      text += "  TRANSPORT FAILURE";
      break;
  }
  text += "; transport: " + reply.transport_status + "\n";
  if (!reply.sense.empty()) {
    auto parsed = parse_sense(reply.sense);
    text += "  sense: " + (parsed ? scsi::describe(*parsed) : "unparsable") + " [" +
            hex_dump(reply.sense, 32) + "]\n";
  }
  text += std::string("  ") + direction_name(direction) + ": requested " + std::to_string(requested) +
          ", residual " + std::to_string(reply.residual);
  if (direction == Direction::from_device) {
    text += ", changed " + std::to_string(data_in.changed) + " bytes";
    if (data_in.first_changed) {
      text += " in [" + std::to_string(*data_in.first_changed) + ", " + std::to_string(*data_in.end_changed) +
              ")";
    }
    if (data_in.all_zero && data_in.requested > 0) {
      text += ", all zero";
    }
    if (!data.empty()) {
      text += "\n  data: " + hex_dump(data, 40);
    }
  }
  char duration[48];
  std::snprintf(duration, sizeof duration, "\n  duration: %.3f ms",
                static_cast<double>(reply.duration.count()) / 1e6);
  return text + duration;
}

}  // namespace dextqual::scsi
