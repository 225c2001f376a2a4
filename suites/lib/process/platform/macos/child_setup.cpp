// macOS has no parent-death signal; a SIGKILLed runner leaves its children to finish or time out on
// their own. The process group still lets `resume` or an operator kill them with one signal.
#include <unistd.h>

#include "process/child_setup.h"
#include "process/child_setup_common.h"

namespace dextqual::process {

int set_parent_death_signal() { return 0; }

void close_descriptors_except(const int* keep, std::size_t count) {
  detail::close_gaps(keep, count, [](int first, int last) {
    const int end = ::getdtablesize();
    for (int fd = first; fd <= last && fd < end; ++fd) ::close(fd);
  });
}

}  // namespace dextqual::process
