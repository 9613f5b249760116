// How the performance rules speak about indicator values: one finding per indicator, naming its
// form, table, goal, row and columns (PRF-004 for a description, PRF-027 for a form not
// understood); placeholders ("/", "——") are not reported;
// a count per 年 and the same count compare as one quantity (PRF-015); a per-unit cost pairs
// with a count only in the same unit (PRF-023, PRF-024).
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
  EXPECT_NE(m.find("预计当年列「全部接通」、前年列「较好接通」、上年列「基本接通」是文字描述"),
            std::string::npos)
      << m;
  EXPECT_EQ(m.find("指标值「"), std::string::npos) << m;  // the value said once
  EXPECT_EQ(findings[0].where.table, "项目申报表（含绩效目标）");
}

// A value with a number the parser cannot read is its own limit, not the document's fault: a
// note (PRF-027), not the description's warning (PRF-004); a numeral in words is not taken
// for a description either.
TEST(IndicatorFindings, AFormNotUnderstoodIsANoteNotADescription) {
  std::string text = Replace(Base(), kRow,
                             R"(name: 来电接通率, before_last: "97%", last: "全年两次", )"
                             R"(value: "≥60分贝")");
  EXPECT_TRUE(Check(text, "PRF-004").empty());
  auto notes = Check(text, "PRF-027");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].severity, Severity::kInfo);
  EXPECT_NE(notes[0].message.find("预计当年列「≥60分贝」、上年列「全年两次」无法识别"),
            std::string::npos)
      << notes[0].message;
}

// A form's indicator copied into its long-term and its annual goals carries its mistake into
// both: one finding naming both goals, the second place related to it (PRF-003); so too a form
// whose two tables both lack 满意度指标 (PRF-002) and a basis left out in both (PRF-017).
TEST(IndicatorFindings, AMistakeCopiedIntoBothTablesOfAFormIsOneFinding) {
  const std::string satisfaction =
      "{level1: 满意度指标, level2: 服务对象满意度指标, name: 来电群众满意度";
  std::string text = Replace(Base(), satisfaction,
                             "{level1: 效益指标, level2: 服务对象满意度指标, name: 来电群众满意度");
  text = Replace(text, satisfaction,
                 "{level1: 效益指标, level2: 服务对象满意度指标, name: 来电群众满意度");
  text = Replace(text, R"(name: 话务坐席数量, value: "20个", basis: 年度工作计划})",
                 R"(name: 话务坐席数量, value: "20个"})");
  text = Replace(
      text,
      R"(name: 话务坐席数量, before_last: "20个", last: "20个", value: "20个", basis: 历史数据})",
      R"(name: 话务坐席数量, before_last: "20个", last: "20个", value: "20个"})");
  const std::string form = "项目申报表「政务服务便民热线整体服务外包」";

  auto misfit = Check(text, "PRF-003");
  ASSERT_EQ(misfit.size(), 1u);
  EXPECT_EQ(
      misfit[0].message,
      form +
          "长期目标「长期目标1」、年度目标「年度目标1」的指标「来电群众满意度」：二级指标「服务"
          "对象满意度指标」不属于一级指标「效益指标」");
  ASSERT_EQ(misfit[0].related.size(), 1u);
  EXPECT_GT(misfit[0].related[0].line, misfit[0].where.line);

  auto lack = Check(text, "PRF-002");
  ASSERT_EQ(lack.size(), 1u);
  EXPECT_EQ(lack[0].message, form + "的长期目标表、年度目标表缺少满意度指标");
  EXPECT_EQ(lack[0].related.size(), 1u);

  auto basis = Check(text, "PRF-017");
  ASSERT_EQ(basis.size(), 1u);
  EXPECT_EQ(basis[0].message, form +
                                  "有2个指标没有填写指标值确定依据（长期目标「长期目标1」1个、"
                                  "年度目标「年度目标1」1个）");
}

// Different lacks in the two tables are still one finding per form, each table's lack named.
TEST(IndicatorFindings, DifferentLacksOfAFormAreOneFindingNamingEach) {
  std::string text = Replace(
      Base(),
      R"({level1: 满意度指标, level2: 服务对象满意度指标, name: 来电群众满意度, value: "≥92%")",
      R"({level1: 产出指标, level2: 质量指标, name: 来电群众满意度, value: "≥92%")");
  text = Replace(text,
                 R"({level1: 效益指标, level2: 社会效益指标, name: 群众诉求办结率, value: "≥98%")",
                 R"({level1: 产出指标, level2: 质量指标, name: 群众诉求办结率, value: "≥98%")");
  text = Replace(
      text,
      R"({level1: 满意度指标, level2: 服务对象满意度指标, name: 来电群众满意度, before_last: "90%")",
      R"({level1: 效益指标, level2: 社会效益指标, name: 来电群众满意度, before_last: "90%")");
  auto lack = Check(text, "PRF-002");
  ASSERT_EQ(lack.size(), 1u);
  EXPECT_EQ(
      lack[0].message,
      "项目申报表「政务服务便民热线整体服务外包」的长期目标表缺少效益指标、满意度指标，年度目标"
      "表缺少满意度指标");
  EXPECT_EQ(lack[0].related.size(), 1u);
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

// 电子政务信息化建设, 当年预算 50.40万元: its annual goal counts "≥30台" 更新网络设备 and has the
// cost row below, replaced by each case.
const char* kCostRow =
    R"(name: 机房改造成本, before_last: "≤20万元", last: "≤18万元", value: "≤15万元")";
const char* kCountRow = R"(name: 更新网络设备, before_last: "20台", last: "25台", value: "≥30台")";

std::string WithCost(const std::string& cost, const std::string& count = "≥30台") {
  std::string text = Replace(
      Base(), kCostRow, R"(name: 单位成本, before_last: "/", last: "/", value: ")" + cost + "\"");
  return Replace(text, kCountRow,
                 R"(name: 更新网络设备, before_last: "/", last: "/", value: ")" + count + "\"");
}

