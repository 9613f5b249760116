// The server's storage, behind one interface: departments, immutable submissions (the source
// text as sent, never changed), their findings counts, what is published, users, sessions and
// an append-only audit log. The SQLite implementation (sqlite_store.cc) is the only one so
// far; a PostgreSQL one would implement the same interface.
//
// Every method is thread-safe (the HTTP server calls them from its worker threads). Errors
// of the database itself (disk full, corrupt file) are thrown as StoreError; "not found" is an
// empty optional, never an exception.
#ifndef GONGKAI_SERVER_STORE_H_
#define GONGKAI_SERVER_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gongkai::server {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct FindingCounts {
  int errors = 0, warnings = 0, infos = 0;
};

// One version of one department's document, as submitted.
struct Submission {
  int64_t id = 0;
  std::string department_code, department_name;
  int year = 0;
  std::string kind;         // 预算 / 决算
  std::string source_name;  // the name the source was loaded under ("submission.yaml")
  std::string source;       // the text, exactly as received
  std::string submitted_by;
  int64_t created_at = 0;     // Unix seconds
  FindingCounts counts;       // of the review run when it was stored
  std::string findings_json;  // that review's findings (the `check --json` form of one file)
  std::optional<int64_t> published_at;
};

struct User {
  std::string name, role, password_hash;  // argon2id encoded hash
  // The department a 单位填报人 or 主管部门审核人 belongs to, as Submission::department_code
  // names it; empty for the other roles (and for users not yet bound to one).
  std::string department;
};

struct Session {
  std::string user, csrf_token;
  int64_t expires_at = 0;
};

struct AuditEntry {
  int64_t id = 0, at = 0;
  std::string who, what, from;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version the store is at (the number of migrations applied).
  virtual int SchemaVersion() = 0;

  // Stores a new submission (and its department, by code) and returns its id.
  virtual int64_t AddSubmission(const Submission& s) = 0;
  virtual std::optional<Submission> GetSubmission(int64_t id) = 0;
  virtual int64_t CountSubmissions() = 0;
  // Marks a submission published; false when it does not exist. Publishing again is a no-op.
  virtual bool Publish(int64_t id, int64_t at) = 0;
  // Published submissions, newest year first, then by department name; `query` (may be empty)
  // keeps those whose department name contains it.
  virtual std::vector<Submission> ListPublished(const std::string& query) = 0;

  virtual void PutUser(const User& user) = 0;  // adds, or replaces role, password, department
  virtual std::optional<User> FindUser(const std::string& name) = 0;

  // Sessions are kept by a hash of their token, never the token itself.
  virtual void AddSession(const std::string& token_hash, const Session& s) = 0;
  virtual std::optional<Session> FindSession(const std::string& token_hash, int64_t now) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;

  virtual void Audit(const std::string& who, const std::string& what, const std::string& from,
                     int64_t at) = 0;
  virtual std::vector<AuditEntry> AuditLog(size_t limit) = 0;  // newest first
};

// Opens (creating when absent) the SQLite database at `path` in WAL mode and applies the
// migrations it lacks. ":memory:" gives a private in-memory store. Throws StoreError.
std::unique_ptr<Store> OpenSqliteStore(const std::string& path);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_STORE_H_
