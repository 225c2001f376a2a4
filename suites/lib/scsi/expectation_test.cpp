#include "scsi/expectation.h"

#include <gtest/gtest.h>

#include "scsi/fake_transport.h"
#include "scsi/initiator.h"

namespace dextqual::scsi {
namespace {

Completion answer(TransportReply reply) {
  Initiator initiator(std::make_shared<FakeTransport>([=](const Request&) { return reply; }), {});
  return *initiator.run(test_unit_ready());
}

TEST(Expectation, NamedExpectationMatchesItsSense) {
  auto completion = answer(check_condition_reply(5, 0x21, 0));
  EXPECT_EQ(check(completion, expect::lba_out_of_range()), std::nullopt);
  EXPECT_TRUE(is_unsupported_opcode(answer(check_condition_reply(5, 0x20, 0))));
}

TEST(Expectation, MismatchDecodesWhatCameBack) {
  auto problem = check(answer(check_condition_reply(4, 0x44, 0)), expect::good());
  ASSERT_TRUE(problem);
  EXPECT_NE(
      problem->find("expected GOOD, got CHECK CONDITION HARDWARE ERROR 44h/00h INTERNAL TARGET FAILURE"),
      std::string::npos)
      << *problem;
  EXPECT_NE(problem->find("TEST UNIT READY [00 00 00 00 00 00]"), std::string::npos);
}

TEST(Expectation, RightAnswerDeliveredBadlyStillFails) {
  TransportReply reply;
  reply.status = status::kCheckCondition;
  auto problem = check(answer(reply), expect::any_unit_attention());
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("without sense"), std::string::npos);
}

TEST(Expectation, AnyOfAcceptsEitherAndAsciiNamesBoth) {
  auto either = expect::any_of({expect::good(), expect::invalid_field_in_cdb()});
  EXPECT_TRUE(matches(answer(TransportReply{}), either));
  EXPECT_TRUE(matches(answer(check_condition_reply(5, 0x24, 0)), either));
  EXPECT_FALSE(matches(answer(check_condition_reply(5, 0x20, 0)), either));
  EXPECT_EQ(either.name, "GOOD or CHECK CONDITION INVALID FIELD IN CDB (5h/24h/00h)");
}

TEST(Expectation, UnitAttentionPairIsExact) {
  auto completion = answer(check_condition_reply(6, 0x29, 0x02));
  EXPECT_TRUE(matches(completion, expect::any_unit_attention()));
  EXPECT_FALSE(matches(completion, expect::unit_attention(0x29, 0x00)));
}

}  // namespace
}  // namespace dextqual::scsi
