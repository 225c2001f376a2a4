// The configuration a fault profile sets (fixtures/faults/README.md documents every key): the
// controller's published HBA constraints and DMA specification, its protocol characteristics, the
// targets and logical units behind it, and the fault rules (fault_rules.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fault_rules.h"

namespace simdext {

enum class CacheMode { volatile_cache, none, protected_cache };

struct Identity {
  std::string vendor = "DEXTQUAL";
  std::string product = "SIMDEXT DISK";
  std::string revision = "0001";
  std::string serial;  // default: derived from target/LUN
  std::string wwn;     // 16 hex digits, NAA 5; default: derived from target/LUN
};

struct LuConfig {
  uint64_t id = 0;
  uint32_t block_size = 512;
  uint64_t capacity_blocks = 0;
  uint32_t physical_block_exponent = 0;  // LBPPBE
  CacheMode cache = CacheMode::volatile_cache;
  uint64_t cache_bytes = 64ull << 20;
  bool write_cache_enabled = true;  // caching mode page WCE
  bool removable = false;
  uint16_t rotation_rate = 1;        // VPD B1h: 1 = non-rotating
  uint32_t max_transfer_blocks = 0;  // VPD B0h MAXIMUM TRANSFER LENGTH, 0 = not reported
  uint32_t optimal_transfer_blocks = 0;
  Identity identity;
  // VPD 83h target port designators (set by the controller from its protocol characteristics): the
  // PROTOCOL IDENTIFIER of the port the LU is reached through, nullopt = none published.
  std::optional<uint8_t> port_protocol_identifier;
  uint16_t relative_target_port = 1;
};

struct TargetConfig {
  uint64_t id = 0;
  std::vector<LuConfig> luns;
};

// HBA constraints (UserReportHBAConstraints) with IORegistry meaning; nullopt = key absent.
struct Constraints {
  std::optional<uint64_t> max_segment_count_read, max_segment_count_write;
  std::optional<uint64_t> max_segment_byte_count_read, max_segment_byte_count_write;
  std::optional<uint64_t> max_byte_count_read, max_byte_count_write;
  std::optional<uint64_t> max_block_count_read, max_block_count_write;
  std::optional<uint64_t> min_segment_alignment;
  std::optional<uint64_t> segment_addressable_bits;
  std::optional<uint64_t> hba_data_alignment_mask;
};

struct ProtocolCharacteristics {
  std::string physical_interconnect = "Fibre Channel Interface";
  std::string physical_interconnect_location = "External";
  uint64_t scsi_domain_identifier = 0;
};

struct ControllerConfig {
  uint64_t max_transfer_size = 1ull << 20;  // UserGetDMASpecification maxTransferSize
  uint32_t dma_alignment = 4;
  uint8_t dma_address_bits = 64;
  uint8_t dma_segment_bits = 64;  // DMAOutputSegmentType: 32 (Host32/Big32/Little32) or 64
  uint32_t maximum_task_count = 64;
  Constraints constraints;
  ProtocolCharacteristics protocol;
};

struct Profile {
  std::string path;
  std::string name;
  std::string description;
  ControllerConfig controller;
  std::vector<TargetConfig> targets;
  uint64_t dut_target = 0;
  uint64_t dut_lun = 0;
  std::string dut_product;  // [dut] product: fixtures/products/<name>.toml, the run's expectations

  std::vector<FaultRule> rules;

  [[nodiscard]] const LuConfig* find_lu(uint64_t target, uint64_t lun) const;
};

}  // namespace simdext
