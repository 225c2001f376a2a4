// Guards the wording of a raw sweep failure: F2's headline must read "EIO at 128 KiB, 64 KiB works".
#include "rawio/sweep_summary.h"

#include <gtest/gtest.h>

namespace dextqual::rawio {
namespace {

const std::string kEio = "EIO (Input/output error, errno 5)";

TEST(SweepSummary, F2HeadlineNamesTheFailingAndTheWorkingSize) {
  std::vector<SweepPoint> points;
  for (std::uint64_t size : {32768u, 65536u}) {
    points.push_back({"write", size, 0, true, "", "", ""});
  }
  points.push_back(
      {"write", 131072, 0, false, "EIO", kEio, "maxTransferSize 64 KiB < published write limit 512 KiB"});
  points.push_back({"write", 262144, 1 << 20, false, "EIO", kEio, ""});
  EXPECT_EQ(headline(points, "write"), "EIO at 128 KiB, 64 KiB works (2 sizes fail)");
  const std::string summary = summarize_sweep(points);
  EXPECT_NE(summary.find("write: EIO at 128 KiB, 64 KiB works"), std::string::npos) << summary;
  EXPECT_NE(summary.find("write of 256 KiB at LBA 2048: EIO"), std::string::npos) << summary;
  EXPECT_NE(summary.find("predicted by the limits analysis before any I/O: maxTransferSize 64 KiB"),
            std::string::npos);
}

// scsi_debug opts=2: one position has a medium error; the same size works elsewhere. Not a size limit.
TEST(SweepSummary, APositionFaultOrAMediumErrorIsNotASizeLimit) {
  std::vector<SweepPoint> points = {{"read", 4u << 20, 0, true, "", "", ""},
                                    {"read", 8u << 20, 0, true, "", "", ""},
                                    {"read", 8u << 20, 16384 * 512ull, false, "EIO", kEio, ""}};
  EXPECT_EQ(headline(points, "read"),
            "EIO at LBA 16384 (8 MiB works at other LBAs): a fault at that position, not a size limit");
  points = {{"read", 4u << 20, 0, true, "", "", ""},
            {"read", 8u << 20, 8192 * 512ull, false, "ENODATA", "ENODATA (No data available, errno 61)", ""}};
  EXPECT_EQ(headline(points, "read"), "medium error (ENODATA) at LBA 8192: not a size limit");
}

// F2 from observation (no maxTransferSize known, as on hardware): the ceiling is named against E.
TEST(SweepSummary, ACeilingBelowThePublishedLimitIsDiagnosedOnAnyDevice) {
  std::vector<SweepPoint> points;
  for (std::uint64_t size : {32768u, 65536u}) {
    points.push_back({"write", size, 0, true, "", "", ""});
  }
  for (std::uint64_t size : {131072u, 262144u, 524288u, 1048576u}) {
    points.push_back({"write", size, 0, false, "EIO", kEio, ""});
  }
  const limits::EffectiveLimit published{524288, "IOMaximumByteCountWrite 512 KiB"};
  EXPECT_EQ(
      diagnose_ceilings(points, published, published),
      "write: EIO from 128 KiB, published limits allow 512 KiB: the DEXT's DMA maxTransferSize is below "
      "its published limits (write of 64 KiB works; E bound by IOMaximumByteCountWrite 512 KiB)\n");
  // Without published limits there is nothing to hold the ceiling against.
  EXPECT_EQ(diagnose_ceilings(points, std::nullopt, std::nullopt), "");
  // A corruption at 128 KiB and up is not a refusal: no ceiling diagnosis (the summary reports it).
  for (auto& p : points) {
    if (!p.ok) p.direction = "verify";
  }
  EXPECT_EQ(diagnose_ceilings(points, published, published), "");
}

TEST(SweepSummary, CorruptionKeepsItsClassAndAllPassingIsEmpty) {
  std::vector<SweepPoint> points{{"write", 512, 0, true, "", "", ""}};
  EXPECT_EQ(summarize_sweep(points), "");
  points.push_back(
      {"verify", 1024, 0, false, "stale", "LBA 0..1 (2 sectors): stale - expected gen 2, found gen 1", ""});
  EXPECT_EQ(headline(points, "verify"), "stale at 1 KiB, 512 B works");
}

TEST(SweepSummary, ManyFailuresAreCounted) {
  std::vector<SweepPoint> points;
  for (std::uint64_t i = 1; i <= 50; ++i) {
    points.push_back({"read", i * 512, 0, false, "EIO", kEio, ""});
  }
  EXPECT_NE(summarize_sweep(points, 10).find("... and 40 more failing sizes"), std::string::npos);
}

}  // namespace
}  // namespace dextqual::rawio
