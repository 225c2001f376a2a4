// Loads one recorded fio run from fixtures/fio/recorded/<name>.{stdout,stderr,exit} (captured with
// fio 3.33 on this VM; fixtures/fio/recorded/README.md says how each was made).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "fio/fio_verdict.h"

namespace dextqual::fio::testing {

struct Recording {
  std::string out;
  std::string err;
  FioExit exit;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Recording recording(const std::string& name) {
  const std::string base = std::string(DEXTQUAL_FIXTURES) + "/fio/recorded/" + name;
  Recording r;
  r.out = slurp(base + ".stdout");
  r.err = slurp(base + ".stderr");
  r.exit.exit_code = std::stoi(slurp(base + ".exit"));
  r.exit.description = "exited with code " + std::to_string(r.exit.exit_code);
  return r;
}

}  // namespace dextqual::fio::testing
