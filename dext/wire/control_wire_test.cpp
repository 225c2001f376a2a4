#include "wire/control_wire.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dextqual::wire {
namespace {

struct SocketPair {
  int fds[2] = {-1, -1};
  SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0); }
  ~SocketPair() {
    for (int fd : fds) {
      if (fd >= 0) ::close(fd);
    }
  }
};

TEST(ControlWire, FrameRoundTripsJsonAndPayload) {
  SocketPair pair;
  Frame sent;
  sent.json = {{"op", "scsi"}, {"cdb", "120000002400"}};
  sent.payload = {1, 2, 3, 0, 255};
  ASSERT_TRUE(write_frame(pair.fds[0], sent).ok());
  Frame got;
  ASSERT_TRUE(read_frame(pair.fds[1], got).ok());
  EXPECT_EQ(got.json, sent.json);
  EXPECT_EQ(got.payload, sent.payload);
}

TEST(ControlWire, CleanCloseBetweenFramesIsNotAnError) {
  SocketPair pair;
  ::close(pair.fds[0]);
  pair.fds[0] = -1;
  Frame got;
  EXPECT_EQ(read_frame(pair.fds[1], got).kind, IoOutcome::Kind::closed);
}

TEST(ControlWire, OversizedHeaderIsRejectedWithoutAllocating) {
  SocketPair pair;
  const uint8_t header[8] = {0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0};
  ASSERT_EQ(::write(pair.fds[0], header, sizeof header), 8);
  Frame got;
  auto outcome = read_frame(pair.fds[1], got);
  EXPECT_EQ(outcome.kind, IoOutcome::Kind::error);
  EXPECT_NE(outcome.error.find("over the limit"), std::string::npos);
}

TEST(ControlWire, MalformedJsonIsAnError) {
  SocketPair pair;
  const std::string text = "{not json";
  uint8_t header[8] = {static_cast<uint8_t>(text.size()), 0, 0, 0, 0, 0, 0, 0};
  ASSERT_EQ(::write(pair.fds[0], header, 8), 8);
  ASSERT_EQ(::write(pair.fds[0], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  Frame got;
  EXPECT_EQ(read_frame(pair.fds[1], got).kind, IoOutcome::Kind::error);
}

TEST(ControlWire, HexRoundTripsAndRejectsBadInput) {
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(from_hex("00a5FF", bytes));
  EXPECT_EQ(bytes, (std::vector<uint8_t>{0x00, 0xa5, 0xff}));
  EXPECT_EQ(to_hex(bytes), "00a5ff");
  EXPECT_FALSE(from_hex("abc", bytes));
  EXPECT_FALSE(from_hex("zz", bytes));
}

}  // namespace
}  // namespace dextqual::wire
