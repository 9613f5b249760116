// The workflow over HTTP, against every store kind: every transition with who may take it,
// the 409s of a state that does not allow a step, the 422 of a submit without an explanation
// per 错误 finding, return with its required reason, resubmission (the same version, and a new
// one), comments on findings, the history, GET /api/me, the list and its filters, the
// rendered document, and two versions compared.
#include "server/workflow.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

std::string At(int64_t id, const std::string& rest = "") {
  return "/api/submissions/" + std::to_string(id) + rest;
}

TEST_P(ServerTest, SubmitNeedsAnExplanationForEveryError) {
  SignedIn filer = As("filer");
  const int64_t id = SubmitMinimal(filer);
  auto findings = json::parse(Get(filer, At(id, "/findings"))->body)["findings"];
  std::vector<std::string> errors;
  for (const auto& f : findings) {
    ASSERT_TRUE(f.contains("key")) << f.dump();
    EXPECT_EQ(f["key"].get<std::string>().rfind(f["rule"].get<std::string>() + "-", 0), 0u);
    if (f["severity"] == "error") errors.push_back(f["key"]);
  }
  ASSERT_EQ(errors.size(), 2u);  // minimal.yaml: no 主要职能, no 年度工作目标 (CMP-016)
  EXPECT_NE(errors[0], errors[1]);

  auto none = PostJson(filer, At(id, "/submit"), json::object());
  ASSERT_TRUE(none);
  ASSERT_EQ(none->status, 422) << none->body;
  EXPECT_EQ(json::parse(none->body)["missing"], json(errors));
  EXPECT_TRUE(HasChinese(json::parse(none->body)["error"]));
  // One explanation, the other blank: still missing the second.
  auto half = PostJson(filer, At(id, "/submit"),
                       {{"explanations", {{errors[0], "职能见三定方案。"}, {errors[1], "  "}}}});
  ASSERT_TRUE(half);
  ASSERT_EQ(half->status, 422) << half->body;
  EXPECT_EQ(json::parse(half->body)["missing"], json::array({errors[1]}));
  auto unknown =
      PostJson(filer, At(id, "/submit"), {{"explanations", {{"CMP-016-00000000", "x"}}}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400) << unknown->body;
  EXPECT_EQ(StateOf(id), kStateDraft);

  auto ok = PostJson(
      filer, At(id, "/submit"),
      {{"explanations", {{errors[0], "职能见三定方案。"}, {errors[1], "目标另文下达。"}}}});
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["state"], kStateDepartmentReview);
  json one = json::parse(Get(filer, At(id))->body);
  EXPECT_EQ(one["state"], kStateDepartmentReview);
  EXPECT_EQ(one["explanations"][errors[1]], "目标另文下达。");
  ASSERT_EQ(one["history"].size(), 1u);
  EXPECT_EQ(one["history"][0]["who"], "filer");
  EXPECT_EQ(one["history"][0]["action"], "提交");
  EXPECT_EQ(one["history"][0]["state"], kStateDepartmentReview);
  EXPECT_TRUE(AuditHas("filer", "提交 #" + std::to_string(id)));
}

