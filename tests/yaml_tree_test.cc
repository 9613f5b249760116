// The source parser (libfyaml, source/yaml_tree.h) against yaml-cpp, which read the sources
// before it: the same tree, with the same positions, for every example, fixture and corpus file
// and for the odd corners of YAML that a hand-written file may have.
#include "source/yaml_tree.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/yaml_message.h"

namespace gongkai {
namespace {

// One line per node: kind, position, text; keys and values of mappings in order.
void DumpCpp(const YAML::Node& n, int depth, std::string* out) {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  const char* kind = n.IsNull()       ? "null"
                     : n.IsScalar()   ? "scalar"
                     : n.IsMap()      ? "map"
                     : n.IsSequence() ? "seq"
                                      : "?";
  // yaml-cpp gives the empty root of an empty text no position (-1).
  const int line = n.Mark().line + 1, column = n.Mark().column + 1;
  *out += indent + kind + " " + std::to_string(line) + ":" + std::to_string(column);
  if (n.IsScalar()) *out += " [" + n.Scalar() + "]";
  *out += "\n";
  if (n.IsMap()) {
    for (const auto& e : n) {
      DumpCpp(e.first, depth + 1, out);
      DumpCpp(e.second, depth + 2, out);
    }
  } else if (n.IsSequence()) {
    for (const auto& item : n) DumpCpp(item, depth + 1, out);
  }
}

void DumpTree(const YamlNode& n, int depth, std::string* out) {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  const char* kind = n.IsNull()       ? "null"
                     : n.IsScalar()   ? "scalar"
                     : n.IsMap()      ? "map"
                     : n.IsSequence() ? "seq"
                                      : "?";
  *out += indent + kind + " " + std::to_string(n.line()) + ":" + std::to_string(n.column());
  if (n.IsScalar()) *out += " [" + n.Scalar() + "]";
  *out += "\n";
  if (n.IsMap()) {
    for (const auto& e : n.entries()) {
      DumpTree(e.key, depth + 1, out);
      DumpTree(e.value, depth + 2, out);
    }
  } else if (n.IsSequence()) {
    for (YamlNode item : n) DumpTree(item, depth + 1, out);
  }
}

std::string ViaYamlCpp(const std::string& text) {
  std::string out;
  DumpCpp(YAML::Load(text), 0, &out);
  return out;
}

std::string ViaTree(const std::string& text) {
  YamlTree tree;
  if (auto p = tree.Parse(text, 64, "源文件")) {
    return std::to_string(p->line) + ":" + std::to_string(p->column) + ": " + p->message;
  }
  std::string out;
  DumpTree(tree.root(), 0, &out);
  return out;
}

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(YamlTree, SameTreeAsYamlCppForEveryExampleAndFixture) {
  const std::filesystem::path root = GONGKAI_SOURCE_DIR;
  int files = 0;
  for (const char* dir : {"examples", "tests/bad_inputs", "fuzz/corpus/source", "tests/rules"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".json")) continue;
      const std::string text = Read(entry.path());
      // Files yaml-cpp refuses, or whose structure is refused, are compared elsewhere.
      try {
        if (CheckYamlStructure(text, 64, "源文件")) continue;
      } catch (const YAML::Exception&) {
        continue;
      }
      // libfyaml 0.7.12 refuses an empty item of a list not indented under its key (see
      // EmptyItemOfAnUnindentedList).
      if (entry.path().filename() == "empty-items.yaml") continue;
      std::string expected;
      try {
        expected = ViaYamlCpp(text);
      } catch (const YAML::Exception&) {
        continue;
      }
      EXPECT_EQ(ViaTree(text), expected) << entry.path();
      ++files;
    }
  }
  EXPECT_GT(files, 20);
}

TEST(YamlTree, SameTreeAsYamlCppForTheCorners) {
  for (const char* text : {
           "",
           "# only a comment\n",
           "a: 1\nb:\nc: ~\nd: null\ne: NULL\nf: \"null\"\ng: ''\nh: !!str ~\n",
           "a:\n  name:\n  year: 2023\n",
           "list:\n  -\n  - a\n  - k: 1\n  -\nnext: 1\n",
           "a: |\n  line1\n  line2\nb: >-\n  x\n  y\nc: |  # note\n  t\n",
           "\"quoted key\": x\n'single': \"y\"\n",
           "- |\n  a\n- >\n  b\n-\n  - x\n",
           "a: {名称: x, b: 1, c: }\nd: [1, \"二\", 'x']\n",
           "{\"gongkai\": 1, \"department\": {\"name\": \"a\\u00e9b\", \"year\": 2023}}",
           "{\"a\":1,\"b\":[1,2,{\"c\":null}]}",
           "---\na: 1\n",
           "\xef\xbb\xbf"
           "a: 1\nb: 测试\n",
           "a: plain\n  continued\nb: \"quoted\n  continued\"\n",
           "a:   # comment\n\nb: 1\nc:\n",
           "? a\n: b\n",
           "a: 1\r\nb:\r\n  - x\r\n",
           "名: 值\n部门:\n  - 单位: 甲\n    金额:\n",
       }) {
    EXPECT_EQ(ViaTree(text), ViaYamlCpp(text)) << text;
  }
}

