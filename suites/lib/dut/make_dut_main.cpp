// dextqual_make_dut: writes a dut.json for a running simdext, so that a suite binary can be run
// against it outside the runner (CTest, a developer at a shell):
//   dextqual_make_dut --from-simdext STATE --out dut.json [--allow-data-loss] [--quick]
#include <CLI/CLI.hpp>
#include <iostream>

#include "dut/simdext_dut.h"

int main(int argc, char** argv) {
  CLI::App app{"Write a dut.json for a running simdext"};
  std::string state;
  std::string out;
  bool allow_data_loss = false;
  bool quick = false;
  app.add_option("--from-simdext", state, "simdext --state directory")->required();
  app.add_option("--out", out, "where to write dut.json")->required();
  app.add_flag("--allow-data-loss", allow_data_loss, "mark the DUT as erasable (simdext always is)");
  app.add_flag("--quick", quick, "smaller sizes and fewer cycles");
  CLI11_PARSE(app, argc, argv);

  auto dut = dextqual::dut_from_simdext(state);
  if (!dut) {
    std::cerr << "dextqual_make_dut: " << dut.error().message() << "\n";
    return 2;
  }
  dut->allow_data_loss = allow_data_loss;
  dut->quick = quick;
  dut->state_dir = state;
  if (auto saved = dextqual::save_dut(out, *dut); !saved) {
    std::cerr << "dextqual_make_dut: " << saved.error().message() << "\n";
    return 2;
  }
  return 0;
}