// A source without findings needs no explanation.
TEST_P(ServerTest, ACleanSourceIsSubmittedWithoutExplanations) {
  const int64_t id = SubmitExample(As("filer2"), kOtherExample);
  auto res = PostJson(As("filer2"), At(id, "/submit"), json::object());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_P(ServerTest, EveryTransitionAndTheStatesThatRefuseIt) {
  const int64_t id = SubmitMinimal(As("filer"));
  SignedIn zhuguan = As("zhuguan"), reviewer = As("reviewer"), admin = As("admin");
  auto status = [&](const SignedIn& who, const std::string& step, const json& body = {}) {
    auto res = PostJson(who, At(id, "/" + step), body.is_null() ? json::object() : body);
    EXPECT_TRUE(res);
    return res ? res->status : 0;
  };
  const json reason = {{"reason", "请补充说明。"}};
  // 编制: nothing to approve, return or publish.
  EXPECT_EQ(status(zhuguan, "approve"), 409);
  EXPECT_EQ(status(zhuguan, "return", reason), 409);
  EXPECT_EQ(status(reviewer, "publish"), 409);
  Walk(id, kStateDepartmentReview);
  EXPECT_EQ(status(As("filer"), "submit", {{"explanations", ExplainAll(id)}}), 409);
  EXPECT_EQ(status(reviewer, "approve"), 409);  // not at the reviewer's stage yet
  EXPECT_EQ(status(reviewer, "return", reason), 409);
  EXPECT_EQ(status(admin, "approve"), 403);  // 管理员 does not review
  EXPECT_EQ(status(zhuguan, "approve", {{"comment", "同意。"}}), 200);
  EXPECT_EQ(StateOf(id), kStateFinanceReview);
  EXPECT_EQ(status(zhuguan, "approve"), 409);  // its stage is over
  EXPECT_EQ(status(reviewer, "publish"), 409);
  EXPECT_EQ(status(reviewer, "approve"), 200);
  EXPECT_EQ(StateOf(id), kStateApproved);
  EXPECT_TRUE(store_->GetSubmission(id)->approved_at);
  EXPECT_EQ(status(reviewer, "return", reason), 409);
  EXPECT_EQ(status(reviewer, "approve"), 409);
  EXPECT_EQ(status(admin, "publish"), 200);
  EXPECT_EQ(StateOf(id), kStatePublished);
  EXPECT_EQ(status(admin, "publish"), 409);
  EXPECT_EQ(status(reviewer, "return", reason), 409);

  json history = json::parse(Get(admin, At(id))->body)["history"];
  std::vector<std::string> actions, states;
  for (const auto& h : history) {
    actions.push_back(h["action"]);
    states.push_back(h["state"]);
    EXPECT_GT(h["at"].get<int64_t>(), 0);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"提交", "审核通过", "批复", "公开"}));
  EXPECT_EQ(states, (std::vector<std::string>{kStateDepartmentReview, kStateFinanceReview,
                                              kStateApproved, kStatePublished}));
  EXPECT_EQ(history[1]["reason"], "同意。");  // the approval's comment
}

