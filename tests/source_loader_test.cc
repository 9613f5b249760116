#include "source/source_loader.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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

// Each error is a Diagnostic with its place as fields; messages() and what() are their text.
TEST(SourceLoader, ErrorsAreDiagnosticsWithLocations) {
  std::string text =
      Replace(Replace(MinimalSource(), "amount: 20}", "amount: x}"), "amount: 10}", "amount: y}");
  try {
    ParseSource(text, "t.yaml", Catalogs());
    FAIL() << "expected errors";
  } catch (const SourceError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(d.where.file, "t.yaml");
    EXPECT_EQ(d.where.line, 9);
    EXPECT_EQ(d.where.column, 54);
    EXPECT_EQ(d.where.cell, "");
    EXPECT_EQ(d.code, "source");
    EXPECT_EQ(d.cause, Diagnostic::Cause::kInvalid);
    EXPECT_EQ(d.severity, DiagnosticSeverity::kError);
    EXPECT_EQ(d.message.find("t.yaml"), std::string::npos) << d.message;
    EXPECT_EQ(e.messages()[0], d.ToString());
    EXPECT_EQ(std::string(e.what()), e.messages()[0] + "\n" + e.messages()[1]);
    EXPECT_FALSE(e.unreadable());
  }
  // A syntax error and a file that cannot be read are diagnostics too.
  try {
    ParseSource("a: [1\n", "t.yaml", Catalogs());
    FAIL() << "expected a syntax error";
  } catch (const SourceError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].where.line, 2);
    EXPECT_EQ(e.diagnostics()[0].where.column, 1);
    EXPECT_TRUE(e.diagnostics()[0].message.starts_with("YAML 语法错误：方括号 [ … ] 没有闭合"))
        << e.diagnostics()[0].message;
  }
  try {
    LoadSource("/nonexistent/x.yaml", Catalogs());
    FAIL() << "expected an unreadable file";
  } catch (const SourceError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].where.file, "/nonexistent/x.yaml");
    EXPECT_EQ(e.diagnostics()[0].where.line, 0);
    EXPECT_EQ(e.diagnostics()[0].cause, Diagnostic::Cause::kUnreadable);
    EXPECT_EQ(e.diagnostics()[0].code, "unreadable");
    EXPECT_TRUE(e.unreadable());
  }
}

TEST(SourceLoader, YamlSyntaxErrorIsLocated) {
  std::string e = Errors("gongkai: 1\ndepartment: {name: x\n");
  // The parser's own words follow in brackets.
  EXPECT_NE(e.find("t.yaml:3:1: YAML 语法错误：花括号 { … } 没有闭合（libfyaml："),
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
  // The fast path for U+1000–U+CFFF checks its continuation bytes.
  EXPECT_EQ(FirstNonTextByte("合\xe5\x90"
                             "a"),
            3u);  // cut short by ASCII
  EXPECT_EQ(FirstNonTextByte("合\xe5"
                             "a\x90"),
            3u);                                                   // a continuation byte missing
  EXPECT_EQ(FirstNonTextByte("合\xe5\x90\xc0"), 3u);               // a lead byte for the last one
  EXPECT_EQ(FirstNonTextByte("合\xe5\x90"), 3u);                   // cut short by the end
  EXPECT_EQ(FirstNonTextByte("\xe1\x80\x80\xec\xbf\xbf"), kNone);  // U+1000, U+CFFF
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

// --- Hostile files (tests/bad_inputs/ holds those that can be files; these need the system).

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "gongkai-source-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string LoadErrors(const std::string& path) {
  try {
    LoadSource(path, Catalogs());
  } catch (const SourceError& e) {
    return e.what();
  }
  return "";
}

TEST(SourceFile, MissingFileGivesTheReason) {
  std::string e = LoadErrors("/nonexistent/x.yaml");
  EXPECT_NE(e.find("/nonexistent/x.yaml: 无法打开文件：文件不存在（"), std::string::npos) << e;
}

TEST(SourceFile, SymlinkLoopGivesTheReason) {
  TempDir dir;
  ASSERT_EQ(symlink("loop.yaml", dir.File("loop.yaml").c_str()), 0);
  std::string e = LoadErrors(dir.File("loop.yaml"));
  EXPECT_NE(e.find("无法打开文件：符号链接层数过多"), std::string::npos) << e;
}

TEST(SourceFile, UnreadableFileGivesTheReason) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  TempDir dir;
  { std::ofstream(dir.File("t.yaml")) << MinimalSource(); }
  ASSERT_EQ(chmod(dir.File("t.yaml").c_str(), 0), 0);
  std::string e = LoadErrors(dir.File("t.yaml"));
  EXPECT_NE(e.find("无法打开文件：没有读取权限"), std::string::npos) << e;
}

