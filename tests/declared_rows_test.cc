// A declared figure whose row label is no row of its table says so, with rows of the table to
// choose from, instead of a difference against zero (issue "Findings a reviewer can trust").
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::vector<Finding> Bal001(const std::string& find, const std::string& replace) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml");
  size_t pos = text.find(find);
  EXPECT_NE(pos, std::string::npos) << find;
  if (pos != std::string::npos) text.replace(pos, find.size(), replace);
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckOptions options;
  options.only = {"BAL-001"};
  return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
}

TEST(DeclaredRows, UnknownRowLabelListsTheTablesRows) {
  auto f = Bal001("{table: income_summary, row: 合计, column: 合计, amount: 1274.64}",
                  "{table: income_summary, row: 总计, column: 合计, amount: 1274.64}");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message.rfind("附表4-2 没有「总计」这一行；该表的行有：", 0), 0u) << f[0].message;
  EXPECT_NE(f[0].message.find("「合计」"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].message.find("不符"), std::string::npos) << f[0].message;
  EXPECT_TRUE(f[0].expected.empty());  // no figure to compare with
}

TEST(DeclaredRows, TwoSidedTableNamesSimilarRows) {
  auto f =
      Bal001("{table: income_expenditure_summary, row: 一、一般公共预算拨款收入, amount: 1262.64}",
             "{table: income_expenditure_summary, row: 一、一般公共预算收入, amount: 1262.64}");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message.rfind("附表4-1 没有「一、一般公共预算收入」这一行；该表的行有：", 0), 0u)
      << f[0].message;
  EXPECT_NE(f[0].message.find("「一、一般公共预算拨款收入」"), std::string::npos) << f[0].message;
}

TEST(DeclaredRows, ACodeRowWithoutDetailIsStillZeroInTheDetail) {
  auto f = Bal001("{table: income_summary, row: 合计, column: 合计, amount: 1274.64}",
                  "{table: income_summary, row: 合计, column: 合计, amount: 1274.64}\n"
                  "    - {table: income_summary, row: \"2240199\", column: 合计, amount: 5}");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("与明细数据0.00不符"), std::string::npos) << f[0].message;
}

}  // namespace
}  // namespace gongkai
