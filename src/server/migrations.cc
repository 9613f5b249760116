// The migrations of the server's SQLite schema (see migrations.h). Append only.
#include "server/migrations.h"

namespace gongkai::server {

namespace {

// 1: the first schema. Submissions are immutable (a trigger refuses any change to a row whose
// `immutable` is 1, which every row is); the audit log is append-only (no update, no delete).
constexpr std::string_view k001 = R"sql(
CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE submissions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  department   TEXT NOT NULL REFERENCES departments(code),
  year         INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  source_name  TEXT NOT NULL,
  source       TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  immutable    INTEGER NOT NULL DEFAULT 1 CHECK (immutable = 1)
);
CREATE TRIGGER submissions_immutable BEFORE UPDATE ON submissions
  BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER submissions_kept BEFORE DELETE ON submissions
  BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TABLE findings (
  submission INTEGER PRIMARY KEY REFERENCES submissions(id),
  errors     INTEGER NOT NULL,
  warnings   INTEGER NOT NULL,
  infos      INTEGER NOT NULL,
  json       TEXT NOT NULL
);
CREATE TABLE published (
  submission   INTEGER PRIMARY KEY REFERENCES submissions(id),
  published_at INTEGER NOT NULL
);
CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user       TEXT NOT NULL REFERENCES users(name),
  csrf_token TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        INTEGER NOT NULL,
  who       TEXT NOT NULL,
  what      TEXT NOT NULL,
  from_addr TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
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
  submission INTEGER NOT NULL REFERENCES submissions(id),
  seq        INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  who        TEXT NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (submission, seq)
);
CREATE TABLE explanations (
  submission INTEGER NOT NULL REFERENCES submissions(id),
  seq        INTEGER NOT NULL,
  finding    TEXT NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (submission, seq, finding)
);
CREATE TABLE comments (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  submission INTEGER NOT NULL REFERENCES submissions(id),
  at         INTEGER NOT NULL,
  who        TEXT NOT NULL,
  finding    TEXT NOT NULL,
  text       TEXT NOT NULL
);
CREATE TABLE scores (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  submission INTEGER NOT NULL REFERENCES submissions(id),
  code       TEXT NOT NULL,
  score      INTEGER NOT NULL,
  reason     TEXT NOT NULL,
  who        TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
  BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
  BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
CREATE TRIGGER explanations_no_update BEFORE UPDATE ON explanations
  BEGIN SELECT RAISE(ABORT, 'explanations are append-only'); END;
CREATE TRIGGER explanations_no_delete BEFORE DELETE ON explanations
  BEGIN SELECT RAISE(ABORT, 'explanations are append-only'); END;
CREATE TRIGGER comments_no_update BEFORE UPDATE ON comments
  BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
  BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
CREATE TRIGGER scores_no_update BEFORE UPDATE ON scores
  BEGIN SELECT RAISE(ABORT, 'scores are append-only'); END;
CREATE TRIGGER scores_no_delete BEFORE DELETE ON scores
  BEGIN SELECT RAISE(ABORT, 'scores are append-only'); END;
CREATE INDEX comments_by_submission ON comments(submission);
CREATE INDEX scores_by_submission ON scores(submission);
INSERT INTO transitions(submission, seq, at, who, action, from_state, to_state)
  SELECT submission, 1, published_at, 'migration', '公开', '编制', '已公开' FROM published;
)sql";

// 4: audited uploads (published documents run through `gongkai audit`, store.h AuditUpload).
// Immutable like submissions: the result of an audit is what it was when made.
constexpr std::string_view k004 = R"sql(
CREATE TABLE audit_uploads (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  department_code TEXT NOT NULL,
  department_name TEXT NOT NULL,
  year            INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  uploaded_by     TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  errors          INTEGER NOT NULL,
  notes           INTEGER NOT NULL,
  tables          INTEGER NOT NULL,
  report_json     TEXT NOT NULL,
  figures_json    TEXT NOT NULL
);
CREATE TRIGGER audit_uploads_immutable BEFORE UPDATE ON audit_uploads
  BEGIN SELECT RAISE(ABORT, 'audit uploads are immutable'); END;
CREATE TRIGGER audit_uploads_kept BEFORE DELETE ON audit_uploads
  BEGIN SELECT RAISE(ABORT, 'audit uploads are immutable'); END;
CREATE INDEX audit_uploads_by_department ON audit_uploads(department_code, year);
)sql";

}  // namespace

const std::vector<std::string_view>& SqliteMigrations() {
  static const std::vector<std::string_view> all = {k001, k002, k003, k004};
  return all;
}

}  // namespace gongkai::server
