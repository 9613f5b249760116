// The server's storage, behind one interface: departments, immutable submissions (the source
// text as sent, never changed), their findings, the workflow (an append-only list of
// transitions per submission, with the explanations given at each submit), comments on
// findings, the reviewer's scores, users, sessions and an append-only audit log. One
// implementation (sql_store.cc) over an SQL connection, SQLite or PostgreSQL (sql.h).
//
// Every method is thread-safe (the HTTP server calls them from its worker threads); reads run
// side by side and beside a write, and see every write that returned before they began. Errors
// of the database itself (disk full, corrupt file) are thrown as StoreError; "not found" is an
// empty optional, never an exception.
#ifndef GONGKAI_SERVER_STORE_H_
#define GONGKAI_SERVER_STORE_H_

#include <cstdint>
#include <map>
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
// Which of a submission's long texts (its source, its findings) a read fills.
enum class SubmissionTexts { kAll, kFindings, kNone };

struct Submission {
  int64_t id = 0;
  std::string department_code, department_name;
  int year = 0;
  std::string kind;         // 预算 / 决算
  std::string source_name;  // the name the source was loaded under ("submission.yaml")
  std::string source;       // the text, exactly as received
  std::string submitted_by;
  int64_t created_at = 0;      // Unix seconds
  FindingCounts counts;        // of the review run when it was stored
  std::string findings_json;   // that review's findings (the `check --json` form of one file)
  std::string state = "编制";  // the to_state of its last transition (workflow.h)
  std::optional<int64_t> approved_at, published_at;  // when it reached 已批复, 已公开
};

// One step of a submission through the workflow (workflow.h). Never changed once stored.
struct Transition {
  int64_t submission = 0;
  int seq = 0;  // 1, 2, … per submission
  int64_t at = 0;
  std::string who, action, from_state, to_state, reason;
};

struct Comment {
  int64_t id = 0, submission = 0, at = 0;
  std::string who, finding, text;  // finding: a finding key, or "" for the whole submission
};

// A reviewer's score of one item of the scoring standard (score_api.cc names the codes).
struct ScoreEntry {
  int score = 0;
  std::string reason, who;
  int64_t at = 0;
};

struct DepartmentRecord {
  std::string code, name, parent;  // parent: 上级编码, may be empty
};

// What ListSubmissions keeps: each field empty (0) keeps all.
struct SubmissionFilter {
  int year = 0;
  std::string department;                // a department code
  std::vector<std::string> departments;  // when not empty: only these department codes
};

enum class TransitionResult { kDone, kNotFound, kConflict };

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

// A session that has not expired, with its user and what authorization needs of the imported
// organisation, read together (every signed-in request asks for it).
struct SessionUser {
  Session session;
  User user;
  // The departments below the user's: 上级编码 followed down through every level, each code
  // once, so that a loop in the data ends the walk (and may lead back to the user's own). In no
  // particular order; empty for a user without a department.
  std::vector<std::string> units_below;
};

// A published document uploaded for audit (gongkai audit over HTTP) and what the audit found:
// stored whole or not at all, never changed. The uploaded file is kept once per content (by its
// SHA-256: the same bytes uploaded twice are stored once) with the results, in the same
// transaction; uploads stored before files were kept (schema version 5) have only the SHA-256
// and size. `report_json` is the document's object of `gongkai audit --format json`
// (render/audit_report.h: kind, tables, unreadable pages, completeness, text figures, findings
// with page, table, row, column and the cells they compare with) and `figures_json` every
// table as read (PublishedFiguresJson). Lists leave both JSON texts empty.
struct AuditUpload {
  int64_t id = 0;
  // Whose document it is: the department named at upload, else the known department
  // (departments table) of the name the document prints, else that name itself.
  std::string department_code, department_name;
  int year = 0;      // as the document says; 0 when it does not
  std::string kind;  // 预算 / 决算 / 未知
  std::string file_name, sha256;
  int64_t size = 0;
  std::string uploaded_by;
  int64_t created_at = 0;
  int errors = 0, notes = 0;  // AuditedDocument::Errors(), Notes()
  int tables = 0;             // standard tables found
  std::string report_json, figures_json;
  // The uploaded bytes: given to AddAuditUploads (which keeps them under `sha256`, computed by
  // the caller), never filled by a read: AuditFile gives them.
  std::string content;
  // Read: whether the store has the file's bytes (AuditFile answers).
  bool file_kept = false;
};

