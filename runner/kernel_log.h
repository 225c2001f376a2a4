// What the kernel saw on the DUT's path while a test ran (issue 21 §4): errors the host recovered
// from leave no trace in a test's own verdict — a read that failed and was retried by the kernel
// verifies fine — so the runner reads the kernel's log between a test's start and end and reports every
// I/O error, retry, abort, reset and timeout that names the DUT (its block device or SCSI address) as
// a WARN of that test (or in the detail of a failure), with the count and the first lines.
//
// Linux: /dev/kmsg (root or CAP_SYSLOG), read from the end at the run's start. macOS: not watched yet
// (`log stream` for the DEXT's subsystem would be the source); the run property says so.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reports/report.h"

namespace dextqual::runner {

// How the DUT shows up in kernel messages: "sda", "sd 2:0:0:0", "[2:0:0:0]", "loop3".
struct KernelNames {
  std::vector<std::string> words;
};

// The names of a DUT's raw node: its block device and, where it has one, its SCSI address.
[[nodiscard]] KernelNames kernel_names_of(const std::string& raw_node);

// The lines of `records` (kmsg records, "prio,seq,usec,flags;text" or plain text) that name the DUT
// and report an I/O error, retry, abort, reset, timeout or a device going offline.
[[nodiscard]] std::vector<std::string> dut_io_events(std::string_view records, const KernelNames& names);

// Adds what the kernel said during a test to its result: a PASS becomes WARN ("kernel: 3 I/O error,
// retry, reset or timeout lines for sda during this test: <first>") unless the test declared the errors
// its own (contract::kKernelErrorsExpectedProperty); any verdict gets the lines in its detail and the
// property kernel.io_events.
void add_kernel_events(reports::TestResult& result, const std::vector<std::string>& events,
                       const std::string& dut_name);

class KernelLog {
 public:
  virtual ~KernelLog() = default;
  // Everything logged since the last call (or since open), as records separated by newlines.
  [[nodiscard]] virtual std::string take() = 0;
  // "watched (/dev/kmsg)" or why not: the run property kernel_log.
  [[nodiscard]] virtual std::string status() const = 0;
};

// The platform's kernel log from now on; never null (a log that cannot be read says why in status()).
[[nodiscard]] std::unique_ptr<KernelLog> open_kernel_log();

}  // namespace dextqual::runner
