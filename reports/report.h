// The report model: everything a run produced, in one value that every rendering (JUnit, JSON
// summary, HTML, console) reads and nothing else. The runner fills it from its journal and hands it
// to the writers after every test, so a report is always a complete picture of the run so far.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reports/verdict.h"

namespace dextqual::reports {

// A figure the test measured, e.g. RecordProperty("throughput_mib_s.write.131072", "812.4").
struct Measurement {
  std::string name{};
  double value = 0;
};

// One integrity finding (suites/lib/integrity Finding as JSON): where, what class, and the story.
struct IntegrityFinding {
  std::uint64_t first_lba = 0;
  std::uint64_t sectors = 0;
  std::string finding_class{};  // "stale", "torn", "misdirected", ...
  std::string description{};
  nlohmann::json detail = nlohmann::json::object();  // the full finding as the suite wrote it
};

struct TestResult {
  std::string suite{};  // the suite binary's short name: "rawio"
  std::string name{};   // the GoogleTest full name: "TransferSize.Sweep"
  Verdict verdict = Verdict::unresolved;
  std::string kind{};      // why, for failures and errors: "assertion", "crash", "timeout", "incomplete", ...
  std::string message{};   // one line
  std::string detail{};    // the decoded failure text (JUnit element body)
  std::string log{};       // the test's output (may be long; renderers truncate head + tail)
  std::string log_file{};  // the full log, relative to the report directory, when one was written
  std::string reproducer{};  // the command line that runs just this test
  double seconds = 0;
  std::string started_at{};  // UTC, YYYY-MM-DDTHH:MM:SS
  std::map<std::string, std::string> properties{};
  std::vector<Measurement> measurements{};
  std::vector<IntegrityFinding> findings{};

  // "rawio.TransferSize": the JUnit classname, prefixed with the suite binary (JUNIT.md §4).
  [[nodiscard]] std::string classname() const;
  // "Sweep" (after the first dot of the GoogleTest name; the whole name when there is none). GoogleTest
  // names have one dot (parameter names cannot hold one); the first lets the pseudo-suite "dextqual"
  // name a case with dots in it ("expectations.stale: scsi:Cdb/Read.Zero...").
  [[nodiscard]] std::string case_name() const;
  // The *should* deviations the test recorded: RecordProperty("warning", ...) or ("warning.<n>", ...),
  // one line each, "warning" first, then by n as a number (warning.10 after warning.9), then any other
  // "warning.<suffix>". The runner makes a passed test with warnings WARN; the reports show them
  // whatever the verdict.
  // A WARN without such properties (the suite died before writing its XML, which carries them) has
  // its message as its one warning, so no rendering shows a WARN with nothing to read.
  [[nodiscard]] std::vector<std::string> warnings() const;
};

struct SuiteReport {
  std::string name{};    // "rawio"
  std::string binary{};  // path of the suite binary
  std::vector<TestResult> tests{};
};

struct RunInfo {
  std::string id{};
  std::string started_at{};
  std::string finished_at{};  // empty while running
  std::string hostname{};
  std::string version{};
  std::string command_line{};
  std::string state_dir{};
  std::string status = "running";                   // running, finished, aborted, harness-error
  std::map<std::string, std::string> properties{};  // profile, filters, quick/full, ...
};

struct DutInfo {
  std::string kind{};  // simdext, linux_block, macos_disk
  std::string node{};
  std::string vendor{};
  std::string product{};
  std::string revision{};
  std::string serial{};
  std::string wwn{};
  std::uint64_t capacity_bytes = 0;
  std::uint32_t logical_block_size = 0;
  std::string profile{};  // simdext fault profile, when the DUT is simdext
};

// `dextqual selftest`: fault profiles x suites, what the profile claims against what failed.
struct SelftestCell {
  std::vector<std::string> expected{};  // tests that must fail ("rawio:*TransferSize*" patterns)
  std::vector<std::string> failed{};    // tests that did fail
  bool matches = true;
  std::string note{};   // what did not match, in words
  bool checked = true;  // false: the suite is not built here, so the claim could not be checked
};

struct SelftestRow {
  std::string profile{};
  std::map<std::string, SelftestCell> cells{};  // by suite
  bool matches = true;
};

// One cell of the command histogram the driver under test delivered to the device (simdext's control
// op "histogram", dext/simdext/command_histogram.h): opcode, transfer size rounded up to a power of two,
// outcome ("ok" or "error"), how many, and the largest transfer in the cell.
struct CommandCount {
  std::string opcode{};  // "WRITE(10)"
  std::uint64_t bucket_bytes = 0;
  std::string outcome{};
  std::uint64_t count = 0;
  std::uint64_t largest_bytes = 0;
};

// Tests by outcome. The five numbers partition the tests (they add up to the total), so no verdict is
// read as another: XFAIL is not a pass that people stop looking at, and WARN is not hidden in PASS.
struct Counts {
  int passed = 0;             // PASS
  int failed = 0;             // every verdict with the failure flag
  int skipped = 0;            // SKIPPED
  int expected_failures = 0;  // XFAIL
  int warnings = 0;           // WARN: tests, not the warnings they carry
  std::map<Verdict, int> by_verdict{};

  Counts& operator+=(const Counts& other);
};

struct Report {
  RunInfo run{};
  DutInfo dut{};
  std::vector<SuiteReport> suites{};
  std::vector<SelftestRow> selftest{};  // empty unless this is a selftest report
  // What the device received, where a command trace exists (simdext); nullopt on a real device.
  std::optional<std::vector<CommandCount>> commands{};

  [[nodiscard]] Counts counts() const;
};

[[nodiscard]] Counts count(const std::vector<TestResult>& tests);

}  // namespace dextqual::reports
