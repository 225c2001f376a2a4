#include "runner/suite_launch.h"

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <mutex>
#include <thread>

#include "contract/run_contract.h"
#include "core/utc_clock.h"
#include "reports/report_json.h"
#include "reports/text_safety.h"
#include "runner/gtest_progress.h"
#include "runner/gtest_xml.h"
#include "runner/warn_verdict.h"
#include "station/station_error.h"

namespace dextqual::runner {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kResultLogLimit = 64 * 1024;  // per result in the journal; the file has it all

std::string join_filter(const std::vector<std::string>& tests) {
  std::string filter;
  for (const auto& test : tests) {
    if (!filter.empty()) filter += ':';
    filter += test;
  }
  return filter;
}

// GoogleTest's skip message starts with "file:line\n"; the reason is what follows.
std::string without_location(const std::string& message) {
  const auto newline = message.find('\n');
  return newline == std::string::npos ? message : message.substr(newline + 1);
}

// Every property that is a plain number is a measured figure (reports/README.md).
std::vector<reports::Measurement> measurements_of(const std::map<std::string, std::string>& properties) {
  std::vector<reports::Measurement> measurements;
  for (const auto& [name, text] : properties) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty()) {
      measurements.push_back({name, value});
    }
  }
  return measurements;
}

// Integrity findings a test left in $DEXTQUAL_FINDINGS_DIR/<test>.json (a JSON array of findings).
std::vector<reports::IntegrityFinding> findings_of(const SuiteExecutionSpec& spec, const std::string& test) {
  std::vector<reports::IntegrityFinding> findings;
  if (spec.findings_dir.empty()) return findings;
  std::ifstream in(spec.findings_dir / contract::test_file_name(test, ".json"));
  if (!in) return findings;
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (!json.is_array()) return findings;
  for (const auto& finding : json) findings.push_back(reports::finding_from_json(finding));
  return findings;
}

void write_test_log(const SuiteExecutionSpec& spec, const std::string& test, const std::string& output) {
  std::ofstream(spec.log_dir / log_file_name(test), std::ios::binary) << output;
}

reports::TestResult result_from_stdout(const SuiteExecutionSpec& spec, const GtestTestEnd& end) {
  auto result = base_result(spec, end.name);
  result.seconds = end.seconds;
  result.log = reports::head_and_tail(end.output, kResultLogLimit, result.log_file);
  switch (end.status) {
    case GtestStatus::passed:
      result.verdict = reports::Verdict::pass;
      record_printed_warnings(result, end.output);
      apply_warnings(result);
      break;
    case GtestStatus::failed:
      result.verdict = reports::Verdict::fail;
      result.kind = "assertion";
      result.message = failure_summary(end.output);
      result.detail = result.log;
      // The station (a hook), not the DUT, failed this test: ERROR, with the hook's exit status.
      if (auto station_error = station::station_error_in(end.output)) {
        result.verdict = reports::Verdict::error;
        result.kind = "station-hook";
        result.message = *station_error;
      }
      break;
    case GtestStatus::skipped:
      result.verdict = reports::Verdict::skipped;
      result.message = skip_reason(end.output);
      break;
  }
  return result;
}

// Watches the time since the last test started (or since launch, between tests).
class Watchdog {
 public:
  Watchdog(std::chrono::milliseconds limit, std::stop_source& stopper) : limit_(limit), stopper_(stopper) {
    thread_ = std::jthread([this](std::stop_token done) { watch(done); });
  }
  void restart() {
    std::lock_guard lock(mutex_);
    since_ = Clock::now();
  }
  [[nodiscard]] bool fired() const { return fired_; }

 private:
  void watch(std::stop_token done) {
    std::unique_lock lock(mutex_);
    while (!done.stop_requested()) {
      if (Clock::now() - since_ > limit_) {
        fired_ = true;
        stopper_.request_stop();
        return;
      }
      condition_.wait_for(lock, done, std::chrono::milliseconds(50), [] { return false; });
    }
  }

  std::chrono::milliseconds limit_;
  std::stop_source& stopper_;
  std::mutex mutex_;
  std::condition_variable_any condition_;
  Clock::time_point since_ = Clock::now();
  std::atomic<bool> fired_ = false;
  std::jthread thread_;  // last: joins before the members it uses go away
};

}  // namespace

std::string utc_now() { return utc_now_text(UtcText::timestamp); }

std::string log_file_name(const std::string& test) { return contract::test_file_name(test, ".log"); }

reports::TestResult base_result(const SuiteExecutionSpec& spec, const std::string& test) {
  reports::TestResult result;
  result.suite = spec.suite;
  result.name = test;
  result.started_at = utc_now();
  result.log_file = spec.log_dir_in_report + "/" + log_file_name(test);
  result.reproducer = spec.reproducer_prefix + " --gtest_filter='" + test + "'";
  return result;
}

