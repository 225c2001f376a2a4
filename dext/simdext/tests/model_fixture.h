// Shared by the model's unit tests: a controller from an inline profile with media in a temporary
// directory, and a task builder that speaks CDBs as the standard spells them.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "controller.h"
#include "profile.h"

namespace simdext::testing {

// Data-in and data-out, as the tests of every command class spell them.
inline constexpr auto kIn = TransferDirection::target_to_host;
inline constexpr auto kOut = TransferDirection::host_to_target;

inline constexpr const char* kSmallProfile = R"(
[controller]
max_transfer_size = "64KiB"
[controller.constraints]
max_byte_count_write = "512KiB"
max_byte_count_read = "128KiB"
[[target]]
id = 0
[[target.lun]]
id = 0
block_size = 512
capacity = "4MiB"
cache_size = "64KiB"
serial = "UNIT0"
[[target]]
id = 3
[[target.lun]]
id = 1
block_size = 512
capacity_blocks = 4296015872
)";

class ModelTest : public ::testing::Test {
 protected:
  void SetUp() override { make(kSmallProfile); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void make(const std::string& text) {
    if (!dir_.empty()) {
      std::filesystem::remove_all(dir_);
    }
    char pattern[] = "/tmp/simdext-unit.XXXXXX";
    dir_ = ::mkdtemp(pattern);
    auto profile = parse_profile(text, "inline.toml");
    ASSERT_TRUE(profile) << profile.error();
    profile_ = *profile;
    auto controller = Controller::create(profile_, dir_);
    ASSERT_TRUE(controller) << controller.error();
    controller_ = std::move(*controller);
  }

  struct Result {
    Response response;
    std::vector<uint8_t> data;
    [[nodiscard]] uint8_t key() const {
      return response.fSenseLength > 2 ? response.fSenseBuffer[2] & 0x0F : 0;
    }
    [[nodiscard]] uint8_t asc() const { return response.fSenseLength > 12 ? response.fSenseBuffer[12] : 0; }
    [[nodiscard]] uint8_t ascq() const { return response.fSenseLength > 13 ? response.fSenseBuffer[13] : 0; }
  };

  Result run(std::vector<uint8_t> cdb, TransferDirection direction = TransferDirection::none,
             size_t length = 0, std::vector<uint8_t> data_out = {}, uint64_t target = 0, uint64_t lun = 0,
             Initiator initiator = Initiator::passthrough) {
    Result result;
    result.data = data_out.empty() ? std::vector<uint8_t>(length, 0xA5) : data_out;
    Task task;
    task.fTargetID = target;
    task.fLogicalUnitBytes = encode_lun(lun);
    std::copy(cdb.begin(), cdb.end(), task.fCommandDescriptorBlock.begin());
    task.fCommandSize = static_cast<uint8_t>(cdb.size());
    task.fTransferDirection = direction;
    task.fRequestedTransferCount = result.data.size();
    task.fTimeoutInMilliSec = 200;
    task.buffer = result.data;
    task.initiator = initiator;
    result.response = controller_->process(task);
    return result;
  }

  // Clears the power-on unit attention of the pass-through nexus.
  void clear_unit_attention(uint64_t target = 0, uint64_t lun = 0) {
    run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, target, lun);
  }

  std::string dir_;
  Profile profile_;
  std::unique_ptr<Controller> controller_;
};

inline std::vector<uint8_t> cdb10(uint8_t op, uint32_t lba, uint16_t blocks, uint8_t byte1 = 0) {
  return {op,
          byte1,
          static_cast<uint8_t>(lba >> 24),
          static_cast<uint8_t>(lba >> 16),
          static_cast<uint8_t>(lba >> 8),
          static_cast<uint8_t>(lba),
          0,
          static_cast<uint8_t>(blocks >> 8),
          static_cast<uint8_t>(blocks),
          0};
}

inline std::vector<uint8_t> cdb16(uint8_t op, uint64_t lba, uint32_t blocks, uint8_t byte1 = 0) {
  std::vector<uint8_t> c(16, 0);
  c[0] = op;
  c[1] = byte1;
  for (int i = 0; i < 8; ++i) {
    c[2 + i] = static_cast<uint8_t>(lba >> (56 - 8 * i));
  }
  for (int i = 0; i < 4; ++i) {
    c[10 + i] = static_cast<uint8_t>(blocks >> (24 - 8 * i));
  }
  return c;
}

}  // namespace simdext::testing
