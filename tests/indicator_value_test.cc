#include "refdata/indicator_value.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace gongkai {
namespace {

const ValueCatalog& Catalog() {
  static const auto c = ValueCatalog::Load(testing::DataDir());
  return *c;
}

IndicatorValue P(const std::string& s) { return ParseIndicatorValue(s, Catalog()); }

TEST(IndicatorValue, Quantified) {
  auto v = P("≥95%");
  EXPECT_EQ(v.kind, IndicatorValue::kNumber);
  EXPECT_EQ(v.comparator, Comparator::kGe);
  EXPECT_EQ(v.number.ToString(), "95");
  EXPECT_EQ(v.unit, "%");
  EXPECT_EQ(v.unit_kind, "percent");
  EXPECT_EQ(P("=100%").comparator, Comparator::kEq);
  EXPECT_EQ(P("≤2小时").unit, "小时");
  EXPECT_EQ(P(">7.4亿").Normalized(), ">7.4亿");
  EXPECT_EQ(P("≥1次/年").unit, "次/年");
  EXPECT_EQ(P("12 套").Normalized(), "12套");
  EXPECT_EQ(P("≥99％").Normalized(), "≥99%");  // full-width percent sign
  EXPECT_EQ(P(">=9套").comparator, Comparator::kGe);
  EXPECT_EQ(P("≥12个（件）").unit, "个（件）");
  EXPECT_EQ(P("≥12个(件)").unit, "个（件）");
  EXPECT_EQ(P("=5423.98平方米").number.ToString(), "5423.98");
  EXPECT_EQ(P("1600 元/户").unit, "元/户");
  EXPECT_EQ(P("≥156万元").unit_kind, "money");
  EXPECT_EQ(P("不少于3篇").comparator, Comparator::kGe);
  EXPECT_EQ(P("≥80").unit, "");
  EXPECT_EQ(P("100 %").Normalized(), "100%");
}

TEST(IndicatorValue, SuffixComparatorsAndApproximations) {
  EXPECT_EQ(P("95%以上").Normalized(), "≥95%");
  EXPECT_EQ(P("2小时以内").Normalized(), "≤2小时");
  EXPECT_EQ(P("约150个").Normalized(), "150个");
  EXPECT_EQ(P("150个左右").Normalized(), "150个");
}

TEST(IndicatorValue, Ranges) {
  auto v = P("100--120人/年");
  EXPECT_EQ(v.kind, IndicatorValue::kRange);
  EXPECT_EQ(v.number.ToString(), "100");
  EXPECT_EQ(v.upper.ToString(), "120");
  EXPECT_EQ(v.unit, "人/年");
  EXPECT_EQ(P("5-8个").kind, IndicatorValue::kRange);
}

TEST(IndicatorValue, ReferencesAndQualitative) {
  auto r = P("≦预算数");
  EXPECT_EQ(r.kind, IndicatorValue::kReference);
  EXPECT_EQ(r.comparator, Comparator::kLe);
  EXPECT_EQ(P("小于预算数").kind, IndicatorValue::kReference);
  EXPECT_EQ(P("按合同规定").kind, IndicatorValue::kQualitative);
  EXPECT_EQ(P("有所提高").grade, "improve");
  EXPECT_EQ(P("按计划完成").grade, "on_plan");
  EXPECT_FALSE(P("有所提高").quantified());
  EXPECT_TRUE(P("≥95%").quantified());
}

// A sentence in the value column is a description (the document's fault); a value with a
// number the parser cannot read, or a numeral in words, is unparsed (the reader's limit).
TEST(IndicatorValue, UnparsedIsKeptAndExplained) {
  auto v = P("统筹管理区级预算资金");
  EXPECT_EQ(v.kind, IndicatorValue::kDescription);
  EXPECT_EQ(v.raw, "统筹管理区级预算资金");
  EXPECT_NE(v.error.find("是文字描述"), std::string::npos);
  EXPECT_TRUE(v.unmeasurable());
  EXPECT_EQ(P("全年两次").kind, IndicatorValue::kUnparsed);
  EXPECT_EQ(P("≥预算控制数").kind, IndicatorValue::kUnparsed);
  auto u = P("12 只猫");
  EXPECT_EQ(u.kind, IndicatorValue::kUnparsed);
  EXPECT_NE(u.error.find("未知的计量单位「只猫」"), std::string::npos);
  EXPECT_EQ(P("").kind, IndicatorValue::kEmpty);
}

TEST(IndicatorValue, PlaceholdersAreNotFilledNotUnparsed) {
  for (const char* s : {"/", "／", "-", "—", "——", "－", "无", "……", "…", " / ", "不适用"}) {
    auto v = P(s);
    EXPECT_EQ(v.kind, IndicatorValue::kPlaceholder) << s;
    EXPECT_TRUE(v.unfilled()) << s;
    EXPECT_FALSE(v.quantified()) << s;
    EXPECT_TRUE(v.error.empty()) << s;
    EXPECT_EQ(v.raw, s);
  }
  EXPECT_TRUE(P("").unfilled());
  EXPECT_FALSE(P("≥95%").unfilled());
}

TEST(IndicatorValue, QualitativeGradesAreData) {
  EXPECT_EQ(P("规范").grade, "standard");
  EXPECT_EQ(P("显著提升").grade, "improve");
  EXPECT_EQ(P("年内").grade, "in_year");
  EXPECT_EQ(P("有效").grade, "effective");
  EXPECT_EQ(P("达标").grade, "pass");
  EXPECT_EQ(P("达到预期").grade, "on_plan");  // not the comparator 达到 with a reference
  EXPECT_EQ(P(" 规范 ").kind, IndicatorValue::kQualitative);
}

TEST(IndicatorValue, PeriodUnits) {
  auto a = P("≥1次/年"), b = P("≥1次"), c = P("每年≥1次"), q = P("1次/季度");
  EXPECT_EQ(a.unit, "次/年");
  EXPECT_EQ(a.period, "年");
  EXPECT_EQ(a.base_unit(), "次");
  EXPECT_EQ(b.period, "");
  EXPECT_EQ(c.Normalized(), "≥1次/年");
  EXPECT_EQ(q.period, "季度");
  EXPECT_TRUE(SameQuantity(a, b));  // an annual "≥1次" is once a year
  EXPECT_TRUE(SameQuantity(a, c));
  EXPECT_FALSE(SameQuantity(a, q));
  EXPECT_FALSE(SameQuantity(a, P("≥1个")));
  auto rate = P("1600元/户");  // a rate, not a period
  EXPECT_EQ(rate.period, "");
  EXPECT_EQ(rate.base_unit(), "元/户");
}

TEST(IndicatorValue, PercentRanges) {
  for (const char* s :
       {"90%-100%", "90%~100%", "90%至100%", "90%—100%", "90％～100％", "90-100%"}) {
    auto v = P(s);
    EXPECT_EQ(v.kind, IndicatorValue::kRange) << s;
    EXPECT_EQ(v.number.ToString(), "90") << s;
    EXPECT_EQ(v.upper.ToString(), "100") << s;
    EXPECT_EQ(v.unit, "%") << s;
  }
  EXPECT_EQ(P("3~5次/年").Normalized(), "3–5次/年");
  EXPECT_EQ(P("90%-100人").kind, IndicatorValue::kUnparsed);  // two different units
}

TEST(IndicatorValue, FullWidthAndLookAlikeComparators) {
  struct Case {
    const char* text;
    const char* normalized;
  };
  for (const Case& c :
       std::initializer_list<Case>{{"≦5%", "≤5%"},
                                   {"≧95%", "≥95%"},
                                   {"＞3个", ">3个"},
                                   {"＜1%", "<1%"},
                                   {"＝100%", "=100%"},
                                   {"≥95%", "≥95%"},
                                   {"≤2小时", "≤2小时"},
                                   {"⩾90%", "≥90%"},
                                   {"⩽10天", "≤10天"},
                                   {"＞＝9套", "≥9套"},
                                   {"$\\geq 95\\%$", "≥95%"},  // pdftotext of a formula
                                   {"不低于95%", "≥95%"},
                                   {"不少于3篇", "≥3篇"},
                                   {"不高于5%", "≤5%"},
                                   {"不超过2小时", "≤2小时"},
                                   {"达到100%", "≥100%"},
                                   {"大于90%", ">90%"},
                                   {"小于5%", "<5%"},
                                   {"大于或等于80%", "≥80%"}}) {
    auto v = P(c.text);
    EXPECT_EQ(v.kind, IndicatorValue::kNumber) << c.text << " " << v.error;
    EXPECT_EQ(v.Normalized(), c.normalized) << c.text;
  }
}

TEST(IndicatorValue, UnitMeasures) {
  // data/perf/unit_factors.csv: the size of a unit in its base; unlisted units are their own.
  EXPECT_EQ(Catalog().Measure("万元").base, "元");
  EXPECT_EQ(Catalog().Measure("万元").factor.ToString(), "10000");
  EXPECT_EQ(Catalog().Measure("米").base, "公里");
  EXPECT_EQ(Catalog().Measure("米").factor.ToString(), "0.001");
  EXPECT_EQ(Catalog().Measure("万人").base, "人");
  EXPECT_EQ(Catalog().Measure("人次").base, "人次");  // not 人
  EXPECT_EQ(Catalog().Measure("人次").factor.ToString(), "1");
  EXPECT_EQ(Catalog().Measure("亩").base, "亩");  // not an exact number of 平方米
}

}  // namespace
}  // namespace gongkai
