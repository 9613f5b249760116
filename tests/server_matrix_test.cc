// The authorization matrix, against every store kind: every endpoint of the workspace × every
// role × a submission of the caller's own department (示例区示例局) and of another
// (示例区示例中心), each in the state the step needs, so that a refusal can only be the role's or
// the department's. Every 403 carries a Chinese message and adds exactly one audit_log entry
// saying who, what and from where, and changes nothing. 财政审核人 and 管理员 belong to no
// department: for them "own" and "other" are just two departments. Then every endpoint without
// a session (401), and every change without the CSRF token (403, logged).
#include "render/text_renderer.h"
#include "server/workflow.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

constexpr const char* kRoles[] = {"filer", "zhuguan", "reviewer", "admin"};

// One endpoint on one submission: the path (with {id}), the state it needs, the body, and the
// status expected of each role (kRoles order) on its own department's and on the other's.
struct Case {
  const char* name;
  bool post;
  std::string path;  // "{id}" is replaced
  const char* state;
  json body;
  int expected[4][2];
  const char* logged;  // in the audit entry of a refusal
};

TEST_P(ServerTest, AuthorizationMatrix) {
  const json reason = {{"reason", "请修改。"}};
  const std::vector<Case> cases = {
      {"read",
       false,
       "/api/submissions/{id}",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝查看 #"},
      {"findings",
       false,
       "/api/submissions/{id}/findings",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝查看 #"},
      {"document",
       false,
       "/api/submissions/{id}/document",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝查看 #"},
      {"compare",
       false,
       "/api/submissions/{id}/compare/{id}",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝比较 #"},
      {"score",
       false,
       "/api/submissions/{id}/score",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝查看评分 #"},
      {"fields",
       false,
       "/api/submissions/{id}/fields",
       kStateDraft,
       {},
       {{200, 403}, {200, 403}, {200, 200}, {200, 200}},
       "拒绝查看 #"},
      {"edit fields",
       true,
       "/api/submissions/{id}/fields",
       kStateDraft,
       {{"values", {{"goals", "完成年度任务。"}}}},
       {{201, 403}, {403, 403}, {403, 403}, {201, 201}},
       "拒绝修改 #"},
      {"score post",
       true,
       "/api/submissions/{id}/score",
       kStateDraft,
       {{"items", json::object()}},
       {{403, 403}, {403, 403}, {200, 200}, {403, 403}},
       "拒绝评分 #"},
      {"comment",
       true,
       "/api/submissions/{id}/comments",
       kStateDraft,
       {{"text", "请核实。"}},
       {{403, 403}, {201, 403}, {201, 201}, {201, 201}},
       "拒绝评论 #"},
      {"submit",
       true,
       "/api/submissions/{id}/submit",
       kStateDraft,
       {},
       {{200, 403}, {403, 403}, {403, 403}, {200, 200}},
       "拒绝提交 #"},
      {"approve 1",
       true,
       "/api/submissions/{id}/approve",
       kStateDepartmentReview,
       {},
       {{403, 403}, {200, 403}, {409, 409}, {403, 403}},
       "拒绝审核通过 #"},
      {"approve 2",
       true,
       "/api/submissions/{id}/approve",
       kStateFinanceReview,
       {},
       {{403, 403}, {409, 403}, {200, 200}, {403, 403}},
       "拒绝审核通过 #"},
      {"return 1",
       true,
       "/api/submissions/{id}/return",
       kStateDepartmentReview,
       reason,
       {{403, 403}, {200, 403}, {409, 409}, {403, 403}},
       "拒绝退回 #"},
      {"return 2",
       true,
       "/api/submissions/{id}/return",
       kStateFinanceReview,
       reason,
       {{403, 403}, {409, 403}, {200, 200}, {403, 403}},
       "拒绝退回 #"},
      {"publish",
       true,
       "/api/submissions/{id}/publish",
       kStateApproved,
       {},
       {{403, 403}, {403, 403}, {200, 200}, {200, 200}},
       "拒绝公开 #"},
  };
  // A submission per (side, state), made when needed and replaced once a step moved it on.
  std::map<std::pair<int, std::string>, int64_t> pool;
  auto submission = [&](int side, const std::string& state) {
    auto& id = pool[{side, state}];
    if (id == 0) {
      id = side == 0 ? SubmitMinimal(As("filer")) : SubmitExample(As("filer2"), kOtherExample);
      Walk(id, state, side == 0 ? "" : "2");
    }
    return id;
  };

  for (const Case& c : cases) {
    for (int role = 0; role < 4; ++role) {
      for (int side = 0; side < 2; ++side) {
        const int64_t id = submission(side, c.state);
        std::string path = c.path;
        for (size_t at; (at = path.find("{id}")) != std::string::npos;) {
          path.replace(at, 4, std::to_string(id));
        }
        json body = c.body.is_null() ? json::object() : c.body;
        if (std::string(c.name) == "submit") body["explanations"] = ExplainAll(id);
        const int expected = c.expected[role][side];
        SCOPED_TRACE(std::string(kRoles[role]) + " " + c.name + (side ? " other" : " own"));
        const SignedIn who = As(kRoles[role]);
        const size_t before = AuditSize();
        auto res = c.post ? PostJson(who, path, body) : Get(who, path);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, expected) << res->body;
        if (res->status == 403) {
          EXPECT_TRUE(HasChinese(json::parse(res->body).value("error", ""))) << res->body;
          EXPECT_EQ(AuditSize(), before + 1);
          const auto last = store_->AuditLog(1);
          ASSERT_EQ(last.size(), 1u);
          EXPECT_EQ(last[0].who, kRoles[role]);
          EXPECT_NE(last[0].what.find(c.logged + std::to_string(id)), std::string::npos)
              << last[0].what;
          EXPECT_EQ(last[0].from.rfind("127.0.0.1:", 0), 0u) << last[0].from;
          EXPECT_EQ(StateOf(id), c.state);
        }
        if (StateOf(id) != c.state) pool.erase({side, c.state});  // moved on: use a new one
      }
    }
  }

  // Uploading a source of the own and of the other department.
  const int upload[4][2] = {{201, 403}, {403, 403}, {403, 403}, {201, 201}};
  for (int role = 0; role < 4; ++role) {
    for (int side = 0; side < 2; ++side) {
      SCOPED_TRACE(std::string(kRoles[role]) + " uploads" + (side ? " other" : " own"));
      const size_t before = AuditSize();
      const int64_t count = store_->CountSubmissions();
      auto res = Post(As(kRoles[role]), "/api/submissions",
                      ReadExample(side ? kOtherExample : "minimal.yaml"));
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, upload[role][side]) << res->body;
      EXPECT_EQ(AuditSize(), before + 1);  // the refusal, or the upload
      EXPECT_EQ(store_->CountSubmissions(), count + (res->status == 201 ? 1 : 0));
      if (res->status == 403) {
        EXPECT_EQ(store_->AuditLog(1)[0].who, kRoles[role]);
        EXPECT_NE(store_->AuditLog(1)[0].what.find("拒绝提交"), std::string::npos);
      }
    }
  }

  // The administration: 管理员 only, but the department list for everyone.
  struct Admin {
    bool post;
    const char* path;
    std::string body, type;
    int admin_status, other_status;
    const char* logged;
  };
  const std::vector<Admin> admin = {
      {false, "/api/users", "", "", 200, 403, "拒绝查看用户"},
      {true, "/api/users",
       json{{"name", "m"}, {"role", kRoleReviewer}, {"password", "12345678"}}.dump(),
       "application/json", 201, 403, "拒绝管理用户"},
      {true, "/api/departments/import", "401,示例区审计局\n", "text/csv", 200, 403, "拒绝导入部门"},
      {false, "/api/audit-log", "", "", 200, 403, "拒绝查看审计日志"},
      {false, "/api/audit-log?format=csv", "", "", 200, 403, "拒绝查看审计日志"},
      {false, "/api/departments", "", "", 200, 200, ""},
      {false, "/api/me", "", "", 200, 200, ""},
  };
  for (const Admin& a : admin) {
    for (const char* role : kRoles) {
      SCOPED_TRACE(std::string(role) + " " + a.path);
      const int expected = std::string(role) == "admin" ? a.admin_status : a.other_status;
      const size_t before = AuditSize();
      auto res = a.post ? Post(As(role), a.path, a.body, true, a.type) : Get(As(role), a.path);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, expected) << res->body;
      if (res->status == 403) {
        EXPECT_EQ(AuditSize(), before + 1);
        EXPECT_EQ(store_->AuditLog(1)[0].who, role);
        EXPECT_NE(store_->AuditLog(1)[0].what.find(a.logged), std::string::npos);
      }
    }
  }
  EXPECT_FALSE(store_->FindUser("m") && store_->FindUser("m")->role != kRoleReviewer);

  // Audit uploads: 财政审核人 and 管理员 only, of any department; a department's users are
  // refused the upload, the list, every upload's result and its file, whichever department it
  // is of.
  auto published = [](const std::string& example) {
    return RenderText(SharedEngine().Disclose(
        *SharedEngine().Load(gongkai::testing::ExamplePath(example)).department));
  };
  std::vector<std::string> audit_paths;  // the results of the own and of the other department
  for (const char* example : {"minimal.yaml", kOtherExample}) {
    auto audit =
        Post(As("reviewer"), "/api/audits?name=a.txt", published(example), true, "text/plain");
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->status, 201) << audit->body;
    audit_paths.push_back("/api/audits/" + json::parse(audit->body)["items"][0]["id"].dump());
  }
  const std::vector<std::string> file_paths = {audit_paths[0] + "/file", audit_paths[1] + "/file"};
  const std::vector<Admin> audits = {
      {true, "/api/audits?name=b.txt", published("minimal.yaml"), "text/plain", 201, 403,
       "拒绝上传审核文件"},
      {true, "/api/audits?name=c.txt", published(kOtherExample), "text/plain", 201, 403,
       "拒绝上传审核文件"},
      {false, "/api/audits", "", "", 200, 403, "拒绝查看审核文件"},
      {false, "/api/audits?year=2023", "", "", 200, 403, "拒绝查看审核文件"},
      {false, audit_paths[0].c_str(), "", "", 200, 403, "拒绝查看审核文件 #"},
      {false, audit_paths[1].c_str(), "", "", 200, 403, "拒绝查看审核文件 #"},
      {false, file_paths[0].c_str(), "", "", 200, 403, "拒绝下载审核文件 #"},
      {false, file_paths[1].c_str(), "", "", 200, 403, "拒绝下载审核文件 #"},
  };
  for (const char* role : kRoles) {
    const bool may = std::string(role) == "reviewer" || std::string(role) == "admin";
    for (const Admin& a : audits) {
      SCOPED_TRACE(std::string(role) + " " + a.path);
      const size_t before = AuditSize();
      const size_t stored = store_->ListAuditUploads({}).size();
      auto res = a.post ? Post(As(role), a.path, a.body, true, a.type) : Get(As(role), a.path);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, may ? a.admin_status : a.other_status) << res->body;
      EXPECT_EQ(store_->ListAuditUploads({}).size(), stored + (res->status == 201 ? 1 : 0));
      if (res->status == 403) {
        EXPECT_TRUE(HasChinese(json::parse(res->body).value("error", ""))) << res->body;
        EXPECT_EQ(AuditSize(), before + 1);
        EXPECT_EQ(store_->AuditLog(1)[0].who, role);
        EXPECT_NE(store_->AuditLog(1)[0].what.find(a.logged), std::string::npos)
            << store_->AuditLog(1)[0].what;
        EXPECT_EQ(store_->AuditLog(1)[0].from.rfind("127.0.0.1:", 0), 0u);
      }
    }
  }

  // The list shows a department's users their own department's only.
  for (const char* role : {"filer", "zhuguan"}) {
    const json items = json::parse(Get(As(role), "/api/submissions")->body)["items"];
    EXPECT_FALSE(items.empty());
    for (const auto& item : items) EXPECT_EQ(item["department_code"], kOwnDepartment) << role;
  }
}

