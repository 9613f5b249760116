// Every field of an indicator the source holds is printed on the performance forms: 分值
// (weight) and 绩效指标描述 become columns of an indicator table when any of its indicators
// has them, and only then.
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "test_support.h"

namespace gongkai {
namespace {

Document Build(const std::string& find, const std::string& replace) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml");
  size_t pos = text.find(find);
  EXPECT_NE(pos, std::string::npos) << find;
  if (pos != std::string::npos) text.replace(pos, find.size(), replace);
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  return BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
}

const Table& Form(const Document& doc, const std::string& project) {
  for (const auto& t : doc.tables) {
    if (t.title.find(project) != std::string::npos) return t;
  }
  throw std::runtime_error("no form for " + project);
}

// The cells of the row whose fourth cell (三级指标) reads `name`, after the heading `table`.
std::vector<std::string> Row(const Table& t, const std::string& table, const std::string& name) {
  bool in = false;
  for (const auto& r : t.rows) {
    if (r.kind == RowKind::kHeading && r.cells.size() == 1) in = r.cells[0].text == table;
    if (!in || r.cells.size() < 4 || r.cells[3].text != name) continue;
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(c.text);
    return out;
  }
  return {};
}

const char* kAnnual =
    R"(name: 帮扶村数量, before_last: "2个", last: "2个", value: "2个", basis: 历史数据})";

TEST(PerformanceForms, WeightIsAColumnWhenAnIndicatorHasOne) {
  Document doc = Build(kAnnual, R"(name: 帮扶村数量, before_last: "2个", last: "2个", )"
                                R"(value: "2个", basis: 历史数据, weight: 30})");
  const Table& t = Form(doc, "驻村帮扶专项经费");
  EXPECT_EQ(Row(t, "年度绩效目标表", "三级指标"),
            (std::vector<std::string>{"目标名称", "一级指标", "二级指标", "三级指标", "前年",
                                      "上年", "预计当年实现", "分值", "指标值确定依据"}));
  EXPECT_EQ(Row(t, "年度绩效目标表", "帮扶村数量"),
            (std::vector<std::string>{"年度目标1", "产出指标", "数量指标", "帮扶村数量", "2个",
                                      "2个", "2个", "30", "历史数据"}));
  EXPECT_EQ(t.numeric_columns.size(), 9u);
  // The long-term table of the same form has no weight: no column.
  auto head = Row(t, "长期绩效目标表", "三级指标");
  ASSERT_FALSE(head.empty());
  EXPECT_EQ(std::find(head.begin(), head.end(), "分值"), head.end());
  // Another project without weights keeps its eight columns.
  const Table& other = Form(doc, "政务督查专项经费");
  EXPECT_EQ(other.numeric_columns.size(), 8u);
  auto plain = Row(other, "年度绩效目标表", "三级指标");
  EXPECT_EQ(std::find(plain.begin(), plain.end(), "分值"), plain.end());
}

TEST(PerformanceForms, DescriptionIsAColumnWhenAnIndicatorHasOne) {
  Document doc =
      Build(kAnnual, R"(name: 帮扶村数量, description: 结对帮扶的村数, )"
                     R"(before_last: "2个", last: "2个", value: "2个", basis: 历史数据})");
  auto row = Row(Form(doc, "驻村帮扶专项经费"), "年度绩效目标表", "帮扶村数量");
  EXPECT_EQ(row, (std::vector<std::string>{"年度目标1", "产出指标", "数量指标", "帮扶村数量",
                                           "结对帮扶的村数", "2个", "2个", "2个", "历史数据"}));
}

}  // namespace
}  // namespace gongkai
