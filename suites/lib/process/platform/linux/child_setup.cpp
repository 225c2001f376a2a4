// Linux: a child gets SIGKILL when the runner dies, so a SIGKILLed runner leaves no suite binary
// writing to the device behind it (the next run or `resume` would race with it). Descriptors are
// closed with close_range(2) (5.9+), falling back to close(2) up to the descriptor limit.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>

#include "process/child_setup.h"
#include "process/child_setup_common.h"

namespace dextqual::process {

int set_parent_death_signal() { return ::prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 ? 0 : -1; }

void close_descriptors_except(const int* keep, std::size_t count) {
  detail::close_gaps(keep, count, [](int first, int last) {
    if (::syscall(SYS_close_range, static_cast<unsigned>(first), static_cast<unsigned>(last), 0U) == 0) {
      return;
    }
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    const long end = limit.rlim_cur == RLIM_INFINITY ? 65536 : static_cast<long>(limit.rlim_cur);
    for (long fd = first; fd <= last && fd < end; ++fd) ::close(static_cast<int>(fd));
  });
}

}  // namespace dextqual::process