// A FIFO would block the open until a writer comes, and then be read for ever.
TEST(SourceFile, PipeIsNotRead) {
  TempDir dir;
  ASSERT_EQ(mkfifo(dir.File("p.yaml").c_str(), 0600), 0);
  std::string e = LoadErrors(dir.File("p.yaml"));
  EXPECT_NE(e.find("p.yaml: 不是普通文件"), std::string::npos) << e;
}

// The size is checked before anything is read: a sparse 17 MiB file costs nothing.
TEST(SourceFile, OversizedFileIsRefusedUnread) {
  TempDir dir;
  { std::ofstream(dir.File("big.yaml")) << MinimalSource(); }
  ASSERT_EQ(truncate(dir.File("big.yaml").c_str(), kMaxSourceBytes + 1), 0);
  std::string e = LoadErrors(dir.File("big.yaml"));
  EXPECT_NE(e.find("big.yaml: 文件过大（16.0 MiB），源文件最大为16 MiB"), std::string::npos) << e;
  e = Errors(std::string(kMaxSourceBytes + 1, ' '));
  EXPECT_NE(e.find("t.yaml: 源文件过大"), std::string::npos) << e;
}

TEST(SourceFile, RegularFileAndExamplesStillLoad) {
  TempDir dir;
  { std::ofstream(dir.File("t.yaml")) << MinimalSource(); }
  EXPECT_EQ(LoadSource(dir.File("t.yaml"), Catalogs()).name, "测试局");
  for (const char* name : {"minimal.yaml", "xinzhou-gov-office-2023.yaml",
                           "bazhou-finance-2022.yaml", "dongxihu-finance-2023.yaml",
                           "funing-finance-2021.yaml", "institution-transfers-2023.yaml"}) {
    EXPECT_NO_THROW(LoadSource(testing::ExamplePath(name), Catalogs())) << name;
  }
}

// The 30-byte file that overflowed the stack, and the same cycle in JSON form (JSON has no
// aliases, but YAML flow syntax is accepted in a .json file all the same).
TEST(SourceLoader, AliasesAreRefusedBeforeAnyWalk) {
  std::string e = Errors("gongkai: 1\ngoals: &a [*a]");
  EXPECT_EQ(e,
            "t.yaml:2:12: 源文件不支持 YAML 锚点与别名（&/*），请写出完整内容（此处为别名「*a」）");
  e = Errors("{\"gongkai\": 1, \"goals\": &a [*a]}");
  EXPECT_NE(e.find("t.yaml:1:29: 源文件不支持 YAML 锚点与别名"), std::string::npos) << e;
  // An anchor alone is refused too, at the anchor.
  e = Errors(Replace(MinimalSource(), "department:", "department: &d"));
  EXPECT_NE(
      e.find(
          "t.yaml:2:13: 源文件不支持 YAML 锚点与别名（&/*），请写出完整内容（此处为锚点「&d」）"),
      std::string::npos)
      << e;
  // Text that only looks like one is text.
  Department d = ParseSource(Replace(MinimalSource(), "name: 测试项目", "name: \"&a *a\""),
                             "t.yaml", Catalogs());
  EXPECT_EQ(d.projects[0].name, "&a *a");
}

TEST(SourceLoader, NestingIsBounded) {
  std::string deep = "gongkai: 1\ngoals: " + std::string(65, '[') + std::string(65, ']');
  EXPECT_NE(Errors(deep).find("t.yaml:2:71: 嵌套超过64层"), std::string::npos) << Errors(deep);
  // Far deeper than yaml-cpp's own limit: still our message, not a crash.
  deep = "gongkai: 1\ngoals: " + std::string(100000, '[');
  EXPECT_NE(Errors(deep).find("嵌套超过64层"), std::string::npos);
  // 64 levels are allowed by the structure check (the loader then finds the wrong type).
  std::string ok = "gongkai: 1\ngoals: " + std::string(63, '[') + std::string(63, ']');
  EXPECT_EQ(Errors(ok).find("嵌套"), std::string::npos) << Errors(ok);
}

