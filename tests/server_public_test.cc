// The portal's open data over HTTP, against every store kind: the published list (search, year)
// and the region's overview — totals by 功能 类, “三公” by year, 基本 vs 项目, each
// department's change from last year, and the completeness ledger with its 20-day rule.
#include "server/overview.h"
#include "server/workflow.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

// minimal.yaml in `year`, its first basic line `amount`, with a 公务接待费 line of 2.00.
std::string Minimal(int year, const std::string& amount) {
  std::string text = ReadExample("minimal.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    ASSERT_NE(text.find(from), std::string::npos) << from;
    text.replace(text.find(from), from.size(), to);
  };
  replace("year: 2023", "year: " + std::to_string(year));
  replace("amount: 100.00}", "amount: " + amount +
                                 "}\n"
                                 "  - {function: \"2010301\", economic: \"30217\", amount: 2.00}");
  return text;
}

TEST_P(ServerTest, PublishedListForEveryone) {
  const int64_t a = SubmitMinimal(As("filer"));
  const int64_t b = SubmitExample(As("filer2"), kOtherExample);
  const int64_t draft = SubmitMinimal(As("filer"));
  Walk(a, kStatePublished);
  Walk(b, kStatePublished, "2");
  auto ids = [&](const std::string& query) {
    auto res = Client().Get(("/api/public/published" + query).c_str());
    EXPECT_TRUE(res && res->status == 200);
    std::vector<int64_t> out;
    if (!res || res->status != 200) return out;
    const json items = json::parse(res->body)["items"];
    for (const auto& item : items) out.push_back(item["id"]);
    return out;
  };
  std::vector<int64_t> all = ids("");
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(std::count(all.begin(), all.end(), draft), 0);
  EXPECT_EQ(ids("?q=%E4%B8%AD%E5%BF%83"), std::vector<int64_t>{b});  // 中心
  EXPECT_EQ(ids("?year=2022"), std::vector<int64_t>{});
  EXPECT_EQ(ids("?year=2023").size(), 2u);
  EXPECT_EQ(Client().Get("/api/public/published?year=x")->status, 400);
  json item = json::parse(Client().Get("/api/public/published?q=%E5%B1%80")->body)["items"][0];
  EXPECT_EQ(item["department"], kOwnDepartment);
  EXPECT_EQ(item["kind"], "预算");
  EXPECT_GT(item["published_at"].get<int64_t>(), 0);
  EXPECT_EQ(item["url"], "/portal/" + std::to_string(a) + ".html");
}

// The portal remembers its answers (public_cache.h), but a publication through this server shows
// at once: the index, the list and the document, each read before and just after it.
TEST_P(ServerTest, PortalShowsAPublicationAtOnce) {
  const int64_t id = SubmitMinimal(As("filer"));
  Walk(id, kStateApproved);
  const std::string page = "/portal/" + std::to_string(id) + ".html";
  auto index = Client().Get("/");
  ASSERT_TRUE(index && index->status == 200);
  EXPECT_EQ(index->body.find(page), std::string::npos);
  EXPECT_EQ(json::parse(Client().Get("/api/public/published")->body)["items"].size(), 0u);
  EXPECT_EQ(Client().Get(page.c_str())->status, 404);
  auto published = PostJson(As("reviewer"), "/api/submissions/" + std::to_string(id) + "/publish",
                            json::object());
  ASSERT_TRUE(published && published->status == 200);
  EXPECT_NE(Client().Get("/")->body.find(page), std::string::npos);
  EXPECT_EQ(json::parse(Client().Get("/api/public/published")->body)["items"].size(), 1u);
  EXPECT_EQ(Client().Get(page.c_str())->status, 200);
  // Read again: the same answers, from the cache.
  EXPECT_NE(Client().Get("/")->body.find(page), std::string::npos);
  EXPECT_EQ(Client().Get(page.c_str())->status, 200);
}

