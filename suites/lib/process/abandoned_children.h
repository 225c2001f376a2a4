// Children run_child() abandoned: SIGKILL did not end them within the abandon bound, because they
// sleep uninterruptibly in the kernel (a flush to a wedged device). They leave that sleep when the
// device completes or fails the request (simdext stopped, the device detached), then sit as zombies
// until their parent collects them. One reaper thread does that for the whole process: it polls every
// abandoned pid once a second (waitpid WNOHANG) and ends when none is left; the next abandonment
// starts it again. So there is never more than one thread, however many children were abandoned, and
// nothing blocks on a child that never comes back. The thread is detached: a runner that exits first
// leaves its stuck children to init, which reaps them.
#pragma once

#include <cstddef>

namespace dextqual::process {

// Hands `pid` (a child of this process that nobody waits for any more) to the reaper.
void reap_when_it_exits(int pid);

// Abandoned children not collected yet.
[[nodiscard]] std::size_t abandoned_children_waiting();

}  // namespace dextqual::process
