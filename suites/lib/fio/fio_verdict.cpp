#include "fio/fio_verdict.h"

#include <cstring>
#include <sstream>

namespace dextqual::fio {
namespace {

std::string errno_text(int error) {
  // fio reports EILSEQ (84 on Linux, 92 on macOS) for a verify failure.
  std::string text = std::to_string(error) + " (" + std::strerror(error);
  if (error == EILSEQ) {
    text += ": fio's verify-failure code";
  }
  return text + ")";
}

}  // namespace

std::string first_verify_line(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("verify failed") != std::string::npos || line.find("verify: bad") != std::string::npos) {
      return line;
    }
  }
  return "";
}

std::string FioVerdict::message() const {
  std::string text;
  if (!verify_line.empty()) {
    text = "fio verify failed: `" + verify_line + "`";
  }
  for (const auto& reason : reasons) {
    text += (text.empty() ? "" : "; ") + reason;
  }
  return text;
}

FioVerdict judge_fio_run(const FioExit& exit, const std::string& stderr_text, const Result<FioReport>& report,
                         const FioExpectation& expectation) {
  FioVerdict verdict;
  auto failed = [&](std::string reason) {
    verdict.passed = false;
    verdict.reasons.push_back(std::move(reason));
  };
  if (!exit.exited || exit.exit_code != 0) {
    failed("fio " + (exit.description.empty() ? "exited with code " + std::to_string(exit.exit_code)
                                              : exit.description));
  }
  // Server/client mode puts error lines into the output, so the preamble is searched too.
  verdict.verify_line = first_verify_line(stderr_text);
  if (verdict.verify_line.empty() && report) {
    verdict.verify_line = first_verify_line(report->preamble);
  }
  if (!verdict.verify_line.empty()) {
    verdict.passed = false;
  }
  if (!report) {
    failed("no usable JSON from fio: " + report.error().message());
    return verdict;
  }
  for (const auto& job : report->jobs) {
    if (job.error != 0) {
      failed("job '" + job.name + "' error " + errno_text(job.error));
    }
    if (job.total_err && *job.total_err > 0) {
      failed("job '" + job.name + "' total_err " + std::to_string(*job.total_err) +
             (job.first_error ? ", first_error " + errno_text(*job.first_error) : std::string()));
    }
  }
  if (expectation.verified_bytes && report->read_bytes() < *expectation.verified_bytes) {
    failed("fio read back " + std::to_string(report->read_bytes()) + " bytes but " +
           std::to_string(*expectation.verified_bytes) + " were to be verified");
  }
  if (report->jobs.empty()) {
    failed("fio's JSON lists no jobs");
  }
  return verdict;
}

}  // namespace dextqual::fio
