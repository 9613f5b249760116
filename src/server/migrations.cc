// The migrations of the server's schema, written once for both databases (see migrations.h).
// Append only: a released migration's text for either database never changes (the expanded SQL
// of both is pinned by tests/golden/schema-*.txt).
//
// The text below is the schema; the few words in which SQLite and PostgreSQL differ stand in
// braces and are filled in by Expand():
//   {key}     an id the database assigns: INTEGER PRIMARY KEY AUTOINCREMENT in SQLite, an
//             identity column in PostgreSQL;
//   {bigint}  a 64-bit integer (ids referred to, Unix times, sizes): SQLite's INTEGER is 64-bit
//             already, PostgreSQL's is not;
//   {blob}    bytes that are not text (an uploaded file): BLOB in SQLite, BYTEA in PostgreSQL;
//   {user}    the column `user`, which PostgreSQL reserves and so quotes (padded to one width);
//   {refuse_function}  (a line of its own) PostgreSQL's one trigger function that refuses a
//             change; SQLite has none;
//   {guard T …}  (a line of its own) the triggers that refuse to change or remove any row of the
//             tables T (kGuards): SQLite raises before UPDATE and before DELETE; PostgreSQL calls
//             gongkai_refuse_change() before UPDATE OR DELETE and before TRUNCATE.
#include "server/migrations.h"

#include <cstddef>
#include <stdexcept>
#include <string>

namespace gongkai::server {

namespace {

// 1: the first schema. Submissions are immutable (a trigger refuses any change to a row, and the
// CHECK makes `immutable` 1 on every row); the audit log is append-only (no update, no delete).
constexpr std::string_view k001 = R"sql(
{refuse_function}
CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE submissions (
  id           {key},
  department   TEXT NOT NULL REFERENCES departments(code),
  year         INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  source_name  TEXT NOT NULL,
  source       TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  created_at   {bigint} NOT NULL,
  immutable    INTEGER NOT NULL DEFAULT 1 CHECK (immutable = 1)
);
{guard submissions}
CREATE TABLE findings (
  submission {bigint} PRIMARY KEY REFERENCES submissions(id),
  errors     INTEGER NOT NULL,
  warnings   INTEGER NOT NULL,
  infos      INTEGER NOT NULL,
  json       TEXT NOT NULL
);
CREATE TABLE published (
  submission   {bigint} PRIMARY KEY REFERENCES submissions(id),
  published_at {bigint} NOT NULL
);
CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  {user}     TEXT NOT NULL REFERENCES users(name),
  csrf_token TEXT NOT NULL,
  expires_at {bigint} NOT NULL
);
CREATE TABLE audit_log (
  id        {key},
  at        {bigint} NOT NULL,
  who       TEXT NOT NULL,
  what      TEXT NOT NULL,
  from_addr TEXT NOT NULL
);
{guard audit_log}
CREATE INDEX submissions_by_department ON submissions(department, year);
)sql";

// 2: users bound to their organisation. A 单位填报人 or 主管部门审核人 belongs to one
// department, named as submissions name theirs (departments.code: the source's department.code,
// else its name). No foreign key: a user may be created before the department's first
// submission. Users from before this migration have none, and are refused until given one.
constexpr std::string_view k002 = R"sql(
ALTER TABLE users ADD COLUMN department TEXT;
)sql";

// 3: the workflow. A submission's state is the `to_state` of its last transition (编制 when it
// has none); transitions, the explanations given with a submit, comments on findings and the
// reviewer's scores are append-only (the latest explanation or score for a key wins).
// Departments get their parent (上级编码) from the CSV import. Submissions published before the
// workflow existed get one transition 编制 → 已公开 (no 批复 time: the ledger shows none).
constexpr std::string_view k003 = R"sql(
ALTER TABLE departments ADD COLUMN parent TEXT;
CREATE TABLE transitions (
  submission {bigint} NOT NULL REFERENCES submissions(id),
  seq        INTEGER NOT NULL,
  at         {bigint} NOT NULL,
  who        TEXT NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (submission, seq)
);
CREATE TABLE explanations (
  submission {bigint} NOT NULL REFERENCES submissions(id),
  seq        INTEGER NOT NULL,
  finding    TEXT NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (submission, seq, finding)
);
CREATE TABLE comments (
  id         {key},
  submission {bigint} NOT NULL REFERENCES submissions(id),
  at         {bigint} NOT NULL,
  who        TEXT NOT NULL,
  finding    TEXT NOT NULL,
  text       TEXT NOT NULL
);
CREATE TABLE scores (
  id         {key},
  submission {bigint} NOT NULL REFERENCES submissions(id),
  code       TEXT NOT NULL,
  score      INTEGER NOT NULL,
  reason     TEXT NOT NULL,
  who        TEXT NOT NULL,
  at         {bigint} NOT NULL
);
{guard transitions explanations comments scores}
CREATE INDEX comments_by_submission ON comments(submission);
CREATE INDEX scores_by_submission ON scores(submission);
INSERT INTO transitions(submission, seq, at, who, action, from_state, to_state)
  SELECT submission, 1, published_at, 'migration', '公开', '编制', '已公开' FROM published;
)sql";