TEST(YamlTree, StructureProblemsAsCheckYamlStructure) {
  for (const char* text : {
           "gongkai: 1\ngoals: &a [*a]",
           "a: &x 1\nb: [*x]\n",
           "a: &x 1\n",
           "a: 1\n---\nb: 2\n",
           "a: [[[[[[x]]]]]]\n",
           "- - - - - - x\n",
           "a:\n  b:\n    c:\n      d:\n        e: 1\n",
       }) {
    YamlTree tree;
    auto p = tree.Parse(text, 4, "源文件");
    auto expected = CheckYamlStructure(text, 4, "源文件");
    ASSERT_EQ(p.has_value(), expected.has_value()) << text;
    if (!p) continue;
    EXPECT_EQ(p->message, expected->message) << text;
    EXPECT_EQ(p->line, static_cast<int>(expected->line)) << text;
    EXPECT_EQ(p->column, static_cast<int>(expected->column)) << text;
  }
}

// Where libfyaml 0.7.12 and yaml-cpp part: an empty item ("-" alone) of a list written at the
// indentation of its key is a syntax error for libfyaml (yaml-cpp read a null). Indented under
// the key, or written "- ~", the same item is read as null by both.
TEST(YamlTree, EmptyItemOfAnUnindentedList) {
  YamlTree tree;
  auto p = tree.Parse("list:\n-\n- x\n", 64, "源文件");
  ASSERT_TRUE(p);
  EXPECT_EQ(std::to_string(p->line) + ":" + std::to_string(p->column) + ": " + p->message,
            "3:1: 这里缺少内容：检查缩进，或列表项「- 」后是否为空（libfyaml：did not find "
            "expected node content）");
  for (const char* text : {"list:\n  -\n  - x\n", "list:\n- ~\n- x\n"}) {
    EXPECT_EQ(ViaTree(text), ViaYamlCpp(text)) << text;
  }
}

TEST(YamlTree, LookupAndStyles) {
  YamlTree tree;
  ASSERT_FALSE(tree.Parse("a: 123\nb: \"123\"\nc: [x, y]\na: dup\n", 64, "源文件"));
  YamlNode root = tree.root();
  EXPECT_EQ(root.size(), 4u);
  EXPECT_EQ(root["a"].Scalar(), "123");  // the first of repeated keys
  EXPECT_EQ(root["a"].style(), YamlStyle::kPlain);
  EXPECT_EQ(root["b"].style(), YamlStyle::kDoubleQuoted);
  EXPECT_FALSE(root["missing"]);
  EXPECT_FALSE(root["a"]["x"]);  // not a mapping
  EXPECT_EQ(root["c"].size(), 2u);
  EXPECT_EQ(root["c"].style(), YamlStyle::kFlow);
  EXPECT_EQ(root["c"].Scalar(), "");
}

// Syntax errors are located and in Chinese, with libfyaml's own words after them.
TEST(YamlTree, SyntaxErrorsAreLocatedInChinese) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"a: {b: x\n", "2:1: 花括号 { … } 没有闭合（libfyaml："},
      {"a: [1, 2\n", "2:1: 方括号 [ … ] 没有闭合（libfyaml："},
      {"a:\n  b: x\n\tc: 1\n", "3:1: 缩进中有制表符（Tab）"},
      {"a:\n  b: x\n   c: 1\n", "3:5: 这里不能出现「键: 值」"},
      {"a: \"x\n", "1:5: 文本到文件末尾仍未结束"},
      {"a: ]\n", "1:4: 多余的 ] 或 }"},
      {"a: - x\n", "1:4: 列表项「- 」不能写在键或上一项的同一行"},
      {"a: [1, 2}\n", "1:9: 括号不成对"},
      {"a:\n\t- x\n", "2:1: 缩进中有制表符（Tab）"},
      {"a:\n  b: 1\n c: 2\n", "3:2: 缩进不对"},
      {"名称: \"\\q\"\n", "1:10: 双引号文本中有未知的转义"},  // columns count bytes
  };
  for (const auto& c : cases) {
    YamlTree tree;
    auto p = tree.Parse(c.text, 64, "源文件");
    ASSERT_TRUE(p) << c.text;
    EXPECT_TRUE(p->syntax);
    std::string got = std::to_string(p->line) + ":" + std::to_string(p->column) + ": " + p->message;
    EXPECT_EQ(got.find(c.expected), 0u) << c.text << " → " << got;
  }
}

}  // namespace
}  // namespace gongkai
