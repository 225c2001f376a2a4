// integrity_bench: the integrity engine's end-to-end benchmark (issue 2 §3). Writes a file of --size-mib
// with run-unique stamps and verifies it back, with --threads workers, on a fresh file in --dir
// (/dev/shm by default, so the figure is the engine's cost, not a disk's); then times verification with
// 1 and with 2 threads for the scaling figure, and reports memory. ci/bench-integrity.sh runs it next to
// fio's crc32c and sha256 verification and prints the ratios. A benchmark, not a test: it fails only
// when the data does not verify.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/unique_fd.h"
#include "integrity/stamped_io.h"

namespace {

using namespace dextqual;
using namespace dextqual::integrity;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Memory the expected state needs for sequential 1 MiB writes over 1 TiB (one pass).
std::size_t sequential_tebibyte_state_bytes() {
  ExpectedState state;
  constexpr std::uint64_t kChunk = (1U << 20) / kSectorSize;
  for (std::uint64_t lba = 0; lba < (std::uint64_t{1} << 40) / kSectorSize; lba += kChunk) {
    (void)state.record_write({lba, kChunk}, 1, WriteState::must_survive);
  }
  return state.memory_bytes();
}

struct Timed {
  double seconds = 0;
  bool passed = false;
};

Result<Timed> timed_verify(int fd, const StampKeys& keys, LbaRange range, const ExpectedState& state,
                           StreamOptions options, unsigned threads) {
  options.threads = threads;
  const auto start = Clock::now();
  DQ_TRY_ASSIGN(const VerifyReport report, verify_range(fd, keys, range, state, options));
  return Timed{seconds_since(start), report.passed() && report.sectors_checked == range.count};
}

int run(const std::filesystem::path& dir, std::uint64_t size_mib, unsigned threads, bool json) {
  auto identity = RunIdentity::generate();
  if (!identity) {
    std::cerr << identity.error().message() << "\n";
    return 2;
  }
  const StampKeys keys = StampKeys::for_run(*identity);
  const std::filesystem::path path = dir / ("dq-integrity-bench-" + std::to_string(::getpid()));
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  if (!fd) {
    std::cerr << "cannot create " << path << "\n";
    return 2;
  }
  const LbaRange range{0, size_mib * (1U << 20) / kSectorSize};
  StreamOptions options;
  options.threads = threads;
  ExpectedState state;

  const auto start = Clock::now();
  auto written = write_stamped(fd.get(), keys, range, 1, options);
  const double write_s = seconds_since(start);
  (void)state.record_write(range, 1, WriteState::must_survive);
  auto verified = timed_verify(fd.get(), keys, range, state, options, threads);
  const double total_s = seconds_since(start);
  auto one = timed_verify(fd.get(), keys, range, state, options, 1);
  auto two = timed_verify(fd.get(), keys, range, state, options, 2);
  std::filesystem::remove(path);
  if (!written || !verified || !one || !two) {
    std::cerr << "integrity_bench: I/O failed\n";
    return 2;
  }
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json result{
      {"size_bytes", range.count * kSectorSize},
      {"threads", threads},
      {"write_s", write_s},
      {"verify_s", verified->seconds},
      {"total_s", total_s},
      {"verify_1_thread_s", one->seconds},
      {"verify_2_threads_s", two->seconds},
      {"verify_scaling_1_to_2", one->seconds / two->seconds},
      {"max_rss_kib", usage.ru_maxrss},
      {"expected_state_bytes_1tib_sequential", sequential_tebibyte_state_bytes()},
      {"passed", verified->passed && one->passed && two->passed},
  };
  if (json) {
    std::cout << result.dump() << "\n";
  } else {
    std::printf("integrity engine, %llu MiB, %u threads: write %.3f s, verify %.3f s, total %.3f s\n",
                static_cast<unsigned long long>(size_mib), threads, write_s, verified->seconds, total_s);
    std::printf("verify scaling: 1 thread %.3f s, 2 threads %.3f s, speedup %.2fx\n", one->seconds,
                two->seconds, one->seconds / two->seconds);
    std::printf("memory: max RSS %ld KiB; expected state for 1 TiB sequential: %zu bytes\n", usage.ru_maxrss,
                result["expected_state_bytes_1tib_sequential"].get<std::size_t>());
    std::printf("data verified: %s\n", result["passed"].get<bool>() ? "yes" : "NO");
  }
  return result["passed"].get<bool>() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Benchmark the dextqual integrity engine: stamped write + verify of one file"};
  std::filesystem::path dir = "/dev/shm";
  std::uint64_t size_mib = 1024;
  unsigned threads = std::max(2U, std::thread::hardware_concurrency());
  bool json = false;
  app.add_option("--dir", dir, "Directory for the scratch file")->check(CLI::ExistingDirectory);
  app.add_option("--size-mib", size_mib, "Bytes to write and verify, in MiB")->check(CLI::PositiveNumber);
  app.add_option("--threads", threads, "Worker threads for the write + verify run")
      ->check(CLI::PositiveNumber);
  app.add_flag("--json", json, "Print one JSON object");
  CLI11_PARSE(app, argc, argv);
  return run(dir, size_mib, threads, json);
}