// 4: audited uploads (published documents run through `gongkai audit`, store.h AuditUpload).
// Immutable like submissions: the result of an audit is what it was when made.
constexpr std::string_view k004 = R"sql(
CREATE TABLE audit_uploads (
  id              {key},
  department_code TEXT NOT NULL,
  department_name TEXT NOT NULL,
  year            INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            {bigint} NOT NULL,
  uploaded_by     TEXT NOT NULL,
  created_at      {bigint} NOT NULL,
  errors          INTEGER NOT NULL,
  notes           INTEGER NOT NULL,
  tables          INTEGER NOT NULL,
  report_json     TEXT NOT NULL,
  figures_json    TEXT NOT NULL
);
{guard audit_uploads}
CREATE INDEX audit_uploads_by_department ON audit_uploads(department_code, year);
)sql";

// 5: the uploaded files themselves, kept once per content (their SHA-256, as audit_uploads
// names it), so that whoever may see an audit can download the document it was made of. In the
// database rather than in files beside it: one backup (the SQLite file, pg_dump) holds the
// results and their evidence together, an upload is stored with its results in one transaction
// (all or none), and several servers on one PostgreSQL database share them. Uploads made before
// this migration have no row here (their file was not kept). Never changed or removed.
constexpr std::string_view k005 = R"sql(
CREATE TABLE audit_files (
  sha256  TEXT PRIMARY KEY,
  size    {bigint} NOT NULL,
  content {blob} NOT NULL
);
{guard audit_files}
)sql";

// 6: departments by their parent (上级编码), for the walk down the organisation that every
// signed-in request of a 主管部门审核人 makes (Store::FindSessionUser): one index lookup per level
// instead of a scan of every department.
constexpr std::string_view k006 = R"sql(
CREATE INDEX departments_by_parent ON departments(parent);
)sql";

constexpr std::string_view kMigrations[] = {k001, k002, k003, k004, k005, k006};

// A table whose rows are never changed or removed, and the names of the triggers that enforce
// it. Trigger names are part of the stored schema (a later migration drops a trigger by name), so
// they stay as released, irregular as they are. PostgreSQL's TRUNCATE trigger is <table>_kept.
struct Guard {
  std::string_view table;
  std::string_view refusal;        // SQLite's RAISE message
  std::string_view sqlite_update;  // SQLite: the trigger BEFORE UPDATE
  std::string_view sqlite_delete;  // SQLite: the trigger BEFORE DELETE
  std::string_view postgres_row;   // PostgreSQL: the trigger BEFORE UPDATE OR DELETE
};

constexpr Guard kGuards[] = {
    {"submissions", "submissions are immutable", "submissions_immutable", "submissions_kept",
     "submissions_immutable"},
    {"audit_log", "the audit log is append-only", "audit_log_no_update", "audit_log_no_delete",
     "audit_log_no_change"},
    {"transitions", "transitions are append-only", "transitions_no_update", "transitions_no_delete",
     "transitions_no_change"},
    {"explanations", "explanations are append-only", "explanations_no_update",
     "explanations_no_delete", "explanations_no_change"},
    {"comments", "comments are append-only", "comments_no_update", "comments_no_delete",
     "comments_no_change"},
    {"scores", "scores are append-only", "scores_no_update", "scores_no_delete",
     "scores_no_change"},
    {"audit_uploads", "audit uploads are immutable", "audit_uploads_immutable",
     "audit_uploads_kept", "audit_uploads_no_change"},
    {"audit_files", "audit files are immutable", "audit_files_immutable", "audit_files_kept",
     "audit_files_no_change"},
};

