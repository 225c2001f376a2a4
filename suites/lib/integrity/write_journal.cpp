#include "integrity/write_journal.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

namespace dextqual::integrity {
namespace {

constexpr int kJournalVersion = 1;

std::string record_mac(const ShortKey& key, const std::string& text) {
  std::array<std::uint8_t, crypto_shorthash_BYTES> mac{};
  crypto_shorthash(mac.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), key.data());
  std::array<char, crypto_shorthash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return hex.data();
}

Result<std::string> read_file(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open write journal " + path.string());
  }
  std::string text;
  std::array<char, 65536> chunk{};
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return fail_errno("read write journal " + path.string());
    }
    if (n == 0) {
      return text;
    }
    text.append(chunk.data(), static_cast<std::size_t>(n));
  }
}

struct ParsedJournal {
  WriteFlushHistory history;
  std::uint64_t last_seq = 0;
  std::size_t complete_bytes = 0;  // up to and including the last newline
};

Status apply_record(const nlohmann::json& record, WriteFlushHistory& history,
                    std::map<std::uint64_t, std::size_t>& writes,
                    std::map<std::uint64_t, std::size_t>& flushes) {
  const std::string type = record.at("type").get<std::string>();
  const std::uint64_t seq = record.at("seq").get<std::uint64_t>();
  if (type == "write_submitted") {
    WriteRecord write;
    write.write_id = record.at("write_id").get<std::uint64_t>();
    write.range = {record.at("lba").get<std::uint64_t>(), record.at("sectors").get<std::uint64_t>()};
    write.generation = record.at("generation").get<std::uint64_t>();
    write.fua = record.at("fua").get<bool>();
    write.submit_seq = seq;
    writes[write.write_id] = history.writes.size();
    history.writes.push_back(write);
  } else if (type == "write_completed") {
    const auto it = writes.find(record.at("write_id").get<std::uint64_t>());
    if (it == writes.end()) {
      return fail("write journal", "completion of a write that was never submitted");
    }
    history.writes[it->second].complete_seq = seq;
    history.writes[it->second].succeeded = record.at("succeeded").get<bool>();
  } else if (type == "flush_submitted") {
    FlushRecord flush;
    flush.flush_id = record.at("flush_id").get<std::uint64_t>();
    flush.submit_seq = seq;
    flushes[flush.flush_id] = history.flushes.size();
    history.flushes.push_back(flush);
  } else if (type == "flush_completed") {
    const auto it = flushes.find(record.at("flush_id").get<std::uint64_t>());
    if (it == flushes.end()) {
      return fail("write journal", "completion of a flush that was never submitted");
    }
    history.flushes[it->second].complete_seq = seq;
    history.flushes[it->second].succeeded = record.at("succeeded").get<bool>();
  } else if (type == "no_volatile_cache") {
    history.no_volatile_cache = true;
  } else if (type == "quiesced") {
    history.quiesced_seq = seq;
  } else if (type != "mark") {
    return fail("write journal", "unknown record type \"" + type + "\"");
  }
  return {};
}

Result<ParsedJournal> parse_journal(const std::filesystem::path& path, const RunIdentity& identity) {
  DQ_TRY_ASSIGN(const std::string text, read_file(path));
  const ShortKey key = identity.short_key(KeyPurpose::journal);
  ParsedJournal parsed;
  std::map<std::uint64_t, std::size_t> writes;
  std::map<std::uint64_t, std::size_t> flushes;
  std::size_t line_number = 0;
  std::size_t start = 0;
  for (std::size_t newline = text.find('\n'); newline != std::string::npos;
       start = newline + 1, newline = text.find('\n', start)) {
    ++line_number;
    const std::string where = "write journal " + path.string() + " line " + std::to_string(line_number);
    nlohmann::json record = nlohmann::json::parse(std::string_view(text).substr(start, newline - start),
                                                  nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object() || !record.contains("mac") ||
        !record["mac"].is_string()) {
      return fail(where, "not a journal record (malformed JSON or no MAC)");
    }
    const std::string mac = record["mac"].get<std::string>();
    record.erase("mac");
    if (line_number == 1 && record.value("type", "") == "run" &&
        record.value("run_id", "") != identity.run_id_hex()) {
      return fail(where, "journal of another run (" + record.value("run_id", "?") + ", this run is " +
                             identity.run_id_hex() + ")");
    }
    if (record_mac(key, record.dump()) != mac) {
      return fail(where, "record fails authentication: corrupted, or written under another run's key");
    }
    try {
      const std::uint64_t seq = record.at("seq").get<std::uint64_t>();
      if (seq <= parsed.last_seq) {
        return fail(where, "sequence number does not increase");
      }
      parsed.last_seq = seq;
      if (line_number == 1) {
        if (record.at("type") != "run" || record.at("version") != kJournalVersion) {
          return fail(where, "the first record must be the run record of version 1");
        }
      } else if (Status applied = apply_record(record, parsed.history, writes, flushes); !applied) {
        return fail(where, applied.error().detail);
      }
    } catch (const nlohmann::json::exception& e) {
      return fail(where, std::string("record lacks a field or has the wrong type: ") + e.what());
    }
    parsed.complete_bytes = newline + 1;
  }
  if (line_number == 0) {
    return fail("write journal " + path.string(), "empty: not even the run record was written");
  }
  return parsed;
}

}  // namespace

