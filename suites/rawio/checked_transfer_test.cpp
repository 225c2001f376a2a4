// Guards the raw write/flush/verify path on an ordinary file opened with O_DIRECT: an intact transfer
// passes, a sector zeroed behind its back is reported with its class and LBA, and a failed write keeps
// its errno (the F2 wording starts from here).
#include "rawio/checked_transfer.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace dextqual::rawio {
namespace {

class TempFile {
 public:
  TempFile() {
    char name[] = "/var/tmp/dextqual-rawio.XXXXXX";
    UniqueFd fd(::mkstemp(name));
    path_ = name;
    EXPECT_EQ(::ftruncate(fd.get(), 8 << 20), 0);
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(CheckedTransfer, IntactTransferPassesAndAZeroedSectorIsClassified) {
  TempFile file;
  auto session = RawSession::open(file.path(), 512);
  if (!session && session.error().errno_value == EINVAL) {
    GTEST_SKIP() << "this filesystem refuses O_DIRECT: " << session.error().message();
  }
  ASSERT_TRUE(session) << session.error().message();
  const CheckedTransfer first = write_flush_verify(*session, 4096, 65536);
  ASSERT_TRUE(first.passed()) << first.failed_step() << ": " << first.failure();

  // Zero LBA 9 (inside the transfer) behind the engine's back, then verify that range again.
  {
    UniqueFd raw(::open(file.path().c_str(), O_WRONLY | O_CLOEXEC));
    const std::vector<char> zeros(512, 0);
    ASSERT_EQ(::pwrite(raw.get(), zeros.data(), zeros.size(), 9 * 512), 512);
    ASSERT_EQ(::fsync(raw.get()), 0);
  }
  AlignedBuffer back(65536);
  ASSERT_TRUE(
      limits::transfer_once(session->fd.get(), limits::Direction::read, 4096, back.bytes()).complete());
  const auto report = integrity::verify_sectors(session->keys, back.bytes(), 8, session->expected);
  ASSERT_FALSE(report.passed());
  ASSERT_FALSE(report.findings.empty());
  EXPECT_EQ(report.findings.front().range.first, 9u);
  EXPECT_EQ(report.findings.front().kind, integrity::SectorClass::zero_filled);
}

TEST(CheckedTransfer, FailedWriteKeepsItsErrno) {
  TempFile file;
  auto session = RawSession::open(file.path(), 512);
  if (!session) {
    GTEST_SKIP() << session.error().message();
  }
  session->fd.reset(::open(file.path().c_str(), O_RDONLY | O_CLOEXEC));  // writes now fail with EBADF
  const CheckedTransfer transfer = write_flush_verify(*session, 0, 4096);
  EXPECT_FALSE(transfer.passed());
  EXPECT_EQ(transfer.failed_step(), "write");
  EXPECT_EQ(transfer.failure_kind(), "EBADF");
}

}  // namespace
}  // namespace dextqual::rawio
