// One finding per cause (review/cause_groups.h).
#include "review/cause_groups.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "engine/engine.h"
#include "render/review_report.h"
#include "review/checker.h"
#include "source/source_loader.h"
#include "test_support.h"

namespace gongkai {
namespace {

Finding At(const std::string& rule, const std::string& table, const std::string& row,
           Severity s = Severity::kError) {
  Finding f;
  f.rule = rule;
  f.severity = s;
  f.message = rule + " " + row;
  f.where.table_id = table;
  f.where.row = row;
  return f;
}

TEST(CauseGroups, SubtotalsAboveAWrongFigureFollowFromIt) {
  std::vector<Finding> all = {
      At("BAL-007", "t", "201 一般公共服务支出"), At("BAL-007", "t", "20103 政府办公厅"),
      At("BAL-001", "t", "2010350 事业运行", Severity::kWarning),
      At("BAL-001", "other", "201 一般公共服务支出"), At("CMP-001", "", "")};
  GroupByCause(&all);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].where.row, "2010350 事业运行");
  EXPECT_EQ(all[0].severity, Severity::kError);  // the most severe of its group
  ASSERT_EQ(all[0].consequences.size(), 2u);
  EXPECT_EQ(all[1].where.table_id, "other");  // another table: its own cause
  EXPECT_EQ(all[2].rule, "CMP-001");          // outside tables: left alone
}

// A relation between tables is on a cell of each: a wrong 类 of one table explains the relation
// on that 类 and, totals being roots, the relation on the totals; a total relation that shares
// no cell with it stays apart (the halves of a two-sided table are told apart by their table
// keys). Without totals_are_roots a 合计 row groups nothing (check).
TEST(CauseGroups, RelationsGroupByEachOfTheirCells) {
  auto relation = [](const std::string& rule, const std::string& table, const std::string& row,
                     const std::string& other_table, const std::string& other_row) {
    Finding f = At(rule, table, row);
    Location other;
    other.table_id = other_table;
    other.row = other_row;
    f.related.push_back(other);
    return f;
  };
  std::vector<Finding> all = {relation("BAL-013", "summary:收入", "收入总计", "income", "合计"),
                              relation("BAL-013", "summary:支出", "支出总计", "spending", "合计"),
                              At("", "spending", "201 一般公共服务支出"),
                              relation("BAL-013", "summary:支出", "201 一般公共服务支出",
                                       "spending", "201 一般公共服务支出")};
  std::vector<size_t> cause = CauseOf(all, true);
  EXPECT_EQ(cause, (std::vector<size_t>{0, 2, 2, 2}));
  EXPECT_EQ(CauseOf(all), (std::vector<size_t>{0, 1, 2, 2}));
  GroupByCause(&all, true);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].where.table_id, "spending");
  EXPECT_EQ(all[1].consequences.size(), 2u);
}

// In a text, a wrong amount explains the share that quotes it at the same place (TXT-017 and
// TXT-014 on one 中小企业 sentence); a share quoting another amount, or elsewhere, stays apart.
TEST(CauseGroups, AWrongAmountInATextExplainsTheShareQuotingIt) {
  auto text = [](const std::string& rule, const std::string& message, const std::string& found,
                 const std::string& section) {
    Finding f;
    f.rule = rule;
    f.message = message;
    f.found = found;
    f.where.section = section;
    f.where.file = "a.yaml";
    return f;
  };
  std::vector<Finding> all = {
      text("TXT-014", "「面向中小企业预留45.20万元，占政府采购预算的40.00%」：应为41.85%", "40.00%",
           "八"),
      text("TXT-017", "「45.20万元」：合计43.20万元，文字为45.20万元", "45.20", "八"),
      text("TXT-014", "「预留145.20万元，占政府采购预算的40.00%」：应为41.85%", "40.00%", "八"),
      text("TXT-014", "「面向中小企业预留45.20万元，占政府采购预算的40.00%」：应为41.85%", "40.00%",
           "九")};
  EXPECT_EQ(CauseOf(all), (std::vector<size_t>{1, 1, 2, 3}));
  GroupByCause(&all);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].rule, "TXT-017");
  ASSERT_EQ(all[0].consequences.size(), 1u);
  EXPECT_EQ(all[0].consequences[0].rule, "TXT-014");
}

TEST(CauseGroups, RoundingNotesStayApart) {
  std::vector<Finding> all = {At("BAL-007", "t", "201"), At("BAL-007", "t", "20101")};
  all[1].rounding = true;
  all[1].severity = Severity::kInfo;
  GroupByCause(&all);
  EXPECT_EQ(all.size(), 2u);
}

// Seed 004: one repeated code in 支出总表 was five findings (four BAL-001, one CLS-002); it is
// one, the repeated code, with the four sums it upsets beneath it.
TEST(CauseGroups, Seed004RepeatedCodeIsOneFinding) {
  const Engine engine({testing::DataDir(), {}, &CairoDrawing()});
  Loaded l = engine.Load(testing::ExamplePath("xinzhou-gov-office-2023.yaml"));
  ASSERT_TRUE(l.ok());
  auto findings = engine.Review(*l.department, engine.Disclose(*l.department), {});
  int at_22102 = 0;
  for (const auto& f : findings) {
    if (f.where.table_id != "expenditure_summary" || f.where.row.rfind("22102", 0) != 0) continue;
    ++at_22102;
    EXPECT_EQ(f.rule, "CLS-002");
    EXPECT_EQ(f.consequences.size(), 4u);
  }
  EXPECT_EQ(at_22102, 1);
}