std::string Messages(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.message + "\n";
  return out;
}

TEST(CostIndicators, UnitCostTimesCountAboveTheBudgetIsAWarning) {
  auto f = Check(WithCost("≤2万元/台"), "PRF-023");
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_NE(f[0].message.find("成本指标「单位成本」≤2万元/台 × 数量指标「更新网络设备」≥30台 = "
                              "60.00万元，超过项目当年预算50.40万元"),
            std::string::npos)
      << f[0].message;
  EXPECT_EQ(f[0].where.table, "项目申报表（含绩效目标）");
  // Exactly the budget is not above it.
  EXPECT_TRUE(Check(WithCost("≤1.68万元/台"), "PRF-023").empty());
  EXPECT_EQ(Check(WithCost("≤1.6801万元/台"), "PRF-023").size(), 1u);
}

TEST(CostIndicators, UnitsConvertThroughTheDataFile) {
  // 20万元/公里 × 3千米, 200元/米 × 3公里 and 10元/人 × 6万人 are each 60万元.
  for (auto [cost, count] :
       {std::pair{"≤20万元/公里", "≥3千米"}, std::pair{"≤200元/米", "≥3公里"},
        std::pair{"≤10元/人", "≥6万人"}, std::pair{"0.0002亿元/台", "30台/年"}}) {
    auto f = Check(WithCost(cost, count), "PRF-023");
    ASSERT_EQ(f.size(), 1u) << cost << " × " << count << "\n" << Messages(f);
    EXPECT_NE(f[0].message.find("= 60.00万元"), std::string::npos) << f[0].message;
  }
}

TEST(CostIndicators, NoPairWhenUnitsDifferOrTheCountIsAmbiguous) {
  // 元/人 against 台, 人 against 人次, a cost per 年 and a count per 季度: nothing to multiply.
  for (auto [cost, count] :
       {std::pair{"≤2万元/人", "≥30台"}, std::pair{"≤2万元/人", "≥30人次"},
        std::pair{"≤200万元/年", "≥30台"}, std::pair{"≤2万元/台", "≥30台/季度"},
        std::pair{"≤2万元/台", "约30—40台"}}) {
    EXPECT_TRUE(Check(WithCost(cost, count), "PRF-023").empty()) << cost << " × " << count;
    EXPECT_TRUE(Check(WithCost(cost, count), "PRF-024").empty()) << cost << " × " << count;
  }
  // Two counts in 台: which one the cost multiplies is not known.
  std::string two = Replace(WithCost("≤2万元/台"), R"(last: "/", value: "≥30台")",
                            R"(last: "/", value: "≥30台", basis: 历史数据}
            - {level1: 产出指标, level2: 数量指标, name: 更新终端设备, value: "≥50台")");
  EXPECT_TRUE(Check(two, "PRF-023").empty());
}

TEST(CostIndicators, FarBelowTheBudgetIsANoteOnlyWhenEveryCostIsKnown) {
  auto f = Check(WithCost("≤1.5元/台"), "PRF-024");
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_NE(f[0].message.find("≤1.5元/台 × 数量指标「更新网络设备」≥30台 = 45.00元，合计45.00元，"
                              "不到项目当年预算50.40万元的10%"),
            std::string::npos)
      << f[0].message;
  // 1.5万元/台 × 30 = 45万元, most of the budget.
  EXPECT_TRUE(Check(WithCost("≤1.5万元/台"), "PRF-024").empty());
  // Another cost the sum cannot include ("≤预算数"): silent.
  std::string other = Replace(WithCost("≤1.5元/台"), R"(last: "/", value: "≥30台")",
                              R"(last: "/", value: "≥30台", basis: 历史数据}
            - {level1: 产出指标, level2: 成本指标, name: 运维成本, value: "≤预算数")");
  EXPECT_TRUE(Check(other, "PRF-024").empty());
}

}  // namespace
}  // namespace gongkai
