// The store's users, sessions, departments and audit log, over an SQL connection
// (sql_store.h). `"user"` is quoted: it is a reserved word in PostgreSQL.
#include "server/sql_store.h"

namespace gongkai::server {

namespace {

constexpr int64_t kDay = 24 * 3600;

SqlValue OrNull(const std::string& text) { return text.empty() ? SqlValue() : SqlValue(text); }

User ReadUser(const SqlRow& r) { return {r.Text(0), r.Text(1), r.Text(2), r.Text(3)}; }

}  // namespace

void SqlStore::PutUser(const User& u) {
  std::lock_guard lock(mutex_);
  Q("INSERT INTO users(name, role, password_hash, department) VALUES(?, ?, ?, ?) "
    "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
    "password_hash = excluded.password_hash, department = excluded.department",
    {u.name, u.role, u.password_hash, OrNull(u.department)});
}

std::optional<User> SqlStore::FindUser(const std::string& name) {
  return Read().First("SELECT name, role, password_hash, department FROM users WHERE name = ?",
                      {name}, ReadUser);
}

std::vector<User> SqlStore::ListUsers() {
  return Read().All("SELECT name, role, password_hash, department FROM users ORDER BY name", {},
                    ReadUser);
}

void SqlStore::PutDepartments(const std::vector<DepartmentRecord>& departments) {
  std::lock_guard lock(mutex_);
  SqlTransaction tx(*db_);
  for (const auto& d : departments) {
    Q("INSERT INTO departments(code, name, parent) VALUES(?, ?, ?) "
      "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
      "parent = coalesce(excluded.parent, departments.parent)",
      {d.code, d.name, OrNull(d.parent)});
  }
  tx.Commit();
}

std::vector<DepartmentRecord> SqlStore::ListDepartments() {
  return Read().All("SELECT code, name, parent FROM departments ORDER BY code", {},
                    [](const SqlRow& r) {
                      return DepartmentRecord{r.Text(0), r.Text(1), r.Text(2)};
                    });
}

void SqlStore::AddSession(const std::string& token_hash, const Session& s) {
  std::lock_guard lock(mutex_);
  Q("DELETE FROM sessions WHERE expires_at <= ?", {s.expires_at - kDay});
  Q("INSERT INTO sessions(token_hash, \"user\", csrf_token, expires_at) VALUES(?, ?, ?, ?)",
    {token_hash, s.user, s.csrf_token, s.expires_at});
}

std::optional<Session> SqlStore::FindSession(const std::string& token_hash, int64_t now) {
  return Read().First(
      "SELECT \"user\", csrf_token, expires_at FROM sessions "
      "WHERE token_hash = ? AND expires_at > ?",
      {token_hash, now}, [](const SqlRow& r) {
        return Session{r.Text(0), r.Text(1), r.Int(2)};
      });
}

void SqlStore::DeleteSession(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Q("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void SqlStore::Audit(const std::string& who, const std::string& what, const std::string& from,
                     int64_t at) {
  std::lock_guard lock(mutex_);
  Q("INSERT INTO audit_log(at, who, what, from_addr) VALUES(?, ?, ?, ?)", {at, who, what, from});
}

std::vector<AuditEntry> SqlStore::AuditLog(size_t limit) {
  return Read().All("SELECT id, at, who, what, from_addr FROM audit_log ORDER BY id DESC LIMIT ?",
                    {static_cast<int64_t>(limit)}, [](const SqlRow& r) {
                      return AuditEntry{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4)};
                    });
}

}  // namespace gongkai::server