TEST_P(ServerTest, ReturnNeedsAReasonAndTheReturnedVersionMayBeSubmittedAgain) {
  const int64_t id = SubmitMinimal(As("filer"));
  Walk(id, kStateDepartmentReview);
  SignedIn zhuguan = As("zhuguan");
  for (const json& body : {json::object(), json{{"reason", ""}}, json{{"reason", " \n"}}}) {
    auto res = PostJson(zhuguan, At(id, "/return"), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body.dump();
  }
  auto not_text = PostJson(zhuguan, At(id, "/return"), {{"reason", 3}});
  ASSERT_TRUE(not_text);
  EXPECT_EQ(not_text->status, 400);
  auto returned = PostJson(zhuguan, At(id, "/return"), {{"reason", "职能表述过简。"}});
  ASSERT_TRUE(returned);
  ASSERT_EQ(returned->status, 200) << returned->body;
  EXPECT_EQ(StateOf(id), kStateReturned);
  EXPECT_TRUE(AuditHas("zhuguan", "职能表述过简。"));

  // Submitted again as it is: the explanations given the first time still count.
  auto again = PostJson(As("filer"), At(id, "/submit"), json::object());
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(StateOf(id), kStateDepartmentReview);
  // Returned by the 财政审核人 at its stage.
  ASSERT_EQ(PostJson(zhuguan, At(id, "/approve"), json::object())->status, 200);
  ASSERT_EQ(PostJson(As("reviewer"), At(id, "/return"), {{"reason", "项目支出偏高。"}})->status,
            200);
  json one = json::parse(Get(zhuguan, At(id))->body);
  EXPECT_EQ(one["state"], kStateReturned);
  ASSERT_EQ(one["history"].size(), 5u);
  EXPECT_EQ(one["history"][1]["reason"], "职能表述过简。");
  EXPECT_EQ(one["history"][4]["reason"], "项目支出偏高。");
  EXPECT_EQ(one["history"][4]["who"], "reviewer");

  // Or corrected as a new version, which starts in 编制; the returned one stays as it was.
  const int64_t corrected = SubmitMinimal(As("filer"));
  EXPECT_EQ(StateOf(corrected), kStateDraft);
  Walk(corrected, kStateApproved);
  EXPECT_EQ(StateOf(id), kStateReturned);
  EXPECT_EQ(store_->GetSubmission(id)->source, store_->GetSubmission(corrected)->source);
}

TEST_P(ServerTest, CommentsOnFindings) {
  const int64_t id = SubmitMinimal(As("filer"));
  auto findings = json::parse(Get(As("admin"), At(id, "/findings"))->body)["findings"];
  const std::string key = findings[0]["key"];
  SignedIn zhuguan = As("zhuguan");
  auto res = PostJson(zhuguan, At(id, "/comments"), {{"finding", key}, {"text", "请补充。"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const int64_t comment = json::parse(res->body)["id"];
  auto general = PostJson(As("reviewer"), At(id, "/comments"), {{"text", "总体可行。"}});
  ASSERT_TRUE(general);
  EXPECT_EQ(general->status, 201) << general->body;
  EXPECT_EQ(PostJson(zhuguan, At(id, "/comments"), {{"finding", "NOPE-1"}, {"text", "x"}})->status,
            400);
  EXPECT_EQ(PostJson(zhuguan, At(id, "/comments"), {{"finding", key}, {"text", ""}})->status, 400);
  EXPECT_EQ(Post(zhuguan, At(id, "/comments"), "not json", true, "application/json")->status, 400);
  auto filer = PostJson(As("filer"), At(id, "/comments"), {{"finding", key}, {"text", "x"}});
  ASSERT_TRUE(filer);
  EXPECT_EQ(filer->status, 403);
  EXPECT_TRUE(AuditHas("filer", "拒绝评论 #" + std::to_string(id)));

  json comments = json::parse(Get(As("filer"), At(id))->body)["comments"];
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0]["id"], comment);
  EXPECT_EQ(comments[0]["who"], "zhuguan");
  EXPECT_EQ(comments[0]["finding"], key);
  EXPECT_EQ(comments[0]["text"], "请补充。");
  EXPECT_EQ(comments[1]["finding"], "");
}

TEST_P(ServerTest, MeSaysWhoIsSignedInWithTheCsrfToken) {
  SignedIn zhuguan = As("zhuguan");
  auto res = Get(zhuguan, "/api/me");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json me = json::parse(res->body);
  EXPECT_EQ(me["name"], "zhuguan");
  EXPECT_EQ(me["role"], kRoleDepartmentReviewer);
  EXPECT_EQ(me["department"], kOwnDepartment);
  EXPECT_EQ(me["csrf_token"], zhuguan.csrf);
  EXPECT_TRUE(json::parse(Get(As("reviewer"), "/api/me")->body)["department"].is_null());
  EXPECT_EQ(Client().Get("/api/me")->status, 401);
  ASSERT_EQ(Post(zhuguan, "/api/logout", "")->status, 200);
  EXPECT_EQ(Get(zhuguan, "/api/me")->status, 401);
}

// Units below departments: a 主管部门审核人 reads, lists and reviews the submissions of the units
// below its department (上级编码, at every level); the units' own users stay within their unit,
// and another department's reviewer sees none of them.
TEST_P(ServerTest, ADepartmentReviewerReviewsItsUnits) {
  const std::string unit = "示例区示例局第一所", sub_unit = "示例区示例局第一所分所";
  store_->PutDepartments({{kOwnDepartment, kOwnDepartment, ""},
                          {unit, unit, kOwnDepartment},
                          {sub_unit, sub_unit, unit},
                          {kOtherDepartment, kOtherDepartment, ""}});
  store_->PutUser({"unitfiler", kRoleFiler, HashPassword("unitfiler-pw"), unit});
  store_->PutUser({"subfiler", kRoleFiler, HashPassword("subfiler-pw"), sub_unit});
  store_->PutUser({"unitreviewer", kRoleDepartmentReviewer, HashPassword("unitreviewer-pw"), unit});
  auto upload = [&](const std::string& who, const std::string& department) -> int64_t {
    auto res = Post(As(who), "/api/submissions", InDepartment("minimal.yaml", department));
    EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "");
    return res && res->status == 201 ? json::parse(res->body)["id"].get<int64_t>() : 0;
  };
  const int64_t of_unit = upload("unitfiler", unit);
  const int64_t of_sub_unit = upload("subfiler", sub_unit);
  const int64_t of_department = SubmitMinimal(As("filer"));
  auto status = [&](const std::string& who, int64_t id) {
    auto res = Get(As(who), "/api/submissions/" + std::to_string(id));
    return res ? res->status : 0;
  };
  auto listed = [&](const std::string& who) {
    std::vector<int64_t> out;
    const json answer = json::parse(Get(As(who), "/api/submissions")->body);
    for (const auto& item : answer["items"]) out.push_back(item["id"]);
    return out;
  };
  // The department's reviewer: its own and both levels of units.
  EXPECT_EQ(status("zhuguan", of_unit), 200);
  EXPECT_EQ(status("zhuguan", of_sub_unit), 200);
  EXPECT_EQ(listed("zhuguan"), (std::vector<int64_t>{of_department, of_sub_unit, of_unit}));
  // The unit's reviewer: its unit and the unit below, not the department above.
  EXPECT_EQ(listed("unitreviewer"), (std::vector<int64_t>{of_sub_unit, of_unit}));
  EXPECT_EQ(status("unitreviewer", of_department), 403);
  // Filers stay in their own unit; another department sees nothing of these.
  EXPECT_EQ(status("filer", of_unit), 403);
  EXPECT_EQ(status("unitfiler", of_sub_unit), 403);
  EXPECT_EQ(listed("unitfiler"), std::vector<int64_t>{of_unit});
  EXPECT_EQ(status("zhuguan2", of_unit), 403);
  EXPECT_EQ(listed("zhuguan2"), std::vector<int64_t>{});
  auto refused = Get(As("zhuguan2"), "/api/submissions/" + std::to_string(of_unit));
  EXPECT_NE(refused->body.find("及其下属单位"), std::string::npos) << refused->body;
  EXPECT_TRUE(AuditHas("zhuguan2", "拒绝查看 #" + std::to_string(of_unit)));
  // The department's reviewer takes the unit's submission through its stage.
  const std::string base = "/api/submissions/" + std::to_string(of_unit);
  auto submit =
      PostJson(As("unitfiler"), base + "/submit", {{"explanations", ExplainAll(of_unit)}});
  ASSERT_TRUE(submit && submit->status == 200) << (submit ? submit->body : "");
  auto other = PostJson(As("zhuguan2"), base + "/approve", json::object());
  EXPECT_EQ(other->status, 403);
  auto approved = PostJson(As("zhuguan"), base + "/approve", json::object());
  ASSERT_TRUE(approved && approved->status == 200) << (approved ? approved->body : "");
  EXPECT_EQ(StateOf(of_unit), kStateFinanceReview);
}

// The main fields edited in the browser: read with their labels, changed into a new version
// that is reviewed again (the two completeness errors of minimal.yaml are filled in), the old
// version untouched; unknown fields, other departments and reviewers refused.
TEST_P(ServerTest, TheMainFieldsAreEditedIntoANewVersion) {
  const int64_t id = SubmitMinimal(As("filer"));
  const std::string base = "/api/submissions/" + std::to_string(id) + "/fields";
  auto got = Get(As("filer"), base);
  ASSERT_TRUE(got && got->status == 200) << (got ? got->body : "");
  const json fields = json::parse(got->body)["fields"];
  ASSERT_GE(fields.size(), 5u);
  EXPECT_EQ(fields[0]["path"], "department.name");
  EXPECT_EQ(fields[0]["label"], "部门名称");
  EXPECT_EQ(fields[0]["value"], kOwnDepartment);
  auto edited = PostJson(As("filer"), base,
                         {{"values",
                           {{"department.functions", "负责本区示例事务。"},
                            {"goals", "完成年度示例任务。"},
                            {"contact.phone", "010-12345678"}}}});
  ASSERT_TRUE(edited && edited->status == 201) << (edited ? edited->body : "");
  const json version = json::parse(edited->body);
  const int64_t next = version["id"];
  EXPECT_GT(next, id);
  EXPECT_EQ(version["state"], kStateDraft);
  EXPECT_EQ(version["counts"]["error"], 0) << version["findings"].dump();
  EXPECT_EQ(
      json::parse(
          Get(As("filer"), "/api/submissions/" + std::to_string(id))->body)["counts"]["error"],
      2);
  const json now = json::parse(
      Get(As("filer"), "/api/submissions/" + std::to_string(next) + "/fields")->body)["fields"];
  bool phone = false;
  for (const auto& f : now) phone |= f["path"] == "contact.phone" && f["value"] == "010-12345678";
  EXPECT_TRUE(phone) << now.dump();
  EXPECT_TRUE(
      AuditHas("filer", "在线修改 #" + std::to_string(id) + " 为新版本 #" + std::to_string(next)));
  // An emptied required field: not stored, the reason given.
  auto emptied = PostJson(As("filer"), base, {{"values", {{"department.name", ""}}}});
  ASSERT_TRUE(emptied);
  EXPECT_EQ(emptied->status, 422) << emptied->body;
  auto unknown = PostJson(As("filer"), base, {{"values", {{"basic", "x"}}}});
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("department.functions"), std::string::npos) << unknown->body;
  EXPECT_EQ(PostJson(As("filer"), base, {{"values", {{"goals", 3}}}})->status, 400);
  EXPECT_EQ(PostJson(As("filer"), base, json::object())->status, 400);
  // Others: another department's filer cannot read it; a reviewer reads but does not edit.
  EXPECT_EQ(Get(As("filer2"), base)->status, 403);
  EXPECT_EQ(PostJson(As("filer2"), base, {{"values", {{"goals", "x"}}}})->status, 403);
  EXPECT_EQ(Get(As("reviewer"), base)->status, 200);
  EXPECT_EQ(PostJson(As("reviewer"), base, {{"values", {{"goals", "x"}}}})->status, 403);
}

