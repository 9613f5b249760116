// The 考核标准 scoring over HTTP, against every store kind: the mechanical items as
// `gongkai score` computes them, the 财政审核人's judgement scores stored and applied (the
// latest wins), the total, and what is refused (a mechanical item, out of range, unknown,
// another role).
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

TEST_P(ServerTest, ScoringProjectDeclarations) {
  const int64_t id = SubmitExample(As("admin"), "dongxihu-finance-2023.yaml");
  const std::string path = "/api/submissions/" + std::to_string(id) + "/score";
  SignedIn reviewer = As("reviewer");
  auto res = Get(reviewer, path);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json score = json::parse(res->body);
  ASSERT_EQ(score["projects"].size(), 3u);  // three 项目申报表
  EXPECT_EQ(score["max"], 300);
  EXPECT_EQ(score["complete"], false);
  EXPECT_EQ(score["standard"]["id"], "wuhan-2021");
  const json items = score["items"];
  ASSERT_EQ(items.size() % 3, 0u);
  auto find = [](const json& list, const std::string& code) {
    for (const auto& item : list) {
      if (item["code"] == code) return item;
    }
    return json();
  };
  // As `gongkai score` says: 1.1 内容完整 lost a point for a blank required field.
  const json first = find(items, "1/1.1");
  EXPECT_EQ(first["mechanical"], true);
  EXPECT_EQ(first["max"], 4);
  EXPECT_EQ(first["score"], 3);
  EXPECT_FALSE(first["reason"].get<std::string>().empty());
  EXPECT_EQ(first["name"], "合规性·内容完整");
  const json open = find(items, "1/1.2");
  EXPECT_EQ(open["mechanical"], false);
  EXPECT_TRUE(open["score"].is_null());
  int mechanical_total = 0;
  for (const auto& item : items) {
    if (!item["score"].is_null()) mechanical_total += item["score"].get<int>();
  }
  EXPECT_EQ(score["total"], mechanical_total);

  auto post = [&](const json& given) { return PostJson(reviewer, path, {{"items", given}}); };
  auto scored = post({{"1/1.2", {{"score", 4}, {"reason", "编制说明缺少测算依据"}}}});
  ASSERT_TRUE(scored);
  ASSERT_EQ(scored->status, 200) << scored->body;
  json after = json::parse(scored->body);
  EXPECT_EQ(find(after["items"], "1/1.2")["score"], 4);
  EXPECT_NE(find(after["items"], "1/1.2")["reason"].get<std::string>().find("编制说明缺少测算依据"),
            std::string::npos);
  EXPECT_EQ(after["total"], mechanical_total + 4);
  EXPECT_TRUE(find(after["items"], "2/1.2")["score"].is_null());  // another project's
  EXPECT_TRUE(AuditHas("reviewer", "评分 #" + std::to_string(id)));
  // Scored again: the latest wins, and GET says the same.
  ASSERT_EQ(post({{"1/1.2", {{"score", 5}}}})->status, 200);
  EXPECT_EQ(find(json::parse(Get(As("admin"), path)->body)["items"], "1/1.2")["score"], 5);

  for (const json& bad : {json{{"1/1.1", {{"score", 4}}}},     // mechanical
                          json{{"1/1.2", {{"score", 6}}}},     // 5 at most
                          json{{"1/1.2", {{"score", -1}}}},    //
                          json{{"1/1.2", {{"score", "5"}}}},   // not a number
                          json{{"9/1.2", {{"score", 1}}}},     // no ninth project
                          json{{"1/9.9", {{"score", 1}}}}}) {  // no such item
    auto refused = post(bad);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << bad.dump() << refused->body;
    EXPECT_TRUE(HasChinese(json::parse(refused->body)["error"]));
  }
  EXPECT_EQ(PostJson(reviewer, path, {{"items", "all"}})->status, 400);

  // Every judgement item of every project scored: complete, each project with its total.
  json all = json::object();
  for (const auto& item : items) {
    if (!item["mechanical"].get<bool>()) all[item["code"].get<std::string>()] = {{"score", 1}};
  }
  auto full = post(all);
  ASSERT_TRUE(full);
  ASSERT_EQ(full->status, 200) << full->body;
  json done = json::parse(full->body);
  EXPECT_EQ(done["complete"], true);
  for (const auto& p : done["projects"]) EXPECT_TRUE(p["total"].is_number()) << p.dump();

  auto admin = PostJson(As("admin"), path, {{"items", {{"1/1.2", {{"score", 1}}}}}});
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 403);
  EXPECT_TRUE(AuditHas("admin", "拒绝评分 #" + std::to_string(id)));
}

TEST_P(ServerTest, ASourceWithoutDeclarationsHasNothingToScore) {
  const int64_t id = SubmitMinimal(As("filer"));
  auto res = Get(As("filer"), "/api/submissions/" + std::to_string(id) + "/score");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json score = json::parse(res->body);
  EXPECT_TRUE(score["items"].empty());
  EXPECT_EQ(score["total"], 0);
  EXPECT_EQ(score["max"], 0);
}

}  // namespace
}  // namespace gongkai::server::testing
