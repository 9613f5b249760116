// Audit uploads: published documents of departments (PDF, pdftotext .txt, or a workbook of the
// tables) uploaded singly or as a batch, each run through the engine's audit exactly as
// `gongkai audit` runs it (Engine::Audit, the same reader and checks), the results stored and
// listed per department and year with the findings and the figures the reader recovered.
//
//   POST /api/audits            upload: multipart/form-data, parts `file` (one or more) and the
//                               optional fields `department`, `year`; or one file as the body,
//                               named by ?name=…  (财政审核人, 管理员)
//   GET  /api/audits            list (?year=&department=), with the per department/year groups
//   GET  /api/audits/{id}       one: findings with page, table, row, column; tables as read
//   GET  /api/audits/{id}/file  the uploaded file itself, as an attachment (kept once per
//                               content since schema version 5; 404 for older uploads)
//
// Only 财政审核人 and 管理员 (MayAudit): a refusal is a 403 with a Chinese message and an
// audit_log entry, like every other refusal. The role is checked before the upload's id.
//
// Bounds: the request body is at most ServerOptions::max_body (413 otherwise, before any of it
// is read into a handler), at most max_audit_files files; each document is read under the
// reader's own limits (pages, inflated streams, workbook cells), and one it refuses is answered
// with the reader's message, naming the file, and not stored. A batch is audited first and
// stored afterwards in one transaction: all its readable documents or, on a failure of the
// database, none. Audits are CPU work of 10–350 ms each: they run in the request's worker
// thread (the server's pool of 64), at most ServerOptions::audit_jobs at once (a semaphore), so
// that a large batch or many uploads never occupy every worker while portal and workspace
// requests wait.
#include <set>

#include "base/utf8_text.h"
#include "server/api_support.h"

namespace gongkai::server {

namespace {

struct UploadedFile {
  std::string name, bytes;
};

// One slot of Context::audit_slots for the life of the object.
class AuditSlot {
 public:
  explicit AuditSlot(std::counting_semaphore<1024>& s) : s_(s) { s_.acquire(); }
  ~AuditSlot() { s_.release(); }
  AuditSlot(const AuditSlot&) = delete;
  AuditSlot& operator=(const AuditSlot&) = delete;

 private:
  std::counting_semaphore<1024>& s_;
};

// The file name as the browser sent it, without any directory part (Windows browsers once sent
// C:\…), or "" when it is not a usable name (empty, not UTF-8 text, longer than 255 bytes).
std::string BaseName(const std::string& sent) {
  std::string name = sent.substr(sent.find_last_of("/\\") + 1);
  if (name.empty() || name.size() > 255 || FirstNonTextByte(name) != std::string_view::npos ||
      name.find_first_of("\r\n\t") != std::string::npos) {
    return "";
  }
  return name;
}

// The extension of a file name, lower case ("" without one).
std::string Extension(const std::string& name) {
  const size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

bool HasExtensionOf(const std::string& name, const std::set<std::string>& extensions) {
  return extensions.count(Extension(name)) > 0;
}

// The "year" field or parameter: 0 when absent, -1 when not four digits.
int YearOf(const std::string& text) {
  if (text.empty()) return 0;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoi(text);
}

// A form field of a multipart request, else the query parameter of that name.
std::string Field(const httplib::Request& req, const std::string& key) {
  if (req.is_multipart_form_data() && req.has_file(key)) return req.get_file_value(key).content;
  return req.get_param_value(key);
}

nlohmann::json UploadSummary(const AuditUpload& a) {
  return {{"id", a.id},
          {"department", a.department_name},
          {"department_code", a.department_code},
          {"year", a.year},
          {"kind", a.kind},
          {"file_name", a.file_name},
          {"sha256", a.sha256},
          {"size", a.size},
          {"uploaded_by", a.uploaded_by},
          {"created_at", a.created_at},
          {"counts", {{"error", a.errors}, {"note", a.notes}}},
          {"tables", a.tables},
          {"download", a.file_kept ? nlohmann::json("/api/audits/" + std::to_string(a.id) + "/file")
                                   : nlohmann::json()}};
}

// The content type of a kept file by its extension (one that Upload accepts).
std::string FileType(const std::string& ext) {
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == ".xls") return "application/vnd.ms-excel";
  return "application/octet-stream";
}

// The Content-Disposition of an uploaded file (RFC 6266): an attachment, never shown in the
// server's own origin, named by an ASCII fallback (audit-12.pdf) and by its own UTF-8 name
// percent-encoded (RFC 8187 filename*), so that no quote, semicolon or byte of the name can
// end the header or add to it.
std::string Disposition(const AuditUpload& a) {
  std::string encoded;
  for (unsigned char ch : a.file_name) {
    if (std::isalnum(ch) ||
        std::string_view("!#$&+-.^_`|~").find(static_cast<char>(ch)) != std::string_view::npos) {
      encoded += static_cast<char>(ch);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[ch >> 4];
      encoded += kHex[ch & 15];
    }
  }
  return "attachment; filename=\"audit-" + std::to_string(a.id) + Extension(a.file_name) +
         "\"; filename*=UTF-8''" + encoded;
}

void Upload(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  if (!MayAudit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝上传审核文件",
                  "角色「" + caller->role + "」不能上传公开文件审核（财政审核人、管理员可以）");
  }
  std::vector<UploadedFile> files;
  if (req.is_multipart_form_data()) {
    for (const auto& [key, part] : req.files) {
      if (key == "file") files.push_back({part.filename, part.content});
    }
  } else if (!req.body.empty()) {
    const std::string name = req.get_param_value("name");
    if (name.empty()) {
      return SendError(
          res, 400,
          "请用 ?name=文件名.pdf 说明上传的文件名，或以 multipart/form-data 上传（字段 file）");
    }
    files.push_back({name, req.body});
  }
  if (files.empty()) return SendError(res, 400, "没有上传文件（multipart/form-data 的字段 file）");
  if (files.size() > c.options.max_audit_files) {
    return SendError(res, 400,
                     "一次最多上传 " + std::to_string(c.options.max_audit_files) +
                         " 个文件，本次 " + std::to_string(files.size()) + " 个");
  }
  const std::string department = Field(req, "department");
  const int year = YearOf(Field(req, "year"));
  if (year < 0) return SendError(res, 400, "year 应为四位年份");
  if (department.size() > 200 || FirstNonTextByte(department) != std::string_view::npos) {
    return SendError(res, 400, "department 应为部门编码或名称（UTF-8，不超过 200 字节）");
  }
  // The departments the bureau knows: a document printing one's name is filed under its code.
  std::map<std::string, std::string> name_of, code_of;
  for (const DepartmentRecord& d : c.store.ListDepartments()) {
    name_of[d.code] = d.name;
    code_of[d.name] = d.code;
  }

