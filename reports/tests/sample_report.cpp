#include "reports/tests/sample_report.h"

namespace dextqual::reports::testing {

Report sample_report() {
  Report report;
  report.run = {.id = "run-1",
                .started_at = "2026-01-02T03:04:05",
                .finished_at = "",
                .hostname = "host\x01name",
                .version = "0.1.0",
                .command_line = "dextqual run --quick",
                .state_dir = "/tmp/state",
                .status = "running",
                .properties = {{"profile", "clean"}}};
  report.dut = {.kind = "simdext",
                .node = "/dev/loop3",
                .vendor = "DEXTQUAL",
                .product = "SIMDEXT RAID0",
                .revision = "0001",
                .serial = "SIM\xff\x01",
                .wwn = "50dec0a000000001",
                .capacity_bytes = 1 << 30,
                .logical_block_size = 512,
                .profile = "clean"};
  SuiteReport rawio{.name = "rawio", .binary = "/build/rawio", .tests = {}};
  const auto add = [&](std::string name, Verdict verdict, std::string message) {
    TestResult test;
    test.suite = "rawio";
    test.name = std::move(name);
    test.verdict = verdict;
    test.message = std::move(message);
    test.seconds = 0.25;
    test.started_at = "2026-01-02T03:04:06";
    test.reproducer = "build/rawio --gtest_filter=" + test.name;
    rawio.tests.push_back(test);
    return &rawio.tests.back();
  };
  add("TransferSize.Sweep", Verdict::pass, "")->measurements = {{"throughput_mib_s.write.131072", 512.5},
                                                                {"throughput_mib_s.write.65536", 300}};
  auto* failed = add("TransferSize.Bad", Verdict::fail, "EIO at 128 KiB\x07 ]]> <&> \"quoted\"");
  failed->detail = "transfer_sweep.cpp:42\nExpected: ok\n  Actual: EIO \xc3\x28 \xed\xa0\x80";
  failed->log = std::string(1 << 20, 'x') + "\x1b[31mred\x1b[0m\xfe";
  failed->log_file = "logs/rawio/TransferSize.Bad.log";
  failed->properties = {{"effective_write_limit_bytes", "65536"}, {"odd\x02", "v\x03"}};
  failed->findings = {{.first_lba = 2048,
                       .sectors = 256,
                       .finding_class = "stale",
                       .description = "LBA 2048..2303 (256 sectors): stale",
                       .detail = {}}};
  add("Skip.Me", Verdict::skipped, "requires scsi_passthrough(): none");
  add("Expected.Failure", Verdict::xfail, "known F2 limit");
  add("Unexpected.Pass", Verdict::xpass, "expected to fail per expectations file");
  add("Hang.Forever", Verdict::timeout, "timed out after 1s")->kind = "timeout";
  add("Crash.Mid", Verdict::error, "killed by signal 11 (SIGSEGV)")->kind = "crash";
  add("[harness]", Verdict::unresolved, "exited 0 without results");
  add("Device.Gone", Verdict::device_lost, "the DUT disappeared");
  report.suites.push_back(rawio);
  report.suites.push_back(SuiteReport{.name = "scsi", .binary = "/build/scsi", .tests = {}});
  return report;
}

}  // namespace dextqual::reports::testing
