// The one-line message of a failure leads with what was found, not with GoogleTest's frame around it.
// The blocks are GoogleTest 1.12's own output for EXPECT_TRUE(AssertionResult), EXPECT_EQ, EXPECT_GE and
// FAIL() with a streamed message.
#include "runner/failure_finding.h"

#include <gtest/gtest.h>

namespace dextqual::runner {
namespace {

TEST(FailureFinding, AnAssertionResultsWordsLeadAndTheTestsOwnFollow) {
  EXPECT_EQ(
      failure_finding("Value of: ::dextqual::scsi::suite::answers((initiator().run(test_unit_ready())), "
                      "(expect::good()))\n"
                      "  Actual: false (expected GOOD, got CHECK CONDITION HARDWARE ERROR 44h/00h\n"
                      "TEST UNIT READY [00 00 00 00 00 00])\n"
                      "Expected: true\n"
                      "a second UA for the same reset\n"),
      "expected GOOD, got CHECK CONDITION HARDWARE ERROR 44h/00h TEST UNIT READY [00 00 00 00 00 00]; "
      "a second UA for the same reset");
  EXPECT_EQ(
      failure_finding("Value of: ok\n  Actual: false\nExpected: true\nwrite: EIO at 1 MiB, 64 KiB works\n"),
      "write: EIO at 1 MiB, 64 KiB works");
}

TEST(FailureFinding, EqualityLeadsWithTheTestsWordsAndKeepsTheValues) {
  EXPECT_EQ(failure_finding("Expected equality of these values:\n  64 * 1024\n    Which is: 65536\n"
                            "  128 * 1024\n    Which is: 131072\nEIO at 128 KiB, 64 KiB works\n"),
            "EIO at 128 KiB, 64 KiB works (64 * 1024 Which is: 65536 128 * 1024 Which is: 131072)");
  EXPECT_EQ(
      failure_finding("Expected equality of these values:\n  a\n    Which is: 1\n  b\n    Which is: 2\n"),
      "not equal: a Which is: 1 b Which is: 2");
}

TEST(FailureFinding, ComparisonsAndFailLeadWithTheTestsWords) {
  EXPECT_EQ(failure_finding("Expected: (returned) >= (expected), actual: 4 vs 36\nfewer bytes than min\n"),
            "fewer bytes than min (Expected: (returned) >= (expected), actual: 4 vs 36)");
  EXPECT_EQ(failure_finding("Failed\nF1, flush lie: LBA 2048 zero-filled\n"),
            "F1, flush lie: LBA 2048 zero-filled");
  EXPECT_EQ(failure_finding("torn write: write 1\nreached the media\n"),
            "torn write: write 1 reached the media");
}

}  // namespace
}  // namespace dextqual::runner
