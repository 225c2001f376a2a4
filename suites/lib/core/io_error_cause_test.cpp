// Medium errors, timeouts and write protection are told apart from other I/O errors by their words.
#include "core/io_error_cause.h"

#include <gtest/gtest.h>

namespace dextqual {
namespace {

TEST(IoErrorCause, NamesMediumErrorsTimeoutsAndWriteProtection) {
  EXPECT_EQ(io_error_cause("read: ENODATA (No data available, errno 61)"), IoErrorCause::medium);
  EXPECT_EQ(io_error_cause("CHECK CONDITION MEDIUM ERROR 11h/00h UNRECOVERED READ ERROR"),
            IoErrorCause::medium);
  EXPECT_EQ(io_error_cause("TIMED OUT after 30000 ms"), IoErrorCause::timeout);
  EXPECT_EQ(io_error_cause("write: EROFS (Read-only file system, errno 30)"), IoErrorCause::write_protected);
  EXPECT_EQ(io_error_cause("DATA PROTECT 27h/00h WRITE PROTECTED"), IoErrorCause::write_protected);
  EXPECT_EQ(io_error_cause("write: EIO (Input/output error, errno 5)"), IoErrorCause::other);
  EXPECT_EQ(to_string(IoErrorCause::medium), "medium error");
}

}  // namespace
}  // namespace dextqual