TEST_P(ServerTest, ListsWhatTheCallerMayReadNewestFirst) {
  const int64_t own = SubmitMinimal(As("filer"));
  const int64_t other = SubmitExample(As("filer2"), kOtherExample);
  const int64_t own2 = SubmitMinimal(As("filer"));
  Walk(own2, kStateDepartmentReview);
  auto ids = [&](const SignedIn& who, const std::string& query) {
    auto res = Get(who, "/api/submissions" + query);
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "");
    std::vector<int64_t> out;
    if (!res || res->status != 200) return out;
    const json items = json::parse(res->body)["items"];
    for (const auto& item : items) out.push_back(item["id"]);
    return out;
  };
  EXPECT_EQ(ids(As("reviewer"), ""), (std::vector<int64_t>{own2, other, own}));
  EXPECT_EQ(ids(As("filer"), ""), (std::vector<int64_t>{own2, own}));
  EXPECT_EQ(ids(As("zhuguan2"), ""), (std::vector<int64_t>{other}));
  EXPECT_EQ(ids(As("filer"),
                "?department=%E7%A4%BA%E4%BE%8B%E5%8C%BA%E7%A4%BA%E4%BE%8B%E4%B8%AD%E5%BF%83"),
            std::vector<int64_t>{});  // 示例区示例中心: not the filer's
  EXPECT_EQ(ids(As("admin"), "?state=%E4%B8%BB%E7%AE%A1%E9%83%A8%E9%97%A8%E5%AE%A1%E6%A0%B8"),
            std::vector<int64_t>{own2});  // 主管部门审核
  EXPECT_EQ(ids(As("admin"), "?year=2023"), (std::vector<int64_t>{own2, other, own}));
  EXPECT_EQ(ids(As("admin"), "?year=2024"), std::vector<int64_t>{});
  EXPECT_EQ(Get(As("admin"), "/api/submissions?year=twenty")->status, 400);
  EXPECT_EQ(Get(As("admin"), "/api/submissions?state=done")->status, 400);
  EXPECT_EQ(Client().Get("/api/submissions")->status, 401);

  json item = json::parse(Get(As("filer"), "/api/submissions")->body)["items"][0];
  for (const char* field : {"id", "department", "department_code", "year", "kind", "state",
                            "counts", "submitted_by", "created_at", "published"}) {
    EXPECT_TRUE(item.contains(field)) << field;
  }
  EXPECT_EQ(item["state"], kStateDepartmentReview);
  EXPECT_EQ(item["counts"]["error"], 2);
  EXPECT_EQ(item["submitted_by"], "filer");
}