TEST_P(ServerTest, OverviewOfTheRegion) {
  SignedIn filer = As("filer");
  const int64_t old = Upload(filer, Minimal(2022, "90.00"));
  const int64_t now = Upload(filer, Minimal(2023, "100.00"));
  const int64_t other = SubmitExample(As("filer2"), kOtherExample);
  Walk(old, kStatePublished);
  Walk(now, kStatePublished);
  Walk(other, kStatePublished, "2");
  SubmitMinimal(filer);  // a later draft of 2023: not published, does not count

  auto res = Client().Get("/api/public/overview");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json o = json::parse(res->body);
  EXPECT_EQ(o["year"], 2023);
  EXPECT_EQ(o["years"], json::array({2023, 2022}));
  // 2023: 示例区示例局 132.00 (201 一般公共服务支出), 示例区示例中心 155.50 (205 教育支出, its
  // transfers included, as its 支出总表 says).
  ASSERT_EQ(o["by_function"].size(), 2u) << o["by_function"].dump();
  EXPECT_EQ(o["by_function"][0],
            (json{{"code", "201"}, {"name", "一般公共服务支出"}, {"amount", "132.00"}}));
  EXPECT_EQ(o["by_function"][1]["code"], "205");
  EXPECT_EQ(o["by_function"][1]["amount"], "155.50");
  EXPECT_EQ(o["three_public_by_year"], json::array({{{"year", 2022}, {"amount", "2.00"}},
                                                    {{"year", 2023}, {"amount", "2.00"}}}));
  // 基本: 112.00 + 98.50; 项目: 20.00 + 35.00 (the 中心's transfers and its 15.25 paid from
  // 经营收入, 事业单位经营支出, are neither).
  EXPECT_EQ(o["basic_vs_project"], (json{{"basic", "210.50"}, {"project", "55.00"}}));
  ASSERT_EQ(o["departments"].size(), 2u);
  for (const auto& d : o["departments"]) {
    if (d["department"] == kOwnDepartment) {
      EXPECT_EQ(d["total"], "132.00");
      EXPECT_EQ(d["previous_total"], "122.00");  // 2022 published too
    } else {
      EXPECT_EQ(d["total"], "155.50");
      EXPECT_TRUE(d["previous_total"].is_null());
    }
  }
  // The ledger: both approved and published at once, neither late.
  ASSERT_EQ(o["ledger"].size(), 2u) << o["ledger"].dump();
  for (const auto& entry : o["ledger"]) {
    EXPECT_TRUE(entry["approved_at"].is_number()) << entry.dump();
    EXPECT_TRUE(entry["published_at"].is_number()) << entry.dump();
    EXPECT_EQ(entry["late"], false);
  }
  json year2022 = json::parse(Client().Get("/api/public/overview?year=2022")->body);
  EXPECT_EQ(year2022["departments"].size(), 1u);
  EXPECT_EQ(year2022["departments"][0]["total"], "122.00");
  EXPECT_TRUE(year2022["departments"][0]["previous_total"].is_null());
  EXPECT_EQ(Client().Get("/api/public/overview?year=20x3")->status, 400);
}

// 批复 30 days ago and not published: late. A department known (imported) with nothing
// approved is listed without dates, not late.
TEST_P(ServerTest, TheLedgerSaysWhoIsLate) {
  const int64_t id = SubmitMinimal(As("filer"));
  const int64_t month_ago = static_cast<int64_t>(std::time(nullptr)) - 30 * 24 * 3600;
  const std::pair<const char*, const char*> steps[] = {
      {kStateDraft, kStateDepartmentReview},
      {kStateDepartmentReview, kStateFinanceReview},
      {kStateFinanceReview, kStateApproved}};
  for (auto [from, to] : steps) {
    ASSERT_EQ(store_->AddTransition({id, 0, month_ago, "reviewer", "批复", from, to, ""}, {}),
              TransitionResult::kDone);
  }
  store_->PutDepartments({{"301", "示例区水务局", ""}});
  json ledger = json::parse(Client().Get("/api/public/overview?year=2023")->body)["ledger"];
  ASSERT_EQ(ledger.size(), 2u) << ledger.dump();  // 示例区示例局, and the one imported
  for (const auto& entry : ledger) {
    if (entry["department"] == kOwnDepartment) {
      EXPECT_EQ(entry["approved_at"], month_ago);
      EXPECT_TRUE(entry["published_at"].is_null());
      EXPECT_EQ(entry["late"], true);
    } else {
      EXPECT_TRUE(entry["approved_at"].is_null()) << entry.dump();
      EXPECT_EQ(entry["late"], false);
    }
  }
  // Published late, it stays late; on time it would not be.
  EXPECT_TRUE(IsLate(0, 21 * 24 * 3600, 0));
  EXPECT_FALSE(IsLate(0, 20 * 24 * 3600, 0));
  EXPECT_FALSE(IsLate(0, std::nullopt, 20 * 24 * 3600));
  EXPECT_TRUE(IsLate(0, std::nullopt, 20 * 24 * 3600 + 1));
  EXPECT_FALSE(IsLate(std::nullopt, std::nullopt, 1LL << 40));
}

}  // namespace
}  // namespace gongkai::server::testing
