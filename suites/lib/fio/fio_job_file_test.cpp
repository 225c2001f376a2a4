// Guards job-template filling: every placeholder filled, fresh randseed with randrepeat=0 enforced.
#include "fio/fio_job_file.h"

#include <gtest/gtest.h>

namespace dextqual::fio {
namespace {

TEST(FioJobFile, FillsPlaceholdersAndRequiresFreshSeeds) {
  auto job = fill_job_template("[w]\nfilename=${FILE}\nrandrepeat=0\nrandseed=${SEED}\n",
                               {{"FILE", "/dev/x"}, {"SEED", "7"}});
  ASSERT_TRUE(job) << job.error().message();
  EXPECT_EQ(*job, "[w]\nfilename=/dev/x\nrandrepeat=0\nrandseed=7\n");
  auto missing = fill_job_template("filename=${FILE}\n", {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("${FILE}"), std::string::npos);
  EXPECT_FALSE(fill_job_template("[w]\nfilename=x\n", {})) << "no randrepeat=0/randseed";
}

TEST(FioJobFile, SeedsDifferPerRun) { EXPECT_NE(fresh_randseed(), fresh_randseed()); }

TEST(FioJobFile, ShippedTemplatesFillWithTheirDocumentedKeys) {
  for (const char* name : {"write-verify.fio", "throughput.fio"}) {
    auto text = read_job_template(std::string(DEXTQUAL_FIXTURES) + "/fio/" + name);
    ASSERT_TRUE(text) << text.error().message();
    JobValues values{{"FILENAME", "/dev/null"},
                     {"OFFSET", "0"},
                     {"SIZE", "1M"},
                     {"BS", "4k"},
                     {"RW", "write"},
                     {"DIRECT", "1"},
                     {"IOENGINE", "psync"},
                     {"IODEPTH", "1"},
                     {"END_FSYNC", "0"},
                     {"VERIFY_ONLY", "0"},
                     {"RANDSEED", "1"},
                     {"RUNTIME", "1"},
                     {"NAME", "job"}};
    EXPECT_TRUE(fill_job_template(*text, values)) << name;
  }
}

}  // namespace
}  // namespace dextqual::fio
