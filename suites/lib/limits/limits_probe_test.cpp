// Guards the raw probe: one syscall per request, errno kept, short transfers visible, aligned buffers.
#include "limits/limits_probe.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

namespace dextqual::limits {
namespace {

TEST(LimitsProbe, TransferOnceReportsBytesErrnoAndShortReads) {
  char path[] = "/tmp/dextqual-probe.XXXXXX";
  const int raw = ::mkstemp(path);
  ASSERT_GE(raw, 0);
  UniqueFd fd(raw);
  AlignedBuffer buffer(4096);
  std::fill(buffer.data(), buffer.data() + 4096, std::uint8_t{0xA5});
  EXPECT_TRUE(transfer_once(fd.get(), Direction::write, 0, buffer.bytes()).complete());
  AlignedBuffer bigger(8192);
  const TransferOutcome short_read = transfer_once(fd.get(), Direction::read, 0, bigger.bytes());
  EXPECT_FALSE(short_read.complete());
  EXPECT_EQ(short_read.transferred, 4096u);
  EXPECT_EQ(short_read.describe(), "short: 4096 of 8192 bytes");
  UniqueFd closed;
  const TransferOutcome bad = transfer_once(closed.get(), Direction::read, 0, buffer.bytes());
  EXPECT_EQ(bad.error_number, EBADF);
  ::unlink(path);
}

}  // namespace
}  // namespace dextqual::limits
