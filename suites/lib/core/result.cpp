#include "core/result.h"

#include <cstring>

namespace dextqual {

std::string Error::message() const {
  std::string text = operation;
  if (errno_value != 0) {
    text += ": ";
    text += std::strerror(errno_value);
    text += " (errno " + std::to_string(errno_value) + ")";
  }
  if (!detail.empty()) {
    text += ": ";
    text += detail;
  }
  return text;
}

}  // namespace dextqual
