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
  // As the runner writes an XFAIL: the message names the blame and reason, the detail the failure.
  add("Expected.Failure", Verdict::xfail, "expected failure (blame: driver): F2 limit <64 KiB>")->detail =
      "transfer_sweep.cpp:42\nExpected: ok\n  Actual: EIO at 128 KiB";
  add("Unexpected.Pass", Verdict::xpass, "expected to fail per expectations file");
  add("Hang.Forever", Verdict::timeout, "timed out after 1s")->kind = "timeout";
  add("Crash.Mid", Verdict::error, "killed by signal 11 (SIGSEGV)")->kind = "crash";
  add("[harness]", Verdict::unresolved, "exited 0 without results");
  add("Device.Gone", Verdict::device_lost, "the DUT disappeared");
  // Recorded out of order, and one with hostile text: warning.10 must come after warning.2.
  add("Rdprotect.WithoutProtection", Verdict::warn, "")->properties = {
      {"warning.10", "SPC-4 4.5.6 should: sense data\x07 <&> \"descriptor\" format"},
      {"warning.2",
       "SBC-3 5.8 should: RDPROTECT 011b on a LU without protection information should be CHECK "
       "CONDITION/ILLEGAL REQUEST/INVALID FIELD IN CDB; got GOOD"},
      {"vendor_note", "not a warning"}};
  report.suites.push_back(rawio);
  report.suites.push_back(SuiteReport{.name = "scsi", .binary = "/build/scsi", .tests = {}});
  return report;
}

namespace {

TestResult failing(std::string suite, std::string name, std::string detail) {
  TestResult test;
  test.suite = std::move(suite);
  test.name = std::move(name);
  test.verdict = Verdict::fail;
  test.kind = "assertion";
  test.detail = std::move(detail);
  test.message = test.detail;
  test.seconds = 1.5;
  return test;
}

}  // namespace

Report pictures_report() {
  Report report;
  report.run = sample_report().run;
  report.dut = sample_report().dut;
  report.suites = {{"rawio", "/build/rawio", {}}};
  report.dut.profile = "f2-max-transfer-64k";
  report.dut.capacity_bytes = std::uint64_t{1} << 30;

  auto sweep =
      failing("rawio", "RawTransferSizes.EverySizeWritesFlushesAndVerifiesAtStartMiddleAndEnd",
              "../suites/rawio/transfer_size_sweep_test.cpp:59\nValue of: summary.empty()\n"
              "  Actual: false\nExpected: true\nwrite: EIO at 66048 B, 64 KiB works (9 sizes fail)\n");
  for (const double size : {512.0, 4096.0, 65024.0, 65536.0})
    sweep.measurements.push_back({"sweep_ok." + std::to_string(static_cast<long>(size)), 1});
  for (const double size : {66048.0, 131072.0, 523776.0, 524288.0, 524800.0, 1048576.0, 16777216.0}) {
    sweep.measurements.push_back({"sweep_ok." + std::to_string(static_cast<long>(size)), 0});
  }
  sweep.measurements.push_back({"limit_bytes.write", 524288});
  sweep.measurements.push_back({"limit_bytes.read", 524288});
  auto misaligned =
      failing("rawio", "MisalignedBuffer.Writes",
              "../suites/rawio/misaligned_buffer_test.cpp:40\nwrite: EIO at 128 KiB, 64 KiB works\n");
  auto end = failing("rawio", "EndOfDevice.LastBlocks",
                     "../suites/rawio/end_of_device_test.cpp:33\nExpected equality of these values:\n  rc\n"
                     "    Which is: -1\n  0\nwrite: EIO at 1 MiB, 64 KiB works\n");
  for (auto& test : {sweep, misaligned, end}) report.suites[0].tests.push_back(test);

  auto buffered =
      failing("buffered", "BufferedBlockNode.SizeSweepVerifiesOnTheDeviceAndThroughTheCache",
              "../suites/buffered/block_node_size_sweep_test.cpp:45\nValue of: summary.empty()\n"
              "  Actual: false\nExpected: true\nbuffered writes to /dev/loop7 (fsync, then read back): "
              "128 MiB verifies, 256 MiB does not\n");
  buffered.measurements = {{"sweep_ok.67108864", 1}, {"sweep_ok.134217728", 1}, {"sweep_ok.268435456", 0}};
  std::uint64_t lba = 1000;
  for (const char* finding_class : {"zero-filled", "stale", "misdirected", "torn", "bit-flip", "foreign"}) {
    buffered.findings.push_back({.first_lba = lba,
                                 .sectors = 40000,
                                 .finding_class = finding_class,
                                 .description = std::string(finding_class) + " extent",
                                 .detail = {}});
    lba += 300000;
  }
  report.suites.push_back({"buffered", "/build/buffered", {buffered}});

  auto hotplug =
      failing("hotplug", "DetachAttach.Cycles",
              "../suites/hotplug/detach_attach_test.cpp:87\nExpected: (refound->elapsed) <= (budget), "
              "actual: 31000ms vs 30000ms\nF10: the device took 31000 ms to come back; budget 30000 ms\n");
  hotplug.measurements = {
      {"attach_budget_ms", 30000}, {"attach_ms_cycle_1", 1200}, {"attach_ms_cycle_2", 31000}};
  report.suites.push_back({"hotplug", "/build/hotplug", {hotplug}});

  TestResult measured;
  measured.suite = "perf";
  measured.name = "Throughput.MeasuredAcrossTransferSizesAndQueueDepths";
  measured.verdict = Verdict::pass;
  measured.measurements = {{"throughput_MBps_write_1m_qd32", 565}, {"throughput_MBps_read_1m_qd32", 700}};
  auto gate =
      failing("perf", "Throughput.NoDropBeyondTheThresholdAgainstTheBaseline",
              "../suites/perf/throughput_test.cpp:70\nthroughput dropped more than 5% below the baseline "
              "/lab/kext.json:\n  write_1m_qd32: 565.0 MB/s vs baseline 645.0 MB/s (-12.4%)\n");
  gate.measurements = {{"baseline_MBps_write_1m_qd32", 645},
                       {"baseline_MBps_read_1m_qd32", 690},
                       {"perf_threshold_percent", 5}};
  report.suites.push_back({"perf", "/build/perf", {measured, gate}});

  report.selftest = {{"clean", {{"rawio", {{}, {}, true, "all passed"}}}, true},
                     {"f2-max-transfer-64k",
                      {{"rawio", {{"*TransferSize*"}, {}, false, "not caught: *TransferSize*"}}},
                      false}};
  return report;
}

}  // namespace dextqual::reports::testing
