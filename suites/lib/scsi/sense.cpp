#include "scsi/sense.h"

#include <array>
#include <cstdio>

#include "scsi/big_endian.h"

namespace dextqual::scsi {
namespace {

std::string hex2(uint8_t value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02Xh", value);
  return text;
}

// Descriptor format: walk the descriptors after byte 8 for INFORMATION (00h) and sense-key
// specific (02h) (SPC-4 4.5.2).
void parse_descriptors(std::span<const uint8_t> bytes, Sense& sense) {
  size_t offset = 8;
  const size_t end = std::min(bytes.size(), sense.declared_length);
  while (offset + 2 <= end) {
    const uint8_t type = bytes[offset];
    const size_t length = 2u + bytes[offset + 1];
    if (offset + length > end) {
      break;
    }
    if (type == 0x00 && length >= 12 && (bytes[offset + 2] & 0x80) != 0) {
      sense.information = get_be(bytes, offset + 4, 8);
    } else if (type == 0x02 && length >= 8 && (bytes[offset + 4] & 0x80) != 0 &&
               sense.key == sense_key::kIllegalRequest) {
      FieldPointer pointer;
      pointer.in_cdb = (bytes[offset + 4] & 0x40) != 0;
      if ((bytes[offset + 4] & 0x08) != 0) {
        pointer.bit = bytes[offset + 4] & 0x07;
      }
      pointer.byte = static_cast<uint16_t>(get_be(bytes, offset + 5, 2));
      sense.field_pointer = pointer;
    }
    offset += length;
  }
}

}  // namespace

Result<Sense> parse_sense(std::span<const uint8_t> bytes) {
  if (bytes.empty()) {
    return fail("parse sense", "no sense bytes");
  }
  Sense sense;
  sense.response_code = bytes[0] & 0x7F;
  sense.available = bytes.size();
  switch (sense.response_code) {
    case 0x70:
    case 0x71:
      // Fixed format (SPC-4 4.5.3): the key is in byte 2, ASC/ASCQ in 12/13.
      if (bytes.size() < 3) {
        return fail("parse sense",
                    "fixed-format sense of " + std::to_string(bytes.size()) + " bytes has no key");
      }
      sense.deferred = sense.response_code == 0x71;
      sense.key = bytes[2] & 0x0F;
      sense.declared_length = bytes.size() >= 8 ? 8u + bytes[7] : 8u;
      sense.asc = bytes.size() > 12 ? bytes[12] : 0;
      sense.ascq = bytes.size() > 13 ? bytes[13] : 0;
      if ((bytes[0] & 0x80) != 0 && bytes.size() >= 7) {
        sense.information = get_be(bytes, 3, 4);
      }
      if (bytes.size() >= 18 && (bytes[15] & 0x80) != 0 && sense.key == sense_key::kIllegalRequest) {
        FieldPointer pointer;
        pointer.in_cdb = (bytes[15] & 0x40) != 0;
        if ((bytes[15] & 0x08) != 0) {
          pointer.bit = bytes[15] & 0x07;
        }
        pointer.byte = static_cast<uint16_t>(get_be(bytes, 16, 2));
        sense.field_pointer = pointer;
      }
      return sense;
    case 0x72:
    case 0x73:
      // Descriptor format (SPC-4 4.5.2): key/ASC/ASCQ in bytes 1-3, descriptors after byte 8.
      if (bytes.size() < 4) {
        return fail("parse sense", "descriptor-format sense of " + std::to_string(bytes.size()) + " bytes");
      }
      sense.descriptor_format = true;
      sense.deferred = sense.response_code == 0x73;
      sense.key = bytes[1] & 0x0F;
      sense.asc = bytes[2];
      sense.ascq = bytes[3];
      sense.declared_length = bytes.size() >= 8 ? 8u + bytes[7] : 8u;
      parse_descriptors(bytes, sense);
      return sense;
    default:
      return fail("parse sense",
                  "unknown response code " + hex2(sense.response_code) + " (expected 70h-73h, SPC-4 4.5.1)");
  }
}

std::string sense_key_name(uint8_t key) {
  static constexpr std::array<const char*, 16> kNames = {
      "NO SENSE",       "RECOVERED ERROR", "NOT READY",      "MEDIUM ERROR",
      "HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT",
      "BLANK CHECK",    "VENDOR SPECIFIC", "COPY ABORTED",   "ABORTED COMMAND",
      "RESERVED (Ch)",  "VOLUME OVERFLOW", "MISCOMPARE",     "COMPLETED"};
  return kNames[key & 0x0F];
}

std::string asc_text(uint8_t asc, uint8_t ascq) {
  struct Entry {
    uint8_t asc;
    int ascq;  // -1: any ASCQ
    const char* text;
  };
  static constexpr Entry kEntries[] = {
      {0x00, 0x00, "NO ADDITIONAL SENSE INFORMATION"},
      {0x04, 0x01, "LOGICAL UNIT IS IN PROCESS OF BECOMING READY"},
      {0x04, -1, "LOGICAL UNIT NOT READY"},
      // The medium and recovery ASCs of SPC-4 Annex D that SBC commands report (READ, WRITE, VERIFY,
      // SYNCHRONIZE CACHE): a medium error is named as one wherever sense is described.
      {0x03, 0x00, "PERIPHERAL DEVICE WRITE FAULT"},
      {0x08, 0x00, "LOGICAL UNIT COMMUNICATION FAILURE"},
      {0x08, 0x01, "LOGICAL UNIT COMMUNICATION TIME-OUT"},
      {0x0C, 0x00, "WRITE ERROR"},
      {0x0C, 0x02, "WRITE ERROR - AUTO REALLOCATION FAILED"},
      {0x0C, -1, "WRITE ERROR"},
      {0x10, 0x00, "ID CRC OR ECC ERROR"},
      {0x10, 0x01, "LOGICAL BLOCK GUARD CHECK FAILED"},
      {0x10, 0x02, "LOGICAL BLOCK APPLICATION TAG CHECK FAILED"},
      {0x10, 0x03, "LOGICAL BLOCK REFERENCE TAG CHECK FAILED"},
      {0x11, 0x00, "UNRECOVERED READ ERROR"},
      {0x11, 0x01, "READ RETRIES EXHAUSTED"},
      {0x11, 0x04, "UNRECOVERED READ ERROR - AUTO REALLOCATE FAILED"},
      {0x11, -1, "UNRECOVERED READ ERROR"},
      {0x14, 0x01, "RECORD NOT FOUND"},
      {0x14, -1, "RECORDED ENTITY NOT FOUND"},
      {0x15, -1, "RANDOM POSITIONING ERROR"},
      {0x16, 0x00, "DATA SYNCHRONIZATION MARK ERROR"},
      {0x17, -1, "RECOVERED DATA WITH NO ERROR CORRECTION APPLIED"},
      {0x18, -1, "RECOVERED DATA WITH ERROR CORRECTION APPLIED"},
      {0x1D, 0x00, "MISCOMPARE DURING VERIFY OPERATION"},
      {0x1A, 0x00, "PARAMETER LIST LENGTH ERROR"},
      {0x20, 0x00, "INVALID COMMAND OPERATION CODE"},
      {0x21, 0x00, "LOGICAL BLOCK ADDRESS OUT OF RANGE"},
      {0x24, 0x00, "INVALID FIELD IN CDB"},
      {0x25, 0x00, "LOGICAL UNIT NOT SUPPORTED"},
      {0x26, 0x00, "INVALID FIELD IN PARAMETER LIST"},
      {0x27, -1, "WRITE PROTECTED"},
      {0x28, 0x00, "NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED"},
      {0x29, 0x00, "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED"},
      {0x29, 0x01, "POWER ON OCCURRED"},
      {0x29, 0x02, "SCSI BUS RESET OCCURRED"},
      {0x29, 0x03, "BUS DEVICE RESET FUNCTION OCCURRED"},
      {0x29, 0x04, "DEVICE INTERNAL RESET"},
      {0x29, -1, "RESET OCCURRED"},
      {0x2A, 0x01, "MODE PARAMETERS CHANGED"},
      {0x2A, 0x09, "CAPACITY DATA HAS CHANGED"},
      {0x2A, -1, "PARAMETERS CHANGED"},
      {0x2C, 0x00, "COMMAND SEQUENCE ERROR"},
      {0x31, 0x00, "MEDIUM FORMAT CORRUPTED"},
      {0x31, 0x01, "FORMAT COMMAND FAILED"},
      {0x32, 0x00, "NO DEFECT SPARE LOCATION AVAILABLE"},
      {0x39, 0x00, "SAVING PARAMETERS NOT SUPPORTED"},
      {0x3A, -1, "MEDIUM NOT PRESENT"},
      {0x3E, 0x01, "LOGICAL UNIT FAILURE"},
      {0x3E, 0x02, "TIMEOUT ON LOGICAL UNIT"},
      {0x3F, 0x0E, "REPORTED LUNS DATA HAS CHANGED"},
      {0x44, 0x00, "INTERNAL TARGET FAILURE"},
      {0x47, -1, "SCSI PARITY ERROR"},
      {0x4B, -1, "DATA PHASE ERROR"},
      {0x4E, 0x00, "OVERLAPPED COMMANDS ATTEMPTED"},
      {0x55, 0x03, "INSUFFICIENT RESOURCES"},
      {0x5D, -1, "FAILURE PREDICTION THRESHOLD EXCEEDED"},
  };
  for (const Entry& entry : kEntries) {
    if (entry.asc == asc && (entry.ascq < 0 || entry.ascq == ascq)) {
      return entry.text;
    }
  }
  return "ASC " + hex2(asc) + "/" + hex2(ascq);
}

std::string key_asc_ascq(uint8_t key, uint8_t asc, uint8_t ascq) {
  char text[16];
  std::snprintf(text, sizeof text, "%Xh/%02Xh/%02Xh", key, asc, ascq);
  return text;
}

std::string describe(const Sense& sense) {
  std::string text = sense_key_name(sense.key) + " " + hex2(sense.asc) + "/" + hex2(sense.ascq) + " " +
                     asc_text(sense.asc, sense.ascq);
  if (sense.field_pointer) {
    text += std::string(" (") + (sense.field_pointer->in_cdb ? "CDB" : "parameter") + " byte " +
            std::to_string(sense.field_pointer->byte);
    if (sense.field_pointer->bit) {
      text += " bit " + std::to_string(*sense.field_pointer->bit);
    }
    text += ")";
  }
  // A medium or recovered error's INFORMATION is the LBA it happened at (SBC-3 4.18): name it.
  if (sense.information && (sense.key == 0x1 || sense.key == 0x3)) {
    text += " at LBA " + std::to_string(*sense.information);
  }
  text += sense.descriptor_format ? ", descriptor format" : ", fixed format";
  if (sense.deferred) {
    text += ", DEFERRED";
  }
  return text;
}

}  // namespace dextqual::scsi