// Without a session every workspace endpoint is 401; a change without the CSRF token is 403
// and logged, and changes nothing.
TEST_P(ServerTest, EveryEndpointNeedsASessionAndEveryChangeTheCsrfToken) {
  const int64_t id = SubmitMinimal(As("filer"));
  const std::string s = "/api/submissions/" + std::to_string(id);
  const std::vector<std::string> gets = {
      "/api/me",        "/api/submissions",  s,
      s + "/findings",  s + "/document",     s + "/compare/" + std::to_string(id),
      s + "/score",     "/api/users",        "/api/departments",
      "/api/audit-log", s + "/fields",       "/api/audits",
      "/api/audits/1",  "/api/audits/1/file"};
  const std::vector<std::string> posts = {
      "/api/logout",  "/api/submissions", s + "/submit", s + "/approve", s + "/return",
      s + "/publish", s + "/comments",    s + "/score",  "/api/users",   "/api/departments/import",
      s + "/fields",  "/api/audits"};
  for (const auto& path : gets) EXPECT_EQ(Client().Get(path.c_str())->status, 401) << path;
  for (const auto& path : posts) {
    EXPECT_EQ(Client().Post(path.c_str(), "{}", "application/json")->status, 401) << path;
  }
  const SignedIn admin = As("admin");
  for (const auto& path : posts) {
    const size_t before = AuditSize();
    auto res = Post(admin, path, "{}", false, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << path;
    EXPECT_EQ(AuditSize(), before + 1) << path;
    EXPECT_NE(store_->AuditLog(1)[0].what.find("CSRF"), std::string::npos) << path;
  }
  EXPECT_EQ(StateOf(id), kStateDraft);
  EXPECT_EQ(store_->CountSubmissions(), 1);
  // The public endpoints need neither.
  EXPECT_EQ(Client().Get("/api/public/published")->status, 200);
  EXPECT_EQ(Client().Get("/api/public/overview")->status, 200);
}

}  // namespace
}  // namespace gongkai::server::testing
