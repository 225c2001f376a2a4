// The host side of the simulated DEXT: what macOS's storage stack does with it. At attach it probes
// the LU (TEST UNIT READY until the unit attention clears, INQUIRY, READ CAPACITY, the caching mode
// page); then it turns block requests into SCSI tasks, split by the controller's *published*
// limits the way IOBreaker does (MACOS.md §2), and fails a piece above the DMA maxTransferSize with
// EIO instead of splitting it (field report F2). Errors are errno values.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "controller.h"

namespace simdext {

struct ProbeResult {
  uint64_t capacity_blocks = 0;  // as READ CAPACITY said (0 when the data never arrived: F5)
  uint32_t block_size = 0;
  bool write_cache = true;
  std::string error;  // non-empty: the probe failed
};

class BlockHost {
 public:
  BlockHost(Controller& controller, uint64_t target, uint64_t lun);

  ProbeResult probe();
  [[nodiscard]] int read(uint64_t offset, std::span<uint8_t> out);
  [[nodiscard]] int write(uint64_t offset, std::span<const uint8_t> data);
  [[nodiscard]] int flush();

  // IOBreaker::getBreakSize for a direction: 0 when the limits leave nothing (EIO).
  [[nodiscard]] static uint64_t break_size(const ControllerConfig& config, bool write, uint32_t block_size);

 private:
  Response submit(uint8_t opcode, uint64_t lba, uint64_t blocks, TransferDirection direction,
                  std::span<uint8_t> data);
  Response submit_cdb(std::span<const uint8_t> cdb, TransferDirection direction, std::span<uint8_t> data);
  int transfer(uint64_t offset, std::span<uint8_t> data, bool write);

  Controller& controller_;
  uint64_t target_, lun_;
  uint32_t block_size_ = 512;
  uint64_t capacity_blocks_ = 0;
  bool write_cache_ = true;
};

}  // namespace simdext
