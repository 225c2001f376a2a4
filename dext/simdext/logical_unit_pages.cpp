// The data-in responses of a logical unit: INQUIRY (standard and VPD), MODE SENSE, REQUEST SENSE,
// READ CAPACITY. Layouts from SPC-4 and SBC-3.
#include <algorithm>
#include <cstring>

#include "big_endian.h"
#include "logical_unit.h"

namespace simdext {
namespace {

void put_padded(std::vector<uint8_t>& out, size_t at, const std::string& text, size_t width) {
  for (size_t i = 0; i < width; ++i) {
    const char ch = i < text.size() ? text[i] : ' ';
    out[at + i] = (ch >= 0x20 && ch <= 0x7E) ? static_cast<uint8_t>(ch) : ' ';
  }
}

constexpr uint8_t kCachingPage = 0x08;
constexpr uint8_t kControlPage = 0x0A;
constexpr uint8_t kAllPages = 0x3F;

}  // namespace

std::string LogicalUnit::wwn_hex() const { return config_.identity.wwn; }

Completion LogicalUnit::inquiry(std::span<const uint8_t> cdb, std::span<uint8_t> buffer) {
  const bool evpd = (cdb[1] & 0x01) != 0;
  const uint8_t page = cdb[2];
  const uint64_t allocation = be::get(cdb.data() + 3, 2);
  if (cdb[1] & 0x02) {  // CMDDT (obsolete): not supported
    return Completion::check(sense::invalid_field_in_cdb(1, 1));
  }
  if (!evpd && page != 0) {  // SPC-4 6.4.1: PAGE CODE must be zero when EVPD is zero
    return Completion::check(sense::invalid_field_in_cdb(2));
  }
  std::vector<uint8_t> out;
  if (evpd) {
    Completion c = vpd_page(page, out);
    if (c.status != TaskStatus::good) {
      return c;
    }
    return data_in(out, allocation, buffer);
  }
  out.assign(96, 0);
  out[0] = 0x00;                                  // PQ 000b, PDT 00h direct access block device
  out[1] = config_.removable ? 0x80 : 0x00;       // RMB
  out[2] = 0x06;                                  // VERSION: SPC-4
  out[3] = 0x12;                                  // HISUP=1, RESPONSE DATA FORMAT=2
  out[4] = static_cast<uint8_t>(out.size() - 5);  // ADDITIONAL LENGTH
  out[7] = 0x02;                                  // CMDQUE
  put_padded(out, 8, config_.identity.vendor, 8);
  put_padded(out, 16, config_.identity.product, 16);
  put_padded(out, 32, config_.identity.revision, 4);
  // Version descriptors (SPC-4 7.6.1): SAM-5, SPC-4, SBC-3.
  be::put(&out[58], 2, 0x00A0);
  be::put(&out[60], 2, 0x0460);
  be::put(&out[62], 2, 0x04C0);
  return data_in(out, allocation, buffer);
}

Completion LogicalUnit::vpd_page(uint8_t page, std::vector<uint8_t>& out) {
  switch (page) {
    case 0x00: {  // Supported VPD pages, ascending
      const uint8_t pages[] = {0x00, 0x80, 0x83, 0xB0, 0xB1};
      out = {0x00, 0x00, 0x00, static_cast<uint8_t>(sizeof(pages))};
      out.insert(out.end(), std::begin(pages), std::end(pages));
      return {};
    }
    case 0x80: {  // Unit serial number
      const std::string& serial = config_.identity.serial;
      out = {0x00, 0x80, 0x00, static_cast<uint8_t>(serial.size())};
      out.insert(out.end(), serial.begin(), serial.end());
      return {};
    }
    case 0x83: {  // Device identification: NAA + T10 vendor ID (LU), then the target port's designators
      out = {0x00, 0x83, 0x00, 0x00};
      std::vector<uint8_t> naa(8, 0);
      const std::string& hex = config_.identity.wwn;
      for (size_t i = 0; i < 8 && 2 * i + 1 < hex.size(); ++i) {
        naa[i] = static_cast<uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
      }
      out.insert(out.end(), {0x01, 0x03, 0x00, 0x08});  // code set binary; ASSOC 00b, type 3 NAA
      out.insert(out.end(), naa.begin(), naa.end());
      std::vector<uint8_t> t10(24, ' ');
      put_padded(t10, 0, config_.identity.vendor, 8);
      put_padded(t10, 8, config_.identity.product, 16);
      t10.insert(t10.end(), config_.identity.serial.begin(), config_.identity.serial.end());
      out.insert(out.end(), {0x02, 0x01, 0x00, static_cast<uint8_t>(t10.size())});  // ASCII, type 1 T10
      out.insert(out.end(), t10.begin(), t10.end());
      if (config_.port_protocol_identifier) {
        // The target port the LU is reached through (SPC-4 7.8.6.1: ASSOCIATION 01b, PIV 1, so the
        // PROTOCOL IDENTIFIER is valid): its NAA port name and its relative target port identifier
        // (7.8.6.5, type 4h). A host reads the transport protocol here.
        const auto protocol = static_cast<uint8_t>(*config_.port_protocol_identifier << 4);
        std::vector<uint8_t> port_naa = naa;
        port_naa[7] = static_cast<uint8_t>(port_naa[7] ^ 0x80);  // the port's name differs from the LU's
        out.insert(out.end(),
                   {static_cast<uint8_t>(protocol | 0x01), 0x93, 0x00, 0x08});  // PIV, ASSOC 01b, NAA
        out.insert(out.end(), port_naa.begin(), port_naa.end());
        out.insert(out.end(), {static_cast<uint8_t>(protocol | 0x01), 0x94, 0x00, 0x04, 0x00, 0x00});
        out.push_back(static_cast<uint8_t>(config_.relative_target_port >> 8));
        out.push_back(static_cast<uint8_t>(config_.relative_target_port & 0xFF));
      }
      be::put(&out[2], 2, out.size() - 4);
      return {};
    }
    case 0xB0: {  // Block limits (SBC-3 6.5.3), PAGE LENGTH 3Ch
      out.assign(64, 0);
      out[1] = 0xB0;
      out[3] = 0x3C;
      be::put(&out[6], 2, 1u << config_.physical_block_exponent);  // OPTIMAL TRANSFER LENGTH GRANULARITY
      be::put(&out[8], 4, config_.max_transfer_blocks);
      be::put(&out[12], 4, config_.optimal_transfer_blocks);
      return {};
    }
    case 0xB1: {  // Block device characteristics (SBC-3 6.5.2)
      out.assign(64, 0);
      out[1] = 0xB1;
      out[3] = 0x3C;
      be::put(&out[4], 2, config_.rotation_rate);
      return {};
    }
    default:
      return Completion::check(sense::invalid_field_in_cdb(2));
  }
}

Completion LogicalUnit::mode_sense(std::span<const uint8_t> cdb, std::span<uint8_t> buffer) {
  const bool ten = cdb[0] == opcode::mode_sense_10;
  const bool dbd = (cdb[1] & 0x08) != 0;
  const bool llbaa = ten && (cdb[1] & 0x10) != 0;
  const uint8_t pc = static_cast<uint8_t>(cdb[2] >> 6);
  const uint8_t page = cdb[2] & 0x3F;
  const uint8_t subpage = cdb[3];
  const uint64_t allocation = ten ? be::get(cdb.data() + 7, 2) : cdb[4];
  if (pc == 3) {
    return Completion::check(sense::saving_not_supported());  // SPC-4 6.11: saved values
  }
  if (page != kCachingPage && page != kControlPage && page != kAllPages) {
    return Completion::check(sense::invalid_field_in_cdb(2, 5));
  }
  if (subpage != 0 && subpage != 0xFF) {
    return Completion::check(sense::invalid_field_in_cdb(3));
  }
  std::vector<uint8_t> pages;
  const bool changeable = pc == 1;
  if (page == kCachingPage || page == kAllPages) {
    std::vector<uint8_t> caching(20, 0);
    caching[0] = kCachingPage;
    caching[1] = 0x12;
    if (changeable) {
      caching[2] = config_.cache == CacheMode::volatile_cache ? 0x04 : 0x00;  // WCE can be changed
    } else {
      const bool wce = config_.cache == CacheMode::volatile_cache &&
                       (pc == 2 ? config_.write_cache_enabled : write_cache_enabled_);
      const bool rcd = false;
      caching[2] = static_cast<uint8_t>((wce ? 0x04 : 0) | (rcd ? 0x01 : 0));
    }
    pages.insert(pages.end(), caching.begin(), caching.end());
  }
  if (page == kControlPage || page == kAllPages) {
    std::vector<uint8_t> control(12, 0);
    control[0] = kControlPage;
    control[1] = 0x0A;
    if (!changeable) {
      control[3] = 0x10;                // QUEUE ALGORITHM MODIFIER 1: unrestricted reordering
      be::put(&control[8], 2, 0xFFFF);  // BUSY TIMEOUT PERIOD: unlimited
    }
    pages.insert(pages.end(), control.begin(), control.end());
  }
  const uint64_t blocks = config_.capacity_blocks;
  const bool long_descriptor = llbaa && blocks > 0xFFFFFFFFull;
  std::vector<uint8_t> descriptor;
  if (!dbd) {
    if (long_descriptor) {
      descriptor.assign(16, 0);
      be::put(&descriptor[0], 8, blocks);
      be::put(&descriptor[12], 4, config_.block_size);
    } else {
      descriptor.assign(8, 0);
      be::put(&descriptor[0], 4, std::min<uint64_t>(blocks, 0xFFFFFFFFull));
      be::put(&descriptor[5], 3, config_.block_size);
    }
  }
  const uint8_t device_specific = 0x10;  // WP=0, DPOFUA=1
  std::vector<uint8_t> out;
  if (ten) {
    out.assign(8, 0);
    out[3] = device_specific;
    out[4] = long_descriptor ? 0x01 : 0x00;
    be::put(&out[6], 2, descriptor.size());
  } else {
    out.assign(4, 0);
    out[2] = device_specific;
    out[3] = static_cast<uint8_t>(descriptor.size());
  }
  out.insert(out.end(), descriptor.begin(), descriptor.end());
  out.insert(out.end(), pages.begin(), pages.end());
  if (ten) {
    be::put(&out[0], 2, out.size() - 2);  // MODE DATA LENGTH excludes itself
  } else {
    out[0] = static_cast<uint8_t>(out.size() - 1);
  }
  return data_in(out, allocation, buffer);
}

Completion LogicalUnit::mode_select(std::span<const uint8_t> cdb, TransferDirection direction,
                                    std::span<uint8_t> buffer, Initiator initiator) {
  const bool ten = cdb[0] == opcode::mode_select_10;
  const uint64_t length = ten ? be::get(cdb.data() + 7, 2) : cdb[4];
  if (cdb[1] & 0x01) {  // SP: the model has no saved pages
    return Completion::check(sense::invalid_field_in_cdb(1, 0));
  }
  if (length == 0) {
    return {};
  }
  if (direction != TransferDirection::host_to_target || buffer.size() < length) {
    Completion c;
    c.overrun = true;
    return c;
  }
  const SenseCondition invalid_parameter{SenseKey::illegal_request, 0x26, 0x00, {}, {}};  // SPC-4: 26h/00h
  const uint8_t* data = buffer.data();
  const size_t header = ten ? 8 : 4;
  if (length < header) {
    return Completion::check(sense::parameter_list_length_error());
  }
  const size_t descriptors = ten ? be::get(data + 6, 2) : data[3];
  size_t at = header + descriptors;
  if (at > length) {
    return Completion::check(sense::parameter_list_length_error());
  }
  if (descriptors >= 8 && be::get(data + header + descriptors - 3, 3) != config_.block_size) {
    return Completion::check(invalid_parameter);  // block length change
  }
  bool wce = write_cache_enabled_;
  while (at + 2 <= length) {
    const uint8_t page = data[at] & 0x3F;
    const size_t page_length = data[at + 1];
    if ((data[at] & 0x40) != 0 || at + 2 + page_length > length) {
      return Completion::check(invalid_parameter);
    }
    if (page == kCachingPage && page_length == 0x12) {
      const bool new_wce = (data[at + 2] & 0x04) != 0;
      // Only WCE is changeable, and only with a volatile cache; RCD and the rest must stay 0.
      if ((data[at + 2] & ~0x04) != 0 || (new_wce && config_.cache != CacheMode::volatile_cache)) {
        return Completion::check(invalid_parameter);
      }
      wce = new_wce;
    } else if (page != kControlPage || page_length != 0x0A) {
      return Completion::check(invalid_parameter);
    }
    at += 2 + page_length;
  }
  if (wce != write_cache_enabled_) {
    if (!wce) {
      flush_locked();  // write-through from now on: nothing may stay behind in the cache
      ++flush_epoch_;
    }
    write_cache_enabled_ = wce;
    // SPC-4 5.14: other I_T nexuses learn of the change through MODE PARAMETERS CHANGED.
    for (size_t i = 0; i < unit_attentions_.size(); ++i) {
      if (i != static_cast<size_t>(initiator)) {
        unit_attentions_[i].push_back({SenseKey::unit_attention, 0x2A, 0x01, {}, {}});
      }
    }
  }
  Completion c;
  c.bytes = length;
  return c;
}

Completion LogicalUnit::request_sense(std::span<const uint8_t> cdb, std::span<uint8_t> buffer,
                                      Initiator initiator) {
  if (cdb[1] & 0x01) {  // DESC=1: the model answers fixed format only
    return Completion::check(sense::invalid_field_in_cdb(1, 0));
  }
  SenseCondition condition;
  auto& attentions = unit_attentions_[static_cast<size_t>(initiator)];
  if (!attentions.empty()) {  // SPC-4 6.29: reports and clears the unit attention
    condition = attentions.front();
    attentions.pop_front();
  } else if (!medium_present_) {
    condition = sense::medium_not_present();
  } else if (stopped_) {
    condition = {SenseKey::not_ready, 0x04, 0x02, {}, {}};
  }
  return data_in(build_fixed_sense(condition), cdb[4], buffer);
}

Completion LogicalUnit::read_capacity_10(std::span<const uint8_t> cdb, std::span<uint8_t> buffer) {
  const bool pmi = (cdb[8] & 0x01) != 0;
  if (!pmi && be::get(cdb.data() + 2, 4) != 0) {  // SBC-3 5.15: LBA must be 0 when PMI is 0
    return Completion::check(sense::invalid_field_in_cdb(2));
  }
  if (!medium_present_) {
    return Completion::check(sense::medium_not_present());
  }
  std::vector<uint8_t> out(8, 0);
  const uint64_t last = config_.capacity_blocks - 1;
  be::put(&out[0], 4, std::min<uint64_t>(last, 0xFFFFFFFFull));  // FFFFFFFFh: use READ CAPACITY(16)
  be::put(&out[4], 4, config_.block_size);
  return data_in(out, 8, buffer);
}

Completion LogicalUnit::read_capacity_16(std::span<const uint8_t> cdb, std::span<uint8_t> buffer) {
  if (!medium_present_) {
    return Completion::check(sense::medium_not_present());
  }
  const uint64_t allocation = be::get(cdb.data() + 10, 4);
  std::vector<uint8_t> out(32, 0);
  be::put(&out[0], 8, config_.capacity_blocks - 1);
  be::put(&out[8], 4, config_.block_size);
  out[13] = static_cast<uint8_t>(config_.physical_block_exponent & 0x0F);  // LBPPBE
  return data_in(out, allocation, buffer);
}

}  // namespace simdext
