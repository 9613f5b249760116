// The Store (store.h) written once over SQL connections (sql.h), for SQLite and PostgreSQL
// alike: one writer connection, its calls serialised by a mutex (a bureau's load, not thousands
// of writes a second), and a pool of read-only connections for every read (sql_readers.h), so
// that reads neither wait for a write nor for each other; the schema brought up to date on open
// by the writer's migrations, each in its own transaction with the schema_version it reaches.
// Internal to the server layer; the methods are defined by concern in sql_store.cc (submissions and
// workflow), sql_store_people.cc (users, sessions, departments, the audit log) and
// sql_store_audits.cc (audited uploads).
#ifndef GONGKAI_SERVER_SQL_STORE_H_
#define GONGKAI_SERVER_SQL_STORE_H_

#include <mutex>
#include <optional>
#include <type_traits>

#include "server/sql.h"
#include "server/sql_readers.h"
#include "server/store.h"

namespace gongkai::server {

class SqlStore final : public Store {
 public:
  // Writes go to `writer`; reads to up to `readers` connections `open_reader` makes as needed.
  // With no readers (0, or a private ":memory:" database that no second connection can see)
  // reads share the writer, under its mutex.
  explicit SqlStore(std::unique_ptr<SqlConnection> writer, SqlReaders::Opener open_reader = {},
                    int readers = 0);

  int SchemaVersion() override;

  int64_t AddSubmission(const Submission& s) override;
  std::optional<Submission> GetSubmission(int64_t id,
                                          SubmissionTexts texts = SubmissionTexts::kAll) override;
  int64_t CountSubmissions() override;
  std::vector<Submission> ListSubmissions(const SubmissionFilter& filter) override;
  std::vector<Submission> ListPublished(const std::string& query) override;

  TransitionResult AddTransition(const Transition& t,
                                 const std::map<std::string, std::string>& explanations) override;
  std::vector<Transition> History(int64_t submission) override;
  std::map<std::string, std::string> Explanations(int64_t submission) override;
  int64_t AddComment(const Comment& c) override;
  std::vector<Comment> Comments(int64_t submission) override;
  void AddScores(int64_t submission, const std::map<std::string, ScoreEntry>& scores) override;
  std::map<std::string, ScoreEntry> Scores(int64_t submission) override;

  std::vector<int64_t> AddAuditUploads(const std::vector<AuditUpload>& uploads) override;
  std::optional<AuditUpload> GetAuditUpload(int64_t id) override;
  std::vector<AuditUpload> ListAuditUploads(const AuditUploadFilter& filter) override;
  std::optional<std::string> AuditFile(const std::string& sha256) override;

  void PutUser(const User& user) override;
  std::optional<User> FindUser(const std::string& name) override;
  std::vector<User> ListUsers() override;
  void PutDepartments(const std::vector<DepartmentRecord>& departments) override;
  std::vector<DepartmentRecord> ListDepartments() override;

  void AddSession(const std::string& token_hash, const Session& s) override;
  std::optional<SessionUser> FindSessionUser(const std::string& token_hash, int64_t now) override;
  void DeleteSession(const std::string& token_hash) override;

  void Audit(const std::string& who, const std::string& what, const std::string& from,
             int64_t at) override;
  std::vector<AuditEntry> AuditLog(size_t limit) override;

 private:
  // The connection of one read, until it ends: a pooled reader, or the writer under its mutex.
  class Reading {
   public:
    std::vector<SqlRow> Q(std::string_view sql, const std::vector<SqlValue>& args = {}) {
      return connection_->Query(sql, args);
    }
    // Each row of a read, as `make` makes it into a record.
    template <class Make>
    auto All(std::string_view sql, const std::vector<SqlValue>& args, Make make) {
      std::vector<std::invoke_result_t<Make, const SqlRow&>> out;
      for (const auto& r : Q(sql, args)) out.push_back(make(r));
      return out;
    }
    // The first row of a read as `make` makes it into a record; nullopt when there is none.
    template <class Make>
    auto First(std::string_view sql, const std::vector<SqlValue>& args, Make make)
        -> std::optional<std::invoke_result_t<Make, const SqlRow&>> {
      auto rows = Q(sql, args);
      if (rows.empty()) return std::nullopt;
      return make(rows[0]);
    }
    SqlConnection& connection() { return *connection_; }

   private:
    friend class SqlStore;
    std::optional<SqlReaders::Lease> lease_;
    std::unique_lock<std::mutex> lock_;
    SqlConnection* connection_ = nullptr;
  };
  Reading Read();

  static int Version(SqlConnection& db);
  void Migrate();
  // A statement on the writer; the caller holds mutex_.
  std::vector<SqlRow> Q(std::string_view sql, const std::vector<SqlValue>& args = {}) {
    return db_->Query(sql, args);
  }

  std::mutex mutex_;
  std::unique_ptr<SqlConnection> db_;
  std::unique_ptr<SqlReaders> readers_;  // null: reads use db_; closed before db_
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_SQL_STORE_H_
