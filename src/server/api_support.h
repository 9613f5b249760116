// What every handler of the JSON API shares: the signed-in caller, refusals (403 with a
// Chinese message and an audit_log entry), the submission a path names and may be read by the
// caller, JSON bodies, and a submission's list fields. Internal to the server layer.
#ifndef GONGKAI_SERVER_API_SUPPORT_H_
#define GONGKAI_SERVER_API_SUPPORT_H_

#include <optional>
#include <string>

#include "server/http_support.h"

namespace gongkai::server {

inline constexpr std::string_view kSessionCookie = "gongkai_session";

struct Caller {
  std::string name, role, department;
  std::string csrf_token;  // of the session it signed in with
  // The department codes it may read (auth.h ReadScope): its own, and for a 主管部门审核人 the
  // units below it. Empty for roles not bound to a department (they read everything).
  std::vector<std::string> scope;
  // "单位填报人，所属 示例区示例局" / "财政审核人": for the audit log.
  std::string Describe() const;
};

// The signed-in caller, or nullopt after answering 401 (no session) or 403 (a change without
// the session's CSRF token: `change` is true for every POST but login).
std::optional<Caller> Authenticate(Context& c, const httplib::Request& req, httplib::Response& res,
                                   bool change);

// 403 with `message`, and `what` (with who the caller is) in the audit log.
void Refuse(Context& c, const Caller& caller, const httplib::Request& req, httplib::Response& res,
            const std::string& what, const std::string& message);

// Why a user bound to a department may not `action` (查看, 提交, …) `target`'s submissions.
std::string OtherDepartmentMessage(const Caller& caller, const std::string& action,
                                   const std::string& target);

// The submission of path match `group` (its id), when it exists (else 404) and the caller may
// read it (else 403, logged as "拒绝<what> #id"). With the texts asked for (store.h).
std::optional<Submission> ReadableSubmission(Context& c, const Caller& caller,
                                             const httplib::Request& req, httplib::Response& res,
                                             const std::string& what,
                                             SubmissionTexts texts = SubmissionTexts::kAll,
                                             int group = 1);

// Whether a text is empty or only blanks (an explanation, an edited field).
inline bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The request body as a JSON object (an empty body is {}), or nullopt after a 400.
std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res);

// {id, department, department_code, year, kind, state, counts, submitted_by, created_at,
//  published, approved_at, published_at}: a submission as lists show it.
nlohmann::json SubmissionSummary(const Submission& s);
nlohmann::json CountsJson(const FindingCounts& counts);

// An optional time (Unix seconds) as JSON: the number, or null.
nlohmann::json TimeOrNull(const std::optional<int64_t>& at);

// Stores a reviewed source as a new version (编制) by `caller` and answers 201 with its summary
// and findings; or answers 422 with the diagnostics when it did not load, or 403 when the
// caller may not submit for its department. `what` names the step in the audit log (上传, …).
std::optional<Submission> StoreReviewed(Context& c, const Caller& caller,
                                        const httplib::Request& req, httplib::Response& res,
                                        ReviewedSource reviewed, const std::string& what);

// A handler of the JSON API: called with the server's context, the request and the response.
using ApiHandler = void (*)(Context& c, const httplib::Request& req, httplib::Response& res);

// Binds one concern's handlers to their paths (httplib patterns, a regular expression each):
//   Routes(http, c).Get("/api/users", ListUsers).Post("/api/users", PutUser);
class Routes {
 public:
  Routes(httplib::Server& http, Context& c) : http_(http), c_(c) {}
  Routes& Get(const std::string& pattern, ApiHandler handler) {
    http_.Get(pattern, Bind(handler));
    return *this;
  }
  Routes& Post(const std::string& pattern, ApiHandler handler) {
    http_.Post(pattern, Bind(handler));
    return *this;
  }

 private:
  httplib::Server::Handler Bind(ApiHandler handler) const {
    return [&c = c_, handler](const httplib::Request& req, httplib::Response& res) {
      handler(c, req, res);
    };
  }
  httplib::Server& http_;
  Context& c_;
};

// Registered by RegisterApi (api.cc), one file per concern.
void RegisterSubmissionsApi(httplib::Server& http, Context& c);  // submissions_api.cc
void RegisterWorkflowApi(httplib::Server& http, Context& c);     // workflow_api.cc
void RegisterAdminApi(httplib::Server& http, Context& c);        // admin_api.cc
void RegisterScoreApi(httplib::Server& http, Context& c);        // score_api.cc
void RegisterPublicApi(httplib::Server& http, Context& c);       // public_api.cc
void RegisterEditApi(httplib::Server& http, Context& c);         // edit_api.cc
void RegisterAuditsApi(httplib::Server& http, Context& c);       // audits_api.cc

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_API_SUPPORT_H_
