// The controller: target/LUN addressing, REPORT LUNS, and each fault action at the task level.
#include <thread>

#include "model_fixture.h"

namespace simdext::testing {
namespace {

using ControllerTest = ModelTest;

std::string with_rule(const std::string& rule) { return std::string(kSmallProfile) + "\n[[rule]]\n" + rule; }

TEST_F(ControllerTest, AbsentTargetIsDeviceNotPresent) {
  auto r = run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 7, 0);
  EXPECT_EQ(r.response.fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
  EXPECT_EQ(r.response.fCompletionStatus, static_cast<uint32_t>(DeliveryFailure::device_not_present));
}

TEST_F(ControllerTest, AbsentLunInquiryIsQualifier3AndOthersAre25h) {  // SPC-4 6.4.2
  auto inquiry = run({0x12, 0, 0, 0, 36, 0}, kIn, 36, {}, 0, 5);
  EXPECT_TRUE(inquiry.response.good());
  EXPECT_EQ(inquiry.data[0], 0x7F);
  auto tur = run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 5);
  EXPECT_EQ(tur.key(), 0x5);
  EXPECT_EQ(tur.asc(), 0x25);
}

TEST_F(ControllerTest, ReportLunsListsTheTargetsLunsWithFullLength) {
  auto r = run({0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0}, kIn, 16, {}, 3, 0);
  ASSERT_TRUE(r.response.good());
  EXPECT_EQ(r.data[3], 8);  // one LUN, 8 bytes
  EXPECT_EQ(r.data[8 + 1], 1);
  auto small = run({0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0}, kIn, 3, {}, 3, 0);
  EXPECT_EQ(small.asc(), 0x24);  // allocation length below 4
}

TEST_F(ControllerTest, TraceRecordsSinceMark) {
  const uint64_t mark = controller_->trace().mark();
  run({0x00, 0, 0, 0, 0, 0});
  run({0x12, 0, 0, 0, 36, 0}, kIn, 36);
  const auto entries = controller_->trace().since(mark, 100);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["cdb"], "000000000000");
  EXPECT_EQ(entries[1]["bytes_transferred"], 36);
  EXPECT_EQ(entries[1]["source"], "passthrough");
}

TEST_F(ControllerTest, DataInLostCompletesGoodWithoutTouchingTheBuffer) {  // F5
  make(with_rule("action = \"data_in_lost\"\nopcodes = [0x12]\n"));
  auto r = run({0x12, 0, 0, 0, 36, 0}, kIn, 36);
  EXPECT_TRUE(r.response.good());
  EXPECT_EQ(r.response.fBytesTransferred, 36u);
  EXPECT_EQ(r.response.dma_bytes, 0u);
  EXPECT_EQ(r.data, std::vector<uint8_t>(36, 0xA5));
  ASSERT_EQ(controller_->faults().log().size(), 1u);
  EXPECT_EQ(controller_->faults().log()[0]["seed"], 1);
}

TEST_F(ControllerTest, CheckConditionActionAfterAndEvery) {
  make(with_rule(
      "action = \"check_condition\"\nopcodes = [0x00]\nafter = 2\nevery = 2\nsense_key = 3\nasc = 0x11\n"));
  std::vector<bool> failed;
  for (int i = 0; i < 6; ++i) {
    auto r = run({0x00, 0, 0, 0, 0, 0});
    failed.push_back(r.key() == 0x3 && r.asc() == 0x11);
  }
  EXPECT_EQ(failed, (std::vector<bool>{false, false, false, true, false, true}));
}

