// Administration (管理员 only, except the department list, which every signed-in user reads):
//
//   GET  /api/users                      {items: [{name, role, department|null}]}
//   POST /api/users                      {name, role, department?, password} → 201 (adds or
//                                        replaces; the password is stored as argon2id)
//   GET  /api/departments                {items: [{code, name, parent|null}]}
//   POST /api/departments/import         text/csv "编码,名称[,上级编码]" → {imported: n}
//   GET  /api/audit-log?limit=&format=   newest first: JSON {items: [{id, at, who, what, from}]}
//                                        or CSV (header at,who,what,from; at as local time)
//
// A refusal is a 403 in the audit log like every other; the changes are logged too.
#include <fmt/format.h>

#include <ctime>

#include "base/csv.h"
#include "base/utf8_text.h"
#include "server/api_support.h"

namespace gongkai::server {

namespace {

// The caller when it is a 管理员; otherwise nullopt after a 401/403 (logged as `what`).
std::optional<Caller> Admin(Context& c, const httplib::Request& req, httplib::Response& res,
                            bool change, const std::string& what) {
  auto caller = Authenticate(c, req, res, change);
  if (!caller) return std::nullopt;
  if (caller->role != kRoleAdmin) {
    Refuse(c, *caller, req, res, "拒绝" + what, "只有管理员可以" + what);
    return std::nullopt;
  }
  return caller;
}

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

void ListUsers(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!Admin(c, req, res, false, "查看用户")) return;
  nlohmann::json items = nlohmann::json::array();
  for (const User& u : c.store.ListUsers()) {
    items.push_back({{"name", u.name}, {"role", u.role}, {"department", OrNull(u.department)}});
  }
  SendJson(res, 200, {{"items", items}});
}

void PutUser(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Admin(c, req, res, true, "管理用户");
  if (!caller) return;
  auto body = JsonBody(req, res);
  if (!body) return;
  auto text = [&](const char* key) {
    auto it = body->find(key);
    return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string name = text("name"), role = text("role"), department = text("department"),
                    password = text("password");
  if (name.empty() || name.size() > 64 || FirstNonTextByte(name) != std::string::npos ||
      name.find_first_of(" \t\r\n") != std::string::npos) {
    return SendError(res, 400, "用户名（name）不能为空、不能含空白，至多 64 字节");
  }
  if (!IsRole(role)) {
    return SendError(res, 400, "角色（role）应为 单位填报人、主管部门审核人、财政审核人 或 管理员");
  }
  if (BelongsToDepartment(role) && department.empty()) {
    return SendError(res, 400, "角色「" + role + "」须指定所属部门（department，部门编码）");
  }
  if (password.size() < 8) return SendError(res, 400, "密码（password）至少 8 个字符");
  const std::string kept = BelongsToDepartment(role) ? department : "";
  c.store.PutUser({name, role, HashPassword(password), kept});
  c.store.Audit(caller->name,
                "设置用户 " + name + "（" + role + (kept.empty() ? "" : "，所属 " + kept) + "）",
                ClientAddress(req), c.Now());
  SendJson(res, 201, {{"name", name}, {"role", role}, {"department", OrNull(kept)}});
}

void ListDepartments(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!Authenticate(c, req, res, false)) return;
  nlohmann::json items = nlohmann::json::array();
  for (const DepartmentRecord& d : c.store.ListDepartments()) {
    items.push_back({{"code", d.code}, {"name", d.name}, {"parent", OrNull(d.parent)}});
  }
  SendJson(res, 200, {{"items", items}});
}

// "编码,名称[,上级编码]" rows, with or without that header line; a UTF-8 byte order mark (as
// Excel writes) is skipped. Every row checked before any is stored.
void ImportDepartments(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Admin(c, req, res, true, "导入部门");
  if (!caller) return;
  std::string text = req.body;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (size_t bad = FirstNonTextByte(text); bad != std::string::npos) {
    const TextPosition at = PositionOf(text, bad);
    return SendError(
        res, 400,
        fmt::format("部门CSV 第 {} 行第 {} 列：{}", at.line, at.column, NonTextMessage(text, bad)));
  }
  std::vector<DepartmentRecord> rows;
  try {
    CsvTable table = ParseCsv(text, "部门CSV");
    int shift = 0;  // the line numbers of a file without a header line
    if (!table.header.empty() && table.header[0] != "编码") {
      const bool with_parent = table.header.size() == 3;
      table = ParseCsv(std::string(with_parent ? "编码,名称,上级编码\n" : "编码,名称\n") + text,
                       "部门CSV");
      shift = 1;
    }
    if (table.header.size() < 2 || table.header.size() > 3 || table.header[1] != "名称" ||
        (table.header.size() == 3 && table.header[2] != "上级编码")) {
      return SendError(res, 400, "部门CSV 的列应为：编码,名称[,上级编码]");
    }
    for (const CsvRow& row : table.rows) {
      const int line = row.line - shift;
      if (row.fields[0].empty() || row.fields[1].empty()) {
        return SendError(res, 400, fmt::format("部门CSV 第 {} 行：编码和名称都不能为空", line));
      }
      rows.push_back({row.fields[0], row.fields[1], row.fields.size() > 2 ? row.fields[2] : ""});
    }
  } catch (const CatalogError& e) {
    return SendError(res, 400, e.what());
  }
  c.store.PutDepartments(rows);
  c.store.Audit(caller->name, fmt::format("导入部门 {} 个", rows.size()), ClientAddress(req),
                c.Now());
  SendJson(res, 200, {{"imported", rows.size()}});
}

std::string LocalTime(int64_t at) {
  std::time_t t = static_cast<std::time_t>(at);
  std::tm tm{};
  localtime_r(&t, &tm);
  return fmt::format("{}-{:02}-{:02} {:02}:{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// A CSV field, quoted when it must be (RFC 4180); a leading = + - @ is prefixed with ' so that
// a spreadsheet does not run it as a formula (what a user name or a request path may hold).
std::string CsvField(std::string text) {
  if (!text.empty() && std::string_view("=+-@").find(text[0]) != std::string_view::npos) {
    text.insert(0, "'");
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

void ExportAuditLog(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Admin(c, req, res, false, "查看审计日志");
  if (!caller) return;
  const std::string limit_text = req.get_param_value("limit"),
                    format = req.get_param_value("format");
  size_t limit = 1000;
  if (!limit_text.empty()) {
    if (limit_text.size() > 6 || limit_text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(limit_text) == 0) {
      return SendError(res, 400, "limit 应为 1 至 999999 的整数");
    }
    limit = std::stoul(limit_text);
  }
  if (!format.empty() && format != "json" && format != "csv") {
    return SendError(res, 400, "format 应为 json 或 csv");
  }
  const auto log = c.store.AuditLog(limit);
  c.store.Audit(
      caller->name,
      fmt::format("导出审计日志（{} 条，{}）", log.size(), format.empty() ? "json" : format),
      ClientAddress(req), c.Now());
  if (format == "csv") {
    std::string csv =
        "\xEF\xBB\xBF"
        "at,who,what,from\r\n";  // BOM: Excel reads it as UTF-8
    for (const AuditEntry& e : log) {
      csv += CsvField(LocalTime(e.at)) + "," + CsvField(e.who) + "," + CsvField(e.what) + "," +
             CsvField(e.from) + "\r\n";
    }
    res.set_header("Content-Disposition", "attachment; filename=\"gongkai-audit-log.csv\"");
    return res.set_content(csv, "text/csv; charset=utf-8");
  }
  nlohmann::json items = nlohmann::json::array();
  for (const AuditEntry& e : log) {
    items.push_back(
        {{"id", e.id}, {"at", e.at}, {"who", e.who}, {"what", e.what}, {"from", e.from}});
  }
  SendJson(res, 200, {{"items", items}});
}

}  // namespace

void RegisterAdminApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Get("/api/users", ListUsers)
      .Post("/api/users", PutUser)
      .Get("/api/departments", ListDepartments)
      .Post("/api/departments/import", ImportDepartments)
      .Get("/api/audit-log", ExportAuditLog);
}

}  // namespace gongkai::server