WriteJournal::WriteJournal(std::filesystem::path path, UniqueFd fd, ShortKey key, SyncPolicy policy,
                           std::uint64_t seq)
    : path_(std::move(path)), fd_(std::move(fd)), key_(key), policy_(policy), seq_(seq) {}

WriteJournal::WriteJournal(WriteJournal&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::move(other.fd_)),
      key_(other.key_),
      policy_(other.policy_),
      seq_(other.seq_) {}

Result<WriteJournal> WriteJournal::open(const std::filesystem::path& path, const RunIdentity& identity,
                                        SyncPolicy policy) {
  const ShortKey key = identity.short_key(KeyPurpose::journal);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    DQ_TRY_ASSIGN(const ParsedJournal parsed, parse_journal(path, identity));
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC));
    if (!fd) {
      return fail_errno("open write journal " + path.string());
    }
    // Drop a record torn by the crash so the next one starts on its own line.
    if (::ftruncate(fd.get(), static_cast<off_t>(parsed.complete_bytes)) != 0) {
      return fail_errno("truncate the torn last record of " + path.string());
    }
    return WriteJournal(path, std::move(fd), key, policy, parsed.last_seq);
  }
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600));
  if (!fd) {
    return fail_errno("create write journal " + path.string());
  }
  WriteJournal journal(path, std::move(fd), key, SyncPolicy::every_record, 0);
  DQ_TRY(journal.append({{"type", "run"}, {"run_id", identity.run_id_hex()}, {"version", kJournalVersion}}));
  journal.policy_ = policy;
  return journal;
}

Result<std::uint64_t> WriteJournal::append(nlohmann::json record) {
  std::lock_guard lock(mutex_);
  const std::uint64_t seq = seq_ + 1;
  record["seq"] = seq;
  const std::string mac = record_mac(key_, record.dump());
  record["mac"] = mac;
  std::string line = record.dump();
  line += '\n';
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd_.get(), rest.data(), rest.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return fail_errno("append to write journal " + path_.string());
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (policy_ == SyncPolicy::every_record && ::fdatasync(fd_.get()) != 0) {
    return fail_errno("fdatasync write journal " + path_.string());
  }
  seq_ = seq;
  return seq;
}

Result<std::uint64_t> WriteJournal::write_submitted(std::uint64_t write_id, LbaRange range,
                                                    std::uint64_t generation, bool fua) {
  return append({{"type", "write_submitted"},
                 {"write_id", write_id},
                 {"lba", range.first},
                 {"sectors", range.count},
                 {"generation", generation},
                 {"fua", fua}});
}

Result<std::uint64_t> WriteJournal::write_completed(std::uint64_t write_id, bool succeeded) {
  return append({{"type", "write_completed"}, {"write_id", write_id}, {"succeeded", succeeded}});
}

Result<std::uint64_t> WriteJournal::flush_submitted(std::uint64_t flush_id) {
  return append({{"type", "flush_submitted"}, {"flush_id", flush_id}});
}

Result<std::uint64_t> WriteJournal::flush_completed(std::uint64_t flush_id, bool succeeded) {
  return append({{"type", "flush_completed"}, {"flush_id", flush_id}, {"succeeded", succeeded}});
}

Result<std::uint64_t> WriteJournal::no_volatile_cache() { return append({{"type", "no_volatile_cache"}}); }

Result<std::uint64_t> WriteJournal::quiesced() { return append({{"type", "quiesced"}}); }

Result<std::uint64_t> WriteJournal::mark(const std::string& phase) {
  return append({{"type", "mark"}, {"phase", phase}});
}

Status WriteJournal::sync() {
  std::lock_guard lock(mutex_);
  if (::fdatasync(fd_.get()) != 0) {
    return fail_errno("fdatasync write journal " + path_.string());
  }
  return {};
}

Result<WriteFlushHistory> load_write_journal(const std::filesystem::path& path, const RunIdentity& identity) {
  DQ_TRY_ASSIGN(ParsedJournal parsed, parse_journal(path, identity));
  return std::move(parsed.history);
}

}  // namespace dextqual::integrity
