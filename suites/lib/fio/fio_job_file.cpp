#include "fio/fio_job_file.h"

#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "core/layout.h"

namespace dextqual::fio {

Result<std::string> fill_job_template(std::string_view text, const JobValues& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("${", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) {
      return fail("fill fio job template", "unterminated placeholder at offset " + std::to_string(open));
    }
    out.append(text.substr(pos, open - pos));
    const std::string name(text.substr(open + 2, close - open - 2));
    const auto it = values.find(name);
    if (it == values.end()) {
      return fail("fill fio job template", "no value for ${" + name + "}");
    }
    out += it->second;
    pos = close + 1;
  }
  if (out.find("randrepeat=0") == std::string::npos || out.find("randseed=") == std::string::npos) {
    return fail("fill fio job template",
                "the job must set randrepeat=0 and randseed= (fresh stamps per run, FIO.md §1)");
  }
  return out;
}

Result<std::string> read_job_template(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    return fail_errno("open fio job template " + path.string());
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string fresh_randseed() {
  if (sodium_init() < 0) {
    return std::to_string(std::random_device{}());
  }
  // fio takes a 64-bit seed; 62 random bits keep it below 2^63 so every fio version parses it.
  const std::uint64_t high = randombytes_random();
  const std::uint64_t low = randombytes_random();
  return std::to_string(((high << 32) | low) >> 2);
}

std::filesystem::path job_template_dir() { return fixtures_dir() / "fio"; }

}  // namespace dextqual::fio