TEST_F(ControllerTest, HangEndsAtTheTaskTimeoutAndAbortEndsItSooner) {
  make(with_rule("action = \"hang\"\nopcodes = [0x00]\n"));
  auto r = run({0x00, 0, 0, 0, 0, 0});
  EXPECT_EQ(r.response.fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
  EXPECT_EQ(r.response.fCompletionStatus, static_cast<uint32_t>(DeliveryFailure::task_timeout));
}

TEST_F(ControllerTest, MisdirectWritesLandElsewhere) {
  make(with_rule("action = \"misdirect\"\nopcodes = [0x2A]\ndelta = 8\n"));
  clear_unit_attention();
  std::vector<uint8_t> a(512, 0x5A);
  ASSERT_TRUE(run(cdb10(0x2A, 0, 1), kOut, 512, a).response.good());
  EXPECT_EQ(run(cdb10(0x28, 8, 1), kIn, 512).data, a);
  EXPECT_EQ(run(cdb10(0x28, 0, 1), kIn, 512).data, std::vector<uint8_t>(512, 0));
}

TEST_F(ControllerTest, FlipBitsIsSeededAndReproducible) {
  const std::string rule = "action = \"flip_bits\"\nopcodes = [0x28]\nbits = 3\nseed = 99\n";
  make(with_rule(rule));
  clear_unit_attention();
  const auto first = run(cdb10(0x28, 0, 1), kIn, 512).data;
  make(with_rule(rule));
  clear_unit_attention();
  const auto second = run(cdb10(0x28, 0, 1), kIn, 512).data;
  EXPECT_EQ(first, second);
  EXPECT_NE(first, std::vector<uint8_t>(512, 0));
}

TEST_F(ControllerTest, PinnedWriteSurvivesFlushButNotPowerCut) {
  make(with_rule("action = \"pin\"\nopcodes = [0x2A]\n"));
  clear_unit_attention();
  std::vector<uint8_t> a(512, 0x77);
  ASSERT_TRUE(run(cdb10(0x2A, 3, 1), kOut, 512, a).response.good());
  ASSERT_TRUE(run(cdb10(0x35, 0, 0)).response.good());
  EXPECT_EQ(run(cdb10(0x28, 3, 1), kIn, 512).data, a);  // still served from cache
  controller_->find_lu(0, 0)->power_cut();
  EXPECT_EQ(run(cdb10(0x28, 3, 1), kIn, 512).data, std::vector<uint8_t>(512, 0));
}

TEST_F(ControllerTest, TornWriteKeepsItsPrefixAtPowerCut) {
  make(with_rule("action = \"tear\"\nopcodes = [0x2A]\nsectors = 2\n"));
  clear_unit_attention();
  std::vector<uint8_t> a(4 * 512, 0x66);
  ASSERT_TRUE(run(cdb10(0x2A, 0, 4), kOut, a.size(), a).response.good());
  controller_->find_lu(0, 0)->power_cut();
  auto r = run(cdb10(0x28, 0, 4), kIn, a.size());
  EXPECT_EQ(r.data[512], 0x66);
  EXPECT_EQ(r.data[2 * 512], 0x00);
}

TEST_F(ControllerTest, StallAfterUnitAttentionTimesOutEverythingLater) {  // F6
  make(with_rule("action = \"stall_after_ua\"\ntarget = 3\n"));
  EXPECT_EQ(run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 3, 1).key(), 0x6);
  auto later = run({0x12, 0, 0, 0, 36, 0}, kIn, 36, {}, 3, 1);
  EXPECT_EQ(later.response.fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
  EXPECT_TRUE(run({0x12, 0, 0, 0, 36, 0}, kIn, 36).response.good());  // target 0 unaffected
}

}  // namespace
}  // namespace simdext::testing

namespace simdext::testing {
namespace {

TEST_F(ControllerTest, OfflineEndsAHungHostTaskAndRefusesNewHangs) {  // detach never hangs
  make(with_rule("action = \"hang\"\nopcodes = [0x28]\n"));
  std::vector<uint8_t> buffer(512);
  Task task;
  task.fCommandDescriptorBlock = {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};
  task.fCommandSize = 10;
  task.fTransferDirection = TransferDirection::target_to_host;
  task.fRequestedTransferCount = 512;
  task.fTimeoutInMilliSec = 0;  // the block path: no timeout
  task.buffer = buffer;
  task.initiator = Initiator::host;
  std::thread hung([&] { EXPECT_FALSE(controller_->process(task).good()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  controller_->set_online(false);
  hung.join();
  EXPECT_EQ(controller_->process(task).fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
}

}  // namespace
}  // namespace simdext::testing
