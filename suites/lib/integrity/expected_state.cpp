#include "integrity/expected_state.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace dextqual::integrity {
namespace {

std::string describe(LbaRange range) {
  return "LBA " + std::to_string(range.first) + ".." + std::to_string(range.end() - 1);
}

}  // namespace

void ExpectedState::split_at(std::uint64_t lba) {
  auto it = map_.upper_bound(lba);
  if (it == map_.begin()) {
    return;
  }
  --it;
  if (it->first < lba && it->second.end > lba) {
    Node tail{it->second.end, it->second.generations};
    it->second.end = lba;
    map_.emplace_hint(std::next(it), lba, tail);
  }
}

template <class Change>
void ExpectedState::apply(LbaRange range, Change change) {
  if (range.count == 0) {
    return;
  }
  split_at(range.first);
  split_at(range.end());
  std::uint64_t cursor = range.first;
  auto it = map_.lower_bound(range.first);
  while (cursor < range.end()) {
    if (it == map_.end() || it->first > cursor) {
      // A never-written gap up to the next extent (or the end of the range).
      const std::uint64_t gap_end = (it == map_.end()) ? range.end() : std::min(it->first, range.end());
      const GenerationRange changed = change(GenerationRange{});
      if (changed != GenerationRange{}) {
        it = map_.emplace_hint(it, cursor, Node{gap_end, changed});
        ++it;
      }
      cursor = gap_end;
      continue;
    }
    it->second.generations = change(it->second.generations);
    cursor = it->second.end;
    if (it->second.generations == GenerationRange{}) {
      it = map_.erase(it);
    } else {
      ++it;
    }
  }
  coalesce(range.first, range.end());
}

void ExpectedState::coalesce(std::uint64_t first, std::uint64_t end) {
  auto it = map_.lower_bound(first);
  if (it != map_.begin()) {
    --it;
  }
  while (it != map_.end() && it->first <= end) {
    auto next = std::next(it);
    if (next != map_.end() && next->first == it->second.end &&
        next->second.generations == it->second.generations) {
      it->second.end = next->second.end;
      map_.erase(next);
    } else {
      it = next;
    }
  }
}

Status ExpectedState::record_write(LbaRange range, std::uint64_t generation, WriteState state) {
  if (range.count == 0) {
    return {};
  }
  if (range.end() < range.first) {
    return fail("record write", "the LBA range wraps around 2^64");
  }
  if (generation == 0) {
    return fail("record write " + describe(range), "generation 0 is reserved for prior content");
  }
  const std::uint64_t next = next_generation(range);
  if (generation < next) {
    return fail("record write " + describe(range), "generation " + std::to_string(generation) +
                                                       " is not newer than generation " +
                                                       std::to_string(next - 1) + " already issued there");
  }
  apply(range, [&](GenerationRange old) {
    return GenerationRange{state == WriteState::must_survive ? generation : old.floor, generation};
  });
  return {};
}

Status ExpectedState::raise_floor(LbaRange range, std::uint64_t generation) {
  if (range.end() < range.first) {
    return fail("raise floor", "the LBA range wraps around 2^64");
  }
  for (const Extent& extent : extents(range)) {
    if (extent.generations.last < generation) {
      return fail("raise floor over " + describe(range), describe(extent.range) + " never had generation " +
                                                             std::to_string(generation) + " issued (last " +
                                                             std::to_string(extent.generations.last) + ")");
    }
  }
  apply(range, [&](GenerationRange old) {
    return GenerationRange{std::max(old.floor, generation), old.last};
  });
  return {};
}

void ExpectedState::settle(LbaRange range) {
  apply(range, [](GenerationRange old) { return GenerationRange{old.last, old.last}; });
}

GenerationRange ExpectedState::at(std::uint64_t lba) const {
  auto it = map_.upper_bound(lba);
  if (it == map_.begin()) {
    return {};
  }
  --it;
  return lba < it->second.end ? it->second.generations : GenerationRange{};
}

std::uint64_t ExpectedState::next_generation(LbaRange range) const {
  std::uint64_t newest = 0;
  for (const Extent& extent : extents(range)) {
    newest = std::max(newest, extent.generations.last);
  }
  return newest + 1;
}

std::vector<Extent> ExpectedState::extents(LbaRange range) const {
  std::vector<Extent> out;
  if (range.count == 0) {
    return out;
  }
  std::uint64_t cursor = range.first;
  auto it = map_.upper_bound(range.first);
  if (it != map_.begin() && std::prev(it)->second.end > range.first) {
    --it;
  }
  while (cursor < range.end()) {
    if (it == map_.end() || it->first >= range.end()) {
      out.push_back({{cursor, range.end() - cursor}, {}});
      break;
    }
    if (it->first > cursor) {
      out.push_back({{cursor, it->first - cursor}, {}});
      cursor = it->first;
    }
    const std::uint64_t end = std::min(it->second.end, range.end());
    out.push_back({{cursor, end - cursor}, it->second.generations});
    cursor = end;
    ++it;
  }
  return out;
}

std::vector<Extent> ExpectedState::all_extents() const {
  std::vector<Extent> out;
  out.reserve(map_.size());
  for (const auto& [first, node] : map_) {
    out.push_back({{first, node.end - first}, node.generations});
  }
  return out;
}

std::size_t ExpectedState::memory_bytes() const {
  return map_.size() * (sizeof(Map::value_type) + 4 * sizeof(void*));
}

}  // namespace dextqual::integrity
