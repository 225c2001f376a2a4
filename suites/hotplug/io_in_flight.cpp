#include "io_in_flight.h"

#include "lifecycle/journaled_writer.h"

namespace dextqual::lifecycle {

struct IoInFlight::Shared {
  RawBlockDevice device;
  std::shared_ptr<integrity::WriteJournal> journal;
  integrity::StampKeys keys;
  integrity::LbaRange range;
  std::uint32_t sectors_per_block;
  std::atomic<bool> stop{false};
  mutable std::mutex mutex;
  std::condition_variable changed;
  bool finished = false;
  std::uint64_t completed = 0;
  std::uint64_t generation = 0;
  std::optional<Clock::time_point> failed_at;
  std::string failure;
};

IoInFlight::IoInFlight(RawBlockDevice device, std::shared_ptr<integrity::WriteJournal> journal,
                       const integrity::RunIdentity& identity, integrity::LbaRange range,
                       std::uint64_t first_generation, std::uint32_t sectors_per_block)
    : shared_(std::make_shared<Shared>(std::move(device), std::move(journal),
                                       integrity::StampKeys::for_run(identity), range, sectors_per_block)) {
  shared_->generation = first_generation;
  thread_ = std::thread([shared = shared_] {
    // Ids above any the test's own writer used on this journal.
    JournaledWriter writer(shared->device, *shared->journal, shared->keys, shared->sectors_per_block,
                           std::uint64_t{1} << 32);
    // One 128 KiB command per write, so a pull lands with several in flight over a pass.
    constexpr std::uint64_t kChunk = 256;
    std::uint64_t generation = shared->generation;
    while (!shared->stop.load()) {
      for (std::uint64_t lba = shared->range.first; lba < shared->range.end() && !shared->stop.load();
           lba += kChunk) {
        const integrity::LbaRange chunk{lba, std::min(kChunk, shared->range.end() - lba)};
        auto written = writer.write(chunk, generation, WriteMode::normal, kChunk);
        std::lock_guard lock(shared->mutex);
        if (!written) {
          shared->failed_at = Clock::now();
          shared->failure = written.error().message();
          shared->stop = true;
          break;
        }
        ++shared->completed;
        shared->generation = generation;
        shared->changed.notify_all();
      }
      ++generation;
    }
    std::lock_guard lock(shared->mutex);
    shared->finished = true;
    shared->changed.notify_all();
  });
}

IoInFlight::~IoInFlight() {
  request_stop();
  if (wait_finished(std::chrono::seconds(5))) {
    thread_.join();
  } else {
    thread_.detach();  // stuck in the kernel: it owns its shared state, and the test already failed
  }
}

void IoInFlight::wait_for_writes(std::uint64_t writes, std::chrono::milliseconds timeout) {
  std::unique_lock lock(shared_->mutex);
  shared_->changed.wait_for(lock, timeout, [&] { return shared_->finished || shared_->completed >= writes; });
}

bool IoInFlight::wait_finished(std::chrono::milliseconds timeout) {
  std::unique_lock lock(shared_->mutex);
  return shared_->changed.wait_for(lock, timeout, [&] { return shared_->finished; });
}

void IoInFlight::request_stop() { shared_->stop = true; }

std::uint64_t IoInFlight::completed_writes() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->completed;
}

std::optional<IoInFlight::Clock::time_point> IoInFlight::failed_at() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->failed_at;
}

std::string IoInFlight::failure() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->failure;
}

std::uint64_t IoInFlight::last_generation() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->generation;
}

}  // namespace dextqual::lifecycle
