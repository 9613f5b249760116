// Password hashing (libargon2), tokens (getrandom, OpenSSL's SHA-256), roles and the
// failed-login limiter (auth.h).
#include "server/auth.h"

#include <argon2.h>
#include <openssl/evp.h>
#include <sys/random.h>

#include <algorithm>
#include <stdexcept>

namespace gongkai::server {

namespace {

// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
constexpr uint32_t kTimeCost = 2, kMemoryKiB = 19 * 1024, kLanes = 1;
constexpr size_t kSaltBytes = 16, kHashBytes = 32;

void RandomBytes(unsigned char* out, size_t n) {
  while (n > 0) {
    ssize_t got = getrandom(out, n, 0);
    if (got < 0) throw std::runtime_error("getrandom failed");
    out += got;
    n -= static_cast<size_t>(got);
  }
}

std::string Hex(const unsigned char* p, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

}  // namespace

bool IsRole(const std::string& role) {
  return BelongsToDepartment(role) || role == kRoleReviewer || role == kRoleAdmin;
}
bool BelongsToDepartment(const std::string& role) {
  return role == kRoleFiler || role == kRoleDepartmentReviewer;
}
bool MaySubmit(const std::string& role) { return role == kRoleFiler || role == kRoleAdmin; }
bool MayPublish(const std::string& role) { return role == kRoleReviewer || role == kRoleAdmin; }
bool MayAudit(const std::string& role) { return role == kRoleReviewer || role == kRoleAdmin; }

bool MaySubmitFor(const std::string& role, const std::string& department,
                  const std::string& target) {
  if (role == kRoleAdmin) return true;
  return role == kRoleFiler && !department.empty() && department == target;
}

bool MayRead(const std::string& role, const std::vector<std::string>& scope,
             const std::string& target) {
  if (role == kRoleReviewer || role == kRoleAdmin) return true;
  return BelongsToDepartment(role) && std::find(scope.begin(), scope.end(), target) != scope.end();
}

std::vector<std::string> ReadScope(const std::string& role, const std::string& department,
                                   const std::vector<std::string>& units_below) {
  std::vector<std::string> scope;
  if (!BelongsToDepartment(role) || department.empty()) return scope;
  scope.push_back(department);
  if (role != kRoleDepartmentReviewer) return scope;
  // A loop in the imported parents (A under B under A) leads back to the department itself.
  for (const std::string& code : units_below) {
    if (code != department) scope.push_back(code);
  }
  return scope;
}

std::string HashPassword(const std::string& password) {
  unsigned char salt[kSaltBytes];
  RandomBytes(salt, sizeof salt);
  std::string encoded(
      argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id), '\0');
  int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, password.data(), password.size(),
                                 salt, sizeof salt, kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool VerifyPassword(const std::string& password, const std::string& encoded_hash) {
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  RandomBytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  return Hex(reinterpret_cast<const unsigned char*>(raw.data()), bytes);
}

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!EVP_Digest(text.data(), text.size(), digest, &n, EVP_sha256(), nullptr)) {
    throw std::runtime_error("SHA-256 failed");
  }
  return Hex(digest, n);
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

int LoginLimiter::RetryAfter(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& times = it->second;
  const auto now = Clock::now();
  std::erase_if(times, [&](Clock::time_point t) { return now - t >= window_; });
  if (times.empty()) {
    failures_.erase(it);
    return 0;
  }
  if (static_cast<int>(times.size()) < max_) return 0;
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(times.front() + window_ - now);
  return std::max<int>(1, static_cast<int>(wait.count()));
}

void LoginLimiter::Failed(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (failures_.size() > 10000) {  // many names tried: forget the keys whose window has passed
    std::erase_if(failures_, [&](const auto& kv) { return now - kv.second.back() >= window_; });
  }
  auto& times = failures_[key];
  times.push_back(now);
  if (static_cast<int>(times.size()) > max_) times.erase(times.begin());
}

void LoginLimiter::Succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace gongkai::server
