#include <gtest/gtest.h>

#include "base/chinese_numerals.h"

namespace gongkai {
namespace {

TEST(ChineseNumerals, StandardFormsPastTwenty) {
  EXPECT_EQ(ChineseNumber(1), "一");
  EXPECT_EQ(ChineseNumber(10), "十");
  EXPECT_EQ(ChineseNumber(11), "十一");
  EXPECT_EQ(ChineseNumber(20), "二十");
  EXPECT_EQ(ChineseNumber(21), "二十一");  // not 廿一
  EXPECT_EQ(ChineseNumber(22), "二十二");
  EXPECT_EQ(ChineseNumber(29), "二十九");
  EXPECT_EQ(ChineseNumber(30), "三十");
  EXPECT_EQ(ChineseNumber(35), "三十五");
  EXPECT_EQ(ChineseNumber(99), "九十九");
  for (int n = 1; n < 100; ++n) EXPECT_EQ(ChineseNumber(n).find("廿"), std::string::npos) << n;
}

}  // namespace
}  // namespace gongkai
