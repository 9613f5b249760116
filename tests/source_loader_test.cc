#include "source/source_loader.h"

#include <gtest/gtest.h>

#include <string_view>

#include "base/utf8_text.h"
#include "test_support.h"

namespace gongkai {
namespace {

using testing::Catalogs;
using testing::MinimalSource;

// Parses and returns the error text (empty when the source is valid).
std::string Errors(const std::string& text) {
  try {
    ParseSource(text, "t.yaml", Catalogs());
  } catch (const SourceError& e) {
    return e.what();
  }
  return "";
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

TEST(SourceLoader, LoadsMinimalSource) {
  Department d = ParseSource(MinimalSource(), "t.yaml", Catalogs());
  EXPECT_EQ(d.name, "测试局");
  EXPECT_EQ(d.year, 2023);
  EXPECT_EQ(d.prior_year, 2022);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(d.lines[0].cost_class, CostClass::kPersonnel);  // 301 → 人员经费
  EXPECT_EQ(d.lines[1].cost_class, CostClass::kPublic);     // 302 → 公用经费
  EXPECT_EQ(d.lines[2].cost_class, CostClass::kProject);
  EXPECT_EQ(d.lines[2].unit_id, "机关");  // defaulted to the first unit
  EXPECT_EQ(d.ProjectAmount("p1").ExactWan(), "10");
  EXPECT_EQ(d.lines[0].where.line, 8);
}

TEST(SourceLoader, UnknownKeyIsLocated) {
  std::string e = Errors(Replace(MinimalSource(), "amount: 20}", "amont: 20}"));
  EXPECT_NE(e.find("t.yaml:9:"), std::string::npos) << e;
  EXPECT_NE(e.find("未知的键「amont」"), std::string::npos) << e;
}

TEST(SourceLoader, BadAmountIsLocated) {
  std::string e = Errors(Replace(MinimalSource(), "amount: 100.5}", "amount: 1o0.5}"));
  EXPECT_NE(e.find("t.yaml:8:54: "), std::string::npos) << e;
  EXPECT_NE(e.find("不是有效的金额"), std::string::npos) << e;
}

TEST(SourceLoader, TooPreciseAndNegativeAmounts) {
  EXPECT_NE(Errors(Replace(MinimalSource(), "100.5}", "100.1234567}")).find("精度"),
            std::string::npos);
  EXPECT_NE(Errors(Replace(MinimalSource(), "100.5}", "-100.5}")).find("不能为负数"),
            std::string::npos);
}

TEST(SourceLoader, UnknownAndWrongLevelCodes) {
  std::string e = Errors(Replace(MinimalSource(), "\"2010301\", economic: \"30101\"",
                                 "\"2010397\", economic: \"30101\""));
  EXPECT_NE(e.find("t.yaml:8:16: "), std::string::npos) << e;
  EXPECT_NE(e.find("不在2023年支出功能分类科目中"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "\"2010301\", economic: \"30101\"",
                     "\"20103\", economic: \"30101\""));
  EXPECT_NE(e.find("款级科目"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "economic: \"30201\"", "economic: \"302\""));
  EXPECT_NE(e.find("类级科目"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "economic: \"30201\"", "economic: \"30298\""));
  EXPECT_NE(e.find("不在2023年部门预算支出经济分类科目中"), std::string::npos) << e;
}

TEST(SourceLoader, WrongTypesAndMissingKeys) {
  std::string e = Errors(Replace(MinimalSource(), "year: 2023", "year: 二〇二三"));
  EXPECT_NE(e.find("t.yaml:4:9: department.year应为1990到2100之间的整数"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "  name: 测试局\n", ""));
  EXPECT_NE(e.find("department缺少必填项「name」"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "basic:\n", "basic: 12\nx:\n"));
  EXPECT_NE(e.find("basic应为列表"), std::string::npos) << e;
}

TEST(SourceLoader, DanglingReferencesAndDuplicates) {
  std::string text =
      MinimalSource() + "procurement:\n  - {item: 服务, type: service, amount: 5, project: p9}\n";
  std::string e = Errors(text);
  EXPECT_NE(e.find("项目「p9」未在 projects 中定义"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "amount: 20}", "amount: 20, unit: 分局}"));
  EXPECT_NE(e.find("预算单位「分局」未在 department.units 中定义"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试项目", "name: 测试项目\n    name: 重复"));
  EXPECT_NE(e.find("重复"), std::string::npos) << e;
}

// 上缴上级支出 / 对附属单位补助支出: a type is required, and 财政拨款 cannot pay for them; each
// mistake is located at its line.
TEST(SourceLoader, TransfersNeedATypeAndAnIncomeOtherThanFiscal) {
  const std::string ok =
      "transfers:\n  - {type: to_superior, function: \"2010302\", economic: \"39999\", "
      "fund: business, amount: 3}\n";
  Department d = ParseSource(MinimalSource() + ok, "t.yaml", Catalogs());
  ASSERT_EQ(d.lines.back().transfer, Transfer::kToSuperior);
  EXPECT_FALSE(d.lines.back().is_basic());
  EXPECT_FALSE(d.lines.back().is_project());
  EXPECT_EQ(d.lines.back().unit_id, "机关");  // the first unit, as for basic lines
  std::string e = Errors(MinimalSource() + Replace(ok, "fund: business, ", ""));
  EXPECT_NE(
      e.find("t.yaml:16:5: 第1条上缴上级或对附属单位补助支出：上缴上级支出只能由财政拨款以外的"
             "收入安排"),
      std::string::npos)
      << e;
  e = Errors(MinimalSource() + Replace(ok, "fund: business", "fund: soe"));
  EXPECT_NE(e.find("不能是 soe"), std::string::npos) << e;
  e = Errors(MinimalSource() + Replace(ok, "type: to_superior", "type: 上交"));
  EXPECT_NE(e.find("t.yaml:16:12: 第1条上缴上级或对附属单位补助支出 type「上交」无效"),
            std::string::npos)
      << e;
  e = Errors(MinimalSource() + Replace(ok, "type: to_superior, ", ""));
  EXPECT_NE(e.find("type"), std::string::npos) << e;
  d = ParseSource(MinimalSource() + Replace(ok, "to_superior", "对附属单位补助支出"), "t.yaml",
                  Catalogs());
  EXPECT_EQ(d.lines.back().transfer, Transfer::kToAffiliates);
}

TEST(SourceLoader, ReportsEveryErrorAtOnce) {
  std::string text =
      Replace(Replace(MinimalSource(), "amount: 20}", "amount: x}"), "amount: 10}", "amount: y}");
  try {
    ParseSource(text, "t.yaml", Catalogs());
    FAIL() << "expected errors";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.messages().size(), 2u) << e.what();
  }
}

TEST(SourceLoader, YamlSyntaxErrorIsLocated) {
  std::string e = Errors("gongkai: 1\ndepartment: {name: x\n");
  EXPECT_NE(e.find("t.yaml:3:1: YAML 语法错误：花括号 { … } 没有闭合（yaml-cpp：end of map flow "
                   "not found）"),
            std::string::npos)
      << e;
  // The usual mistakes of hand editing are explained in Chinese.
  e = Errors("gongkai: 1\ndepartment:\n  name: x\n\tyear: 2023\n");
  EXPECT_NE(e.find("t.yaml:4:1: YAML 语法错误：缩进中有制表符（Tab）"), std::string::npos) << e;
  e = Errors("gongkai: 1\ndepartment:\n  name: x\n   year: 2023\n");
  EXPECT_NE(e.find("t.yaml:4:8: YAML 语法错误：这里不能出现「键: 值」"), std::string::npos) << e;
}

// A file saved in GBK (common for Chinese text) is refused where it stops being UTF-8, with
// what to do; so are control characters and noncharacters. A UTF-8 byte-order mark is fine.
TEST(SourceLoader, TextThatIsNotUtf8IsLocated) {
  const std::string gbk = "\xb2\xe2\xca\xd4";  // 测试 in GBK
  std::string e = Errors(Replace(MinimalSource(), "name: 测试局", "name: " + gbk + "局"));
  EXPECT_NE(e.find("t.yaml:3:9: 不是有效的 UTF-8 文本（字节 0xB2）"), std::string::npos) << e;
  EXPECT_NE(e.find("iconv"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试局", std::string("name: 测\0局", 11)));
  EXPECT_NE(e.find("t.yaml:3:10: 含有控制字符 U+0000（NUL）"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试局", "name: 测\x1c局"));
  EXPECT_NE(e.find("t.yaml:3:10: 含有控制字符 U+001C，不是正文文字"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试局", "name: 测\uFFFF局"));
  EXPECT_NE(e.find("t.yaml:3:10: 含有 Unicode 非字符 U+FFFF"), std::string::npos) << e;
  EXPECT_EQ(Errors("\xef\xbb\xbf" + MinimalSource()), "");
  // Escapes decode to such characters after the bytes were checked: each scalar is checked too.
  e = Errors(Replace(MinimalSource(), "name: 测试局", "name: \"测\\uFFFF局\""));
  EXPECT_NE(e.find("t.yaml:3:9: 文本含有 Unicode 非字符 U+FFFF"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试局", "name: \"测\\x01局\""));
  EXPECT_NE(e.find("t.yaml:3:9: 文本含有控制字符 U+0001"), std::string::npos) << e;
  e = Errors("{\"gongkai\": 1, \"department\": {\"name\": \"a\\u0001b\"}}");
  EXPECT_NE(e.find("t.yaml:1:39: 文本含有控制字符 U+0001"), std::string::npos) << e;
  // A file saved as UTF-16 is named as such.
  e = Errors(std::string("\xff\xfeg\0o\0", 6));
  EXPECT_NE(e.find("t.yaml:1:1: 是 UTF-16 编码的文件"), std::string::npos) << e;
}

TEST(Utf8Text, FirstNonTextByte) {
  constexpr size_t kNone = std::string_view::npos;
  EXPECT_EQ(FirstNonTextByte(""), kNone);
  EXPECT_EQ(FirstNonTextByte("a合计𠀀\u00e9"), kNone);
  EXPECT_EQ(FirstNonTextByte("ab\xff"), 2u);
  EXPECT_EQ(FirstNonTextByte("a\xe5\x90"), 1u);             // cut short
  EXPECT_EQ(FirstNonTextByte("\xc0\xaf"), 0u);              // overlong "/"
  EXPECT_EQ(FirstNonTextByte("x\xe0\x80\xaf"), 1u);         // overlong, three bytes
  EXPECT_EQ(FirstNonTextByte("\xed\xa0\x80"), 0u);          // a surrogate
  EXPECT_EQ(FirstNonTextByte("\xf4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(FirstNonTextByte("\xf0\x9f\x98\x80!"), kNone);  // 😀
  EXPECT_EQ(FirstNonTextByte("\x80"), 0u);                  // a lone continuation byte
  EXPECT_EQ(FirstNonTextByte(std::string_view("a\0b", 3)), 1u);
  EXPECT_EQ(FirstNonTextByte("行\t列\r\n"), kNone);
  EXPECT_EQ(FirstNonTextByte("a\x1b[0m"), 1u);  // ESC
  EXPECT_EQ(FirstNonTextByte("a\x7f"), 1u);     // DEL
  EXPECT_EQ(FirstNonTextByte("a\u0085"), 1u);   // a C1 control
  EXPECT_EQ(FirstNonTextByte("甲\uFDD0"), 3u);  // noncharacters
  EXPECT_EQ(FirstNonTextByte("\U0003FFFF"), 0u);
  EXPECT_EQ(FirstNonTextByte("\uFFFD\uFFFC"), kNone);
  EXPECT_EQ(PositionOf("ab\n合计x", 9).line, 2u);
  EXPECT_EQ(PositionOf("ab\n合计x", 9).column, 3u);
}

TEST(SourceLoader, UnknownYearNamesAvailableYears) {
  std::string e = Errors(Replace(MinimalSource(), "year: 2023", "year: 1999"));
  EXPECT_NE(e.find("没有1999年度的分类科目目录"), std::string::npos) << e;
}

TEST(SourceLoader, MissingFileIsAnError) {
  EXPECT_THROW(LoadSource("/nonexistent/x.yaml", Catalogs()), SourceError);
}

}  // namespace
}  // namespace gongkai
