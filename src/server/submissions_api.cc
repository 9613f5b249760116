// Submissions: upload a source (a new immutable version), list them, read one with its
// history, comments and explanations, its findings (with stable keys), its rendered document,
// and two versions compared (api.cc lists the routes; docs/server-api.md the answers).
#include "server/api_support.h"
#include "server/compare.h"
#include "server/finding_keys.h"
#include "server/workflow.h"

namespace gongkai::server {

namespace {

// A filled workbook (by its type, or a zip's first bytes) is read as a workbook; a JSON body as
// JSON; anything else as YAML (whose parser also reads JSON).
std::string SourceName(const httplib::Request& req) {
  if (req.get_header_value("Content-Type").find("spreadsheetml") != std::string::npos ||
      req.body.rfind("PK\x03\x04", 0) == 0) {
    return "submission.xlsx";
  }
  size_t first = req.body.find_first_not_of(" \t\r\n");
  bool json = first != std::string::npos && req.body[first] == '{';
  return json ? "submission.json" : "submission.yaml";
}

void Upload(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  if (!MaySubmit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝提交", "角色「" + caller->role + "」不能提交");
  }
  StoreReviewed(c, *caller, req, res, ReviewSource(c.engine, req.body, SourceName(req)), "上传");
}

void List(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  SubmissionFilter filter;
  filter.department = req.get_param_value("department");
  const std::string year = req.get_param_value("year"), state = req.get_param_value("state");
  if (!year.empty()) {
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
      return SendError(res, 400, "year 应为四位年份");
    }
    filter.year = std::stoi(year);
  }
  if (!state.empty() && !IsState(state)) return SendError(res, 400, "没有这个状态：" + state);
  // A user bound to a department lists what it may read only: its own department's, and a
  // 主管部门审核人 its units' too (none when unbound).
  if (BelongsToDepartment(caller->role)) {
    if (caller->scope.empty() ||
        (!filter.department.empty() && !MayRead(caller->role, caller->scope, filter.department))) {
      return SendJson(res, 200, {{"items", nlohmann::json::array()}});
    }
    filter.departments = caller->scope;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const Submission& s : c.store.ListSubmissions(filter)) {
    if (state.empty() || s.state == state) items.push_back(SubmissionSummary(s));
  }
  SendJson(res, 200, {{"items", items}});
}

void One(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "查看", SubmissionTexts::kNone);
  if (!s) return;
  nlohmann::json answer = SubmissionSummary(*s);
  answer["source_name"] = s->source_name;
  nlohmann::json history = nlohmann::json::array();
  for (const Transition& t : c.store.History(s->id)) {
    history.push_back({{"at", t.at},
                       {"who", t.who},
                       {"action", t.action},
                       {"from", t.from_state},
                       {"state", t.to_state},
                       {"reason", t.reason}});
  }
  nlohmann::json comments = nlohmann::json::array();
  for (const Comment& m : c.store.Comments(s->id)) {
    comments.push_back(
        {{"id", m.id}, {"at", m.at}, {"who", m.who}, {"finding", m.finding}, {"text", m.text}});
  }
  answer["history"] = history;
  answer["comments"] = comments;
  answer["explanations"] = c.store.Explanations(s->id);
  SendJson(res, 200, answer);
}

void Findings(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "查看", SubmissionTexts::kNone);
  if (!s) return;
  auto findings = c.keyed_findings.Get(std::to_string(s->id), [&] {
    auto full = c.store.GetSubmission(s->id, SubmissionTexts::kFindings);
    return std::make_shared<const std::string>(
        KeyedFindings(full ? full->findings_json : "[]").dump());
  });
  // The summary (a non-empty object) with the findings' text spliced in as its last member.
  std::string body = SubmissionSummary(*s).dump();
  body.pop_back();
  body += ",\"findings\":" + *findings + "}";
  res.status = 200;
  res.set_content(body, "application/json; charset=utf-8");
}

// The rendered disclosure, for the reviewer's side-by-side view: unlike the rest of the
// server's answers it may be framed by the server's own pages (the front end's iframe).
void RenderedDocument(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "查看");
  if (!s) return;
  std::string error;
  auto bytes = c.renderer.Render(*s, DisclosureFormat::kHtml, &error);
  if (!bytes) return SendError(res, 500, "生成失败：" + error);
  res.headers.erase("X-Frame-Options");
  res.headers.erase("Content-Security-Policy");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                 "frame-ancestors 'self'; base-uri 'none'");
  res.set_content(*bytes, "text/html; charset=utf-8");
}

void Compare(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto a = ReadableSubmission(c, *caller, req, res, "比较", SubmissionTexts::kAll, 1);
  if (!a) return;
  auto b = ReadableSubmission(c, *caller, req, res, "比较", SubmissionTexts::kAll, 2);
  if (!b) return;
  if (a->department_code != b->department_code) {
    return SendError(res, 409,
                     "只能比较同一部门的两个版本（#" + std::to_string(a->id) + " 属「" +
                         a->department_code + "」，#" + std::to_string(b->id) + " 属「" +
                         b->department_code + "」）");
  }
  std::string error;
  auto da = LoadStored(c.engine, *a, &error);
  auto db = da ? LoadStored(c.engine, *b, &error) : std::nullopt;
  if (!da || !db) return SendError(res, 500, "无法读取已保存的版本：" + error);
  nlohmann::json answer = {
      {"a", a->id},
      {"b", b->id},
      {"figures", ChangedCells(c.engine.Disclose(*da), c.engine.Disclose(*db))}};
  answer.update(FindingChanges(KeyedFindings(a->findings_json), KeyedFindings(b->findings_json)));
  SendJson(res, 200, answer);
}

}  // namespace

std::optional<Submission> StoreReviewed(Context& c, const Caller& caller,
                                        const httplib::Request& req, httplib::Response& res,
                                        ReviewedSource reviewed, const std::string& what) {
  if (!reviewed.submission) {
    SendJson(res, 422,
             {{"error", "源文件有错误，未保存"},
              {"diagnostics", DiagnosticsJson(reviewed.diagnostics)}});
    return std::nullopt;
  }
  Submission& s = *reviewed.submission;
  if (!MaySubmitFor(caller.role, caller.department, s.department_code)) {
    Refuse(c, caller, req, res, "拒绝提交「" + s.department_code + "」的源文件",
           OtherDepartmentMessage(caller, "提交", s.department_code));
    return std::nullopt;
  }
  s.submitted_by = caller.name;
  s.created_at = c.Now();
  s.id = c.store.AddSubmission(s);
  c.store.Audit(caller.name,
                what + " #" + std::to_string(s.id) + "（" + s.department_name + " " +
                    std::to_string(s.year) + "年" + s.kind + "）",
                ClientAddress(req), c.Now());
  nlohmann::json answer = SubmissionSummary(s);
  answer["findings"] = KeyedFindings(s.findings_json);
  SendJson(res, 201, answer);
  return s;
}

void RegisterSubmissionsApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Post("/api/submissions", Upload)
      .Get("/api/submissions", List)
      .Get(R"(/api/submissions/(\d{1,15}))", One)
      .Get(R"(/api/submissions/(\d{1,15})/findings)", Findings)
      .Get(R"(/api/submissions/(\d{1,15})/document)", RenderedDocument)
      .Get(R"(/api/submissions/(\d{1,15})/compare/(\d{1,15}))", Compare);
}

}  // namespace gongkai::server
