#include "limits/platform/macos/limits_dkioc.h"

#include <fcntl.h>
#include <sys/disk.h>
#include <sys/ioctl.h>

#include <cstdint>

#include "core/unique_fd.h"

namespace dextqual::limits {
namespace {

Status query(int fd, unsigned long request, const char* name, std::optional<std::uint64_t>& out) {
  std::uint64_t value = 0;
  if (::ioctl(fd, request, &value) != 0) {
    return fail_errno(std::string("ioctl ") + name);
  }
  if (value != 0) {
    out = value;
  }
  return {};
}

}  // namespace

Result<PublishedLimits> limits_from_dkioc(const std::string& node) {
  UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open " + node);
  }
  PublishedLimits out;
  out.source = "DKIOCGETMAX* ioctls";
  DQ_TRY(query(fd.get(), DKIOCGETMAXBYTECOUNTREAD, "DKIOCGETMAXBYTECOUNTREAD", out.read.max_byte_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXBYTECOUNTWRITE, "DKIOCGETMAXBYTECOUNTWRITE", out.write.max_byte_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXBLOCKCOUNTREAD, "DKIOCGETMAXBLOCKCOUNTREAD", out.read.max_block_count));
  DQ_TRY(
      query(fd.get(), DKIOCGETMAXBLOCKCOUNTWRITE, "DKIOCGETMAXBLOCKCOUNTWRITE", out.write.max_block_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXSEGMENTCOUNTREAD, "DKIOCGETMAXSEGMENTCOUNTREAD",
               out.read.max_segment_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXSEGMENTCOUNTWRITE, "DKIOCGETMAXSEGMENTCOUNTWRITE",
               out.write.max_segment_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXSEGMENTBYTECOUNTREAD, "DKIOCGETMAXSEGMENTBYTECOUNTREAD",
               out.read.max_segment_byte_count));
  DQ_TRY(query(fd.get(), DKIOCGETMAXSEGMENTBYTECOUNTWRITE, "DKIOCGETMAXSEGMENTBYTECOUNTWRITE",
               out.write.max_segment_byte_count));
  DQ_TRY(query(fd.get(), DKIOCGETMINSEGMENTALIGNMENTBYTECOUNT, "DKIOCGETMINSEGMENTALIGNMENTBYTECOUNT",
               out.min_segment_alignment));
  DQ_TRY(query(fd.get(), DKIOCGETMAXSEGMENTADDRESSABLEBITCOUNT, "DKIOCGETMAXSEGMENTADDRESSABLEBITCOUNT",
               out.segment_addressable_bits));
  return out;
}

}  // namespace dextqual::limits
