// The seam between the store's SQL and a database driver: one connection that runs a statement
// with positional `?` parameters and returns its rows as text, runs a script, and brackets a
// transaction. The store (sql_store.h) is written once over it; SQLite (sqlite_connection.cc)
// and PostgreSQL (postgres_connection.cc) each implement it in a page. The SQL the store sends
// is the common subset of both (RETURNING, ON CONFLICT, coalesce, LIMIT); what differs — the
// migrations' DDL, substring search — is asked of the connection. Internal to the server layer.
#ifndef GONGKAI_SERVER_SQL_H_
#define GONGKAI_SERVER_SQL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/store.h"

namespace gongkai::server {

// Bytes that are not text (an uploaded file), for a BLOB / BYTEA column: each driver sends them
// as bytes, and gives them back as they were (SqlRow holds them in a std::string). Only a view:
// the bytes must outlive the Query call, which copies what it needs.
struct SqlBlob {
  std::string_view bytes;
};

// A parameter: NULL, an integer, a text or bytes.
using SqlValue = std::variant<std::monostate, int64_t, std::string, SqlBlob>;

// One row of a result; every value as the database's text form (NULL is nullopt), a BLOB /
// BYTEA column's as its bytes.
struct SqlRow {
  std::vector<std::optional<std::string>> values;
  bool IsNull(size_t i) const { return !values.at(i).has_value(); }
  std::string Text(size_t i) const { return values.at(i).value_or(""); }
  int64_t Int(size_t i) const;  // 0 for NULL
};

// A uniqueness constraint refused a row (two writers raced for the same key).
struct SqlUniqueViolation : StoreError {
  using StoreError::StoreError;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // One statement, its `?` bound to `args` in order. Throws StoreError (SqlUniqueViolation for
  // a duplicate key).
  virtual std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlValue>& args) = 0;
  // Several statements without parameters (a migration).
  virtual void Script(std::string_view sql) = 0;
  virtual void Begin() = 0;  // a write transaction
  virtual void Commit() = 0;
  virtual void Rollback() noexcept = 0;
  // Inside a transaction: waits until no other process migrates the same database.
  virtual void LockSchema() = 0;
  // The migrations of this database's dialect (migrations.h), in order.
  virtual const std::vector<std::string_view>& Migrations() const = 0;
  // An SQL condition: text `haystack` contains the bound `?` (instr / strpos).
  virtual std::string Contains(const std::string& haystack) const = 0;
};

// Opens (creating when absent) an SQLite file in WAL mode; ":memory:" is a private one.
std::unique_ptr<SqlConnection> OpenSqliteConnection(const std::string& path);
// A read-only connection to an SQLite file a writer connection already opened in WAL mode (one
// of the store's readers, sql_readers.h): it never blocks that writer nor waits for it, and
// refuses to write.
std::unique_ptr<SqlConnection> OpenSqliteReader(const std::string& path);

// A transaction that rolls back unless committed.
class SqlTransaction {
 public:
  explicit SqlTransaction(SqlConnection& c) : c_(c) { c_.Begin(); }
  ~SqlTransaction() {
    if (!done_) c_.Rollback();
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  void Commit() {
    c_.Commit();
    done_ = true;
  }

 private:
  SqlConnection& c_;
  bool done_ = false;
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_SQL_H_