// check: one wrong figure of a source is one finding wherever it shows. base.yaml's 本年收入合计
// typed 1247.64 for 1274.64 in 收支总表 and in the text 三（一）: the cell against the detail
// (BAL-001) explains the table's relation on that cell (BAL-003), the other table compared with
// it (BAL-013, through its related cell), the text repeating the figure (TXT-001) and the change
// and percentage the text computes from it (TXT-002, TXT-003) — one finding with five
// consequences, in the text, JSON and HTML reports alike.
TEST(CauseGroups, OneWrongFigureInTablesAndTextIsOneFinding) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("{table: income_expenditure_summary, row: 本年收入合计, amount: 1274.64}",
          "{table: income_expenditure_summary, row: 本年收入合计, amount: 1247.64}");
  replace("{key: revenue.total, at: 三（一）, amount: 1274.64,",
          "{key: revenue.total, at: 三（一）, amount: 1247.64,");
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckedFile file;
  file.path = "t.yaml";
  file.findings = RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), {});
  ASSERT_EQ(file.findings.size(), 1u) << TextReport(file);
  const Finding& root = file.findings[0];
  EXPECT_EQ(root.rule, "BAL-001");
  EXPECT_EQ(root.where.table_id, "income_expenditure_summary");
  EXPECT_EQ(root.where.row, "本年收入合计");
  std::vector<std::string> rules;
  for (const auto& c : root.consequences) rules.push_back(c.rule);
  EXPECT_EQ(rules,
            (std::vector<std::string>{"BAL-003", "BAL-013", "TXT-001", "TXT-002", "TXT-003"}))
      << TextReport(file);
  EXPECT_EQ(file.Count(Severity::kError), 1);
  // Text: the consequences beneath their cause, each with where it is.
  const std::string report = TextReport(file);
  EXPECT_NE(report.find("错误 1，警告 0，提示 0"), std::string::npos) << report;
  EXPECT_NE(report.find("由此引起（5处，同一原因，不另计）"), std::string::npos) << report;
  EXPECT_NE(report.find("TXT-001 「revenue.total」文字为1247.64万元，按明细应为1274.64万元"
                        "，相差-27.00万元 （公开说明 三（一））"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("BAL-013 收入总表合计与收支总表本年收入合计不一致"), std::string::npos)
      << report;
  // JSON: one finding, its five consequences nested.
  const std::string json = JsonReport({file});
  EXPECT_NE(json.find("\"error\": 1,"), std::string::npos) << json;
  size_t nested = 0;
  for (size_t at = json.find("\"rule\": \""); at != std::string::npos;
       at = json.find("\"rule\": \"", at + 1)) {
    ++nested;
  }
  EXPECT_EQ(nested, 6u) << json;
  EXPECT_NE(json.find("\"consequences\""), std::string::npos) << json;
  // HTML: the cause, and the consequences listed under it.
  const std::string html = HtmlReport(file, doc);
  const size_t cause = html.find("BAL-001");
  const size_t listed = html.find("由此引起（同一原因，不另计）");
  ASSERT_NE(cause, std::string::npos);
  ASSERT_NE(listed, std::string::npos);
  EXPECT_LT(cause, listed);
  for (const char* rule : {"BAL-003", "BAL-013", "TXT-001", "TXT-002", "TXT-003"})
    EXPECT_NE(html.find(std::string("<li>") + rule + " ", listed), std::string::npos) << rule;
}

// The same figure repeated: a wrong 类 printed alike in two tables and in the text is one
// finding (the first table's), the others its repeats; a different wrong figure stays apart,
// and so does a text finding that only happens to be at another place.
TEST(CauseGroups, ARepeatedWrongFigureFollowsTheFirst) {
  auto at = [](const std::string& rule, const std::string& table, const std::string& row,
               const std::string& expected, const std::string& found) {
    Finding f = At(rule, table, row);
    f.expected = expected;
    f.found = found;
    return f;
  };
  Finding text = at("TXT-001", "", "", "961.74", "961.47");
  text.where.section = "三（二）";
  text.where.file = "a.yaml";
  text.where.line = 12;
  Finding other = at("BAL-001", "general_expenditure", "208", "181.61", "181.16");
  std::vector<Finding> all = {at("BAL-001", "expenditure_summary", "201", "961.74", "961.47"),
                              at("BAL-001", "general_expenditure", "201", "961.74", "961.47"), text,
                              other};
  EXPECT_EQ(CauseOf(all), (std::vector<size_t>{0, 1, 2, 3}));  // audit: not by figure
  EXPECT_EQ(CauseOf(all, false, true), (std::vector<size_t>{0, 0, 0, 3}));
  // A rounding note is never a repeat.
  all[1].rounding = true;
  EXPECT_EQ(CauseOf(all, false, true), (std::vector<size_t>{0, 1, 0, 3}));
}

// Projects filed under 行政运行 are one mistake of the department, however many there are: one
// CLS-005 naming them all, each other project's line related to it.
TEST(CauseGroups, ProjectsFiledUnderOneRunningItemAreOneFinding) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml");
  for (const char* line : {R"(      - {function: "2010302", economic: "30227", amount: 90.36})",
                           R"(      - {function: "2010302", economic: "31002", amount: 25.4})"}) {
    size_t at = text.find(line);
    ASSERT_NE(at, std::string::npos) << line;
    text.replace(at + std::string(R"(      - {function: "201030)").size(), 1, "1");
  }
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckOptions options;
  options.only = {"CLS-005"};
  auto findings = RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(
      findings[0].message.find(
          "项目「政务服务便民热线整体服务外包」、「电子政务信息化建设」共2个列入2010301 行政运行"),
      std::string::npos)
      << findings[0].message;
  EXPECT_EQ(findings[0].related.size(), 1u);
}

}  // namespace
}  // namespace gongkai
