#include "scsi/simdext_transport.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <thread>

#include "core/unique_fd.h"
#include "scsi/initiator.h"
#include "wire/control_wire.h"

namespace dextqual::scsi {
namespace {

// A one-connection simdext stand-in: answers each "scsi" frame with `answer(request)`.
class FakeSimdext {
 public:
  explicit FakeSimdext(std::function<wire::Frame(const wire::Frame&)> answer) {
    char dir[] = "/tmp/simdext-transport-XXXXXX";
    dir_ = ::mkdtemp(dir);
    path_ = dir_ + "/control.sock";
    listener_.reset(::socket(AF_UNIX, SOCK_STREAM, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path_.c_str());
    EXPECT_EQ(::bind(listener_.get(), reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(listener_.get(), 1), 0);
    thread_ = std::thread([this, answer] {
      UniqueFd peer(::accept(listener_.get(), nullptr, nullptr));
      wire::Frame request;
      while (wire::read_frame(peer.get(), request).ok()) {
        requests.push_back(request.json);
        (void)wire::write_frame(peer.get(), answer(request));
      }
    });
  }
  ~FakeSimdext() {
    thread_.join();
    std::filesystem::remove_all(dir_);
  }
  const std::string& path() const { return path_; }
  std::vector<nlohmann::json> requests;

 private:
  std::string dir_, path_;
  UniqueFd listener_;
  std::thread thread_;
};

TEST(SimdextTransport, MapsDriverKitFieldsAndCopiesOnlyTheDmaPayload) {
  std::vector<Completion> completions;
  {
    FakeSimdext simdext([](const wire::Frame&) {
      wire::Frame reply;
      // F5 shape: GOOD, 6 bytes claimed, only 2 DMA'd.
      reply.json = {
          {"ok", true},  {"service_response", 2}, {"completion_status", 0}, {"bytes_transferred", 6},
          {"sense", ""}, {"duration_ns", 1000}};
      reply.payload = {0x00, 0x00};
      return reply;
    });
    auto transport = open_simdext_transport(simdext.path(), {{0, 0}, {2, 0}});
    ASSERT_TRUE(transport) << transport.error().message();
    EXPECT_EQ((*transport)->known_addresses().size(), 2u);
    Initiator initiator(std::shared_ptr<Transport>(std::move(*transport)), {2, 0});
    auto completion = initiator.run_in(inquiry(36), 36);
    ASSERT_TRUE(completion) << completion.error().message();
    completions.push_back(*completion);
    ASSERT_EQ(simdext.requests.size(), 1u);
    EXPECT_EQ(simdext.requests[0]["cdb"], "120000002400");
    EXPECT_EQ(simdext.requests[0]["target"], 2);
    EXPECT_EQ(simdext.requests[0]["direction"], "read");
    EXPECT_EQ(simdext.requests[0]["transfer_length"], 36);
  }
  const Completion& completion = completions[0];
  EXPECT_TRUE(completion.good());
  EXPECT_EQ(completion.reply.residual, 30);
  EXPECT_EQ(completion.data_in.changed, 2u);
  EXPECT_EQ(completion.data_in.end_changed, 2u);
  EXPECT_NE(completion.reply.transport_status.find("TASK_COMPLETE"), std::string::npos);
}

TEST(SimdextTransport, ServiceDeliveryFailureIsNotACompletedCommand) {
  FakeSimdext simdext([](const wire::Frame&) {
    wire::Frame reply;
    reply.json = {{"ok", true},
                  {"service_response", 1},
                  {"completion_status", 1},
                  {"bytes_transferred", 0},
                  {"sense", ""}};
    return reply;
  });
  auto transport = open_simdext_transport(simdext.path(), {});
  ASSERT_TRUE(transport);
  Initiator initiator(std::shared_ptr<Transport>(std::move(*transport)), {});
  auto completion = initiator.run(test_unit_ready());
  ASSERT_TRUE(completion);
  EXPECT_EQ(completion->reply.delivery, Delivery::timed_out);
  EXPECT_FALSE(completion->good());
}

TEST(SimdextTransport, NoSimdextIsAnErrorThatSaysSo) {
  auto transport = open_simdext_transport("/nonexistent/control.sock", {});
  ASSERT_FALSE(transport);
  EXPECT_NE(transport.error().message().find("is simdext running"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::scsi
