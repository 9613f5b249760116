// The workspace's JSON API (docs/server-api.md has every route with its answers). This file
// holds the session routes and registers the others, one file per concern:
//
//   POST /api/login, /api/logout, GET /api/me                          here
//   /api/submissions…: upload, list, one, findings, document, compare  submissions_api.cc
//   …/submit, approve, return, publish, comments                       workflow_api.cc
//   …/score                                                            score_api.cc
//   /api/users, /api/departments, /api/audit-log                       admin_api.cc
//   /api/audits…: published documents uploaded and audited             audits_api.cc
//   /api/public/published, /api/public/overview (no sign-in)           public_api.cc
//   /api/submissions/{id}/fields: the main fields edited in the browser  edit_api.cc
//
// Who may see what (auth.h): a 单位填报人 submits and reads only its own department's
// submissions, a 主管部门审核人 reads and reviews its own department's and its units', 财政审核人
// and 管理员 read all. A submission's department is its source's department.code, else its name; a
// user's is the users.department it was given.
//
// Every request but login and the public ones needs the session cookie (401 without); every
// POST but login also needs the session's CSRF token in the X-CSRF-Token header (403 without).
// Sign-ins, refusals (every 403, with a Chinese message), submissions and every workflow step
// go to the audit log with who, when and from where.
#include "server/api_support.h"

namespace gongkai::server {

namespace {

nlohmann::json UserJson(const std::string& name, const std::string& role,
                        const std::string& department) {
  return {{"name", name},
          {"role", role},
          {"department", department.empty() ? nlohmann::json() : nlohmann::json(department)}};
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
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token +
                                   "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                   std::to_string(c.options.session_seconds));
  nlohmann::json answer = UserJson(user->name, user->role, user->department);
  answer["csrf_token"] = csrf;
  SendJson(res, 200, answer);
}

void Logout(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  c.store.DeleteSession(Sha256Hex(CookieValue(req, kSessionCookie)));
  c.store.Audit(caller->name, "退出", ClientAddress(req), c.Now());
  res.set_header("Set-Cookie", std::string(kSessionCookie) +
                                   "=; Path=/; HttpOnly; SameSite=Strict; "
                                   "Max-Age=0");
  SendJson(res, 200, {{"ok", true}});
}

// Who is signed in, with the session's CSRF token (a reloaded page has lost it).
void Me(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  nlohmann::json answer = UserJson(caller->name, caller->role, caller->department);
  answer["csrf_token"] = caller->csrf_token;
  SendJson(res, 200, answer);
}

}  // namespace

void RegisterApi(httplib::Server& http, Context& c) {
  Routes(http, c).Post("/api/login", Login).Post("/api/logout", Logout).Get("/api/me", Me);
  RegisterSubmissionsApi(http, c);
  RegisterWorkflowApi(http, c);
  RegisterScoreApi(http, c);
  RegisterAdminApi(http, c);
  RegisterPublicApi(http, c);
  RegisterEditApi(http, c);
  RegisterAuditsApi(http, c);
}

}  // namespace gongkai::server
