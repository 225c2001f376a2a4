#include "integrity/run_identity.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "core/atomic_file.h"
#include "core/unique_fd.h"

namespace dextqual::integrity {
namespace {

constexpr std::string_view kSecretHeader = "dextqual-run-secret v1\n";

// crypto_kdf contexts are exactly 8 bytes; one per purpose so subkeys never collide.
const char* kdf_context(KeyPurpose purpose) {
  switch (purpose) {
    case KeyPurpose::sector_header:
      return "dqsthdr_";
    case KeyPurpose::sector_payload:
      return "dqstpay_";
    case KeyPurpose::manifest:
      return "dqmanif_";
    case KeyPurpose::journal:
      return "dqjourn_";
  }
  return "dqunkno_";
}

Status init_sodium() {
  if (sodium_init() < 0) {
    return fail("sodium_init", "libsodium could not initialise");
  }
  return {};
}

}  // namespace

std::string hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i) {
    text[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return text;
}

Result<RunIdentity> RunIdentity::generate() {
  DQ_TRY(init_sodium());
  std::array<std::uint8_t, kRunKeyBytes> key{};
  crypto_kdf_keygen(key.data());
  auto identity = from_key(key);
  sodium_memzero(key.data(), key.size());
  return identity;
}

Result<RunIdentity> RunIdentity::from_key(const std::array<std::uint8_t, kRunKeyBytes>& key) {
  DQ_TRY(init_sodium());
  RunIdentity identity;
  identity.key_ = key;
  std::array<std::uint8_t, 16> id_bytes{};
  if (crypto_kdf_derive_from_key(id_bytes.data(), id_bytes.size(), 0, "dqrunid_", key.data()) != 0) {
    return fail("derive run id", "crypto_kdf_derive_from_key failed");
  }
  std::memcpy(&identity.run_id_, id_bytes.data(), sizeof identity.run_id_);
  return identity;
}

std::string RunIdentity::run_id_hex() const { return hex64(run_id_); }

ShortKey RunIdentity::short_key(KeyPurpose purpose, std::uint64_t stream) const {
  ShortKey out{};
  // Cannot fail for a 16-byte subkey (within crypto_kdf_BYTES_MIN..MAX).
  (void)crypto_kdf_derive_from_key(out.data(), out.size(), stream, kdf_context(purpose), key_.data());
  return out;
}

LongKey RunIdentity::long_key(KeyPurpose purpose, std::uint64_t stream) const {
  LongKey out{};
  (void)crypto_kdf_derive_from_key(out.data(), out.size(), stream, kdf_context(purpose), key_.data());
  return out;
}

Status RunIdentity::save(const std::filesystem::path& path) const {
  std::array<char, kRunKeyBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key_.data(), key_.size());
  std::string text(kSecretHeader);
  text += hex.data();
  text += '\n';
  sodium_memzero(hex.data(), hex.size());
  // 0600: the key regenerates every payload of the run; nobody else may read it.
  Status saved = write_file_atomically(path, text, 0600);
  sodium_memzero(text.data(), text.size());
  return saved;
}

Result<RunIdentity> RunIdentity::load(const std::filesystem::path& path) {
  const std::string what = "load run secret " + path.string();
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    return fail_errno(what);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return fail_errno(what);
  }
  if ((info.st_mode & 077) != 0) {
    return fail(what, "the file is readable or writable by group or others (must be mode 0600)");
  }
  std::string text(256, '\0');
  const ssize_t n = ::read(fd.get(), text.data(), text.size());
  if (n < 0) {
    return fail_errno(what);
  }
  text.resize(static_cast<std::size_t>(n));
  const std::size_t expected_size = kSecretHeader.size() + kRunKeyBytes * 2 + 1;
  if (text.size() != expected_size || !text.starts_with(kSecretHeader) || text.back() != '\n') {
    return fail(what,
                "not a dextqual run secret (expected header \"dextqual-run-secret v1\" and 64 hex digits)");
  }
  std::array<std::uint8_t, kRunKeyBytes> key{};
  std::size_t key_len = 0;
  const char* hex = text.data() + kSecretHeader.size();
  if (sodium_hex2bin(key.data(), key.size(), hex, kRunKeyBytes * 2, nullptr, &key_len, nullptr) != 0 ||
      key_len != kRunKeyBytes) {
    return fail(what, "the key is not 64 hex digits");
  }
  sodium_memzero(text.data(), text.size());
  auto identity = from_key(key);
  sodium_memzero(key.data(), key.size());
  return identity;
}

}  // namespace dextqual::integrity
