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

TEST(IndicatorValue, UnparsedIsKeptAndExplained) {
  auto v = P("统筹管理区级预算资金");
  EXPECT_EQ(v.kind, IndicatorValue::kUnparsed);
  EXPECT_EQ(v.raw, "统筹管理区级预算资金");
  EXPECT_NE(v.error.find("无法识别"), std::string::npos);
  auto u = P("12 只猫");
  EXPECT_EQ(u.kind, IndicatorValue::kUnparsed);
  EXPECT_NE(u.error.find("未知的计量单位「只猫」"), std::string::npos);
  EXPECT_EQ(P("").kind, IndicatorValue::kEmpty);
}

}  // namespace
}  // namespace gongkai
