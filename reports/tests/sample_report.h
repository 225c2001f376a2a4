// A report with one test of every verdict and the text that breaks naive writers: invalid UTF-8,
// C0 controls, "]]>", quotes and a megabyte log.
#pragma once

#include "reports/report.h"

namespace dextqual::reports::testing {

[[nodiscard]] Report sample_report();

}  // namespace dextqual::reports::testing
