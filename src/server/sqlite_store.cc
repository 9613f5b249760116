// The Store on SQLite: one connection, serialised by a mutex (the server's load is a bureau's
// and a region's portal, not thousands of writes a second), WAL mode so that readers of the
// file (a backup, sqlite3 on the command line) do not block it, foreign keys on, and the
// schema brought up to date by the migrations of migrations.cc, each in its own transaction
// with the schema_version it reaches.
#include <sqlite3.h>

#include <mutex>

#include "server/migrations.h"
#include "server/store.h"

namespace gongkai::server {

namespace {

// A prepared statement, bound by position (1-based), finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) Fail();
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // True while there is a row; throws on an error.
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) Fail();
    return false;
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }

 private:
  [[noreturn]] void Fail() { throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kSubmissionColumns =
    "s.id, s.department, d.name, s.year, s.kind, s.source_name, s.source, s.submitted_by, "
    "s.created_at, f.errors, f.warnings, f.infos, f.json, p.published_at "
    "FROM submissions s JOIN departments d ON d.code = s.department "
    "LEFT JOIN findings f ON f.submission = s.id LEFT JOIN published p ON p.submission = s.id ";

Submission ReadSubmission(const Statement& st) {
  Submission s;
  s.id = st.Int(0);
  s.department_code = st.Text(1);
  s.department_name = st.Text(2);
  s.year = static_cast<int>(st.Int(3));
  s.kind = st.Text(4);
  s.source_name = st.Text(5);
  s.source = st.Text(6);
  s.submitted_by = st.Text(7);
  s.created_at = st.Int(8);
  s.counts = {static_cast<int>(st.Int(9)), static_cast<int>(st.Int(10)),
              static_cast<int>(st.Int(11))};
  s.findings_json = st.Text(12);
  if (!st.IsNull(13)) s.published_at = st.Int(13);
  return s;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError("无法打开数据库 " + path + "：" + why);
    }
    try {
      sqlite3_busy_timeout(db_, 5000);
      Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
      Migrate();
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }
  ~SqliteStore() override { sqlite3_close(db_); }

  int SchemaVersion() override {
    std::lock_guard lock(mutex_);
    return Version();
  }

  int64_t AddSubmission(const Submission& s) override {
    std::lock_guard lock(mutex_);
    Transaction tx(this);
    Statement(db_,
              "INSERT INTO departments(code, name) VALUES(?, ?) "
              "ON CONFLICT(code) DO UPDATE SET name = excluded.name")
        .Bind(1, s.department_code)
        .Bind(2, s.department_name)
        .Step();
    Statement(db_,
              "INSERT INTO submissions(department, year, kind, source_name, source, submitted_by,"
              " created_at) VALUES(?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, s.department_code)
        .Bind(2, s.year)
        .Bind(3, s.kind)
        .Bind(4, s.source_name)
        .Bind(5, s.source)
        .Bind(6, s.submitted_by)
        .Bind(7, s.created_at)
        .Step();
    int64_t id = sqlite3_last_insert_rowid(db_);
    Statement(db_,
              "INSERT INTO findings(submission, errors, warnings, infos, json) "
              "VALUES(?, ?, ?, ?, ?)")
        .Bind(1, id)
        .Bind(2, s.counts.errors)
        .Bind(3, s.counts.warnings)
        .Bind(4, s.counts.infos)
        .Bind(5, s.findings_json)
        .Step();
    tx.Commit();
    return id;
  }

  std::optional<Submission> GetSubmission(int64_t id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, (std::string("SELECT ") + kSubmissionColumns + "WHERE s.id = ?").c_str());
    st.Bind(1, id);
    if (!st.Step()) return std::nullopt;
    return ReadSubmission(st);
  }

  int64_t CountSubmissions() override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT count(*) FROM submissions");
    st.Step();
    return st.Int(0);
  }

  bool Publish(int64_t id, int64_t at) override {
    std::lock_guard lock(mutex_);
    Statement exists(db_, "SELECT 1 FROM submissions WHERE id = ?");
    exists.Bind(1, id);
    if (!exists.Step()) return false;
    Statement(db_, "INSERT OR IGNORE INTO published(submission, published_at) VALUES(?, ?)")
        .Bind(1, id)
        .Bind(2, at)
        .Step();
    return true;
  }

  std::vector<Submission> ListPublished(const std::string& query) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, (std::string("SELECT ") + kSubmissionColumns +
                       "WHERE p.published_at IS NOT NULL AND instr(d.name, ?) > 0 "
                       "ORDER BY s.year DESC, d.name, s.kind, s.id DESC")
                          .c_str());
    st.Bind(1, query);
    std::vector<Submission> out;
    while (st.Step()) out.push_back(ReadSubmission(st));
    return out;
  }

  void PutUser(const User& u) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO users(name, role, password_hash, department) VALUES(?, ?, ?, ?) "
                 "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
                 "password_hash = excluded.password_hash, department = excluded.department");
    st.Bind(1, u.name).Bind(2, u.role).Bind(3, u.password_hash);
    if (u.department.empty()) {
      st.BindNull(4);
    } else {
      st.Bind(4, u.department);
    }
    st.Step();
  }

  std::optional<User> FindUser(const std::string& name) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT name, role, password_hash, department FROM users WHERE name = ?");
    st.Bind(1, name);
    if (!st.Step()) return std::nullopt;
    return User{st.Text(0), st.Text(1), st.Text(2), st.Text(3)};
  }

  void AddSession(const std::string& token_hash, const Session& s) override {
    std::lock_guard lock(mutex_);
    Statement(db_, "DELETE FROM sessions WHERE expires_at <= ?")
        .Bind(1, s.expires_at - kDay)
        .Step();
    Statement(db_,
              "INSERT INTO sessions(token_hash, user, csrf_token, expires_at) "
              "VALUES(?, ?, ?, ?)")
        .Bind(1, token_hash)
        .Bind(2, s.user)
        .Bind(3, s.csrf_token)
        .Bind(4, s.expires_at)
        .Step();
  }

  std::optional<Session> FindSession(const std::string& token_hash, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT user, csrf_token, expires_at FROM sessions "
                 "WHERE token_hash = ? AND expires_at > ?");
    st.Bind(1, token_hash).Bind(2, now);
    if (!st.Step()) return std::nullopt;
    return Session{st.Text(0), st.Text(1), st.Int(2)};
  }

  void DeleteSession(const std::string& token_hash) override {
    std::lock_guard lock(mutex_);
    Statement(db_, "DELETE FROM sessions WHERE token_hash = ?").Bind(1, token_hash).Step();
  }

  void Audit(const std::string& who, const std::string& what, const std::string& from,
             int64_t at) override {
    std::lock_guard lock(mutex_);
    Statement(db_, "INSERT INTO audit_log(at, who, what, from_addr) VALUES(?, ?, ?, ?)")
        .Bind(1, at)
        .Bind(2, who)
        .Bind(3, what)
        .Bind(4, from)
        .Step();
  }

  std::vector<AuditEntry> AuditLog(size_t limit) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT id, at, who, what, from_addr FROM audit_log ORDER BY id DESC "
                 "LIMIT ?");
    st.Bind(1, static_cast<int64_t>(limit));
    std::vector<AuditEntry> out;
    while (st.Step()) out.push_back({st.Int(0), st.Int(1), st.Text(2), st.Text(3), st.Text(4)});
    return out;
  }

 private:
  static constexpr int64_t kDay = 24 * 3600;

  // BEGIN IMMEDIATE … COMMIT, rolled back when left without Commit (an exception).
  class Transaction {
   public:
    explicit Transaction(SqliteStore* s) : s_(s) { s_->Exec("BEGIN IMMEDIATE"); }
    ~Transaction() {
      if (!done_) sqlite3_exec(s_->db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void Commit() {
      s_->Exec("COMMIT");
      done_ = true;
    }

   private:
    SqliteStore* s_;
    bool done_ = false;
  };

  void Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string why = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw StoreError("SQLite: " + why);
    }
  }

  int Version() {
    Statement st(db_, "SELECT coalesce(max(version), 0) FROM schema_version");
    st.Step();
    return static_cast<int>(st.Int(0));
  }

  void Migrate() {
    std::lock_guard lock(mutex_);
    Exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
        "applied_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)))");
    const auto& all = Migrations();
    int version = Version();
    if (version > static_cast<int>(all.size())) {
      throw StoreError("数据库的结构版本 " + std::to_string(version) +
                       " 比本程序所知的更新，请使用较新版本的 gongkai");
    }
    for (int next = version + 1; next <= static_cast<int>(all.size()); ++next) {
      Transaction tx(this);
      Exec(std::string(all[next - 1]));
      Statement(db_, "INSERT INTO schema_version(version) VALUES(?)").Bind(1, next).Step();
      tx.Commit();
    }
  }

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Store> OpenSqliteStore(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace gongkai::server
