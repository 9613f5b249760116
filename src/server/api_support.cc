// What the API's handlers share (api_support.h).
#include "server/api_support.h"

namespace gongkai::server {

std::string Caller::Describe() const {
  if (!BelongsToDepartment(role)) return role;
  return role + "，所属 " + (department.empty() ? "（未绑定部门）" : department);
}

std::optional<Caller> Authenticate(Context& c, const httplib::Request& req, httplib::Response& res,
                                   bool change) {
  const std::string token = CookieValue(req, kSessionCookie);
  // The session, its user and the units below the user's department: one query per request.
  std::optional<SessionUser> signed_in;
  if (!token.empty()) signed_in = c.store.FindSessionUser(Sha256Hex(token), c.Now());
  if (!signed_in) {
    SendError(res, 401, "请先登录");
    return std::nullopt;
  }
  if (change &&
      !ConstantTimeEqual(req.get_header_value("X-CSRF-Token"), signed_in->session.csrf_token)) {
    c.store.Audit(signed_in->user.name,
                  "拒绝：缺少或错误的 CSRF 令牌 " + req.method + " " + req.path, ClientAddress(req),
                  c.Now());
    SendError(res, 403, "缺少或错误的 CSRF 令牌（X-CSRF-Token）");
    return std::nullopt;
  }
  const User& user = signed_in->user;
  return Caller{user.name, user.role, user.department, signed_in->session.csrf_token,
                ReadScope(user.role, user.department, signed_in->units_below)};
}

void Refuse(Context& c, const Caller& caller, const httplib::Request& req, httplib::Response& res,
            const std::string& what, const std::string& message) {
  c.store.Audit(caller.name, what + "（" + caller.Describe() + "）", ClientAddress(req), c.Now());
  SendError(res, 403, message);
}

std::string OtherDepartmentMessage(const Caller& caller, const std::string& action,
                                   const std::string& target) {
  if (caller.department.empty()) return "账号「" + caller.name + "」未绑定部门，不能" + action;
  const char* whose = action == "查看" && caller.role == kRoleDepartmentReviewer
                          ? "）及其下属单位的提交，不能"
                          : "）的提交，不能";
  return "只能" + action + "本部门（" + caller.department + whose + action + "「" + target + "」的";
}

std::optional<Submission> ReadableSubmission(Context& c, const Caller& caller,
                                             const httplib::Request& req, httplib::Response& res,
                                             const std::string& what, SubmissionTexts texts,
                                             int group) {
  auto s = c.store.GetSubmission(std::stoll(req.matches[group]), texts);
  if (!s) {
    SendError(res, 404, "没有这个提交");
    return std::nullopt;
  }
  if (!MayRead(caller.role, caller.scope, s->department_code)) {
    Refuse(c, caller, req, res,
           "拒绝" + what + " #" + std::to_string(s->id) + "，部门「" + s->department_code + "」",
           OtherDepartmentMessage(caller, "查看", s->department_code));
    return std::nullopt;
  }
  return s;
}

std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return nlohmann::json::object();
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (!body.is_object()) {
    SendError(res, 400, "请求体应为 JSON 对象");
    return std::nullopt;
  }
  return body;
}

nlohmann::json CountsJson(const FindingCounts& counts) {
  return {{"error", counts.errors}, {"warning", counts.warnings}, {"info", counts.infos}};
}

nlohmann::json TimeOrNull(const std::optional<int64_t>& at) {
  return at ? nlohmann::json(*at) : nlohmann::json();
}

nlohmann::json SubmissionSummary(const Submission& s) {
  return {{"id", s.id},
          {"department", s.department_name},
          {"department_code", s.department_code},
          {"year", s.year},
          {"kind", s.kind},
          {"state", s.state},
          {"counts", CountsJson(s.counts)},
          {"submitted_by", s.submitted_by},
          {"created_at", s.created_at},
          {"published", s.published_at.has_value()},
          {"approved_at", TimeOrNull(s.approved_at)},
          {"published_at", TimeOrNull(s.published_at)}};
}

}  // namespace gongkai::server