struct AuditUploadFilter {
  int year = 0;            // 0: all
  std::string department;  // a department code; empty: all
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
  // `texts`: which of its two long texts the answer fills (the others are empty); opening a
  // submission, commenting on it and the workflow need neither, its findings view only those.
  virtual std::optional<Submission> GetSubmission(
      int64_t id, SubmissionTexts texts = SubmissionTexts::kAll) = 0;
  virtual int64_t CountSubmissions() = 0;
  // Submissions newest first, without their source and findings.
  virtual std::vector<Submission> ListSubmissions(const SubmissionFilter& filter) = 0;
  // Published submissions, newest year first, then by department name; `query` (may be empty)
  // keeps those whose department name contains it. Without source and findings.
  virtual std::vector<Submission> ListPublished(const std::string& query) = 0;

  // Appends `t` (its seq is assigned) when the submission is in state t.from_state, with the
  // explanations given with it (finding key → text), all in one transaction; reaching 已公开
  // also publishes it. kConflict when the state is another (or another writer moved it first).
  virtual TransitionResult AddTransition(
      const Transition& t, const std::map<std::string, std::string>& explanations) = 0;
  virtual std::vector<Transition> History(int64_t submission) = 0;  // oldest first
  // The latest explanation given for each finding key.
  virtual std::map<std::string, std::string> Explanations(int64_t submission) = 0;
  virtual int64_t AddComment(const Comment& c) = 0;               // its id
  virtual std::vector<Comment> Comments(int64_t submission) = 0;  // oldest first
  virtual void AddScores(int64_t submission, const std::map<std::string, ScoreEntry>& scores) = 0;
  // The latest score given for each item code.
  virtual std::map<std::string, ScoreEntry> Scores(int64_t submission) = 0;

  // Stores a batch of audited uploads in one transaction (all or none); their ids, in order.
  virtual std::vector<int64_t> AddAuditUploads(const std::vector<AuditUpload>& uploads) = 0;
  virtual std::optional<AuditUpload> GetAuditUpload(int64_t id) = 0;
  // Newest first, without the two JSON texts.
  virtual std::vector<AuditUpload> ListAuditUploads(const AuditUploadFilter& filter) = 0;
  // The bytes of an uploaded file by its SHA-256 (AuditUpload::sha256); nullopt when they were
  // not kept (an upload from before schema version 5).
  virtual std::optional<std::string> AuditFile(const std::string& sha256) = 0;

  virtual void PutUser(const User& user) = 0;  // adds, or replaces role, password, department
  virtual std::optional<User> FindUser(const std::string& name) = 0;
  virtual std::vector<User> ListUsers() = 0;  // by name

  // Adds or renames departments (all or none); a parent is kept when given.
  virtual void PutDepartments(const std::vector<DepartmentRecord>& departments) = 0;
  virtual std::vector<DepartmentRecord> ListDepartments() = 0;  // by code

  // Sessions are kept by a hash of their token, never the token itself.
  virtual void AddSession(const std::string& token_hash, const Session& s) = 0;
  // The session of `token_hash` unless it expired by `now`, with its user, in one query.
  virtual std::optional<SessionUser> FindSessionUser(const std::string& token_hash,
                                                     int64_t now) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;

  virtual void Audit(const std::string& who, const std::string& what, const std::string& from,
                     int64_t at) = 0;
  virtual std::vector<AuditEntry> AuditLog(size_t limit) = 0;  // newest first
};

// A store writes through one connection and reads through up to `readers` read-only ones,
// opened as reads need them (`gongkai serve --db-readers N`); by default one per hardware
// thread. With 0, reads share the writer's connection and wait for its writes.
int DefaultStoreReaders();

// Opens (creating when absent) the SQLite database at `path` in WAL mode and applies the
// migrations it lacks. ":memory:" gives a private in-memory store (its reads always share the
// writer). Throws StoreError.
std::unique_ptr<Store> OpenSqliteStore(const std::string& path,
                                       int readers = DefaultStoreReaders());

// Connects to a PostgreSQL database (a libpq URI, "postgresql://user@host:5432/db", or
// "postgresql:///db?host=/run/postgresql" over a unix socket) and applies the migrations it
// lacks. Each reader is a connection of its own (count them against max_connections). Throws
// StoreError.
std::unique_ptr<Store> OpenPostgresStore(const std::string& uri,
                                         int readers = DefaultStoreReaders());

// postgresql:// or postgres:// opens PostgreSQL, anything else is an SQLite file.
std::unique_ptr<Store> OpenStore(const std::string& database, int readers = DefaultStoreReaders());

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_STORE_H_
