// Faults that do what they say (issue 13 §2): for every action and every class of command it can
// match (block read/write, flush, controller-answered REPORT LUNS and absent-LUN INQUIRY,
// pass-through), what the host receives; and every rule that would match what its action cannot
// change is refused at profile load. The field finding: `data_in_zero` was logged as applied to
// REPORT LUNS while the host received the real LUN list.
#include <chrono>

#include "fault_scope.h"
#include "model_fixture.h"

namespace simdext::testing {
namespace {

constexpr std::array<Initiator, 2> kPaths{Initiator::host, Initiator::passthrough};
const std::vector<uint8_t> kPoison(64, 0xA5);  // what the fixture fills a data-in buffer with

class FaultScopeTest : public ModelTest {
 protected:
  void with_rule(const std::string& rule) {
    make(std::string(kSmallProfile) + "\n[[rule]]\nname = \"r\"\n" + rule);
    for (Initiator via : kPaths) {
      run({0x00, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 0, via);  // the power-on UA
    }
  }
  Result write(uint32_t lba, uint8_t fill, Initiator via, uint16_t blocks = 1) {
    return run(cdb10(0x2A, lba, blocks), kOut, blocks * 512u, std::vector<uint8_t>(blocks * 512u, fill), 0, 0,
               via);
  }
  Result read(uint32_t lba, Initiator via, uint16_t blocks = 1) {
    return run(cdb10(0x28, lba, blocks), kIn, blocks * 512u, {}, 0, 0, via);
  }
  Result sync(Initiator via) { return run(cdb10(0x35, 0, 0), TransferDirection::none, 0, {}, 0, 0, via); }
  Result report_luns(Initiator via) {
    return run({0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0}, kIn, 64, {}, 0, 0, via);
  }
  Result absent_inquiry(Initiator via) { return run({0x12, 0, 0, 0, 64, 0}, kIn, 64, {}, 0, 5, via); }
  // What the LU holds, read past the controller and every fault.
  std::vector<uint8_t> media(uint32_t lba, uint16_t blocks = 1) {
    std::vector<uint8_t> out(blocks * 512u);
    const auto cdb = cdb10(0x28, lba, blocks);
    (void)controller_->find_lu(0, 0)->execute(cdb, kIn, out, Initiator::passthrough, {});
    return out;
  }
  size_t applications() {
    size_t n = 0;
    for (const auto& e : controller_->faults().log()) {
      n += e.contains("action") ? 1 : 0;
    }
    return n;
  }
  static std::vector<uint8_t> lun_list() {  // REPORT LUNS of target 0: LUN 0 only
    std::vector<uint8_t> l(64, 0xA5);
    std::fill(l.begin(), l.begin() + 16, uint8_t{0});
    l[3] = 8;
    return l;
  }
};

// ---- the field finding: DMA faults on data-in the controller answers itself ----

TEST_F(FaultScopeTest, DataInZeroReachesTheHostOnReportLunsAndAbsentLunInquiry) {
  with_rule("action = \"data_in_zero\"\nopcodes = [0xA0, 0x12]\n");
  for (Initiator via : kPaths) {
    const auto luns = report_luns(via);
    ASSERT_TRUE(luns.response.good());
    EXPECT_EQ(luns.response.fBytesTransferred, 16u);
    EXPECT_EQ(std::vector<uint8_t>(luns.data.begin(), luns.data.begin() + 16), std::vector<uint8_t>(16, 0))
        << "the LUN list itself arrived: data_in_zero logged but not applied";
    const auto inquiry = absent_inquiry(via);
    ASSERT_TRUE(inquiry.response.good());
    EXPECT_EQ(inquiry.data[0], 0x00) << "peripheral qualifier 011b (7Fh) arrived unzeroed";
  }
  EXPECT_EQ(applications(), 4u);
}

TEST_F(FaultScopeTest, DataInLostLeavesTheHostBufferOnReportLunsAndAbsentLunInquiry) {  // F5
  with_rule("action = \"data_in_lost\"\nopcodes = [0xA0, 0x12]\n");
  for (Initiator via : kPaths) {
    const auto luns = report_luns(via);
    ASSERT_TRUE(luns.response.good());
    EXPECT_EQ(luns.response.fBytesTransferred, 16u);
    EXPECT_EQ(luns.response.dma_bytes, 0u);
    EXPECT_EQ(luns.data, kPoison);
    EXPECT_EQ(absent_inquiry(via).data, kPoison);
  }
}

TEST_F(FaultScopeTest, FlipBitsCorruptsTheLunList) {
  with_rule("action = \"flip_bits\"\nopcodes = [0xA0]\nbits = 1\n");
  for (Initiator via : kPaths) {
    const auto luns = report_luns(via);
    ASSERT_TRUE(luns.response.good());
    int differing = 0;
    for (size_t i = 0; i < 16; ++i) {
      differing += __builtin_popcount(luns.data[i] ^ lun_list()[i]);
    }
    EXPECT_EQ(differing, 1);
  }
}

// ---- DMA faults on the LU's data, block path and pass-through ----

TEST_F(FaultScopeTest, DataInFaultsOnBlockAndPassThroughReads) {
  for (const char* action : {"data_in_zero", "data_in_lost", "flip_bits"}) {
    with_rule("action = \"" + std::string(action) + "\"\nopcodes = [0x28]\nbits = 3\n");
    for (Initiator via : kPaths) {
      ASSERT_TRUE(write(9, 0x5C, via).response.good());
      const auto r = read(9, via);
      ASSERT_TRUE(r.response.good()) << action;
      const std::string a = action;
      if (a == "data_in_zero") {
        EXPECT_EQ(r.data, std::vector<uint8_t>(512, 0));
      } else if (a == "data_in_lost") {
        EXPECT_EQ(r.data, std::vector<uint8_t>(512, 0xA5));
        EXPECT_EQ(r.response.dma_bytes, 0u);
      } else {
        EXPECT_NE(r.data, std::vector<uint8_t>(512, 0x5C));
        EXPECT_EQ(media(9), std::vector<uint8_t>(512, 0x5C)) << "a data-in flip must not touch the media";
      }
    }
  }
}

TEST_F(FaultScopeTest, FlipBitsOnWriteCorruptsTheMediaNotTheHostBuffer) {
  with_rule("action = \"flip_bits\"\nopcodes = [0x2A]\nbits = 2\n");
  for (Initiator via : kPaths) {
    const auto w = write(4, 0x11, via);
    ASSERT_TRUE(w.response.good());
    EXPECT_EQ(w.data, std::vector<uint8_t>(512, 0x11));
    EXPECT_NE(read(4, via).data, std::vector<uint8_t>(512, 0x11));
  }
}

TEST_F(FaultScopeTest, DataInActionsNeverMatchCommandsWithoutDataIn) {
  with_rule("action = \"data_in_zero\"\n");  // no opcodes: every data-in command, nothing else
  for (Initiator via : kPaths) {
    ASSERT_TRUE(write(1, 0x22, via).response.good());
    ASSERT_TRUE(sync(via).response.good());
    ASSERT_TRUE(run({0x12, 0, 0, 0, 0, 0}, TransferDirection::none, 0, {}, 0, 0, via).response.good());
  }
  EXPECT_EQ(applications(), 0u) << controller_->faults().log().dump();
  EXPECT_EQ(read(1, Initiator::host).data, std::vector<uint8_t>(512, 0));
  EXPECT_EQ(applications(), 1u);
}

TEST_F(FaultScopeTest, LuActionsNeverMatchAnAbsentLun) {
  with_rule("action = \"pin\"\n");
  const auto r = run(cdb10(0x2A, 0, 1), kOut, 512, std::vector<uint8_t>(512, 1), 0, 5);
  EXPECT_EQ(r.key(), 0x05);  // LOGICAL UNIT NOT SUPPORTED, from the controller
  EXPECT_EQ(applications(), 0u);
}

// ---- answers and timing act on every class of command ----

class AnswerEveryClass : public FaultScopeTest {
 protected:
  // One command of each class: block read, block write, flush, REPORT LUNS, absent-LUN INQUIRY;
  // each sent on the block path and on pass-through.
  std::vector<Result> every_class() {
    std::vector<Result> out;
    for (Initiator via : kPaths) {
      out.push_back(read(2, via));
      out.push_back(write(2, 0x33, via));
      out.push_back(sync(via));
      out.push_back(report_luns(via));
      out.push_back(absent_inquiry(via));
    }
    return out;
  }
  static constexpr const char* kOpcodes = "opcodes = [0x28, 0x2A, 0x35, 0xA0, 0x12]\n";
};

TEST_F(AnswerEveryClass, IgnoreCompletesGoodWithoutEffect) {
  with_rule(std::string("action = \"ignore\"\n") + kOpcodes);
  for (const Result& r : every_class()) {
    EXPECT_TRUE(r.response.good());
    EXPECT_EQ(r.response.fBytesTransferred, r.data.size());
    if (r.data.size() != 512 || r.data[0] != 0x33) {
      EXPECT_EQ(std::vector<uint8_t>(r.data.begin(), r.data.begin() + std::min<size_t>(r.data.size(), 64)),
                std::vector<uint8_t>(std::min<size_t>(r.data.size(), 64), 0xA5));
    }
  }
  EXPECT_EQ(media(2), std::vector<uint8_t>(512, 0)) << "an ignored write reached the media";
}

TEST_F(AnswerEveryClass, CheckConditionAnswersEveryClassWithItsSense) {
  with_rule(std::string("action = \"check_condition\"\nsense_key = 4\nasc = 0x44\n") + kOpcodes);
  for (const Result& r : every_class()) {
    EXPECT_EQ(r.response.fCompletionStatus, 2u);
    EXPECT_EQ(r.key(), 4);
    EXPECT_EQ(r.asc(), 0x44);
  }
  EXPECT_EQ(media(2), std::vector<uint8_t>(512, 0));
}

TEST_F(AnswerEveryClass, TransportErrorFailsEveryClassInDelivery) {
  with_rule(std::string("action = \"transport_error\"\n") + kOpcodes);
  for (const Result& r : every_class()) {
    EXPECT_EQ(r.response.fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
    EXPECT_EQ(r.response.fCompletionStatus, 5u);
  }
}

TEST_F(AnswerEveryClass, DelayHoldsEveryClassThenCompletes) {
  with_rule(std::string("action = \"delay\"\ndelay_ms = 30\n") + kOpcodes);
  const auto start = std::chrono::steady_clock::now();
  const auto results = every_class();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  for (const Result& r : results) {
    EXPECT_TRUE(r.response.good() || r.key() == 0x05);  // the absent LUN's INQUIRY is GOOD too
  }
  EXPECT_GE(elapsed, std::chrono::milliseconds(30 * results.size()));
}

TEST_F(AnswerEveryClass, HangEndsOnlyAtTheTaskTimeout) {
  with_rule(std::string("action = \"hang\"\n") + kOpcodes);
  for (const Result& r : every_class()) {
    EXPECT_EQ(r.response.fServiceResponse, ServiceResponse::service_delivery_or_target_failure);
    EXPECT_EQ(r.response.fCompletionStatus, static_cast<uint32_t>(DeliveryFailure::task_timeout));
  }
}

// ---- cache and address actions, block path and pass-through ----

TEST_F(FaultScopeTest, CacheActionsOnBlockAndPassThroughWrites) {
  const auto zeros = std::vector<uint8_t>(512, 0);
  for (Initiator via : kPaths) {
    with_rule("action = \"pin\"\n");  // the flush does not destage it; the power cut loses it
    ASSERT_TRUE(write(3, 0x77, via).response.good());
    ASSERT_TRUE(sync(via).response.good());
    controller_->find_lu(0, 0)->power_cut();
    EXPECT_EQ(media(3), zeros);

    with_rule("action = \"tear\"\nsectors = 2\n");
    ASSERT_TRUE(write(0, 0x66, via, 4).response.good());
    controller_->find_lu(0, 0)->power_cut();
    EXPECT_EQ(media(1), std::vector<uint8_t>(512, 0x66));
    EXPECT_EQ(media(2), zeros);

    with_rule("action = \"stale\"\n");
    ASSERT_TRUE(write(5, 0x55, via).response.good());
    EXPECT_EQ(read(5, via).data, zeros) << "the read served the cache, not the stale media";

    with_rule("action = \"destage_read_hits\"\n");
    ASSERT_TRUE(write(6, 0x44, via).response.good());
    ASSERT_TRUE(read(6, via).response.good());
    controller_->find_lu(0, 0)->power_cut();
    EXPECT_EQ(media(6), std::vector<uint8_t>(512, 0x44)) << "the read hit did not destage";

    with_rule("action = \"misdirect\"\ndelta = 1\nopcodes = [0x2A]\n");
    ASSERT_TRUE(write(10, 0x99, via).response.good());
    EXPECT_EQ(media(10), zeros);
    EXPECT_EQ(media(11), std::vector<uint8_t>(512, 0x99));
  }
}

TEST_F(FaultScopeTest, FlushActionsOnBlockAndPassThroughFlushes) {
  for (Initiator via : kPaths) {
    with_rule("action = \"skip_flush\"\n");
    ASSERT_TRUE(write(7, 0x12, via).response.good());
    ASSERT_TRUE(sync(via).response.good());
    controller_->find_lu(0, 0)->power_cut();
    EXPECT_EQ(media(7), std::vector<uint8_t>(512, 0)) << "SYNCHRONIZE CACHE destaged despite skip_flush";

    with_rule("action = \"drop_cache\"\nopcodes = [0x35]\n");
    ASSERT_TRUE(write(8, 0x13, via).response.good());
    EXPECT_EQ(read(8, via).data, std::vector<uint8_t>(512, 0x13));
    ASSERT_TRUE(sync(via).response.good());
    EXPECT_EQ(read(8, via).data, std::vector<uint8_t>(512, 0)) << "the flush destaged instead of dropping";

    with_rule("action = \"drop_cache\"\nopcodes = [0x2A]\n");
    ASSERT_TRUE(write(9, 0x14, via).response.good());
    EXPECT_EQ(read(9, via).data, std::vector<uint8_t>(512, 0)) << "the write's cached data survived";
  }
}

// ---- refused at load ----

struct Refusal {
  const char* rule;
  const char* says;
};

TEST(FaultScopeLoad, ARuleThatMatchesWhatItsActionCannotChangeIsRefused) {
  const std::string lu = "[[target]]\nid = 0\n[[target.lun]]\ncapacity = \"1MiB\"\n[[rule]]\nname = \"x\"\n";
  const Refusal refusals[] = {
      {"action = \"data_in_zero\"\nopcodes = [0x00]\n", "data_in_zero acts on commands with data-in"},
      {"action = \"data_in_zero\"\nopcodes = [0x2A]\n", "opcode 0x2A is not one"},
      {"action = \"data_in_lost\"\nopcodes = [0x35]\n", "opcode 0x35 is not one"},
      {"action = \"data_in_zero\"\ndirection = \"write\"\n", "direction must be \"read\""},
      {"action = \"flip_bits\"\nopcodes = [0x00]\n", "commands with data"},
      {"action = \"pin\"\nopcodes = [0xA0]\n", "pin acts on WRITE(6/10/12/16) only; opcode 0xA0"},
      {"action = \"tear\"\nopcodes = [0x28]\n", "WRITE(6/10/12/16) only"},
      {"action = \"stale\"\nopcodes = [0x2A]\n", "READ(6/10/12/16) only"},
      {"action = \"destage_read_hits\"\nopcodes = [0xA0]\n", "READ(6/10/12/16) only"},
      {"action = \"misdirect\"\nopcodes = [0x12]\n", "READ/WRITE(6/10/12/16) only"},
      {"action = \"truncate_lba\"\nbits = 32\nopcodes = [0x35]\n", "READ/WRITE(6/10/12/16) only"},
      {"action = \"drop_cache\"\nopcodes = [0xA0]\n", "SYNCHRONIZE CACHE"},
      {"action = \"skip_flush\"\nopcodes = [0x2A]\n", "SYNCHRONIZE CACHE(10/16) only"},
      {"action = \"pin\"\nlun = 7\n", "LUN 7 is not defined"},
      {"action = \"attach_delay\"\ndelay_ms = 1\n", "acts on events only"},
      {"action = \"attach_delay\"\nevents = [\"eject\"]\n", "cannot act on event 'eject'"},
      {"action = \"data_in_zero\"\nevents = [\"eject\"]\n", "it acts on commands only"},
      {"action = \"check_condition\"\nevents = [\"reset\"]\n", "it acts on commands only"},
      {"action = \"skip_flush\"\nevents = [\"detach\"]\n", "cannot act on event 'detach'"},
      {"action = \"drop_cache\"\nevents = [\"attach\"]\n", "cannot act on event 'attach'"},
  };
  for (const Refusal& r : refusals) {
    auto p = parse_profile(lu + r.rule, "x.toml");
    ASSERT_FALSE(p) << r.rule;
    EXPECT_NE(p.error().find(r.says), std::string::npos) << p.error();
    EXPECT_NE(p.error().find("rule[0] ('x')"), std::string::npos) << p.error();
  }
}

TEST(FaultScopeLoad, EveryActionLoadsOnWhatItActsOnAndDefaultsToIt) {
  const std::string lu = "[[target]]\nid = 0\n[[target.lun]]\ncapacity = \"1MiB\"\n[[rule]]\n";
  EXPECT_TRUE(parse_profile(lu + "action = \"data_in_zero\"\nopcodes = [0xA0]\n", "x.toml"));
  EXPECT_TRUE(parse_profile(lu + "action = \"ignore\"\nopcodes = [0xA0, 0x00]\n", "x.toml"));
  EXPECT_TRUE(parse_profile(lu + "action = \"drop_cache\"\nevents = [\"eject\", \"power-cut\"]\n", "x.toml"));
  EXPECT_TRUE(parse_profile(lu + "action = \"attach_delay\"\nevents = [\"attach\"]\n", "x.toml"));
  auto pin = parse_profile(lu + "action = \"pin\"\n", "x.toml");
  ASSERT_TRUE(pin) << pin.error();
  EXPECT_EQ(pin->rules[0].match.opcodes, (std::vector<uint8_t>{0x0A, 0x2A, 0xAA, 0x8A}));
  auto any = parse_profile(lu + "action = \"transport_error\"\n", "x.toml");
  ASSERT_TRUE(any) << any.error();
  EXPECT_TRUE(any->rules[0].match.opcodes.empty());  // every command
}

}  // namespace
}  // namespace simdext::testing