TEST_P(ServerTest, TheRenderedDocumentMayBeFramedByTheServersOwnPages) {
  const int64_t id = SubmitMinimal(As("filer"));
  auto res = Get(As("zhuguan"), At(id, "/document"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("示例区示例局"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "SAMEORIGIN");
  EXPECT_EQ(res->get_header_value_count("X-Frame-Options"), 1u);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'self'"),
            std::string::npos);
  EXPECT_EQ(Get(As("zhuguan"), At(id + 100, "/document"))->status, 404);
}

TEST_P(ServerTest, TwoVersionsCompared) {
  SignedIn filer = As("filer");
  const int64_t a = SubmitMinimal(filer);
  std::string changed = ReadExample("minimal.yaml");
  const std::string from = "economic: \"30101\", amount: 100.00";
  ASSERT_NE(changed.find(from), std::string::npos);
  changed.replace(changed.find(from), from.size(), "economic: \"30101\", amount: 120.00");
  // and the 主要职能 given: one CMP-016 error gone
  changed.replace(changed.find("  units:"), 0, "  functions: 负责示例工作。\n");
  const int64_t b = Upload(filer, changed);
  ASSERT_GT(b, 0);

  auto res = Get(As("zhuguan"), At(a, "/compare/" + std::to_string(b)));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json diff = json::parse(res->body);
  EXPECT_EQ(diff["a"], a);
  EXPECT_EQ(diff["b"], b);
  bool found = false;
  for (const auto& cell : diff["figures"]) {
    EXPECT_NE(cell["a"], cell["b"]);
    if (cell["a"] == "100.00" && cell["b"] == "120.00") found = true;
  }
  EXPECT_TRUE(found) << diff["figures"].dump(1);
  // The totals above the line changed too: 130.00 → 150.00.
  EXPECT_NE(diff["figures"].dump().find("\"a\":\"130.00\",\"b\":\"150.00\""), std::string::npos)
      << diff["figures"].dump(1);
  ASSERT_EQ(diff["findings_removed"].size(), 1u) << diff.dump(1);
  EXPECT_EQ(diff["findings_removed"][0]["rule"], "CMP-016");
  EXPECT_TRUE(diff["findings_added"].empty()) << diff["findings_added"].dump(1);

  auto same = Get(filer, At(a, "/compare/" + std::to_string(a)));
  ASSERT_TRUE(same);
  EXPECT_TRUE(json::parse(same->body)["figures"].empty());
  const int64_t other = SubmitExample(As("filer2"), kOtherExample);
  auto across = Get(As("reviewer"), At(a, "/compare/" + std::to_string(other)));
  ASSERT_TRUE(across);
  EXPECT_EQ(across->status, 409);
  EXPECT_TRUE(HasChinese(json::parse(across->body)["error"]));
  EXPECT_EQ(Get(filer, At(a, "/compare/" + std::to_string(other)))->status, 403);
}

}  // namespace
}  // namespace gongkai::server::testing
