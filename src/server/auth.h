// Who may do what, and how a person proves who they are: argon2id password hashes, random
// session and CSRF tokens (only a SHA-256 of a session token is stored), the roles and what
// each may do, and a limit on failed logins per user and per address.
#ifndef GONGKAI_SERVER_AUTH_H_
#define GONGKAI_SERVER_AUTH_H_

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace gongkai::server {

// The roles of the bureau's workspace.
inline constexpr const char* kRoleFiler = "单位填报人";  // submits its own department's sources
inline constexpr const char* kRoleDepartmentReviewer =
    "主管部门审核人";                                       // reads its own department's findings
inline constexpr const char* kRoleReviewer = "财政审核人";  // reads all, publishes
inline constexpr const char* kRoleAdmin = "管理员";         // everything

bool IsRole(const std::string& role);
// Whether a user of `role` belongs to one department (单位填报人, 主管部门审核人).
bool BelongsToDepartment(const std::string& role);
bool MaySubmit(const std::string& role);
bool MayPublish(const std::string& role);
// Audit uploads (published documents run through gongkai audit) are the bureau's own review
// of what departments have published, of any department or region: 财政审核人 and 管理员
// upload and read them; the roles bound to a department do neither.
bool MayAudit(const std::string& role);

// Who may do what to which department's submissions. `department` is the user's own (empty
// when not bound to one), `target` the submission's department code (Submission::
// department_code: the source's department.code, else its name). A role bound to a department
// and not given one is refused everything. A 单位填报人 submits for its own unit only; reading
// is by `scope`, the codes a user bound to a department may read (ReadScope).
bool MaySubmitFor(const std::string& role, const std::string& department,
                  const std::string& target);
bool MayRead(const std::string& role, const std::vector<std::string>& scope,
             const std::string& target);

// The codes whose submissions a user of `role` bound to `department` reads: its own, and for a
// 主管部门审核人 every unit below it, `units_below` (SessionUser::units_below: 上级编码
// followed down through every level of the imported organisation). Empty when not bound.
std::vector<std::string> ReadScope(const std::string& role, const std::string& department,
                                   const std::vector<std::string>& units_below);

// An argon2id hash in the PHC string form ($argon2id$v=19$m=…,t=…,p=…$salt$hash) with a fresh
// random salt. Throws std::runtime_error when argon2 fails (out of memory).
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& password, const std::string& encoded_hash);

// `bytes` random bytes from the system's generator, as lower-case hex.
std::string RandomToken(size_t bytes = 32);
// SHA-256 of `text`, lower-case hex (how session tokens are stored).
std::string Sha256Hex(const std::string& text);
// Equal without leaking where two strings differ through timing.
bool ConstantTimeEqual(const std::string& a, const std::string& b);

// Failed logins counted per key (a user name, an address) in a sliding window: after
// `max_failures` within `window` the key is refused until the oldest failure leaves it.
// In memory: a restart forgets it.
class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  LoginLimiter(int max_failures = 5, std::chrono::seconds window = std::chrono::minutes(15))
      : max_(max_failures), window_(window) {}
  // Seconds until `key` may try again; 0 when it may now.
  int RetryAfter(const std::string& key);
  void Failed(const std::string& key);
  void Succeeded(const std::string& key);

 private:
  int max_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> failures_;
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_AUTH_H_
