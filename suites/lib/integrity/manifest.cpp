#include "integrity/manifest.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/atomic_file.h"
#include "core/unique_fd.h"
#include "integrity/finding.h"  // to_hex

namespace dextqual::integrity {
namespace {

constexpr std::uint64_t kDigestStream = 0;  // subkey stream for content digests
constexpr std::uint64_t kMacStream = 1;     // subkey stream for the manifest's own MAC
constexpr std::string_view kFormat = "dextqual-manifest";

std::string blake2b_hex(std::string_view text, const LongKey& key) {
  std::array<std::uint8_t, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key.data(), key.size());
  return to_hex(digest.data(), digest.size());
}

nlohmann::json body(std::string_view run_id, const std::vector<ManifestEntry>& entries) {
  nlohmann::json list = nlohmann::json::array();
  for (const ManifestEntry& e : entries) {
    list.push_back({{"name", e.name},
                    {"kind", e.kind == ManifestKind::file ? "file" : "extent"},
                    {"offset", e.offset},
                    {"size", e.size},
                    {"digest", e.digest}});
  }
  return {{"format", kFormat}, {"version", 1}, {"run_id", run_id}, {"entries", list}};
}

}  // namespace

Result<std::string> keyed_digest(int fd, std::uint64_t offset, std::uint64_t size, const LongKey& key) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), crypto_generichash_BYTES);
  std::vector<std::uint8_t> buffer(std::size_t{1} << 20);
  while (size > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, buffer.size()));
    const ssize_t n = ::pread(fd, buffer.data(), want, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return fail_errno("digest at byte " + std::to_string(offset), n == 0 ? EIO : errno,
                        n == 0 ? "end of file before the extent ends" : "");
    }
    crypto_generichash_update(&state, buffer.data(), static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
    size -= static_cast<std::uint64_t>(n);
  }
  std::array<std::uint8_t, crypto_generichash_BYTES> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  return to_hex(digest.data(), digest.size());
}

Manifest::Manifest(const RunIdentity& identity) : identity_(&identity) {}

Status Manifest::add_file(const std::filesystem::path& path, const std::string& name) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  if (!fd || ::fstat(fd.get(), &info) != 0) {
    return fail_errno("open " + path.string() + " for the manifest");
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  DQ_TRY_ASSIGN(std::string digest,
                keyed_digest(fd.get(), 0, size, identity_->long_key(KeyPurpose::manifest, kDigestStream)));
  entries_.push_back({name, ManifestKind::file, 0, size, std::move(digest)});
  return {};
}

Status Manifest::add_extent(int fd, std::uint64_t offset, std::uint64_t size, const std::string& name) {
  DQ_TRY_ASSIGN(std::string digest,
                keyed_digest(fd, offset, size, identity_->long_key(KeyPurpose::manifest, kDigestStream)));
  entries_.push_back({name, ManifestKind::extent, offset, size, std::move(digest)});
  return {};
}

std::string Manifest::serialise() const {
  nlohmann::json json = body(identity_->run_id_hex(), entries_);
  json["mac"] = blake2b_hex(json.dump(), identity_->long_key(KeyPurpose::manifest, kMacStream));
  return json.dump(1) + "\n";
}

Result<Manifest> Manifest::parse(std::string_view text, const RunIdentity& identity) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object() || json.value("format", "") != kFormat) {
    return fail("parse manifest", "not a dextqual manifest (malformed JSON or wrong format)");
  }
  const std::string run_id = json.value("run_id", "");
  if (run_id != identity.run_id_hex()) {
    return fail("parse manifest",
                "foreign manifest: written by run " + run_id + ", this run is " + identity.run_id_hex());
  }
  if (!json.contains("mac") || !json["mac"].is_string()) {
    return fail("parse manifest", "the manifest has no MAC");
  }
  const std::string mac = json["mac"].get<std::string>();
  json.erase("mac");
  if (blake2b_hex(json.dump(), identity.long_key(KeyPurpose::manifest, kMacStream)) != mac) {
    return fail("parse manifest", "authentication failed: the manifest was corrupted or altered");
  }
  Manifest manifest(identity);
  try {
    if (json.at("version") != 1) {
      return fail("parse manifest", "unsupported version " + json.at("version").dump());
    }
    for (const nlohmann::json& e : json.at("entries")) {
      const std::string kind = e.at("kind").get<std::string>();
      if (kind != "file" && kind != "extent") {
        return fail("parse manifest", "entry kind \"" + kind + "\" is neither file nor extent");
      }
      manifest.entries_.push_back({e.at("name").get<std::string>(),
                                   kind == "file" ? ManifestKind::file : ManifestKind::extent,
                                   e.at("offset").get<std::uint64_t>(), e.at("size").get<std::uint64_t>(),
                                   e.at("digest").get<std::string>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return fail("parse manifest", std::string("authenticated but malformed: ") + e.what());
  }
  return manifest;
}

Status Manifest::save(const std::filesystem::path& path) const {
  return write_file_atomically(path, serialise(), 0600);
}

Result<Manifest> Manifest::load(const std::filesystem::path& path, const RunIdentity& identity) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    return fail_errno("open manifest " + path.string());
  }
  std::string text;
  std::array<char, 65536> chunk{};
  for (ssize_t n; (n = ::read(fd.get(), chunk.data(), chunk.size())) != 0;) {
    if (n < 0) {
      return fail_errno("read manifest " + path.string());
    }
    text.append(chunk.data(), static_cast<std::size_t>(n));
  }
  auto manifest = parse(text, identity);
  if (!manifest) {
    manifest.error().operation += " " + path.string();
  }
  return manifest;
}

std::vector<ManifestMismatch> Manifest::compare(const Manifest& actual) const {
  std::map<std::string, const ManifestEntry*> found;
  for (const ManifestEntry& e : actual.entries_) {
    found[e.name] = &e;
  }
  std::vector<ManifestMismatch> out;
  for (const ManifestEntry& want : entries_) {
    const auto it = found.find(want.name);
    if (it == found.end()) {
      out.push_back({want.name, "missing"});
      continue;
    }
    const ManifestEntry& got = *it->second;
    if (got.size != want.size) {
      out.push_back({want.name, "size " + std::to_string(want.size) + " -> " + std::to_string(got.size)});
    } else if (got.digest != want.digest) {
      out.push_back({want.name, "digest differs"});
    }
    found.erase(it);
  }
  for (const auto& [name, entry] : found) {
    out.push_back({name, "unexpected"});
  }
  return out;
}

}  // namespace dextqual::integrity
