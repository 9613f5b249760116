// How the performance rules speak about indicator values: one PRF-004 note per indicator,
// naming its form, table, goal, row and columns; placeholders ("/", "——") are not reported;
// a count per 年 and the same count compare as one quantity (PRF-015).
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::string Base() { return testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml"); }

std::string Replace(std::string text, const std::string& find, const std::string& replace) {
  size_t pos = text.find(find);
  EXPECT_NE(pos, std::string::npos) << find;
  if (pos != std::string::npos) text.replace(pos, find.size(), replace);
  return text;
}

std::vector<Finding> Check(const std::string& text, const std::string& rule) {
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckOptions options;
  options.only = {rule};
  return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
}

const char* kRow = R"(name: 来电接通率, before_last: "97%", last: "98%", value: "≥98%")";

TEST(IndicatorFindings, OneNotePerIndicatorNamingTableGoalRowAndColumns) {
  auto findings = Check(Replace(Base(), kRow,
                                R"(name: 来电接通率, before_last: "较好接通", )"
                                R"(last: "基本接通", value: "全部接通")"),
                        "PRF-004");
  ASSERT_EQ(findings.size(), 1u);
  const std::string& m = findings[0].message;
  EXPECT_NE(m.find("项目申报表「政务服务便民热线整体服务外包」年度目标表「年度目标1」第2行指标「来"
                   "电接通率」"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("预计当年列「全部接通」、前年列「较好接通」、上年列「基本接通」无法识别"),
            std::string::npos)
      << m;
  EXPECT_EQ(m.find("无法识别的指标值「"), std::string::npos) << m;  // the value said once
  EXPECT_EQ(findings[0].where.table, "项目申报表（含绩效目标）");
}

TEST(IndicatorFindings, PlaceholdersAreNotReported) {
  std::string text =
      Replace(Base(), kRow, R"(name: 来电接通率, before_last: "/", last: "——", value: "≥98%")");
  EXPECT_TRUE(Check(text, "PRF-004").empty());
  auto d = ParseSource(text, "t.yaml", testing::Catalogs());
  bool seen = false;
  for (const auto& p : d.performance.projects) {
    for (const auto& g : p.annual) {
      for (const auto& i : g.indicators) {
        if (i.name != "来电接通率") continue;
        seen = true;
        EXPECT_EQ(i.before_last.kind, IndicatorValue::kPlaceholder);
        EXPECT_EQ(i.last.kind, IndicatorValue::kPlaceholder);
      }
    }
  }
  EXPECT_TRUE(seen);
}

TEST(IndicatorFindings, PerYearAndPlainCountAreOneQuantity) {
  const std::string long_term = R"(name: 帮扶村数量, value: "2个", basis: 年度工作计划)";
  // Long-term "≥2个/年", annual "2个": the same quantity, not a unit mismatch.
  auto same = Check(
      Replace(Base(), long_term, R"(name: 帮扶村数量, value: "≥2个/年", basis: 年度工作计划)"),
      "PRF-015");
  EXPECT_TRUE(same.empty()) << (same.empty() ? "" : same[0].message);
  // Per quarter is another quantity.
  auto other = Check(
      Replace(Base(), long_term, R"(name: 帮扶村数量, value: "≥2个/季度", basis: 年度工作计划)"),
      "PRF-015");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(other[0].message.find("单位不一致"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
