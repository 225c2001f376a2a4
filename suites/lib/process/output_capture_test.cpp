// OutputCapture keeps head and tail of a stream in bounded memory.
#include "process/output_capture.h"

#include <gtest/gtest.h>

#include <string>

namespace dextqual::process {
namespace {

TEST(OutputCapture, KeepsEverythingUnderTheCap) {
  OutputCapture capture(16);
  capture.append("hello ");
  capture.append("world");
  EXPECT_EQ(capture.text(), "hello world");
  EXPECT_FALSE(capture.truncated());
  EXPECT_EQ(capture.total_bytes(), 11u);
}

TEST(OutputCapture, KeepsHeadAndTailAndCountsTheRest) {
  OutputCapture capture(8);
  for (char c = 'a'; c <= 'z'; ++c) {
    capture.append(std::string(1, c));
  }
  EXPECT_TRUE(capture.truncated());
  EXPECT_EQ(capture.total_bytes(), 26u);
  EXPECT_EQ(capture.text(), "abcd\n[... 18 bytes omitted ...]\nwxyz");
}

TEST(OutputCapture, OneLargeChunkKeepsItsEnds) {
  OutputCapture capture(6);
  capture.append("0123456789");
  EXPECT_EQ(capture.text(), "012\n[... 4 bytes omitted ...]\n789");
}

}  // namespace
}  // namespace dextqual::process
