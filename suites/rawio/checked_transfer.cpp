#include "rawio/checked_transfer.h"

#include "rawio/misalignment_plan.h"

#include <bit>

#include "integrity/run_identity.h"

namespace dextqual::rawio {

Result<RawSession> RawSession::open(const std::string& node, std::uint32_t block_size) {
  RawSession session;
  DQ_TRY_ASSIGN(session.fd, limits::open_uncached(node, limits::Access::read_write));
  DQ_TRY_ASSIGN(auto identity, integrity::RunIdentity::generate());
  session.keys = integrity::StampKeys::for_run(identity);
  session.block_size = block_size;
  return session;
}

Result<RawSession> RawSession::open(const Result<testing::BlockNode>& raw) {
  if (!raw) return std::unexpected(raw.error());
  RawSession session;
  DQ_TRY_ASSIGN(session.fd, raw->open(limits::Access::read_write));
  DQ_TRY_ASSIGN(auto identity, integrity::RunIdentity::generate());
  session.keys = integrity::StampKeys::for_run(identity);
  session.block_size = raw->logical_block_size;
  return session;
}

bool CheckedTransfer::passed() const {
  return write.complete() && !flush_error && read.complete() && verify && verify->passed();
}

std::string CheckedTransfer::failed_step() const {
  if (!write.complete()) {
    return "write";
  }
  if (flush_error) {
    return "flush";
  }
  if (!read.complete()) {
    return "read";
  }
  return "verify";
}

std::string CheckedTransfer::failure_kind() const {
  if (!write.complete()) {
    return write.kind();
  }
  if (flush_error) {
    return "flush failed";
  }
  if (!read.complete()) {
    return read.kind();
  }
  if (verify) {
    for (const auto& finding : verify->findings) {
      if (!finding.acceptable) {
        return std::string(integrity::to_string(finding.kind));
      }
    }
  }
  return "ok";
}

std::string CheckedTransfer::failure() const {
  if (!write.complete()) {
    return write.describe();
  }
  if (flush_error) {
    return flush_error->message();
  }
  if (!read.complete()) {
    return read.describe();
  }
  if (!verify || verify->passed()) {
    return "";
  }
  std::string text;
  std::size_t shown = 0;
  for (const auto& finding : verify->findings) {
    if (finding.acceptable) {
      continue;
    }
    if (shown++ == 3) {
      text += "; ...";
      break;
    }
    text += (text.empty() ? "" : "; ") + finding.describe();
  }
  return text;
}

CheckedTransfer write_flush_verify(RawSession& session, std::uint64_t offset, std::uint64_t size,
                                   std::size_t buffer_misalignment) {
  CheckedTransfer result;
  result.offset = offset;
  result.size = size;
  const integrity::LbaRange range{offset / integrity::kSectorSize, size / integrity::kSectorSize};
  const std::uint64_t generation = session.expected.next_generation(range);

  AlignedBuffer out(size + buffer_misalignment, page_size());  // the offset is into a page
  std::span<std::uint8_t> payload(out.data() + buffer_misalignment, size);
  integrity::StampFields fields;
  fields.lba = range.first;
  fields.generation = generation;
  fields.write_id = session.next_write_id++;
  fields.seq = fields.write_id;
  fields.block_shift = static_cast<std::uint8_t>(std::countr_zero(session.block_size / 512));
  integrity::stamp_sectors(session.keys, fields, payload);

  result.write = limits::transfer_once(session.fd.get(), limits::Direction::write, offset, payload);
  // A failed or short write may have landed in part: only `last` moves, so either content verifies.
  const auto state =
      result.write.complete() ? integrity::WriteState::must_survive : integrity::WriteState::in_flight;
  if (auto recorded = session.expected.record_write(range, generation, state); !recorded) {
    result.flush_error = recorded.error();  // cannot happen: generation came from next_generation()
    return result;
  }
  if (!result.write.complete()) {
    return result;
  }
  if (auto flushed = limits::flush_device(session.fd.get()); !flushed) {
    result.flush_error = flushed.error();
    return result;
  }
  AlignedBuffer in(size + buffer_misalignment, page_size());
  std::span<std::uint8_t> back(in.data() + buffer_misalignment, size);
  result.read = limits::transfer_once(session.fd.get(), limits::Direction::read, offset, back);
  if (!result.read.complete()) {
    return result;
  }
  integrity::VerifyOptions options;
  options.sectors_per_block = session.block_size / 512;
  result.verify = integrity::verify_sectors(session.keys, back, range.first, session.expected, options);
  return result;
}

}  // namespace dextqual::rawio
