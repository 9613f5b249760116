// The workspace's JSON API (server.h):
//
//   POST /api/login                      {name, password} → session cookie + {csrf_token, …}
//   POST /api/logout                     ends the session
//   POST /api/submissions                a YAML/JSON source as the body → {id, counts, findings}
//                                        or 422 {diagnostics: [{line, column, message, …}]}
//   GET  /api/submissions/{id}/findings  the findings stored with that version
//   POST /api/submissions/{id}/publish   财政审核人 or 管理员 only (403, logged, otherwise)
//
// Who may see what (auth.h): a 单位填报人 submits and reads only its own department's
// submissions, a 主管部门审核人 reads its own department's, 财政审核人 and 管理员 read all (and
// 管理员 submits for any department). A submission's department is its source's
// department.code, else its name; a user's is the users.department it was given.
//
// Every request but login needs the session cookie (401 without); every POST but login also
// needs the session's CSRF token in the X-CSRF-Token header (403 without). Sign-ins, refusals
// (every 403, with a Chinese message), submissions and publications go to the audit log with
// who, when and from where.
#include "server/http_support.h"

namespace gongkai::server {

namespace {

constexpr std::string_view kCookie = "gongkai_session";

struct Caller {
  std::string name, role, department;
  // "单位填报人，所属 示例区示例局" / "财政审核人": for the audit log.
  std::string Describe() const {
    if (!BelongsToDepartment(role)) return role;
    return role + "，所属 " + (department.empty() ? "（未绑定部门）" : department);
  }
};

// 403 with `message`, and `what` in the audit log.
void Refuse(Context& c, const Caller& caller, const httplib::Request& req, httplib::Response& res,
            const std::string& what, const std::string& message) {
  c.store.Audit(caller.name, what + "（" + caller.Describe() + "）", ClientAddress(req), c.Now());
  SendError(res, 403, message);
}

// Why a user bound to a department may not touch `target`'s submissions.
std::string OtherDepartmentMessage(const Caller& caller, const std::string& action,
                                   const std::string& target) {
  if (caller.department.empty()) return "账号「" + caller.name + "」未绑定部门，不能" + action;
  return "只能" + action + "本部门（" + caller.department + "）的提交，不能" + action + "「" +
         target + "」的";
}

// The signed-in caller, or nullopt after answering 401 (no session) or 403 (a change without
// the session's CSRF token).
std::optional<Caller> Authenticate(Context& c, const httplib::Request& req, httplib::Response& res,
                                   bool change) {
  const std::string token = CookieValue(req, kCookie);
  std::optional<Session> session;
  if (!token.empty()) session = c.store.FindSession(Sha256Hex(token), c.Now());
  if (!session) {
    SendError(res, 401, "请先登录");
    return std::nullopt;
  }
  if (change && !ConstantTimeEqual(req.get_header_value("X-CSRF-Token"), session->csrf_token)) {
    c.store.Audit(session->user, "拒绝：缺少或错误的 CSRF 令牌 " + req.method + " " + req.path,
                  ClientAddress(req), c.Now());
    SendError(res, 403, "缺少或错误的 CSRF 令牌（X-CSRF-Token）");
    return std::nullopt;
  }
  auto user = c.store.FindUser(session->user);
  if (!user) {
    SendError(res, 401, "请先登录");
    return std::nullopt;
  }
  return Caller{user->name, user->role, user->department};
}

void Login(Context& c, const httplib::Request& req, httplib::Response& res) {
  // Only JSON: a form on another site cannot send it without the browser asking first.
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    return SendError(res, 415, "请求体应为 JSON（Content-Type: application/json）");
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.value("name", nlohmann::json()).is_string() ||
      !body.value("password", nlohmann::json()).is_string()) {
    return SendError(res, 400, "请求体应为 JSON：{\"name\": …, \"password\": …}");
  }
  const std::string name = body["name"], password = body["password"];
  const std::string user_key = "user:" + name, addr_key = "addr:" + req.remote_addr;
  if (int wait = std::max(c.limiter.RetryAfter(user_key), c.limiter.RetryAfter(addr_key))) {
    c.store.Audit(name, "登录被限制（失败次数过多）", ClientAddress(req), c.Now());
    res.set_header("Retry-After", std::to_string(wait));
    return SendError(res, 429, "登录失败次数过多，请稍后再试");
  }
  auto user = c.store.FindUser(name);
  // An unknown name costs the same argon2 work as a wrong password: timing does not tell
  // which names exist.
  static const std::string unknown_user_hash = HashPassword(RandomToken());
  const bool good = VerifyPassword(password, user ? user->password_hash : unknown_user_hash);
  if (!user || !good) {
    c.limiter.Failed(user_key);
    c.limiter.Failed(addr_key);
    c.store.Audit(name, "登录失败", ClientAddress(req), c.Now());
    return SendError(res, 401, "用户名或密码错误");
  }
  c.limiter.Succeeded(user_key);
  const std::string token = RandomToken(), csrf = RandomToken();
  c.store.AddSession(Sha256Hex(token), {user->name, csrf, c.Now() + c.options.session_seconds});
  c.store.Audit(user->name, "登录", ClientAddress(req), c.Now());
  res.set_header("Set-Cookie", std::string(kCookie) + "=" + token +
                                   "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                   std::to_string(c.options.session_seconds));
  SendJson(res, 200,
           {{"name", user->name},
            {"role", user->role},
            {"department",
             user->department.empty() ? nlohmann::json() : nlohmann::json(user->department)},
            {"csrf_token", csrf}});
}

void Logout(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  c.store.DeleteSession(Sha256Hex(CookieValue(req, kCookie)));
  c.store.Audit(caller->name, "退出", ClientAddress(req), c.Now());
  res.set_header("Set-Cookie", std::string(kCookie) +
                                   "=; Path=/; HttpOnly; SameSite=Strict; "
                                   "Max-Age=0");
  SendJson(res, 200, {{"ok", true}});
}

// A JSON body is read as JSON; anything else as YAML (whose parser also reads JSON).
std::string SourceName(const httplib::Request& req) {
  size_t first = req.body.find_first_not_of(" \t\r\n");
  bool json = first != std::string::npos && req.body[first] == '{';
  return json ? "submission.json" : "submission.yaml";
}

void Submit(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  if (!MaySubmit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝提交", "角色「" + caller->role + "」不能提交");
  }
  ReviewedSource reviewed = ReviewSource(c.engine, req.body, SourceName(req));
  if (!reviewed.submission) {
    return SendJson(res, 422,
                    {{"error", "源文件有错误，未保存"},
                     {"diagnostics", DiagnosticsJson(reviewed.diagnostics)}});
  }
  Submission& s = *reviewed.submission;
  if (!MaySubmitFor(caller->role, caller->department, s.department_code)) {
    return Refuse(c, *caller, req, res, "拒绝提交「" + s.department_code + "」的源文件",
                  OtherDepartmentMessage(*caller, "提交", s.department_code));
  }
  s.submitted_by = caller->name;
  s.created_at = c.Now();
  s.id = c.store.AddSubmission(s);
  c.store.Audit(caller->name,
                "提交 #" + std::to_string(s.id) + "（" + s.department_name + " " +
                    std::to_string(s.year) + "年" + s.kind + "）",
                ClientAddress(req), c.Now());
  SendJson(
      res, 201,
      {{"id", s.id},
       {"department", s.department_name},
       {"year", s.year},
       {"kind", s.kind},
       {"counts",
        {{"error", s.counts.errors}, {"warning", s.counts.warnings}, {"info", s.counts.infos}}},
       {"findings", reviewed.findings}});
}

std::optional<Submission> FindSubmission(Context& c, const httplib::Request& req,
                                         httplib::Response& res) {
  auto s = c.store.GetSubmission(std::stoll(req.matches[1]));
  if (!s) SendError(res, 404, "没有这个提交");
  return s;
}

void Findings(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = FindSubmission(c, req, res);
  if (!s) return;
  if (!MayRead(caller->role, caller->department, s->department_code)) {
    return Refuse(
        c, *caller, req, res,
        "拒绝查看 #" + std::to_string(s->id) + " 的审核结果，部门「" + s->department_code + "」",
        OtherDepartmentMessage(*caller, "查看", s->department_code));
  }
  SendJson(
      res, 200,
      {{"id", s->id},
       {"department", s->department_name},
       {"year", s->year},
       {"kind", s->kind},
       {"published", s->published_at.has_value()},
       {"counts",
        {{"error", s->counts.errors}, {"warning", s->counts.warnings}, {"info", s->counts.infos}}},
       {"findings", nlohmann::json::parse(s->findings_json, nullptr, false)}});
}

void Publish(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  const std::string id = req.matches[1];
  if (!MayPublish(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝发布 #" + id, "只有财政审核人或管理员可以发布");
  }
  auto s = FindSubmission(c, req, res);
  if (!s) return;
  c.store.Publish(s->id, c.Now());
  c.store.Audit(caller->name, "发布 #" + id, ClientAddress(req), c.Now());
  SendJson(res, 200, {{"id", s->id}, {"published", true}, {"url", "/portal/" + id + ".html"}});
}

}  // namespace

void RegisterApi(httplib::Server& http, Context& c) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  http.Post("/api/login", [&c](const Req& req, Res& res) { Login(c, req, res); });
  http.Post("/api/logout", [&c](const Req& req, Res& res) { Logout(c, req, res); });
  http.Post("/api/submissions", [&c](const Req& req, Res& res) { Submit(c, req, res); });
  http.Get(R"(/api/submissions/(\d{1,15})/findings)",
           [&c](const Req& req, Res& res) { Findings(c, req, res); });
  http.Post(R"(/api/submissions/(\d{1,15})/publish)",
            [&c](const Req& req, Res& res) { Publish(c, req, res); });
}

}  // namespace gongkai::server
