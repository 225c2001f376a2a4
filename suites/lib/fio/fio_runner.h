// Runs fio as a child through the project's one process wrapper (suites/lib/process): a filled job
// file in a scratch directory (fio leaves verify state files in its cwd, FIO.md §3), JSON output,
// a timeout, and the harness verdict. Every run keeps its reproducer: the command and the job text.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "fio/fio_job_file.h"
#include "fio/fio_report.h"
#include "fio/fio_verdict.h"

namespace dextqual::fio {

struct FioRunSpec {
  std::string job_text;  // a filled job file (fill_job_template)
  std::filesystem::path scratch_dir;
  std::chrono::seconds timeout{600};
  FioExpectation expectation;
  std::vector<std::string> extra_args;
};

struct FioRun {
  std::string command;  // reproducer: the fio command line (the job file is saved beside it)
  std::filesystem::path job_path;
  FioExit exit;
  std::string stdout_text;
  std::string stderr_text;
  Result<FioReport> report = std::unexpected(Error{"fio", "not run", 0});
  FioVerdict verdict;

  // The verdict's message, then the command that reproduces it.
  [[nodiscard]] std::string failure() const;
};

// Fails only when the run could not be set up (no scratch dir); a fio that fails is a FioRun whose
// verdict says so.
[[nodiscard]] Result<FioRun> run_fio(const FioRunSpec& spec);

// fio's version line ("fio-3.33"), or an Error when fio cannot be run.
[[nodiscard]] Result<std::string> fio_version();

// Whether `engine` (libaio, io_uring) works here: a 4 KiB read job on a scratch file must succeed
// (io_uring can be compiled in yet disabled by the kernel).
[[nodiscard]] bool engine_available(const std::string& engine, const std::filesystem::path& scratch_dir);

}  // namespace dextqual::fio
