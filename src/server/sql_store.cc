// The store's submissions and their workflow, over an SQL connection (sql_store.h).
#include "server/sql_store.h"

#include <ctime>
#include <thread>

#include "server/workflow.h"

namespace gongkai::server {

namespace {

// A submission's columns; `texts` chooses which of its source and findings are read, the others
// are empty texts (lists need neither). Its state is the last transition's, its 批复 time the
// latest transition to 已批复.
std::string SubmissionColumns(SubmissionTexts texts) {
  return std::string("SELECT s.id, s.department, d.name, s.year, s.kind, s.source_name, ") +
         (texts == SubmissionTexts::kAll ? "s.source" : "''") +
         ", s.submitted_by, s.created_at, f.errors, f.warnings, f.infos, " +
         (texts != SubmissionTexts::kNone ? "f.json" : "''") +
         ", p.published_at, "
         "coalesce((SELECT t.to_state FROM transitions t WHERE t.submission = s.id "
         "ORDER BY t.seq DESC LIMIT 1), '" +
         kStateDraft +
         "'), "
         "(SELECT max(t.at) FROM transitions t WHERE t.submission = s.id AND t.to_state = '" +
         kStateApproved +
         "') "
         "FROM submissions s JOIN departments d ON d.code = s.department "
         "LEFT JOIN findings f ON f.submission = s.id "
         "LEFT JOIN published p ON p.submission = s.id ";
}

Submission ReadSubmission(const SqlRow& r) {
  Submission s;
  s.id = r.Int(0);
  s.department_code = r.Text(1);
  s.department_name = r.Text(2);
  s.year = static_cast<int>(r.Int(3));
  s.kind = r.Text(4);
  s.source_name = r.Text(5);
  s.source = r.Text(6);
  s.submitted_by = r.Text(7);
  s.created_at = r.Int(8);
  s.counts = {static_cast<int>(r.Int(9)), static_cast<int>(r.Int(10)), static_cast<int>(r.Int(11))};
  s.findings_json = r.Text(12);
  if (!r.IsNull(13)) s.published_at = r.Int(13);
  s.state = r.Text(14);
  if (!r.IsNull(15)) s.approved_at = r.Int(15);
  return s;
}

Transition ReadTransition(const SqlRow& r) {
  return {
      r.Int(0), static_cast<int>(r.Int(1)), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
      r.Text(7)};
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<SqlConnection> writer, SqlReaders::Opener open_reader,
                   int readers)
    : db_(std::move(writer)) {
  Migrate();  // before any reader opens: they see the schema as it now is
  if (open_reader && readers > 0) {
    readers_ = std::make_unique<SqlReaders>(std::move(open_reader), readers);
  }
}

SqlStore::Reading SqlStore::Read() {
  Reading r;
  if (readers_) {
    r.lease_.emplace(readers_->Acquire());
    r.connection_ = &**r.lease_;
  } else {
    r.lock_ = std::unique_lock(mutex_);
    r.connection_ = db_.get();
  }
  return r;
}

int SqlStore::Version(SqlConnection& db) {
  return static_cast<int>(
      db.Query("SELECT coalesce(max(version), 0) FROM schema_version", {})[0].Int(0));
}

void SqlStore::Migrate() {
  std::lock_guard lock(mutex_);
  const auto& all = db_->Migrations();
  for (;;) {
    SqlTransaction tx(*db_);
    db_->LockSchema();
    db_->Script(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
        "applied_at BIGINT NOT NULL DEFAULT 0)");
    const int version = Version(*db_);
    if (version > static_cast<int>(all.size())) {
      throw StoreError("数据库的结构版本 " + std::to_string(version) +
                       " 比本程序所知的更新，请使用较新版本的 gongkai");
    }
    if (version == static_cast<int>(all.size())) {
      tx.Commit();
      return;
    }
    db_->Script(all[version]);
    Q("INSERT INTO schema_version(version, applied_at) VALUES(?, ?)",
      {int64_t{version + 1}, static_cast<int64_t>(std::time(nullptr))});
    tx.Commit();
  }
}

int SqlStore::SchemaVersion() {
  auto db = Read();
  return Version(db.connection());
}

int64_t SqlStore::AddSubmission(const Submission& s) {
  std::lock_guard lock(mutex_);
  SqlTransaction tx(*db_);
  Q("INSERT INTO departments(code, name) VALUES(?, ?) "
    "ON CONFLICT(code) DO UPDATE SET name = excluded.name",
    {s.department_code, s.department_name});
  const int64_t id = Q("INSERT INTO submissions(department, year, kind, source_name, source, "
                       "submitted_by, created_at) VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {s.department_code, int64_t{s.year}, s.kind, s.source_name, s.source,
                        s.submitted_by, s.created_at})[0]
                         .Int(0);
  Q("INSERT INTO findings(submission, errors, warnings, infos, json) VALUES(?, ?, ?, ?, ?)",
    {id, int64_t{s.counts.errors}, int64_t{s.counts.warnings}, int64_t{s.counts.infos},
     s.findings_json});
  tx.Commit();
  return id;
}

std::optional<Submission> SqlStore::GetSubmission(int64_t id, SubmissionTexts texts) {
  return Read().First(SubmissionColumns(texts) + "WHERE s.id = ?", {id}, ReadSubmission);
}

int64_t SqlStore::CountSubmissions() {
  auto db = Read();
  return db.Q("SELECT count(*) FROM submissions")[0].Int(0);
}

std::vector<Submission> SqlStore::ListSubmissions(const SubmissionFilter& filter) {
  auto db = Read();
  std::string sql = SubmissionColumns(SubmissionTexts::kNone) + "WHERE 1 = 1 ";
  std::vector<SqlValue> args;
  if (filter.year != 0) {
    sql += "AND s.year = ? ";
    args.emplace_back(int64_t{filter.year});
  }
  if (!filter.department.empty()) {
    sql += "AND s.department = ? ";
    args.emplace_back(filter.department);
  }
  if (!filter.departments.empty()) {
    sql += "AND s.department IN (";
    for (size_t i = 0; i < filter.departments.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      args.emplace_back(filter.departments[i]);
    }
    sql += ") ";
  }
  return db.All(sql + "ORDER BY s.id DESC", args, ReadSubmission);
}

std::vector<Submission> SqlStore::ListPublished(const std::string& query) {
  auto db = Read();
  return db.All(SubmissionColumns(SubmissionTexts::kNone) +
                    "WHERE p.published_at IS NOT NULL AND " + db.connection().Contains("d.name") +
                    " ORDER BY s.year DESC, d.name, s.kind, s.id DESC",
                {query}, ReadSubmission);
}

TransitionResult SqlStore::AddTransition(const Transition& t,
                                         const std::map<std::string, std::string>& explanations) {
  std::lock_guard lock(mutex_);
  try {
    SqlTransaction tx(*db_);
    if (Q("SELECT 1 FROM submissions WHERE id = ?", {t.submission}).empty()) {
      return TransitionResult::kNotFound;
    }
    auto last =
        Q("SELECT seq, to_state FROM transitions WHERE submission = ? "
          "ORDER BY seq DESC LIMIT 1",
          {t.submission});
    const int64_t seq = last.empty() ? 1 : last[0].Int(0) + 1;
    const std::string state = last.empty() ? kStateDraft : last[0].Text(1);
    if (state != t.from_state) return TransitionResult::kConflict;
    // Two writers that both read the same last seq: the second insert is a duplicate key.
    Q("INSERT INTO transitions(submission, seq, at, who, action, from_state, to_state, reason) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
      {t.submission, seq, t.at, t.who, t.action, t.from_state, t.to_state, t.reason});
    for (const auto& [key, text] : explanations) {
      Q("INSERT INTO explanations(submission, seq, finding, text) VALUES(?, ?, ?, ?)",
        {t.submission, seq, key, text});
    }
    if (t.to_state == kStatePublished) {
      Q("INSERT INTO published(submission, published_at) VALUES(?, ?) "
        "ON CONFLICT(submission) DO NOTHING",
        {t.submission, t.at});
    }
    tx.Commit();
  } catch (const SqlUniqueViolation&) {
    return TransitionResult::kConflict;
  }
  return TransitionResult::kDone;
}

std::vector<Transition> SqlStore::History(int64_t submission) {
  return Read().All(
      "SELECT submission, seq, at, who, action, from_state, to_state, reason "
      "FROM transitions WHERE submission = ? ORDER BY seq",
      {submission}, ReadTransition);
}

std::map<std::string, std::string> SqlStore::Explanations(int64_t submission) {
  auto db = Read();
  std::map<std::string, std::string> out;
  for (const auto& r : db.Q("SELECT finding, text FROM explanations WHERE submission = ? "
                            "ORDER BY seq",
                            {submission})) {
    out[r.Text(0)] = r.Text(1);
  }
  return out;
}

int64_t SqlStore::AddComment(const Comment& c) {
  std::lock_guard lock(mutex_);
  return Q("INSERT INTO comments(submission, at, who, finding, text) VALUES(?, ?, ?, ?, ?) "
           "RETURNING id",
           {c.submission, c.at, c.who, c.finding, c.text})[0]
      .Int(0);
}

std::vector<Comment> SqlStore::Comments(int64_t submission) {
  return Read().All(
      "SELECT id, submission, at, who, finding, text FROM comments "
      "WHERE submission = ? ORDER BY id",
      {submission}, [](const SqlRow& r) {
        return Comment{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5)};
      });
}

