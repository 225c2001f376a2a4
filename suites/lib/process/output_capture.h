// A bounded copy of a child's output stream. Suite binaries can print megabytes (a dump of every
// sector that failed to verify); the report needs the start (what the test set up) and the end (what
// it was doing when it failed), not the middle. OutputCapture keeps the first and last `cap / 2`
// bytes and counts what it dropped, in constant memory however much the child prints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dextqual::process {

class OutputCapture {
 public:
  explicit OutputCapture(std::size_t cap = std::size_t{1} << 20);

  void append(std::string_view bytes);

  // Head and tail joined by a marker line saying how many bytes were left out; the whole stream
  // when nothing was dropped. Bytes are kept as the child wrote them (no UTF-8 repair here).
  [[nodiscard]] std::string text() const;

  [[nodiscard]] std::size_t total_bytes() const { return total_; }
  [[nodiscard]] bool truncated() const { return total_ > head_.size() + tail_size_; }

 private:
  std::size_t head_cap_;
  std::size_t tail_cap_;
  std::string head_;
  std::string tail_;            // ring buffer of the last tail_cap_ bytes
  std::size_t tail_start_ = 0;  // index of the oldest byte in tail_ once it is full
  std::size_t tail_size_ = 0;
  std::size_t total_ = 0;
};

}  // namespace dextqual::process