  // Audit every file first (nothing stored yet), then store the readable ones together.
  std::vector<nlohmann::json> items(files.size());
  std::vector<AuditUpload> stored;
  std::vector<size_t> stored_item;
  // Read and checked one by one; then a 情况说明 uploaded with its tables in another file is
  // checked against them (the files of one batch are audited together, as `gongkai audit`'s).
  std::vector<AuditedDocument> audits(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string name = BaseName(files[i].name);
    if (name.empty()) {
      audits[i].error = "文件名无效（应为不超过 255 字节的 UTF-8 文本）";
    } else if (!HasExtensionOf(name, {".pdf", ".txt", ".xlsx", ".xls"})) {
      audits[i].error =
          name + "：只接受已公开的 PDF、pdftotext 文本（.txt）或 Excel 工作簿（.xlsx）";
    } else {
      AuditSlot slot(c.audit_slots);
      audits[i] = c.engine.Audit(files[i].bytes, name);
    }
  }
  c.engine.PairTextWithTables(&audits);
  for (size_t i = 0; i < files.size(); ++i) {
    UploadedFile& f = files[i];
    const std::string name = BaseName(f.name);
    auto refuse = [&](const std::string& why) {
      items[i] = {{"file_name", name.empty() ? Excerpt(f.name) : name}, {"error", why}};
      c.store.Audit(caller->name, "审核文件未读：" + Excerpt(why, 200), ClientAddress(req),
                    c.Now());
    };
    const AuditedDocument& audited = audits[i];
    if (!audited.document) {
      refuse(audited.error);
      continue;
    }
    const reader::PublishedDocument& d = *audited.document;
    AuditUpload a;
    if (!department.empty()) {
      a.department_code = department;
      a.department_name = name_of.count(department) ? name_of[department] : department;
    } else if (!d.department.empty()) {
      a.department_name = d.department;
      a.department_code = code_of.count(d.department) ? code_of[d.department] : d.department;
    } else {
      refuse(name + "：未能从文件中读出部门名称，请在上传时指定部门（字段 department）");
      continue;
    }
    a.year = year != 0 ? year : d.year;
    a.kind = reader::KindName(d.kind);
    a.file_name = name;
    a.sha256 = Sha256Hex(f.bytes);
    a.size = static_cast<int64_t>(f.bytes.size());
    a.uploaded_by = caller->name;
    a.created_at = c.Now();
    a.errors = audited.Errors();
    a.notes = audited.Notes();
    a.tables = static_cast<int>(d.tables.size());
    a.report_json = AuditDocumentJson(audited);
    a.figures_json = PublishedFiguresJson(d);
    a.content = std::move(f.bytes);  // kept with the results (once per SHA-256)
    a.file_kept = true;
    stored.push_back(std::move(a));
    stored_item.push_back(i);
  }
  const std::vector<int64_t> ids =
      stored.empty() ? std::vector<int64_t>() : c.store.AddAuditUploads(stored);
  for (size_t k = 0; k < stored.size(); ++k) {
    stored[k].id = ids[k];
    const AuditUpload& a = stored[k];
    c.store.Audit(caller->name,
                  "上传审核文件 #" + std::to_string(a.id) + "（" + a.department_name + " " +
                      std::to_string(a.year) + "年" + a.kind + "，" + a.file_name + "）",
                  ClientAddress(req), c.Now());
    items[stored_item[k]] = UploadSummary(a);
  }
  nlohmann::json answer = {{"items", items}};
  if (stored.empty()) {
    // One file refused: its own message; several: say that none was read, each says why.
    answer["error"] = items.size() == 1 ? items[0]["error"].get<std::string>()
                                        : std::string("上传的文件都无法读取，未保存");
    return SendJson(res, 422, answer);
  }
  SendJson(res, 201, answer);
}

void List(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  if (!MayAudit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝查看审核文件",
                  "角色「" + caller->role + "」不能查看公开文件审核（财政审核人、管理员可以）");
  }
  AuditUploadFilter filter;
  filter.department = req.get_param_value("department");
  filter.year = YearOf(req.get_param_value("year"));
  if (filter.year < 0) return SendError(res, 400, "year 应为四位年份");
  nlohmann::json items = nlohmann::json::array();
  // Per department and year: how many documents, the newest one's counts.
  std::map<std::pair<std::string, int>, nlohmann::json> groups;
  for (const AuditUpload& a : c.store.ListAuditUploads(filter)) {
    items.push_back(UploadSummary(a));
    nlohmann::json& g = groups[{a.department_code, a.year}];
    if (g.is_null()) {
      g = {{"department", a.department_name},
           {"department_code", a.department_code},
           {"year", a.year},
           {"documents", 0},
           {"latest", a.id},
           {"counts", {{"error", a.errors}, {"note", a.notes}}}};
    }
    g["documents"] = g["documents"].get<int>() + 1;
  }
  nlohmann::json by_department = nlohmann::json::array();
  for (auto& [key, g] : groups) by_department.push_back(std::move(g));
  SendJson(res, 200, {{"items", items}, {"groups", by_department}});
}

