#include "process/output_capture.h"

#include <algorithm>

namespace dextqual::process {

OutputCapture::OutputCapture(std::size_t cap) : head_cap_(cap / 2), tail_cap_(cap - cap / 2) {}

void OutputCapture::append(std::string_view bytes) {
  total_ += bytes.size();
  if (head_.size() < head_cap_) {
    const std::size_t take = std::min(head_cap_ - head_.size(), bytes.size());
    head_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
  }
  if (tail_cap_ == 0 || bytes.empty()) {
    return;
  }
  // Only the last tail_cap_ bytes of this chunk can survive.
  if (bytes.size() > tail_cap_) {
    bytes.remove_prefix(bytes.size() - tail_cap_);
  }
  if (tail_.size() < tail_cap_) {
    tail_.resize(tail_cap_);
  }
  for (const char c : bytes) {
    const std::size_t at = (tail_start_ + tail_size_) % tail_cap_;
    tail_[at] = c;
    if (tail_size_ < tail_cap_) {
      ++tail_size_;
    } else {
      tail_start_ = (tail_start_ + 1) % tail_cap_;
    }
  }
}

std::string OutputCapture::text() const {
  std::string tail;
  tail.reserve(tail_size_);
  for (std::size_t i = 0; i < tail_size_; ++i) {
    tail.push_back(tail_[(tail_start_ + i) % tail_cap_]);
  }
  std::string result = head_;
  const std::size_t omitted = total_ - head_.size() - tail_size_;
  if (omitted > 0) {
    result += "\n[... " + std::to_string(omitted) + " bytes omitted ...]\n";
  }
  result += tail;
  return result;
}

}  // namespace dextqual::process
