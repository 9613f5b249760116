// The workflow's routes (workflow.h has the states and who moves them):
//
//   POST /api/submissions/{id}/submit    {explanations: {finding_key: text}}
//   POST /api/submissions/{id}/approve   {comment?}
//   POST /api/submissions/{id}/return    {reason}
//   POST /api/submissions/{id}/publish
//   POST /api/submissions/{id}/comments  {finding, text}
//
// Each checks, in order: signed in (401), CSRF (403), the submission (404), that the caller may
// read it (403), that the role takes this step at all (403), the body (400), the state (409),
// and for submit an explanation for every 错误 finding (422 {missing}). Refusals and steps go
// to the audit log; steps also to the submission's history.
#include "server/api_support.h"
#include "server/finding_keys.h"
#include "server/workflow.h"

namespace gongkai::server {

namespace {

// A text field of `body`: "" when absent; nullopt (after a 400) when not a string.
std::optional<std::string> TextField(const nlohmann::json& body, const char* name,
                                     httplib::Response& res) {
  if (!body.contains(name) || body[name].is_null()) return std::string();
  if (!body[name].is_string()) {
    SendError(res, 400, std::string(name) + " 应为文字");
    return std::nullopt;
  }
  return body[name].get<std::string>();
}

void Step(Context& c, Action action, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  const std::string verb = ActionName(action);
  auto s = ReadableSubmission(c, *caller, req, res, verb);
  if (!s) return;
  const std::string id = std::to_string(s->id);
  if (!RoleMay(caller->role, action) ||
      (action == Action::kSubmit &&
       !MaySubmitFor(caller->role, caller->department, s->department_code))) {
    return Refuse(c, *caller, req, res, "拒绝" + verb + " #" + id,
                  "角色「" + caller->role + "」不能" + verb);
  }
  auto body = JsonBody(req, res);
  if (!body) return;
  std::string reason;
  std::map<std::string, std::string> explanations;
  if (action == Action::kReturn || action == Action::kApprove) {
    auto text = TextField(*body, action == Action::kReturn ? "reason" : "comment", res);
    if (!text) return;
    if (action == Action::kReturn && Blank(*text)) {
      return SendError(res, 400, "退回须写明理由（reason）");
    }
    reason = *text;
  }
  auto next = NextState(caller->role, action, s->state);
  if (!next) {
    return SendError(res, 409, "#" + id + " 当前状态为「" + s->state + "」，不能" + verb);
  }
  if (action == Action::kSubmit) {
    const nlohmann::json given = body->value("explanations", nlohmann::json::object());
    if (!given.is_object()) return SendError(res, 400, "explanations 应为 {审核结果编号: 说明}");
    const nlohmann::json keyed = KeyedFindings(s->findings_json);
    for (const auto& item : given.items()) {
      // Not a structured binding: clang 14 (scripts/tsan.sh) cannot capture one.
      const std::string& key = item.key();
      const nlohmann::json& text = item.value();
      if (!text.is_string()) return SendError(res, 400, "说明应为文字：" + key);
      bool known = std::any_of(keyed.begin(), keyed.end(),
                               [&](const nlohmann::json& f) { return f.value("key", "") == key; });
      if (!known) return SendError(res, 400, "#" + id + " 没有审核结果「" + key + "」");
      if (!Blank(text.get<std::string>())) explanations[key] = text.get<std::string>();
    }
    // Explanations given at an earlier submit of this version still count.
    auto stored = c.store.Explanations(s->id);
    nlohmann::json missing = nlohmann::json::array();
    for (const std::string& key : ErrorKeys(keyed)) {
      if (!explanations.count(key) && (!stored.count(key) || Blank(stored[key]))) {
        missing.push_back(key);
      }
    }
    if (!missing.empty()) {
      return SendJson(
          res, 422, {{"error", "有错误的审核结果须逐条填写说明后才能提交"}, {"missing", missing}});
    }
  }
  Transition t{s->id,    0,     c.Now(), caller->name, StepName(action, s->state),
               s->state, *next, reason};
  switch (c.store.AddTransition(t, explanations)) {
    case TransitionResult::kNotFound:
      return SendError(res, 404, "没有这个提交");
    case TransitionResult::kConflict:
      return SendError(res, 409, "#" + id + " 的状态刚被他人改变，请刷新后再试");
    case TransitionResult::kDone:
      break;
  }
  c.store.Audit(caller->name,
                t.action + " #" + id + "（" + t.from_state + " → " + t.to_state + "）" +
                    (reason.empty() ? "" : "：" + reason),
                ClientAddress(req), c.Now());
  nlohmann::json answer = {{"id", s->id}, {"state", t.to_state}};
  if (action == Action::kPublish) answer["url"] = "/portal/" + id + ".html";
  SendJson(res, 200, answer);
}

void AddComment(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "评论", SubmissionTexts::kNone);
  if (!s) return;
  if (caller->role == kRoleFiler) {
    return Refuse(c, *caller, req, res, "拒绝评论 #" + std::to_string(s->id),
                  "只有审核人可以评论审核结果；填报人请在提交时填写说明");
  }
  auto body = JsonBody(req, res);
  if (!body) return;
  auto finding = TextField(*body, "finding", res);
  if (!finding) return;
  auto text = TextField(*body, "text", res);
  if (!text) return;
  if (Blank(*text)) return SendError(res, 400, "评论不能为空（text）");
  if (!finding->empty()) {
    // Read only now: most comments are on the whole submission, and need no findings.
    const auto with_findings = c.store.GetSubmission(s->id, SubmissionTexts::kFindings);
    const nlohmann::json keyed = KeyedFindings(with_findings ? with_findings->findings_json : "[]");
    if (std::none_of(keyed.begin(), keyed.end(),
                     [&](const nlohmann::json& f) { return f.value("key", "") == *finding; })) {
      return SendError(res, 400, "#" + std::to_string(s->id) + " 没有审核结果「" + *finding + "」");
    }
  }
  const int64_t comment = c.store.AddComment({0, s->id, c.Now(), caller->name, *finding, *text});
  c.store.Audit(caller->name,
                "评论 #" + std::to_string(s->id) + (finding->empty() ? "" : " " + *finding),
                ClientAddress(req), c.Now());
  SendJson(res, 201, {{"id", comment}});
}

}  // namespace

void RegisterWorkflowApi(httplib::Server& http, Context& c) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  const std::pair<const char*, Action> steps[] = {{"submit", Action::kSubmit},
                                                  {"approve", Action::kApprove},
                                                  {"return", Action::kReturn},
                                                  {"publish", Action::kPublish}};
  for (const auto& step : steps) {
    http.Post(std::string(R"(/api/submissions/(\d{1,15})/)") + step.first,
              [&c, action = step.second](const Req& req, Res& res) { Step(c, action, req, res); });
  }
  Routes(http, c).Post(R"(/api/submissions/(\d{1,15})/comments)", AddComment);
}

}  // namespace gongkai::server