const Guard& FindGuard(std::string_view table) {
  for (const Guard& g : kGuards)
    if (g.table == table) return g;
  throw std::logic_error("migrations.cc: no guard for table " + std::string(table));
}

void AppendAll(std::string* out, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts) out->append(p);
}

void SqliteGuards(const std::vector<const Guard*>& guards, std::string* out) {
  for (const Guard* g : guards) {
    for (auto [name, event] : {std::pair{g->sqlite_update, "UPDATE"}, {g->sqlite_delete, "DELETE"}})
      AppendAll(out, {"CREATE TRIGGER ", name, " BEFORE ", event, " ON ", g->table,
                      "\n  BEGIN SELECT RAISE(ABORT, '", g->refusal, "'); END;\n"});
  }
}

void PostgresGuards(const std::vector<const Guard*>& guards, std::string* out) {
  for (const Guard* g : guards)
    AppendAll(out, {"CREATE TRIGGER ", g->postgres_row, " BEFORE UPDATE OR DELETE ON ", g->table,
                    "\n  FOR EACH ROW EXECUTE FUNCTION gongkai_refuse_change();\n"});
  for (const Guard* g : guards)
    AppendAll(out, {"CREATE TRIGGER ", g->table, "_kept BEFORE TRUNCATE ON ", g->table,
                    "\n  FOR EACH STATEMENT EXECUTE FUNCTION gongkai_refuse_change();\n"});
}

// The words of one database (see the top of this file).
struct Dialect {
  std::string_view key;
  std::string_view bigint;
  std::string_view blob;
  std::string_view user;
  std::string_view refuse_function;
  void (*guards)(const std::vector<const Guard*>&, std::string*);
};

constexpr Dialect kSqlite = {
    "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "BLOB", "user  ", "", SqliteGuards};

constexpr Dialect kPostgres = {
    "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    "BIGINT",
    "BYTEA",
    "\"user\"",
    R"sql(CREATE FUNCTION gongkai_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable or append-only', TG_TABLE_NAME;
END $$;
)sql",
    PostgresGuards};

// `text` with its braced words in `dialect`'s SQL. A word that stands for lines ({guard …},
// {refuse_function}) takes the place of its whole line.
std::string Expand(std::string_view text, const Dialect& dialect) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) throw std::logic_error("migrations.cc: unclosed {");
    out.append(text.substr(at, open - at));
    const std::string_view word = text.substr(open + 1, close - open - 1);
    at = close + 1;
    if (word == "key") {
      out.append(dialect.key);
    } else if (word == "bigint") {
      out.append(dialect.bigint);
    } else if (word == "blob") {
      out.append(dialect.blob);
    } else if (word == "user") {
      out.append(dialect.user);
    } else {
      // A word for whole lines: its line's newline goes with it.
      if (at >= text.size() || text[at] != '\n' || (open > 0 && text[open - 1] != '\n'))
        throw std::logic_error("migrations.cc: {" + std::string(word) +
                               "} must be a line of its own");
      ++at;
      if (word == "refuse_function") {
        out.append(dialect.refuse_function);
      } else if (word.starts_with("guard ")) {
        std::vector<const Guard*> guards;
        std::string_view tables = word.substr(6);
        while (!tables.empty()) {
          const std::size_t space = tables.find(' ');
          guards.push_back(&FindGuard(tables.substr(0, space)));
          tables = space == std::string_view::npos ? "" : tables.substr(space + 1);
        }
        dialect.guards(guards, &out);
      } else {
        throw std::logic_error("migrations.cc: unknown word {" + std::string(word) + "}");
      }
    }
  }
  out.append(text.substr(at));
  return out;
}

// The migrations in one dialect, expanded once; the views point into `texts`, which lives as
// long as the program.
struct Expanded {
  explicit Expanded(const Dialect& dialect) {
    for (std::string_view m : kMigrations) texts.push_back(Expand(m, dialect));
    views.assign(texts.begin(), texts.end());
  }
  std::vector<std::string> texts;
  std::vector<std::string_view> views;
};

}  // namespace

const std::vector<std::string_view>& SqliteMigrations() {
  static const Expanded all(kSqlite);
  return all.views;
}

const std::vector<std::string_view>& PostgresMigrations() {
  static const Expanded all(kPostgres);
  return all.views;
}

}  // namespace gongkai::server
