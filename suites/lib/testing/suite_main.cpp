// main() of every suite binary: reads --dut=PATH (or $DEXTQUAL_DUT) and hands the rest to GoogleTest.
// A --dut that cannot be read is a configuration error (exit 2), not a run where everything skips.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "testing/dut_environment.h"
#include "testing/progress_publisher.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  std::string path;
  if (const char* env = std::getenv("DEXTQUAL_DUT"); env != nullptr) {
    path = env;
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--dut=")) {
      path = std::string(arg.substr(6));
    } else {
      std::cerr << "unknown argument: " << arg << "\n";
      return 2;
    }
  }
  if (!path.empty()) {
    auto dut = dextqual::load_dut(path);
    if (!dut) {
      std::cerr << "cannot use --dut: " << dut.error().message() << "\n";
      return 2;
    }
    dextqual::testing::set_dut(std::move(*dut), path);
  }
  dextqual::testing::publish_progress_if_asked();
  return RUN_ALL_TESTS();
}
