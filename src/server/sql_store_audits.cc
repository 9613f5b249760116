// The store's audited uploads (store.h AuditUpload), over an SQL connection (sql_store.h).
#include "server/sql_store.h"

namespace gongkai::server {

namespace {

// An upload's columns; `text` chooses between its two JSON texts and two empty texts (lists
// do not need them: a document's figures run to hundreds of kilobytes).
std::string AuditUploadColumns(bool text) {
  return std::string(
             "SELECT id, department_code, department_name, year, kind, file_name, sha256, size, "
             "uploaded_by, created_at, errors, notes, tables, ") +
         (text ? "report_json, figures_json" : "'', ''") +
         ", EXISTS (SELECT 1 FROM audit_files f WHERE f.sha256 = audit_uploads.sha256) "
         "FROM audit_uploads ";
}

AuditUpload ReadAuditUpload(const SqlRow& r) {
  AuditUpload a;
  a.id = r.Int(0);
  a.department_code = r.Text(1);
  a.department_name = r.Text(2);
  a.year = static_cast<int>(r.Int(3));
  a.kind = r.Text(4);
  a.file_name = r.Text(5);
  a.sha256 = r.Text(6);
  a.size = r.Int(7);
  a.uploaded_by = r.Text(8);
  a.created_at = r.Int(9);
  a.errors = static_cast<int>(r.Int(10));
  a.notes = static_cast<int>(r.Int(11));
  a.tables = static_cast<int>(r.Int(12));
  a.report_json = r.Text(13);
  a.figures_json = r.Text(14);
  // SQLite's EXISTS is 1 or 0, PostgreSQL's boolean t or f.
  a.file_kept = r.Text(15) == "1" || r.Text(15) == "t";
  return a;
}

}  // namespace

std::vector<int64_t> SqlStore::AddAuditUploads(const std::vector<AuditUpload>& uploads) {
  std::lock_guard lock(mutex_);
  SqlTransaction tx(*db_);
  std::vector<int64_t> ids;
  for (const AuditUpload& a : uploads) {
    // Each content once: a file already kept (uploaded before, or earlier in this batch) is not
    // sent to the database again.
    if (static_cast<int64_t>(a.content.size()) != a.size) {
      throw StoreError("审核文件 " + a.file_name + " 的内容与其大小不符，未保存");
    }
    if (Q("SELECT 1 FROM audit_files WHERE sha256 = ?", {a.sha256}).empty()) {
      Q("INSERT INTO audit_files(sha256, size, content) VALUES(?, ?, ?)",
        {a.sha256, static_cast<int64_t>(a.content.size()), SqlBlob{a.content}});
    }
    ids.push_back(Q("INSERT INTO audit_uploads(department_code, department_name, year, kind, "
                    "file_name, sha256, size, uploaded_by, created_at, errors, notes, tables, "
                    "report_json, figures_json) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {a.department_code, a.department_name, int64_t{a.year}, a.kind, a.file_name,
                     a.sha256, a.size, a.uploaded_by, a.created_at, int64_t{a.errors},
                     int64_t{a.notes}, int64_t{a.tables}, a.report_json, a.figures_json})[0]
                      .Int(0));
  }
  tx.Commit();
  return ids;
}

std::optional<AuditUpload> SqlStore::GetAuditUpload(int64_t id) {
  return Read().First(AuditUploadColumns(true) + "WHERE id = ?", {id}, ReadAuditUpload);
}

std::vector<AuditUpload> SqlStore::ListAuditUploads(const AuditUploadFilter& filter) {
  auto db = Read();
  std::string sql = AuditUploadColumns(false) + "WHERE 1 = 1 ";
  std::vector<SqlValue> args;
  if (filter.year != 0) {
    sql += "AND year = ? ";
    args.emplace_back(int64_t{filter.year});
  }
  if (!filter.department.empty()) {
    sql += "AND department_code = ? ";
    args.emplace_back(filter.department);
  }
  return db.All(sql + "ORDER BY id DESC", args, ReadAuditUpload);
}

std::optional<std::string> SqlStore::AuditFile(const std::string& sha256) {
  auto db = Read();
  auto rows = db.Q("SELECT content FROM audit_files WHERE sha256 = ?", {sha256});
  if (rows.empty()) return std::nullopt;
  return std::move(rows[0].values[0]).value_or("");
}

}  // namespace gongkai::server
