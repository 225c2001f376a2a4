// The pictures of what went wrong, drawn next to a failure in the HTML report from what the test
// recorded (names documented in reports/README.md). Each picture is inline SVG styled only with
// presentation attributes (fill=, stroke=), so it renders under Jenkins' default Content-Security-Policy,
// which blocks every <style> element and style="" attribute. Every picture's <svg> carries a class
// (dq-lba-strip, dq-sweep, dq-attach, dq-baseline) and its marks carry classes, so a browser test can
// find them in the DOM. Each returns "" when the test recorded nothing to draw.
#pragma once

#include <string>
#include <vector>

#include "reports/report.h"

namespace dextqual::reports {

// The device's LBA range as a strip, each finding's extent coloured by its class.
[[nodiscard]] std::string lba_strip_svg(const std::vector<IntegrityFinding>& findings,
                                        std::uint64_t capacity_sectors);

// A size sweep: pass/fail per size (measurements "sweep_ok.<bytes>" = 1 or 0), with the published
// limits ("limit_bytes.<direction>") drawn in: F2's cliff, F1's threshold.
struct SweepOutcome {
  double bytes = 0;
  bool ok = true;
};
struct SizeLimit {
  std::string name;  // "write"
  double bytes = 0;
};
[[nodiscard]] std::vector<SweepOutcome> sweep_outcomes(const TestResult& test);
[[nodiscard]] std::vector<SizeLimit> sweep_limits(const TestResult& test);
// The sweep in one sentence, for the head of its cause group: "sizes from 64.5KiB up fail, 64KiB works;
// the published read/write limit is 512KiB". "" when no size failed.
[[nodiscard]] std::string sweep_sentence(const std::vector<SweepOutcome>& outcomes,
                                         const std::vector<SizeLimit>& limits);
[[nodiscard]] std::string sweep_svg(const std::vector<SweepOutcome>& outcomes,
                                    const std::vector<SizeLimit>& limits);

// Attach times per cycle ("attach_ms_cycle_<n>") against the budget ("attach_budget_ms"): F10.
[[nodiscard]] std::string attach_svg(const TestResult& test);

// This run's throughput (suites/perf "throughput_MBps_<key>", from any test of the same suite) against
// the baseline the gate test recorded ("baseline_MBps_<key>", "perf_threshold_percent"): F8.
[[nodiscard]] std::string baseline_svg(const Report& report, const TestResult& test);

// Every picture the test's data allows, in that order.
[[nodiscard]] std::string pictures_for(const Report& report, const TestResult& test);

}  // namespace dextqual::reports
