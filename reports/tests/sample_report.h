// A report with one test of every verdict and the text that breaks naive writers: invalid UTF-8,
// C0 controls, "]]>", quotes and a megabyte log.
#pragma once

#include "reports/report.h"

namespace dextqual::reports::testing {

[[nodiscard]] Report sample_report();

// sample_report()'s run and device with a test of each kind the HTML report draws a picture for: the F2 raw
// sweep with its limits, the F1 buffered sweep, integrity findings of every class, F10 attach times over the
// budget, F8 throughput below the baseline, and a selftest matrix; three of the failures share one EIO cause
// with different sizes in their text.
[[nodiscard]] Report pictures_report();

}  // namespace dextqual::reports::testing
