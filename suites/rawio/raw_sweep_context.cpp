#include "rawio/raw_sweep_context.h"

#include "limits/limits_ceiling.h"
#include "testing/dut_handle.h"

namespace dextqual::rawio {

limits::Analysis analyze_dut_limits() {
  const auto& report = testing::dut_handle().limits();
  if (!report) {
    limits::Analysis empty;
    empty.findings.push_back({"source", limits::Severity::info, report.error().message()});
    return empty;
  }
  return limits::analyze(*report);
}

std::optional<limits::EffectiveLimit> published_limit(const limits::Analysis& analysis,
                                                      limits::Direction direction) {
  const auto& report = testing::dut_handle().limits();
  if (!report) return std::nullopt;
  return limits::published_split_limit(*report, analysis, direction);
}

SweepPoint to_point(const CheckedTransfer& transfer, const limits::Analysis& analysis) {
  SweepPoint point;
  point.size = transfer.size;
  point.offset = transfer.offset;
  point.ok = transfer.passed();
  point.direction = point.ok ? "write" : transfer.failed_step();
  point.what = transfer.failure();
  point.kind = transfer.failure_kind();
  const auto direction = point.direction == "read" ? limits::Direction::read : limits::Direction::write;
  if (const auto* predicted = analysis.predicted(direction, transfer.size); predicted && !point.ok) {
    point.prediction = predicted->reason;
  }
  return point;
}

}  // namespace dextqual::rawio
