// Secrets and digests on libsodium: random tokens, SHA-256 digests and HMACs, argon2id password
// hashes and constant-time comparison. Thread-safe (libsodium is initialised once).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace minqing::service {

/// argon2id work factors. The defaults are libsodium's "interactive" limits.
struct PasswordCost {
    unsigned long long iterations = 2;
    std::size_t memory_bytes = 64u * 1024u * 1024u;
};

/// `bytes` random bytes from the OS CSPRNG, as unpadded base64url text.
std::string RandomToken(std::size_t bytes = 32);

/// Lower-case hex SHA-256 of `text`.
std::string Sha256Hex(std::string_view text);

/// Lower-case hex HMAC-SHA-256 of `message` under `key` (any length; libsodium's
/// crypto_auth_hmacsha256 multi-part API, which accepts keys of every length as RFC 2104 does).
std::string HmacSha256Hex(std::string_view key, std::string_view message);

/// An encoded argon2id hash ("$argon2id$v=19$…") with a fresh salt. Throws std::runtime_error
/// when the machine lacks the memory.
std::string HashPassword(std::string_view password, const PasswordCost& cost);

/// True when `password` matches the encoded hash; false for any malformed hash.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

/// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace minqing::service
