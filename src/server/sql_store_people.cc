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

std::optional<SessionUser> SqlStore::FindSessionUser(const std::string& token_hash, int64_t now) {
  auto db = Read();
  // One row per unit below the user's department (one row with a NULL unit when there is
  // none): the session, its user and the walk down the organisation in one statement, so that
  // a request's authorization is one round trip however deep the organisation. UNION (not
  // UNION ALL) keeps each code once, which ends the walk at a loop in the imported parents;
  // departments_by_parent (migration 6) makes each level an index lookup.
  auto rows = db.Q(
      "WITH RECURSIVE signed_in AS ("
      "  SELECT s.\"user\" AS name, s.csrf_token, s.expires_at, u.role, u.password_hash,"
      "         u.department"
      "  FROM sessions s JOIN users u ON u.name = s.\"user\""
      "  WHERE s.token_hash = ? AND s.expires_at > ?"
      "), below(code) AS ("
      "  SELECT d.code FROM departments d JOIN signed_in i ON d.parent = i.department"
      "  UNION"
      "  SELECT d.code FROM departments d JOIN below b ON d.parent = b.code"
      ") "
      "SELECT i.name, i.csrf_token, i.expires_at, i.role, i.password_hash, i.department, b.code "
      "FROM signed_in i LEFT JOIN below b ON 1 = 1",
      {token_hash, now});
  if (rows.empty()) return std::nullopt;
  const SqlRow& first = rows[0];
  SessionUser out{{first.Text(0), first.Text(1), first.Int(2)},
                  {first.Text(0), first.Text(3), first.Text(4), first.Text(5)},
                  {}};
  for (const SqlRow& r : rows) {
    if (!r.IsNull(6)) out.units_below.push_back(r.Text(6));
  }
  return out;
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
