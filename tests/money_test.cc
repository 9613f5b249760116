#include "base/money.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "base/rounding.h"

namespace gongkai {
namespace {

Money ParseOk(const std::string& text, MoneyUnit unit = MoneyUnit::kWan) {
  std::string why;
  auto m = Money::Parse(text, unit, &why);
  EXPECT_TRUE(m.has_value()) << text << ": " << why;
  return m.value_or(Money());
}

std::string ParseError(const std::string& text, MoneyUnit unit = MoneyUnit::kWan) {
  std::string why;
  auto m = Money::Parse(text, unit, &why);
  EXPECT_FALSE(m.has_value()) << text;
  return why;
}

TEST(MoneyParse, AcceptsPublishedForms) {
  EXPECT_EQ(ParseOk("1,597.66").fen(), 1597'660000);
  EXPECT_EQ(ParseOk("1597.66万元").fen(), 1597'660000);
  EXPECT_EQ(ParseOk("30,000.00元").fen(), 3'000'000);
  EXPECT_EQ(ParseOk("0").fen(), 0);
  EXPECT_EQ(ParseOk(" 12 ").fen(), 12'000'000);
  EXPECT_EQ(ParseOk("669600.00", MoneyUnit::kYuan).fen(), 66'960'000);
  EXPECT_EQ(ParseOk("73.7355").fen(), 73'735'500);
  EXPECT_EQ(ParseOk("0.000001").fen(), 1);            // one fen
  EXPECT_EQ(ParseOk("1.50000000").fen(), 1'500'000);  // harmless trailing zeros
  EXPECT_EQ(ParseOk("-3.5").fen(), -3'500'000);
}

TEST(MoneyParse, RejectsMalformedAndTooPrecise) {
  EXPECT_NE(ParseError("").find("为空"), std::string::npos);
  EXPECT_NE(ParseError("12a").find("不是有效的金额"), std::string::npos);
  EXPECT_NE(ParseError("1.2.3").find("不是有效的金额"), std::string::npos);
  EXPECT_NE(ParseError("1,23.00").find("千位分隔符"), std::string::npos);
  EXPECT_NE(ParseError("12,3456").find("千位分隔符"), std::string::npos);
  EXPECT_NE(ParseError("0.0000001").find("精度"), std::string::npos);
  EXPECT_NE(ParseError("0.001元").find("精度"), std::string::npos);
  EXPECT_NE(ParseError("99999999999999999999").find("过大"), std::string::npos);
  EXPECT_NE(ParseError("9223372036854.775808").find("过大"), std::string::npos);
}

// The whole text is read: nothing after the 9th decimal goes unnoticed, junk after digits
// that happen to be zeros included (these were read as 100 and 1).
TEST(MoneyParse, ReadsEveryCharacter) {
  EXPECT_NE(ParseError("100.000000000 junk").find("不是有效的金额"), std::string::npos);
  EXPECT_NE(ParseError("100.000000000junk").find("不是有效的金额"), std::string::npos);
  EXPECT_NE(ParseError("1.0000000001").find("精度"), std::string::npos);
  EXPECT_NE(ParseError("1.00000000000000000000000000000001").find("精度"), std::string::npos);
  EXPECT_NE(ParseError("1.001", MoneyUnit::kYuan).find("精度"), std::string::npos);
  EXPECT_EQ(ParseOk("1.000000000000000000000000000000").fen(), 1'000'000);
  EXPECT_EQ(ParseOk("2.500000000元").fen(), 250);
}

// A long text is quoted in part, never whole.
TEST(MoneyParse, LongTextIsQuotedInPart) {
  std::string why = ParseError("1" + std::string(100000, 'x'));
  EXPECT_LT(why.size(), 300u) << why;
  EXPECT_NE(why.find("…"), std::string::npos) << why;
}

TEST(MoneyConvert, YuanAndWanAreExact) {
  Money m = ParseOk("30,000.00元");
  EXPECT_EQ(m.Wan(), "3.00");
  EXPECT_EQ(m.ExactWan(), "3");
  EXPECT_EQ(ParseOk("3万元").Yuan(true), "30,000.00");
  EXPECT_EQ(ParseOk("1597.66").Wan(2, true), "1,597.66");
}

TEST(MoneyRounding, HalfUpByMagnitude) {
  EXPECT_EQ(ParseOk("73.735").Wan(), "73.74");
  EXPECT_EQ(ParseOk("73.7349").Wan(), "73.73");
  EXPECT_EQ(ParseOk("-1.005").Wan(), "-1.01");
  EXPECT_EQ(ParseOk("-0.001").Wan(), "0.00");  // never "-0.00"
  EXPECT_EQ(RoundHalfUp(5, 10), 1);
  EXPECT_EQ(RoundHalfUp(-5, 10), -1);
  EXPECT_EQ(RoundHalfUp(4, 10), 0);
}

TEST(MoneyArithmetic, OverflowThrows) {
  Money big = Money::FromFen(INT64_MAX);
  EXPECT_THROW(big + Money::FromFen(1), std::overflow_error);
  EXPECT_THROW(Money::FromFen(INT64_MIN) - Money::FromFen(1), std::overflow_error);
  EXPECT_EQ((ParseOk("0.1") + ParseOk("0.2")).ExactWan(), "0.3");  // no binary fractions
}

TEST(Percent, SharesAndChanges) {
  EXPECT_EQ(SharePercent(ParseOk("1481.39"), ParseOk("1844.81"), 1), "80.3");
  EXPECT_EQ(SharePercent(ParseOk("1"), ParseOk("3")), "33.33");
  EXPECT_EQ(SharePercent(ParseOk("2"), ParseOk("3")), "66.67");
  EXPECT_EQ(SharePercent(ParseOk("1"), Money()), "0.00");
  // 004: 1597.66 against 1722.47 is a 7.246% decrease, printed 7.25 (published 7.24 is wrong).
  EXPECT_EQ(ChangePercent(ParseOk("1597.66"), ParseOk("1722.47")).value(), "7.25");
  EXPECT_EQ(ChangePercent(ParseOk("995.62"), ParseOk("1041.02")).value(), "4.36");
  EXPECT_FALSE(ChangePercent(ParseOk("5"), Money()).has_value());
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(MoneyTimesFraction, RoundsHalfUpToTheFenAndRefusesOverflow) {
  // 246.465 万元 × 1 = itself; × 0.4 = 98.586 万元 exactly.
  std::string why;
  const Money m = *Money::Parse("246.465", MoneyUnit::kWan, &why);
  EXPECT_EQ(m.TimesFraction(1, 1), m);
  EXPECT_EQ(m.TimesFraction(400000, 1000000).ExactWan(), "98.586");
  // 0.01 元 × 1/2 = 0.005 元 → 0.01 元 (half up), and by magnitude for negatives.
  EXPECT_EQ(Money::FromFen(1).TimesFraction(1, 2), Money::FromFen(1));
  EXPECT_EQ(Money::FromFen(-1).TimesFraction(1, 2), Money::FromFen(-1));
  EXPECT_EQ(Money::FromFen(1).TimesFraction(1, 3), Money::FromFen(0));
  EXPECT_THROW(m.TimesFraction(1, 0), std::invalid_argument);
  EXPECT_THROW(Money::FromFen(INT64_MAX / 2).TimesFraction(3, 1), std::overflow_error);
}

}  // namespace
}  // namespace gongkai
