// One finding per cause (review/cause_groups.h).
#include "review/cause_groups.h"

#include <gtest/gtest.h>

#include "engine/engine.h"
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
  const Engine engine({testing::DataDir(), {}});
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

}  // namespace
}  // namespace gongkai