TEST(SourceLoader, SecondDocumentIsAnError) {
  std::string e = Errors(MinimalSource() + "---\ngongkai: 1\n");
  EXPECT_NE(e.find("t.yaml:15:1: 源文件只能有一个 YAML 文档"), std::string::npos) << e;
  // An explicit start of the one document is fine.
  EXPECT_EQ(Errors("---\n" + MinimalSource()), "");
}

TEST(SourceLoader, StrictAmounts) {
  std::string e =
      Errors(Replace(MinimalSource(), "amount: 100.5}", "amount: \"100.000000000 junk\"}"));
  EXPECT_NE(e.find("t.yaml:8:54: 第1条基本支出 amount：不是有效的金额：「100.000000000 junk」"),
            std::string::npos)
      << e;
  e = Errors(Replace(MinimalSource(), "amount: 100.5}", "amount: 1.0000000001}"));
  EXPECT_NE(e.find("t.yaml:8:54: 第1条基本支出 amount：金额精度超过0.01元"), std::string::npos)
      << e;
  EXPECT_EQ(Errors(Replace(MinimalSource(), "amount: 100.5}", "amount: 100.500000000000}")), "");
}

TEST(SourceLoader, StrictValues) {
  std::string e = Errors(Replace(MinimalSource(), "name: 测试局\n", "name: \"\"\n"));
  EXPECT_NE(e.find("t.yaml:3:9: department.name不能为空"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试局\n", "name:\n"));
  EXPECT_NE(e.find("t.yaml:3:3: department.name不能为空"), std::string::npos) << e;
  e = Errors(Replace(MinimalSource(), "name: 测试项目\n", "name: ~\n"));
  EXPECT_NE(e.find("t.yaml:12:5: 第1个项目 name不能为空"), std::string::npos) << e;
  e = Errors(
      Replace(MinimalSource(), "    name: 测试项目\n", "    name: 测试项目\n    category: 杂项\n"));
  EXPECT_NE(e.find("t.yaml:13:15: 第1个项目 category「杂项」不是支出项目类别"), std::string::npos)
      << e;
  for (const char* c : {"运转类", "特定目标类", "特定目标类-本级", "特定目标类-上级转移"}) {
    EXPECT_EQ(Errors(Replace(MinimalSource(), "    name: 测试项目\n",
                             std::string("    name: 测试项目\n    category: ") + c + "\n")),
              "")
        << c;
  }
  const std::string sme = "procurement:\n  - {item: 电脑, type: goods, amount: 5, sme: X}\n";
  for (const char* bad : {"1.5", "2", "0.1234567", "-0.1", "1.000001"}) {
    e = Errors(MinimalSource() + Replace(sme, "X", bad));
    EXPECT_NE(e.find("t.yaml:16:49: 第1条政府采购 sme应为"), std::string::npos) << bad << ": " << e;
  }
  for (const char* good : {"0", "1", "0.4", "1.000", "0.123456"}) {
    EXPECT_EQ(Errors(MinimalSource() + Replace(sme, "X", good)), "") << good;
  }
  // 小微企业 are 中小企业: their share comes with sme and is not above it.
  e = Errors(MinimalSource() +
             "procurement:\n  - {item: 电脑, type: goods, amount: 5, small_micro: 0.2}\n");
  EXPECT_NE(e.find("第1条政府采购 small_micro（小微企业份额）须与 sme（中小企业份额）一同填写"),
            std::string::npos)
      << e;
  e = Errors(
      MinimalSource() +
      "procurement:\n  - {item: 电脑, type: goods, amount: 5, sme: 0.4, small_micro: 0.5}\n");
  EXPECT_NE(e.find("第1条政府采购 small_micro（小微企业份额）0.5大于 sme（中小企业份额）0.4"),
            std::string::npos)
      << e;
  e = Errors(MinimalSource() +
             "procurement:\n  - {item: 电脑, type: goods, amount: 5, sme: 0.4, small_micro: 2}\n");
  EXPECT_NE(e.find("第1条政府采购 small_micro应为0到1之间的比例"), std::string::npos) << e;
  EXPECT_EQ(Errors(MinimalSource() + "procurement:\n  - {item: 电脑, type: goods, amount: 5, sme: "
                                     "0.4, small_micro: 0.4}\n"),
            "");
  for (const char* bad :
       {"2022-13-45", "2022-02-29", "2022-00-10", "2022-04-31", "1900-01-01", "2022-1-1"}) {
    e = Errors(MinimalSource() + "assets:\n  as_of: " + bad + "\n");
    EXPECT_NE(e.find("t.yaml:16:10: assets.as_of"), std::string::npos) << bad << ": " << e;
  }
  EXPECT_EQ(Errors(MinimalSource() + "assets:\n  as_of: 2024-02-29\n"), "");
}

TEST(SourceLoader, ProjectEndsBeforeItStarts) {
  const std::string decl =
      "performance:\n  projects:\n    - {name: 测试项目, start_year: 2024, end_year: 2023}\n";
  std::string e = Errors(MinimalSource() + decl);
  EXPECT_NE(e.find("t.yaml:17:56: 项目申报表「测试项目」：项目结束年 end_year（2023）早于开始年 "
                   "start_year（2024）"),
            std::string::npos)
      << e;
  EXPECT_EQ(Errors(MinimalSource() + Replace(decl, "end_year: 2023", "end_year: 2024")), "");
}

// An indicator value in a unit the data does not know (美元) is kept verbatim as an unparsed
// value and reported by `gongkai check` (PRF rules), not refused by the loader.
TEST(SourceLoader, UnknownIndicatorUnitIsKeptNotRefused) {
  const std::string decl =
      "performance:\n  projects:\n    - name: 测试项目\n      annual:\n        - name: 目标1\n"
      "          indicators:\n            - {level1: 产出指标, level2: 数量指标, name: 金额, "
      "value: 100美元}\n";
  Department d = ParseSource(MinimalSource() + decl, "t.yaml", Catalogs());
  const auto& value = d.performance.projects[0].annual[0].indicators[0].value;
  EXPECT_EQ(value.raw, "100美元");
  EXPECT_EQ(value.kind, IndicatorValue::kUnparsed);
}

TEST(SourceLoader, FrameworkIsANameNotAPath) {
  for (const char* bad : {"/etc/ssl/x", "../../etc/passwd", "a/b", "..", "-x", "a.yaml"}) {
    std::string e = Errors(MinimalSource() + "performance: {framework: \"" + bad + "\"}\n");
    EXPECT_NE(e.find("t.yaml:15:26: performance.framework「"), std::string::npos) << bad << e;
    EXPECT_NE(e.find("不是有效的名称"), std::string::npos) << bad << e;
  }
  EXPECT_EQ(Errors(MinimalSource() + "performance: {framework: wuhan_2023-x}\n"), "");
}

TEST(SourceLoader, LongTextIsQuotedInPart) {
  const std::string key(100000, 'k');
  std::string e = Errors(MinimalSource() + "? " + key + "\n: 1\n");
  EXPECT_LT(e.size(), 1000u);
  EXPECT_NE(e.find("t.yaml:15:3: 顶层中有未知的键「" + std::string(60, 'k') + "…」"),
            std::string::npos)
      << e.substr(0, 300);
}

TEST(Utf8Text, ExcerptCutsWholeCharacters) {
  EXPECT_EQ(Excerpt("短"), "短");
  EXPECT_EQ(Excerpt(std::string(60, 'a')), std::string(60, 'a'));
  EXPECT_EQ(Excerpt(std::string(61, 'a')), std::string(60, 'a') + "…");
  std::string han;
  for (int i = 0; i < 70; ++i) han += "汉";
  std::string cut;
  for (int i = 0; i < 60; ++i) cut += "汉";
  EXPECT_EQ(Excerpt(han), cut + "…");
  EXPECT_EQ(Excerpt("甲乙丙", 2), "甲乙…");
  EXPECT_EQ(Excerpt("一\n二\t三"), "一↵二 三");
}

TEST(Utf8Text, DataNames) {
  EXPECT_TRUE(IsDataName("standard"));
  EXPECT_TRUE(IsDataName("wuhan-2023"));
  EXPECT_TRUE(IsDataName("cost_first"));
  for (const char* bad : {"", "/etc/x", "..", "a/b", "a.b", "-a", "标准", "a b"}) {
    EXPECT_FALSE(IsDataName(bad)) << bad;
  }
  EXPECT_FALSE(IsDataName(std::string(65, 'a')));
}

}  // namespace
}  // namespace gongkai
