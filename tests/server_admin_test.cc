// Administration over HTTP, against every store kind: users listed and created (and then able
// to sign in), departments listed and imported from CSV (with and without a header, a BOM,
// bad rows refused with their line, nothing half-imported), the audit log exported as JSON and
// CSV (quoted, formula-safe).
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

TEST_P(ServerTest, AdminCreatesUsersWhoCanThenSignIn) {
  SignedIn admin = As("admin");
  auto created = PostJson(admin, "/api/users",
                          {{"name", "xinren"},
                           {"role", kRoleFiler},
                           {"department", kOtherDepartment},
                           {"password", "long-enough"}});
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(json::parse(created->body)["department"], kOtherDepartment);
  SignedIn xinren = Login("xinren", "long-enough");
  ASSERT_EQ(xinren.status, 200);
  EXPECT_EQ(json::parse(Get(xinren, "/api/me")->body)["department"], kOtherDepartment);
  EXPECT_TRUE(AuditHas("admin", "设置用户 xinren"));
  EXPECT_EQ(store_->FindUser("xinren")->password_hash.rfind("$argon2id$", 0), 0u);

  // Replaced: another role, no department kept for a 财政审核人.
  ASSERT_EQ(PostJson(admin, "/api/users",
                     {{"name", "xinren"},
                      {"role", kRoleReviewer},
                      {"department", kOtherDepartment},
                      {"password", "another-one"}})
                ->status,
            201);
  EXPECT_EQ(Login("xinren", "long-enough").status, 401);
  json users = json::parse(Get(admin, "/api/users")->body)["items"];
  auto it =
      std::find_if(users.begin(), users.end(), [](const json& u) { return u["name"] == "xinren"; });
  ASSERT_NE(it, users.end());
  EXPECT_EQ((*it)["role"], kRoleReviewer);
  EXPECT_TRUE((*it)["department"].is_null());
  EXPECT_FALSE(it->contains("password_hash"));
  EXPECT_EQ(users.size(), 7u);  // the fixture's six and xinren

  for (const json& bad :
       {json{{"name", ""}, {"role", kRoleFiler}, {"department", "X"}, {"password", "12345678"}},
        json{{"name", "a b"}, {"role", kRoleAdmin}, {"password", "12345678"}},
        json{{"name", "x"}, {"role", "局长"}, {"password", "12345678"}},
        json{{"name", "x"}, {"role", kRoleFiler}, {"password", "12345678"}},  // no department
        json{{"name", "x"}, {"role", kRoleAdmin}, {"password", "short"}}}) {
    auto res = PostJson(admin, "/api/users", bad);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad.dump();
    EXPECT_TRUE(HasChinese(json::parse(res->body)["error"]));
  }
  EXPECT_FALSE(store_->FindUser("x"));
}

TEST_P(ServerTest, DepartmentsImportedFromCsv) {
  SignedIn admin = As("admin");
  auto import = [&](const std::string& csv) {
    return Post(admin, "/api/departments/import", csv, true, "text/csv");
  };
  auto res =
      import("\xEF\xBB\xBF编码,名称,上级编码\n101,示例区教育局,\n101001,示例区第一中学,101\n");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["imported"], 2);
  auto plain = import("102,\"示例区卫生健康局,（含疾控）\"\n");  // no header, a quoted comma
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200) << plain->body;
  // A rename keeps the parent.
  ASSERT_EQ(import("编码,名称\n101001,示例区第一中学（新校区）\n")->status, 200);

  json items = json::parse(Get(As("filer"), "/api/departments")->body)["items"];
  ASSERT_EQ(items.size(), 3u) << items.dump();
  EXPECT_EQ(items[0], (json{{"code", "101"}, {"name", "示例区教育局"}, {"parent", nullptr}}));
  EXPECT_EQ(items[1]["name"], "示例区第一中学（新校区）");
  EXPECT_EQ(items[1]["parent"], "101");
  EXPECT_EQ(items[2]["name"], "示例区卫生健康局,（含疾控）");
  EXPECT_TRUE(AuditHas("admin", "导入部门 2 个"));

  // Refused with where, and nothing of the file imported.
  auto empty_name = import("编码,名称\n103,示例区民政局\n104,\n");
  ASSERT_TRUE(empty_name);
  EXPECT_EQ(empty_name->status, 400);
  EXPECT_NE(json::parse(empty_name->body)["error"].get<std::string>().find("第 3 行"),
            std::string::npos)
      << empty_name->body;
  auto ragged = import("编码,名称\n105,甲,乙\n");
  ASSERT_TRUE(ragged);
  EXPECT_EQ(ragged->status, 400) << ragged->body;
  auto gbk = import("106,\xCA\xBE\xC0\xFD\n");  // 示例 in GBK
  ASSERT_TRUE(gbk);
  EXPECT_EQ(gbk->status, 400);
  EXPECT_NE(gbk->body.find("UTF-8"), std::string::npos) << gbk->body;
  EXPECT_EQ(import("编码,名字\n1,a\n")->status, 400);  // a header, not the right one
  EXPECT_EQ(json::parse(Get(admin, "/api/departments")->body)["items"].size(), 3u);
  EXPECT_EQ(Client().Get("/api/departments")->status, 401);
}

TEST_P(ServerTest, AuditLogExportedAsJsonAndCsv) {
  store_->Audit("=cmd|' /C calc'!A0", "登录失败", "127.0.0.1:1", 1700000000);
  store_->Audit("filer", "评论 #1：\"引号\"，逗号", "127.0.0.1:2", 1700000001);
  SignedIn admin = As("admin");
  auto res = Get(admin, "/api/audit-log?limit=3");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json items = json::parse(res->body)["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["who"], "admin");  // newest first: admin's login
  EXPECT_EQ(items[1]["who"], "filer");
  EXPECT_EQ(items[1]["at"], 1700000001);
  EXPECT_EQ(items[1]["from"], "127.0.0.1:2");

  auto csv = Get(admin, "/api/audit-log?format=csv&limit=10");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBF"
                            "at,who,what,from\r\n",
                            0),
            0u)
      << csv->body;
  EXPECT_NE(csv->body.find(",filer,\"评论 #1：\"\"引号\"\"，逗号\",127.0.0.1:2\r\n"),
            std::string::npos)
      << csv->body;
  EXPECT_NE(csv->body.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv->body;
  EXPECT_TRUE(AuditHas("admin", "导出审计日志"));
  EXPECT_EQ(Get(admin, "/api/audit-log?format=xml")->status, 400);
  EXPECT_EQ(Get(admin, "/api/audit-log?limit=-1")->status, 400);
  EXPECT_EQ(Get(As("reviewer"), "/api/audit-log")->status, 403);
  EXPECT_TRUE(AuditHas("reviewer", "拒绝查看审计日志"));
}

}  // namespace
}  // namespace gongkai::server::testing
