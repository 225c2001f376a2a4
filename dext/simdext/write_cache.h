// The volatile write cache of one logical unit: dirty extents held in memory until they are
// destaged to the media. Extents never overlap; a newer write trims or splits older ones. Destage
// order is the order writes arrived (oldest first). Pinned extents model a controller that keeps a
// write in cache and never destages it (fault "pin"); torn extents persist only their first sectors
// at a power cut (fault "tear").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <vector>

namespace simdext {

struct CacheExtent {
  uint64_t lba = 0;
  uint64_t blocks = 0;
  uint64_t age = 0;  // arrival order; smaller is older
  bool pinned = false;
  uint64_t tear_sectors = UINT64_MAX;  // sectors that survive a power cut; UINT64_MAX = all (not torn)
  std::vector<uint8_t> data;
};

class WriteCache {
 public:
  explicit WriteCache(uint32_t block_size) : block_size_(block_size) {}

  // Stores a write; replaces whatever older cached data it overlaps.
  void insert(uint64_t lba, std::span<const uint8_t> data, bool pinned, uint64_t tear_sectors);
  // Removes cached data in [lba, lba+blocks) without writing it anywhere (a write-through
  // supersedes it).
  void discard(uint64_t lba, uint64_t blocks);
  // Copies cached blocks over `out`, which holds blocks [lba, lba + out.size()/B) read from media.
  void overlay(uint64_t lba, std::span<uint8_t> out) const;
  // True when any block of [lba, lba+blocks) is cached.
  [[nodiscard]] bool intersects(uint64_t lba, uint64_t blocks) const;

  using Sink = std::function<void(uint64_t lba, std::span<const uint8_t> data)>;
  // Destages the oldest unpinned extents until at most `limit` dirty bytes remain.
  void destage_until(uint64_t limit, const Sink& sink);
  // Destages every unpinned extent intersecting [lba, lba+blocks) (pinned ones stay).
  void destage_range(uint64_t lba, uint64_t blocks, const Sink& sink);
  // Destages all unpinned extents.
  void destage_all(const Sink& sink) { destage_until(0, sink); }
  // A power cut: only the first tear_sectors of torn extents reach the media; the rest is lost.
  void power_cut(const Sink& sink);
  void drop_all();

  [[nodiscard]] uint64_t dirty_bytes() const { return dirty_bytes_; }
  [[nodiscard]] size_t extent_count() const { return extents_.size(); }

 private:
  void erase_range(uint64_t lba, uint64_t blocks);
  void remove_extent(std::map<uint64_t, CacheExtent>::iterator it);
  void add_extent(CacheExtent extent);

  uint32_t block_size_;
  uint64_t next_age_ = 0;
  uint64_t dirty_bytes_ = 0;
  std::map<uint64_t, CacheExtent> extents_;   // by start LBA
  std::multimap<uint64_t, uint64_t> by_age_;  // age -> start LBA
};

}  // namespace simdext
