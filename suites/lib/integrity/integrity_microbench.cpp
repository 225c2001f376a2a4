// Google Benchmark micro-benchmarks for the integrity engine's hot paths: stamping, the verifier's fast
// path, and slow-path classification of damaged sectors; plus keyed BLAKE2b and ChaCha20 over the same
// bytes, the alternatives the payload expander was measured against (payload_stream.h).
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <array>
#include <vector>

#include "integrity/sector_classifier.h"
#include "integrity/sector_verifier.h"

namespace {

using namespace dextqual::integrity;

constexpr std::size_t kChunk = std::size_t{1} << 20;

StampKeys bench_keys() {
  static const StampKeys keys = StampKeys::for_run(*RunIdentity::generate());
  return keys;
}

void BM_StampSector(benchmark::State& state) {
  const StampKeys keys = bench_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  std::uint64_t lba = 0;
  for (auto _ : state) {
    stamp_sector(keys, {.lba = lba++, .generation = 1}, sector);
    benchmark::DoNotOptimize(sector.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kSectorSize));
}
BENCHMARK(BM_StampSector);

void BM_StampChunk(benchmark::State& state) {
  const StampKeys keys = bench_keys();
  std::vector<std::uint8_t> buffer(kChunk);
  for (auto _ : state) {
    stamp_sectors(keys, {.lba = 0, .generation = 1}, buffer);
    benchmark::DoNotOptimize(buffer.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunk));
}
BENCHMARK(BM_StampChunk);

void BM_VerifyIntactChunk(benchmark::State& state) {
  const StampKeys keys = bench_keys();
  std::vector<std::uint8_t> buffer(kChunk);
  stamp_sectors(keys, {.lba = 0, .generation = 1}, buffer);
  const std::vector<Extent> extents{{{0, kChunk / kSectorSize}, {1, 1}}};
  const VerifyOptions options;
  for (auto _ : state) {
    VerifyReport report = verify_sectors(keys, buffer, 0, extents, options);
    benchmark::DoNotOptimize(report.sectors_checked);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunk));
}
BENCHMARK(BM_VerifyIntactChunk);

// Slow path: one damaged sector of each kind, classified against expected generations 1..4.
void BM_ClassifySector(benchmark::State& state) {
  const StampKeys keys = bench_keys();
  std::array<std::uint8_t, kSectorSize> sector{};
  stamp_sector(keys, {.lba = 10, .generation = 3}, sector);
  switch (state.range(0)) {
    case 0:  // bit flip in the payload
      sector[200] ^= 1;
      break;
    case 1:  // another run's stamp (lost write over an identical earlier run)
      stamp_sector(StampKeys::for_run(*RunIdentity::generate()), {.lba = 10, .generation = 3}, sector);
      break;
    case 2:  // garbage
      for (std::size_t i = 0; i < sector.size(); ++i) {
        sector[i] = static_cast<std::uint8_t>(i * 37 + 11);
      }
      break;
    default:  // stale
      stamp_sector(keys, {.lba = 10, .generation = 1}, sector);
      break;
  }
  for (auto _ : state) {
    SectorVerdict verdict = classify_sector(keys, sector, 10, {2, 4});
    benchmark::DoNotOptimize(verdict.kind);
  }
}
BENCHMARK(BM_ClassifySector)->ArgName("bitflip0_foreign1_garbage2_stale3")->DenseRange(0, 3);

void BM_Blake2bKeyedChunk(benchmark::State& state) {
  std::vector<std::uint8_t> buffer(kChunk, 0x5A);
  std::array<std::uint8_t, 32> key{1};
  std::array<std::uint8_t, 32> digest{};
  for (auto _ : state) {
    crypto_generichash(digest.data(), digest.size(), buffer.data(), buffer.size(), key.data(), key.size());
    benchmark::DoNotOptimize(digest.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunk));
}
BENCHMARK(BM_Blake2bKeyedChunk);

void BM_ChaCha20Chunk(benchmark::State& state) {
  std::vector<std::uint8_t> buffer(kChunk);
  std::array<std::uint8_t, crypto_stream_chacha20_KEYBYTES> key{1};
  std::array<std::uint8_t, crypto_stream_chacha20_NONCEBYTES> nonce{};
  for (auto _ : state) {
    crypto_stream_chacha20(buffer.data(), buffer.size(), nonce.data(), key.data());
    benchmark::DoNotOptimize(buffer.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kChunk));
}
BENCHMARK(BM_ChaCha20Chunk);

}  // namespace

BENCHMARK_MAIN();