void SqlStore::AddScores(int64_t submission, const std::map<std::string, ScoreEntry>& scores) {
  std::lock_guard lock(mutex_);
  SqlTransaction tx(*db_);
  for (const auto& [code, e] : scores) {
    Q("INSERT INTO scores(submission, code, score, reason, who, at) VALUES(?, ?, ?, ?, ?, ?)",
      {submission, code, int64_t{e.score}, e.reason, e.who, e.at});
  }
  tx.Commit();
}

std::map<std::string, ScoreEntry> SqlStore::Scores(int64_t submission) {
  auto db = Read();
  std::map<std::string, ScoreEntry> out;
  for (const auto& r : db.Q("SELECT code, score, reason, who, at FROM scores WHERE submission = ? "
                            "ORDER BY id",
                            {submission})) {
    out[r.Text(0)] = {static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Int(4)};
  }
  return out;
}

// One reader per hardware thread but one, left to the writer and the HTTP threads: on 2 cores,
// idle, one reader gave the mixed reviewer load its best p99 at the rate of none, two readers a
// lower rate (README, Performance).
int DefaultStoreReaders() {
  const unsigned threads = std::thread::hardware_concurrency();
  return threads > 2 ? static_cast<int>(threads) - 1 : 1;
}

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, int readers) {
  // An in-memory or temporary database is the writer connection's own: no reader could see it.
  if (path.empty() || path == ":memory:") readers = 0;
  return std::make_unique<SqlStore>(
      OpenSqliteConnection(path), [path] { return OpenSqliteReader(path); }, readers);
}

}  // namespace gongkai::server
