#include "write_cache.h"

#include <algorithm>
#include <cstring>

namespace simdext {

void WriteCache::add_extent(CacheExtent extent) {
  dirty_bytes_ += extent.data.size();
  by_age_.emplace(extent.age, extent.lba);
  uint64_t lba = extent.lba;
  extents_.emplace(lba, std::move(extent));
}

void WriteCache::remove_extent(std::map<uint64_t, CacheExtent>::iterator it) {
  auto [first, last] = by_age_.equal_range(it->second.age);
  for (auto a = first; a != last; ++a) {
    if (a->second == it->first) {
      by_age_.erase(a);
      break;
    }
  }
  dirty_bytes_ -= it->second.data.size();
  extents_.erase(it);
}

void WriteCache::erase_range(uint64_t lba, uint64_t blocks) {
  const uint64_t end = lba + blocks;
  std::vector<uint64_t> hits;
  auto it = extents_.upper_bound(lba);
  if (it != extents_.begin()) {
    --it;
  }
  for (; it != extents_.end() && it->first < end; ++it) {
    if (it->first + it->second.blocks > lba) {
      hits.push_back(it->first);
    }
  }
  for (uint64_t key : hits) {
    auto hit = extents_.find(key);
    const CacheExtent old = hit->second;
    remove_extent(hit);
    const uint64_t old_end = old.lba + old.blocks;
    if (old.lba < lba) {  // keep the head
      CacheExtent head;
      head.lba = old.lba;
      head.blocks = lba - old.lba;
      head.age = old.age;
      head.pinned = old.pinned;
      head.tear_sectors = old.tear_sectors;
      head.data.assign(old.data.begin(),
                       old.data.begin() + static_cast<ptrdiff_t>(head.blocks * block_size_));
      add_extent(std::move(head));
    }
    if (old_end > end) {  // keep the tail
      const uint64_t skip = end - old.lba;
      CacheExtent tail;
      tail.lba = end;
      tail.blocks = old_end - end;
      tail.age = old.age;
      tail.pinned = old.pinned;
      tail.tear_sectors = old.tear_sectors == UINT64_MAX ? UINT64_MAX
                          : old.tear_sectors > skip      ? old.tear_sectors - skip
                                                         : 0;
      tail.data.assign(old.data.begin() + static_cast<ptrdiff_t>(skip * block_size_), old.data.end());
      add_extent(std::move(tail));
    }
  }
}

void WriteCache::insert(uint64_t lba, std::span<const uint8_t> data, bool pinned, uint64_t tear_sectors) {
  const uint64_t blocks = data.size() / block_size_;
  if (blocks == 0) {
    return;
  }
  erase_range(lba, blocks);
  CacheExtent e;
  e.lba = lba;
  e.blocks = blocks;
  e.age = next_age_++;
  e.pinned = pinned;
  e.tear_sectors = tear_sectors;
  e.data.assign(data.begin(), data.end());
  add_extent(std::move(e));
}

void WriteCache::discard(uint64_t lba, uint64_t blocks) { erase_range(lba, blocks); }

void WriteCache::overlay(uint64_t lba, std::span<uint8_t> out) const {
  const uint64_t blocks = out.size() / block_size_;
  const uint64_t end = lba + blocks;
  auto it = extents_.upper_bound(lba);
  if (it != extents_.begin()) {
    --it;
  }
  for (; it != extents_.end() && it->first < end; ++it) {
    const CacheExtent& e = it->second;
    const uint64_t from = std::max(e.lba, lba);
    const uint64_t to = std::min(e.lba + e.blocks, end);
    if (from >= to) {
      continue;
    }
    std::memcpy(out.data() + (from - lba) * block_size_, e.data.data() + (from - e.lba) * block_size_,
                (to - from) * block_size_);
  }
}

bool WriteCache::intersects(uint64_t lba, uint64_t blocks) const {
  const uint64_t end = lba + blocks;
  auto it = extents_.upper_bound(lba);
  if (it != extents_.begin()) {
    --it;
  }
  for (; it != extents_.end() && it->first < end; ++it) {
    if (it->first + it->second.blocks > lba) {
      return true;
    }
  }
  return false;
}

void WriteCache::destage_until(uint64_t limit, const Sink& sink) {
  auto a = by_age_.begin();
  while (dirty_bytes_ > limit && a != by_age_.end()) {
    auto it = extents_.find(a->second);
    auto next = std::next(a);
    if (!it->second.pinned) {
      sink(it->first, it->second.data);
      remove_extent(it);  // erases `a`, never `next`
    }
    a = next;
  }
}

void WriteCache::destage_range(uint64_t lba, uint64_t blocks, const Sink& sink) {
  const uint64_t end = lba + blocks;
  auto it = extents_.upper_bound(lba);
  if (it != extents_.begin()) {
    --it;
  }
  while (it != extents_.end() && it->first < end) {
    auto next = std::next(it);
    if (it->first + it->second.blocks > lba && !it->second.pinned) {
      sink(it->first, it->second.data);
      remove_extent(it);
    }
    it = next;
  }
}

void WriteCache::power_cut(const Sink& sink) {
  for (const auto& [lba, e] : extents_) {
    if (e.tear_sectors != UINT64_MAX && e.tear_sectors > 0) {
      const uint64_t keep = std::min(e.tear_sectors, e.blocks);
      sink(lba, std::span<const uint8_t>(e.data.data(), keep * block_size_));
    }
  }
  drop_all();
}

void WriteCache::drop_all() {
  extents_.clear();
  by_age_.clear();
  dirty_bytes_ = 0;
}

}  // namespace simdext
