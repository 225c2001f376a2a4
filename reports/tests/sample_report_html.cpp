// Writes the HTML report of testing::pictures_report() (every kind of picture) to argv[1], so the
// browser test can render the pictures no simdext profile produces in a quick run (LBA strip of every
// finding class, attach times over the budget, throughput below the baseline, the selftest matrix).
#include <iostream>

#include "reports/html_report.h"
#include "reports/tests/sample_report.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: dextqual_sample_report_html OUT.html\n";
    return 2;
  }
  const auto written = dextqual::reports::write_html(argv[1], dextqual::reports::testing::pictures_report());
  if (!written) {
    std::cerr << written.error().message() << "\n";
    return 1;
  }
  return 0;
}