LaunchEnd launch_suite(const SuiteExecutionSpec& spec, const std::vector<std::string>& tests,
                       int launch_number, const SuiteExecutionEvents& events) {
  const auto number = std::to_string(launch_number);
  const auto xml = spec.work_dir / ("result-" + number + ".xml");
  const auto premature = spec.work_dir / ("premature-exit-" + number);
  std::error_code ec;
  std::filesystem::remove(xml, ec);  // GoogleTest leaves a stale file in place when it crashes
  std::filesystem::remove(premature, ec);
  std::ofstream raw_log(spec.log_dir / ("launch-" + number + ".log"), std::ios::binary);

  LaunchEnd end;
  std::stop_source stopper;
  std::stop_callback forward(spec.stop, [&] { stopper.request_stop(); });
  Watchdog watchdog(spec.per_test_timeout, stopper);
  GtestProgress progress;
  Clock::time_point test_started = Clock::now();
  std::map<std::string, reports::TestResult> results;
  progress.on_started = [&](const std::string& name) {
    watchdog.restart();
    test_started = Clock::now();
    if (events.started) events.started(name);
  };
  progress.on_finished = [&](const GtestTestEnd& test_end) {
    watchdog.restart();
    // The binary runs on while we stop it: whatever it reports after the device was lost says
    // nothing about the device. Those tests stay unrun ("not run: device lost in ...").
    if (end.device_lost_in) return;
    auto result = result_from_stdout(spec, test_end);
    result.findings = findings_of(spec, test_end.name);
    write_test_log(spec, test_end.name, test_end.output);
    if (result.verdict == reports::Verdict::fail || result.verdict == reports::Verdict::error) {
      end.any_failed = true;
      // Checked at once: the tests after it would only fail for want of a device.
      if (events.device_present && !events.device_present()) {
        result.verdict = reports::Verdict::device_lost;
        result.kind = "device-lost";
        result.message = "the DUT disappeared; " + result.message;
        end.device_lost_in = test_end.name;
        stopper.request_stop();
      }
    }
    end.finished.insert(test_end.name);
    if (events.finished) events.finished(result);
    results[test_end.name] = std::move(result);
  };

  process::ChildSpec child;
  child.argv = {spec.binary.string(), "--gtest_filter=" + join_filter(tests),
                "--gtest_output=xml:" + xml.string(), "--gtest_color=no"};
  child.argv.insert(child.argv.end(), spec.extra_args.begin(), spec.extra_args.end());
  child.env = spec.env;
  child.env["TEST_PREMATURE_EXIT_FILE"] = premature.string();
  if (!spec.findings_dir.empty()) child.env[contract::kFindingsDirEnv] = spec.findings_dir.string();
  child.env_unset = {"GTEST_FILTER", "GTEST_OUTPUT", "XML_OUTPUT_FILE", "GTEST_SHARD_INDEX",
                     "GTEST_TOTAL_SHARDS"};
  child.grace = spec.grace;
  child.abandon_after = spec.abandon_after;
  child.stop = stopper.get_token();
  child.output_cap = 256 * 1024;
  child.on_output = [&](process::OutputStream stream, std::string_view chunk) {
    raw_log.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (stream == process::OutputStream::out) {
      progress.feed_stdout(chunk);
    } else {
      progress.feed_stderr(chunk);
    }
  };
  end.outcome = process::run_child(child);
  end.watchdog_fired = watchdog.fired();
  end.stop_requested = spec.stop.stop_requested();
  end.premature_exit = std::filesystem::exists(premature, ec);
  end.log_tail = reports::head_and_tail(end.outcome.out.text() + end.outcome.err.text(), 16 * 1024);
  if (progress.running()) {
    end.interrupted = *progress.running();
    end.interrupted_seconds = std::chrono::duration<double>(Clock::now() - test_started).count();
    end.interrupted_output = progress.running_output();
    write_test_log(spec, *end.interrupted, end.interrupted_output);
  }
  // The XML exists only after a normal exit; it adds failure text, skip reasons and properties.
  for (auto& [name, xml_case] : read_gtest_xml(xml)) {
    auto it = results.find(name);
    if (it == results.end()) continue;
    auto& result = it->second;
    for (const auto& [key, value] : xml_case.properties) result.properties[key] = value;
    result.measurements = measurements_of(xml_case.properties);
    apply_warnings(result);  // a warning the test recorded without printing it
    if (result.verdict == reports::Verdict::fail && !xml_case.failure_text.empty()) {
      result.detail = xml_case.failure_text;
    }
    if (result.verdict == reports::Verdict::skipped && !xml_case.skip_message.empty()) {
      result.message = reports::first_line(without_location(xml_case.skip_message), 300);
    }
    if (events.finished) events.finished(result);
  }
  return end;
}

}  // namespace dextqual::runner
