#include "fio/fio_runner.h"

#include <fstream>

#include "process/child_process.h"

namespace dextqual::fio {
namespace {

FioExit to_exit(const process::ChildOutcome& outcome) {
  FioExit exit;
  exit.exited = outcome.kind == process::OutcomeKind::exited;
  exit.exit_code = outcome.exit_code;
  exit.description = outcome.describe();
  return exit;
}

}  // namespace

std::string FioRun::failure() const {
  return verdict.message() + "\n  reproduce: " + command + "\n  job file:\n" + [&] {
    std::ifstream in(job_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text;
  }();
}

Result<FioRun> run_fio(const FioRunSpec& spec) {
  std::error_code ec;
  std::filesystem::create_directories(spec.scratch_dir, ec);
  if (ec) {
    return fail("create fio scratch dir " + spec.scratch_dir.string(), ec.message());
  }
  FioRun run;
  run.job_path = spec.scratch_dir / "job.fio";
  {
    std::ofstream out(run.job_path);
    out << spec.job_text;
    if (!out) {
      return fail_errno("write " + run.job_path.string());
    }
  }
  process::ChildSpec child;
  child.argv = {"fio", "--output-format=json", "--aux-path=" + spec.scratch_dir.string()};
  child.argv.insert(child.argv.end(), spec.extra_args.begin(), spec.extra_args.end());
  child.argv.push_back(run.job_path.string());
  child.cwd = spec.scratch_dir;
  child.timeout = spec.timeout;
  child.output_cap = std::size_t{16} << 20;
  run.command = "cd " + process::quote_command({spec.scratch_dir.string()}) + " && " +
                process::quote_command(child.argv);
  const process::ChildOutcome outcome = process::run_child(child);
  run.exit = to_exit(outcome);
  run.stdout_text = outcome.out.text();
  run.stderr_text = outcome.err.text();
  if (outcome.kind == process::OutcomeKind::failed_to_start) {
    run.exit.description = "could not start fio: " + outcome.start_error;
  }
  run.report = parse_fio_output(run.stdout_text);
  run.verdict = judge_fio_run(run.exit, run.stderr_text, run.report, spec.expectation);
  return run;
}

Result<std::string> fio_version() {
  process::ChildSpec child;
  child.argv = {"fio", "--version"};
  // Bounded, but not tight: fio's first start in a QEMU guest under software emulation on a loaded
  // host took more than 10 s (CI's scsi_debug guest), and a harness timeout is nobody's finding.
  child.timeout = std::chrono::seconds(120);
  const process::ChildOutcome outcome = process::run_child(child);
  if (!outcome.succeeded()) {
    return fail("fio --version", outcome.describe() + " " + outcome.start_error);
  }
  std::string text = outcome.out.text();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.pop_back();
  }
  return text;
}

bool engine_available(const std::string& engine, const std::filesystem::path& scratch_dir) {
  std::error_code ec;
  std::filesystem::create_directories(scratch_dir, ec);
  process::ChildSpec child;
  child.argv = {"fio",
                "--name=probe",
                "--ioengine=" + engine,
                "--filename=" + (scratch_dir / "probe").string(),
                "--size=64k",
                "--bs=4k",
                "--rw=read",
                "--iodepth=2",
                "--output-format=json"};
  child.cwd = scratch_dir;
  child.timeout = std::chrono::seconds(30);
  const process::ChildOutcome outcome = process::run_child(child);
  std::filesystem::remove(scratch_dir / "probe", ec);
  if (!outcome.succeeded()) {
    return false;
  }
  auto report = parse_fio_output(outcome.out.text());
  return report && !report->jobs.empty() && report->jobs.front().error == 0;
}

}  // namespace dextqual::fio