void One(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  const std::string id = req.matches[1];
  if (!MayAudit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝查看审核文件 #" + id,
                  "角色「" + caller->role + "」不能查看公开文件审核（财政审核人、管理员可以）");
  }
  auto a = c.store.GetAuditUpload(std::stoll(id));
  if (!a) return SendError(res, 404, "没有这个审核文件");
  nlohmann::json answer = UploadSummary(*a);
  nlohmann::json report = nlohmann::json::parse(a->report_json, nullptr, false);
  if (!report.is_object()) return SendError(res, 500, "已保存的审核结果已损坏 #" + id);
  answer["printed_department"] = report.value("department", "");
  answer["printed_year"] = report.value("year", 0);
  for (const char* key :
       {"tables", "blank_form", "unreadable_pages", "completeness", "text_figures", "findings"}) {
    answer[key == std::string("tables") ? "tables_found" : key] =
        report.value(key, nlohmann::json());
  }
  // A 情况说明 uploaded with its tables in another file of the batch: that file.
  answer["tables_from"] = report.value("tables_from", "");
  answer["figures"] = nlohmann::json::parse(a->figures_json, nullptr, false);
  SendJson(res, 200, answer);
}

// The uploaded file, for whoever may see its audit. Reading it changes nothing: it is not in
// the audit log (a refusal is, like every refusal).
void File(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  const std::string id = req.matches[1];
  if (!MayAudit(caller->role)) {
    return Refuse(
        c, *caller, req, res, "拒绝下载审核文件 #" + id,
        "角色「" + caller->role + "」不能下载公开文件审核的原件（财政审核人、管理员可以）");
  }
  auto a = c.store.GetAuditUpload(std::stoll(id));
  if (!a) return SendError(res, 404, "没有这个审核文件");
  auto bytes = c.store.AuditFile(a->sha256);
  if (!bytes) {
    return SendError(
        res, 404, "审核文件 #" + id + " 上传于服务器保存原件之前，只记录了它的 SHA-256，没有原件");
  }
  res.set_header("Content-Disposition", Disposition(*a));
  res.set_content(*bytes, FileType(Extension(a->file_name)));
}

}  // namespace

void RegisterAuditsApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Post("/api/audits", Upload)
      .Get("/api/audits", List)
      .Get(R"(/api/audits/(\d{1,15}))", One)
      .Get(R"(/api/audits/(\d{1,15})/file)", File);
}

}  // namespace gongkai::server
