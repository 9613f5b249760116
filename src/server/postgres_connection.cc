// The PostgreSQL driver of the store (sql.h), with libpqxx: a connection per SqlConnection (the
// store's writer, and each of its readers, whose sessions are read-only); a statement outside a
// transaction runs in autocommit (pqxx::nontransaction), Begin opens a pqxx::work.
// The store's `?` placeholders become $1, $2, … (never inside a quoted literal); every value
// is sent as text and PostgreSQL infers its type from the column it meets. Migrations take an
// advisory lock, so that two servers starting on one database migrate it once.
#include <pqxx/pqxx>

#include "server/migrations.h"
#include "server/sql.h"
#include "server/sql_store.h"

namespace gongkai::server {

namespace {

constexpr int64_t kMigrationLock = 0x676f6e676b6169;  // "gongkai"

// The type of a BYTEA column (pg_type.oid), whose text form is hex: its bytes are decoded.
constexpr pqxx::oid kByteaOid = 17;

// Bytes as BYTEA's text input form, `\x` and two hex digits a byte: every parameter is sent as
// text (make_dynamic_params), and PostgreSQL reads this one as bytea from the column it meets.
std::string ByteaText(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 + 2 * bytes.size());
  out += "\\x";
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// `?` → `$n`, outside '…' literals and "…" identifiers.
std::string Numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '?') {
      out += "$" + std::to_string(++n);
      continue;
    }
    out += ch;
  }
  return out;
}

class PostgresConnection final : public SqlConnection {
 public:
  PostgresConnection(const std::string& uri, bool read_only) {
    try {
      connection_ = std::make_unique<pqxx::connection>(uri);
    } catch (const std::exception& e) {
      throw StoreError("无法连接 PostgreSQL 数据库：" + std::string(e.what()));
    }
    if (read_only) Script("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
  }

  std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlValue>& args) override {
    std::vector<std::string> texts(args.size());
    std::vector<const char*> params(args.size(), nullptr);
    for (size_t i = 0; i < args.size(); ++i) {
      if (const auto* n = std::get_if<int64_t>(&args[i])) {
        texts[i] = std::to_string(*n);
      } else if (const auto* s = std::get_if<std::string>(&args[i])) {
        texts[i] = *s;
      } else if (const auto* b = std::get_if<SqlBlob>(&args[i])) {
        texts[i] = ByteaText(b->bytes);
      } else {
        continue;  // NULL
      }
      params[i] = texts[i].c_str();
    }
    return Run([&](pqxx::transaction_base& t) {
      return t.exec_params(Numbered(sql), pqxx::prepare::make_dynamic_params(params));
    });
  }

  void Script(std::string_view sql) override {
    Run([&](pqxx::transaction_base& t) { return t.exec(std::string(sql)); });
  }

  void Begin() override {
    try {
      work_ = std::make_unique<pqxx::work>(*connection_);
    } catch (const std::exception& e) {
      throw StoreError(std::string("PostgreSQL: ") + e.what());
    }
  }
  void Commit() override {
    try {
      work_->commit();
      work_.reset();
    } catch (const std::exception& e) {
      work_.reset();
      throw StoreError(std::string("PostgreSQL: ") + e.what());
    }
  }
  void Rollback() noexcept override {
    try {
      if (work_) work_->abort();
    } catch (...) {
    }
    work_.reset();
  }
  void LockSchema() override { Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLock}); }
  const std::vector<std::string_view>& Migrations() const override { return PostgresMigrations(); }
  std::string Contains(const std::string& haystack) const override {
    return "strpos(" + haystack + ", ?) > 0";
  }

 private:
  // Runs `fn` in the open transaction, or in autocommit; its rows as text.
  template <typename Fn>
  std::vector<SqlRow> Run(Fn&& fn) {
    pqxx::result result;
    try {
      if (work_) {
        result = fn(*work_);
      } else {
        pqxx::nontransaction t(*connection_);
        result = fn(t);
      }
    } catch (const pqxx::unique_violation& e) {
      throw SqlUniqueViolation(std::string("PostgreSQL: ") + e.what());
    } catch (const std::exception& e) {
      throw StoreError(std::string("PostgreSQL: ") + e.what());
    }
    std::vector<SqlRow> rows;
    rows.reserve(result.size());
    for (const auto& r : result) {
      SqlRow row;
      for (const auto& field : r) {
        if (field.is_null()) {
          row.values.emplace_back();
        } else if (field.type() == kByteaOid) {
          row.values.emplace_back(pqxx::binarystring(field).str());
        } else {
          row.values.emplace_back(std::string(field.c_str(), field.size()));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::work> work_;
};

}  // namespace

std::unique_ptr<Store> OpenPostgresStore(const std::string& uri, int readers) {
  return std::make_unique<SqlStore>(
      std::make_unique<PostgresConnection>(uri, false),
      [uri] { return std::make_unique<PostgresConnection>(uri, true); }, readers);
}

std::unique_ptr<Store> OpenStore(const std::string& database, int readers) {
  if (database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0) {
    return OpenPostgresStore(database, readers);
  }
  return OpenSqliteStore(database, readers);
}

}  // namespace gongkai::server
