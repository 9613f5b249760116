// The SQLite driver of the store (sql.h): the writer connection in WAL mode (so that readers of
// the file — the store's own pool of readers, a backup, sqlite3 on the command line — neither
// block it nor wait for it), foreign keys on, a busy timeout for another process holding the
// file, and BEGIN IMMEDIATE for every write transaction so that two writers queue instead of
// failing half-way. Readers open the file read-only: the writer has already made it WAL.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "server/migrations.h"
#include "server/sql.h"

namespace gongkai::server {

int64_t SqlRow::Int(size_t i) const {
  const auto& v = values.at(i);
  return v && !v->empty() ? std::stoll(*v) : 0;
}

namespace {

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(const std::string& path, bool read_only) {
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError("无法打开数据库 " + path + "：" + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    if (read_only) return;
    try {
      Script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlValue>& args) override {
    sqlite3_stmt* raw = Prepared(sql);
    // Reset on every way out (an exception included): a statement left stepping would hold
    // its read snapshot, and the next use of the cached statement must start afresh.
    struct Reset {
      sqlite3_stmt* stmt;
      ~Reset() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } reset{raw};
    for (size_t i = 0; i < args.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      if (const auto* n = std::get_if<int64_t>(&args[i])) {
        sqlite3_bind_int64(raw, at, *n);
      } else if (const auto* s = std::get_if<std::string>(&args[i])) {
        sqlite3_bind_text(raw, at, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else if (const auto* b = std::get_if<SqlBlob>(&args[i])) {
        // SQLITE_STATIC: the bytes outlive this Query (sql.h; its Reset clears the bindings), so a
        // file is not copied. A null pointer would bind NULL: no bytes are an empty blob.
        if (b->bytes.empty()) {
          sqlite3_bind_zeroblob(raw, at, 0);
        } else {
          sqlite3_bind_blob64(raw, at, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
        }
      } else {
        sqlite3_bind_null(raw, at);
      }
    }
    std::vector<SqlRow> rows;
    const int columns = sqlite3_column_count(raw);
    for (;;) {
      int rc = sqlite3_step(raw);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Fail(rc);
      SqlRow row;
      for (int c = 0; c < columns; ++c) {
        const int type = sqlite3_column_type(raw, c);
        if (type == SQLITE_NULL) {
          row.values.emplace_back();
        } else if (type == SQLITE_BLOB) {
          // An empty blob's pointer is null: no bytes to copy.
          const auto* p = static_cast<const char*>(sqlite3_column_blob(raw, c));
          const auto n = static_cast<size_t>(sqlite3_column_bytes(raw, c));
          row.values.emplace_back(p ? std::string(p, n) : std::string());
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
          row.values.emplace_back(
              std::string(p, static_cast<size_t>(sqlite3_column_bytes(raw, c))));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void Script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string why = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw StoreError("SQLite: " + why);
    }
  }

  void Begin() override { Script("BEGIN IMMEDIATE"); }
  void Commit() override { Script("COMMIT"); }
  void Rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  void LockSchema() override {}  // BEGIN IMMEDIATE already holds the file's write lock
  const std::vector<std::string_view>& Migrations() const override { return SqliteMigrations(); }
  std::string Contains(const std::string& haystack) const override {
    return "instr(" + haystack + ", ?) > 0";
  }

 private:
  // The store asks the same few dozen statements again and again (a request's session, then
  // its list); preparing each anew was a third of a reviewer's request (parsing, and the
  // allocations it makes). Each connection keeps its statements prepared, keyed by their text;
  // a connection is used by one thread at a time (the writer under the store's lock, a reader
  // by its lease). The store's statements are fixed texts, so the cache stays small; the bound
  // is only a guard against a caller that builds texts.
  sqlite3_stmt* Prepared(std::string_view sql) {
    if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second;
    constexpr size_t kMaxStatements = 256;
    if (statements_.size() >= kMaxStatements) {
      for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
      statements_.clear();
    }
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      Fail(sqlite3_errcode(db_));
    }
    statements_.emplace(std::string(sql), raw);
    return raw;
  }

  [[noreturn]] void Fail(int rc) {
    const std::string why = std::string("SQLite: ") + sqlite3_errmsg(db_);
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
      throw SqlUniqueViolation(why);
    }
    throw StoreError(why);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<SqlConnection> OpenSqliteConnection(const std::string& path) {
  return std::make_unique<SqliteConnection>(path, false);
}

std::unique_ptr<SqlConnection> OpenSqliteReader(const std::string& path) {
  return std::make_unique<SqliteConnection>(path, true);
}

}  // namespace gongkai::server
