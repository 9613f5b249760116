// One test per table builder, on the re-encoded seed documents: the tables must reproduce
// the published figures.
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "disclosure/explanation.h"
#include "test_support.h"

namespace gongkai {
namespace {

class TablesTest : public ::testing::Test {
 protected:
  static const Document& Xinzhou() {
    static const Document doc = Build("xinzhou-gov-office-2023.yaml");
    return doc;
  }
  static const Document& Dongxihu() {
    static const Document doc = Build("dongxihu-finance-2023.yaml");
    return doc;
  }
  static Document Build(const std::string& example) {
    Department d = LoadSource(testing::ExamplePath(example), testing::Catalogs());
    return BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  }
  static const Table& T(const Document& doc, const std::string& id) {
    const Table* t = doc.FindTable(id);
    if (!t) throw std::runtime_error("no table " + id);
    return *t;
  }
  // Displayed cells of the first row whose cell `key_col` reads `key`.
  static std::vector<std::string> RowOf(const Table& t, const std::string& key,
                                        size_t key_col = 0) {
    for (const auto& r : t.rows) {
      if (r.cells.size() > key_col && r.cells[key_col].Display() == key) {
        std::vector<std::string> out;
        for (const auto& c : r.cells) out.push_back(c.Display());
        return out;
      }
    }
    // A missing row compares unequal to everything and is safe to index.
    return std::vector<std::string>(16, "<no row " + key + ">");
  }
  using V = std::vector<std::string>;
};

TEST_F(TablesTest, IncomeExpenditureSummary) {
  const Table& t = T(Xinzhou(), "income_expenditure_summary");
  EXPECT_EQ(t.number, "附表4-1");
  EXPECT_EQ(RowOf(t, "一、一般公共预算拨款收入"),
            (V{"一、一般公共预算拨款收入", "1,597.66", "一、一般公共服务支出", "1,287.73"}));
  EXPECT_EQ(RowOf(t, "七、上级补助收入"),
            (V{"七、上级补助收入", "0.00", "七、社会保障和就业支出", "114.70"}));
  EXPECT_EQ(RowOf(t, "十八、住房保障支出", 2)[3], "92.13");
  EXPECT_EQ(RowOf(t, "本年收入合计"), (V{"本年收入合计", "1,597.66", "本年支出合计", "1,597.66"}));
  EXPECT_EQ(RowOf(t, "收 入 总 计"), (V{"收 入 总 计", "1,597.66", "支 出 总 计", "1,597.66"}));
}

TEST_F(TablesTest, IncomeSummary) {
  const Table& t = T(Xinzhou(), "income_summary");
  EXPECT_EQ(t.header[0].size(), 3u + 9u + 1u);  // code, name, 合计, 9 sources, 上年结转
  V total = RowOf(t, "合计", 1);
  ASSERT_FALSE(total.empty());
  EXPECT_EQ(total[2], "1,597.66");
  EXPECT_EQ(total[3], "1,597.66");  // 一般公共预算拨款收入
  EXPECT_EQ(RowOf(t, "2210202")[2], "18.40");
}

TEST_F(TablesTest, ExpenditureSummary) {
  const Table& t = T(Xinzhou(), "expenditure_summary");
  EXPECT_EQ(RowOf(t, "合计", 1),
            (V{"", "合计", "1,597.66", "1,293.13", "304.53", "0.00", "0.00", "0.00"}));
  EXPECT_EQ(RowOf(t, "20103"), (V{"20103", "政府办公厅（室）及相关机构事务", "1,287.73", "983.20",
                                  "304.53", "0.00", "0.00", "0.00"}));
  EXPECT_EQ(RowOf(t, "22102")[2], "92.13");
  EXPECT_EQ(RowOf(t, "2210201")[2], "73.74");
}

TEST_F(TablesTest, FiscalSummary) {
  const Table& t = T(Xinzhou(), "fiscal_summary");
  EXPECT_EQ(RowOf(t, "一、本年收入"), (V{"一、本年收入", "1,597.66", "一、本年支出", "1,597.66"}));
  EXPECT_EQ(RowOf(t, "（八）卫生健康支出", 2)[3], "103.10");
  EXPECT_EQ(RowOf(t, "收 入 总 计")[3], "1,597.66");
}

TEST_F(TablesTest, GeneralExpenditure) {
  const Table& t = T(Xinzhou(), "general_expenditure");
  EXPECT_EQ(RowOf(t, "合计", 1),
            (V{"", "合计", "1,597.66", "1,293.13", "995.62", "297.51", "304.53"}));
  EXPECT_EQ(RowOf(t, "2010301"),
            (V{"2010301", "行政运行", "1,287.73", "983.20", "685.69", "297.51", "304.53"}));
  EXPECT_EQ(RowOf(t, "2101103"),
            (V{"2101103", "公务员医疗补助", "103.10", "103.10", "103.10", "0.00", "0.00"}));
  EXPECT_EQ(RowOf(t, "221")[2], "92.13");
}

TEST_F(TablesTest, GeneralBasicExpenditure) {
  const Table& t = T(Xinzhou(), "general_basic_expenditure");
  EXPECT_EQ(RowOf(t, "合计", 1), (V{"", "合计", "1,293.13", "995.62", "297.51"}));
  EXPECT_EQ(RowOf(t, "301"), (V{"301", "工资福利支出", "941.73", "941.73", "0.00"}));
  EXPECT_EQ(RowOf(t, "303"), (V{"303", "对个人和家庭的补助", "53.89", "53.89", "0.00"}));
  EXPECT_EQ(RowOf(t, "30231"), (V{"30231", "公务用车运行维护费", "40.00", "0.00", "40.00"}));
  EXPECT_EQ(RowOf(t, "30301")[2], "11.47");
}

TEST_F(TablesTest, ThreePublic) {
  const Table& t = T(Xinzhou(), "three_public");
  EXPECT_EQ(RowOf(t, "2023年预算数"),
            (V{"2023年预算数", "40.00", "0.00", "40.00", "0.00", "40.00", "0.00"}));
  EXPECT_EQ(RowOf(t, "2022年预算数")[1], "40.00");
  EXPECT_EQ(RowOf(T(Dongxihu(), "three_public"), "2023年预算数")[6], "2.00");  // 公务接待费
}

TEST_F(TablesTest, GovFundExpenditureIsEmptyWithNote) {
  const Table& t = T(Xinzhou(), "gov_fund_expenditure");
  EXPECT_FALSE(t.has_data);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(
      t.empty_note,
      "武汉市新洲区人民政府办公室2023年没有使用政府性基金预算财政拨款安排的支出，故本表为空。");
}

TEST_F(TablesTest, ProjectExpenditure) {
  const Table& t = T(Xinzhou(), "project_expenditure");
  ASSERT_EQ(t.rows.size(), 11u);                      // 合计 + 10 projects
  EXPECT_EQ(t.rows[0].cells[1].Display(), "304.53");  // 合计 spans two columns
  EXPECT_EQ(RowOf(t, "劳务派遣人员工资", 1)[2], "80.00");
  EXPECT_EQ(RowOf(T(Dongxihu(), "project_expenditure"), "合计")[1], "363.42");
}

TEST_F(TablesTest, ProcurementAndPurchaseServices) {
  const Table& p = T(Xinzhou(), "procurement");
  EXPECT_EQ(p.rows[0].cells[1].Display(), "156.26");
  EXPECT_EQ(p.rows.size(), 4u);
  EXPECT_EQ(T(Dongxihu(), "procurement").rows[0].cells[1].Display(), "150.28");
  EXPECT_EQ(T(Dongxihu(), "purchase_services").rows[0].cells[1].Display(), "163.87");
  // 新洲 has no 政府购买服务 and the template does not require the table.
  EXPECT_EQ(Xinzhou().FindTable("purchase_services"), nullptr);
  EXPECT_EQ(Xinzhou().FindTable("soe_expenditure"), nullptr);
  // With 附表4-10 (国有资本经营) left out, the numbers after it close up.
  EXPECT_EQ(p.number, "附表4-10");
  EXPECT_EQ(T(Dongxihu(), "purchase_services").number, "附表4-11");
  EXPECT_EQ(T(Dongxihu(), "project_expenditure").number, "附表4-9");
}

TEST_F(TablesTest, DongxihuPublishedTotals) {
  const Table& t = T(Dongxihu(), "general_expenditure");
  EXPECT_EQ(RowOf(t, "合计", 1),
            (V{"", "合计", "1,844.81", "1,481.39", "1,289.62", "191.76", "363.42"}));
  const Table& b = T(Dongxihu(), "general_basic_expenditure");
  EXPECT_EQ(RowOf(b, "301")[2], "1,184.43");
  EXPECT_EQ(RowOf(b, "303")[2], "105.19");
}

// The disclosure of the minimal source with `more` appended (more lines of its project, or
// more projects).
Document MinimalWith(const std::string& more) {
  Department d = ParseSource(testing::MinimalSource() + more, "more.yaml", testing::Catalogs());
  return BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
}

TEST(SoeExpenditureTable, PublishedWhenThereIsData) {
  Document doc = MinimalWith(
      "  - id: p2\n    name: 国有资本经营项目\n    lines:\n"
      "      - {function: \"2230105\", economic: \"31204\", amount: 30, fund: soe}\n");
  const Table* t = doc.FindTable("soe_expenditure");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->has_data);
  EXPECT_EQ(t->rows[0].cells[2].Display(), "30.00");  // 合计
  EXPECT_EQ(t->rows[0].cells[4].Display(), "30.00");  // 项目支出
  EXPECT_EQ(t->number, "附表4-10");  // in its own place, nothing left out before it
}

// 事业单位经营支出 (lines paid from 事业单位经营收入) has its own column in 支出总表 and its own
// share in 三（二）; 基本支出 and 项目支出 leave it out in both, so text and table agree.
TEST(ExpenditureSummaryTable, UnitOperatingSpendingIsItsOwnColumnAndShare) {
  Document doc = MinimalWith(
      "      - {function: \"2010302\", economic: \"30201\", amount: 30, fund: operating}\n"
      "      - {function: \"2010302\", economic: \"30201\", amount: 9.5, fund: general}\n");
  const Table* t = doc.FindTable("expenditure_summary");
  ASSERT_NE(t, nullptr);
  std::vector<std::string> total;
  for (const auto& c : t->rows[0].cells) total.push_back(c.Display());
  // 合计, 基本支出, 项目支出, 事业单位经营支出, 上缴上级支出, 对附属单位补助支出
  EXPECT_EQ(total, (std::vector<std::string>{"", "合计", "170.00", "120.50", "19.50", "30.00",
                                             "0.00", "0.00"}));
  std::string all;
  for (const auto& section : doc.sections) {
    for (const auto& p : section.paragraphs) all += p.text + "\n";
  }
  EXPECT_NE(all.find("其中：基本支出120.50万元，占70.88%；项目支出19.50万元，占11.47%；"
                     "事业单位经营支出30.00万元，占17.65%。"),
            std::string::npos)
      << all;
}

TEST(ChangeSentence, Forms) {
  Comparison before{Money::FromFen(1722'470000), "项目经费压减。", {}};
  EXPECT_EQ(ChangeSentence(Money::FromFen(1597'660000), &before, 2022),
            "比2022年预算减少124.81万元，下降7.25%，主要原因是：项目经费压减");
  Comparison same{Money::FromFen(40'000000), "", {}};
  EXPECT_EQ(ChangeSentence(Money::FromFen(40'000000), &same, 2022), "与2022年预算持平");
  // Printed figures are compared: 40.004 prints 40.00, the same as last year.
  EXPECT_EQ(ChangeSentence(Money::FromFen(40'004000), &same, 2022), "与2022年预算持平");
  Comparison zero{Money(), "新增项目", {}};
  EXPECT_EQ(ChangeSentence(Money::FromFen(5'000000), &zero, 2022),
            "比2022年预算增加5.00万元，主要原因是：新增项目");
  EXPECT_EQ(ChangeSentence(Money(), nullptr, 2022), "");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// A 公开说明 section or heading with nothing under it says so instead of standing bare.
TEST(Explanation, EmptySectionSaysSo) {
  Department d = LoadSource(testing::ExamplePath("minimal.yaml"), testing::Catalogs());
  ASSERT_TRUE(d.goals.empty());
  ASSERT_TRUE(d.functions.empty());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  const Section* goals = nullptr;
  const Section* basic = nullptr;
  for (const auto& s : doc.sections) {
    if (s.number == "二") goals = &s;
    if (s.number == "一") basic = &s;
  }
  ASSERT_NE(goals, nullptr);
  ASSERT_EQ(goals->paragraphs.size(), 1u);
  EXPECT_EQ(goals->paragraphs[0].kind, Paragraph::kText);
  EXPECT_EQ(goals->paragraphs[0].text, "本部门无此项内容。");
  ASSERT_NE(basic, nullptr);
  ASSERT_GE(basic->paragraphs.size(), 2u);
  EXPECT_EQ(basic->paragraphs[0].text, "（一）部门主要职能");
  EXPECT_EQ(basic->paragraphs[1].text, "本部门无此项内容。");
  // No heading is followed directly by another heading or ends a section.
  for (const auto& s : doc.sections) {
    for (size_t i = 0; i < s.paragraphs.size(); ++i) {
      if (s.paragraphs[i].kind != Paragraph::kHeading) continue;
      ASSERT_LT(i + 1, s.paragraphs.size()) << s.paragraphs[i].text;
      EXPECT_NE(s.paragraphs[i + 1].kind, Paragraph::kHeading) << s.paragraphs[i].text;
    }
  }
}

}  // namespace
}  // namespace gongkai
