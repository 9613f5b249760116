// Reading layouts of the corpus that the reader once got wrong (issue 13), with figures written
// down by hand from the published PDFs (../shared/corpus, skipped with a message when absent):
// columns printed without a single amount (a 公务用车购置费 of nothing, 上级补助收入, 基本支出),
// whose header words were read into the neighbouring column's name; the 江苏省级 “三公” table
// with 会议费 and 培训费 beside it; a document's identity taken from its file name where its
// pages have no text; 情况说明 whose 公开表 are published apart.
#include <gtest/gtest.h>

#include <filesystem>

#include "reader/reader.h"
#include "test_support.h"

namespace gongkai::reader {
namespace {

using gongkai::testing::DataDir;
using gongkai::testing::SourceDir;

// The corpus file at `relative` (under ../shared/corpus), read; the test is skipped with a
// message when the corpus is absent.
#define READ_CORPUS_FILE(doc, relative)                                           \
  const std::string doc##_path = SourceDir() + "/../shared/corpus/" + (relative); \
  if (!std::filesystem::exists(doc##_path)) {                                     \
    GTEST_SKIP() << "../shared/corpus is absent, skipped: " << doc##_path;        \
  }                                                                               \
  ReaderOptions doc##_options;                                                    \
  doc##_options.data_dir = DataDir();                                             \
  const PublishedDocument doc = ReadPublished(doc##_path, doc##_options)

std::vector<std::string> Names(const PublishedTable& t) {
  std::vector<std::string> out;
  for (const PublishedColumn& c : t.columns) out.push_back(c.name);
  return out;
}

// The amounts of `row` column by column, "" for a blank cell.
std::vector<std::string> Printed(const PublishedRow& row) {
  std::vector<std::string> out;
  for (const PublishedAmount& a : row.amounts) out.push_back(a.blank ? "" : a.value.Wan(2));
  return out;
}

std::vector<ReaderFinding> FindingsIn(const PublishedDocument& doc, const std::string& table) {
  std::vector<ReaderFinding> out;
  for (const ReaderFinding& f : CheckPublished(doc, gongkai::testing::ThreePublic())) {
    if (f.table_id == table) out.push_back(f);
  }
  return out;
}

// The findings on the “三公” table of `doc` once 1 万元 is added to its cell at `row`, `column`
// (a mutation: a test that the relation is checked at all).
std::vector<ReaderFinding> ThreePublicFindingsWithOneMore(const PublishedDocument& doc, size_t row,
                                                          size_t column) {
  PublishedDocument changed = doc;
  for (PublishedTable& t : changed.tables) {
    if (t.id != "three_public") continue;
    PublishedAmount& a = t.rows.at(row).amounts.at(column);
    a.value = a.value + Money::FromWan(1);
    break;
  }
  return FindingsIn(changed, "three_public");
}

// For each (column, total): 1 万元 more in that cell of the “三公” table's first row is one error,
// at the total printed `total` that the cell is part of.
void ExpectEachFoundAtItsTotal(const PublishedDocument& doc,
                               std::initializer_list<std::pair<size_t, const char*>> cases) {
  for (const auto& [column, total] : cases) {
    std::vector<ReaderFinding> found = ThreePublicFindingsWithOneMore(doc, 0, column);
    ASSERT_EQ(found.size(), 1u) << column;
    EXPECT_EQ(found[0].level, FindingLevel::kError);
    EXPECT_EQ(found[0].printed.Wan(2), total);
  }
}

// 江苏省级 “三公”经费、会议费、培训费支出预算表: 合计 | “三公”经费 (小计 | 因公出国（境）费 |
// 公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费) | 公务接待费) | 会议费 | 培训费. The
// 购置费 column of 2018 prints nothing; it is a column all the same.
struct JiangsuThreePublic {
  const char* file;
  int page;
  std::vector<std::string> amounts;
};

TEST(CorpusLayoutTest, JiangsuProvincialThreePublicTable) {
  const JiangsuThreePublic cases[] = {
      {"江苏/2018年省检察院部门预算公开.pdf",
       19,
       {"1384.74", "484.30", "100.00", "267.80", "", "267.80", "116.50", "200.44", "700.00"}},
      {"江苏/省人大办公厅2018预算公开.pdf",
       15,
       {"2542.60", "833.60", "222.50", "183.60", "", "183.60", "427.50", "1305.25", "403.75"}},
      {"江苏/2017年省检察院部门预算.pdf",
       16,
       {"1452.35", "584.35", "110.00", "317.80", "50.00", "267.80", "156.55", "168.00", "700.00"}},
  };
  for (const JiangsuThreePublic& c : cases) {
    SCOPED_TRACE(c.file);
    READ_CORPUS_FILE(doc, c.file);
    const PublishedTable* t = doc.Find("three_public");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->pages, std::vector<int>{c.page});
    ASSERT_EQ(t->columns.size(), 9u) << ::testing::PrintToString(Names(*t));
    EXPECT_NE(t->columns[4].path.find("购"), std::string::npos) << t->columns[4].path;
    EXPECT_NE(t->columns[4].path.find("费"), std::string::npos) << t->columns[4].path;
    EXPECT_EQ(t->columns[3].name, "小计");
    EXPECT_NE(t->columns[7].path.find("会议"), std::string::npos) << t->columns[7].path;
    EXPECT_NE(t->columns[8].path.find("培训"), std::string::npos) << t->columns[8].path;
    ASSERT_EQ(t->rows.size(), 1u);
    EXPECT_EQ(Printed(t->rows[0]), c.amounts);
    // The three sums hold: nothing is found, and a changed figure is.
    EXPECT_TRUE(FindingsIn(doc, "three_public").empty());
    std::vector<ReaderFinding> found = ThreePublicFindingsWithOneMore(doc, 0, 7);  // 会议费
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].level, FindingLevel::kError);
    EXPECT_EQ(found[0].printed.Wan(2), c.amounts[0]);
  }
}

// 江苏省级 收入预算总表: the sources as rows in five groups (一般公共预算资金, 政府性基金, 财政
// 专户管理资金, 其他资金, 上年结转和结余资金), each group's 小计 first, the group's name printed
// left of its rows; fifteen rows, most blank. The printed figures, written down from the pages:
// 收入总计, 一般公共预算资金小计, 公共财政拨款(补助)资金, 财政专户管理资金小计, 其他非税收入,
// 其他资金小计, 其他收入 ("" blank).
struct JiangsuIncome {
  const char* file;
  int page;
  std::vector<std::string> amounts;
};

TEST(CorpusLayoutTest, JiangsuProvincialIncomeSourcesAsRows) {
  const JiangsuIncome cases[] = {
      {"江苏/2017年度部门预算公开表.pdf",
       2,
       {"9146.79", "9066.79", "9066.79", "", "", "80.00", "80.00"}},
      {"江苏/2017年省检察院部门预算.pdf",
       11,
       {"17996.68", "17981.68", "17981.68", "", "", "15.00", "15.00"}},
      {"江苏/2018年省检察院部门预算公开.pdf",
       14,
       {"21955.35", "21940.96", "21940.96", "", "", "14.39", "14.39"}},
      {"江苏/江苏省委办公厅2017年预算公开表格.pdf",
       2,
       {"20849.45", "20702.25", "20702.25", "147.20", "147.20", "", ""}},
      {"江苏/江苏省委办公厅2018年度部门预算公开表.pdf",
       4,
       {"24458.43", "24458.43", "24458.43", "", "", "", ""}},
      {"江苏/省人大办公厅2018预算公开.pdf",
       9,
       {"15897.44", "15897.44", "15897.44", "", "", "", ""}},
  };
  for (const JiangsuIncome& c : cases) {
    SCOPED_TRACE(c.file);
    READ_CORPUS_FILE(doc, c.file);
    const PublishedTable* t = doc.Find("income_summary");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->pages, std::vector<int>{c.page});
    ASSERT_EQ(Names(*t), std::vector<std::string>{"金额"});
    ASSERT_EQ(t->rows.size(), 15u);
    std::vector<std::string> names, amounts;
    for (const PublishedRow& r : t->rows) names.push_back(r.name);
    for (size_t i : {0, 1, 2, 5, 7, 8, 11}) amounts.push_back(Printed(t->rows[i])[0]);
    EXPECT_EQ(amounts, c.amounts);
    EXPECT_EQ(names[1], "一般公共预算资金小计");
    EXPECT_EQ(names[4], "政府性基金小计");
    EXPECT_NE(names[5].find("专户管理资金小计"), std::string::npos) << names[5];  // 财政(转)专户
    EXPECT_EQ(names[8], "其他资金小计");
    EXPECT_EQ(names[13], "上年结转和结余资金小计");
    EXPECT_TRUE(names[14].starts_with("其中")) << names[14];
    EXPECT_TRUE(FindingsIn(doc, "income_summary").empty());
    // 1 万元 more in 公共财政拨款(补助)资金 is one error, at 一般公共预算资金小计.
    PublishedDocument changed = doc;
    for (PublishedTable& m : changed.tables) {
      if (m.id == "income_summary") m.rows[2].amounts[0].value += Money::FromWan(1);
    }
    std::vector<ReaderFinding> found = FindingsIn(changed, "income_summary");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].level, FindingLevel::kError);
    EXPECT_EQ(found[0].row, "一般公共预算资金小计");
    EXPECT_EQ(found[0].page, c.page);
  }
}

// 西安市安全生产监督管理局 2019 收入总表 (p. 4): thirteen numbered columns, eight of them
// blank, their header words wrapped over three lines in narrow cells; 部门预算 printed centred
// over 合计 … 上年实户资金余额. Figures written down from the page.
TEST(CorpusLayoutTest, XianIncomeSummaryByItsNumberedColumns) {
  READ_CORPUS_FILE(doc, "陕西-西安市/应急管理局_2026年部门预算.pdf");
  const PublishedTable* t = doc.Find("income_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{4});
  std::vector<std::string> paths;
  for (const PublishedColumn& c : t->columns) paths.push_back(c.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{
                "总计", "合计", "一般公共预算拨款/小计",
                "一般公共预算拨款/其中：专项资金列入部门预算项目", "政府性基金拨款",
                "部门预算/上级补助收入", "事业收入", "事业单位经营收入", "对附属单位上缴收入",
                "用事业基金弥补收支差额", "上年结转", "上年实户资金余额", "其他收入"}));
  ASSERT_EQ(t->rows.size(), 5u);
  const std::vector<std::string> blank(5, "");
  auto with = [&](std::vector<std::string> head, const char* carried, const char* balance) {
    head.insert(head.end(), blank.begin(), blank.end());
    head.insert(head.end(), {"", carried, balance, ""});
    return head;
  };
  EXPECT_EQ(Printed(t->rows[0]), with({"3695.91", "3695.91", "3643.37", ""}, "11.61", "40.93"));
  EXPECT_EQ(Printed(t->rows[1]), with({"2123.93", "2123.93", "2080.32", ""}, "11.61", "32.00"));
  EXPECT_EQ(Printed(t->rows[2]), with({"463.23", "463.23", "461.80", ""}, "", "1.43"));
  EXPECT_EQ(Printed(t->rows[4]), with({"270.98", "270.98", "270.98", ""}, "", ""));
  EXPECT_TRUE(FindingsIn(doc, "income_summary").empty());
  // 1 万元 more in 上年实户资金余额 of a unit is one error, at that unit's 总计.
  PublishedDocument changed = doc;
  for (PublishedTable& m : changed.tables) {
    if (m.id == "income_summary") m.rows[2].amounts[11].value += Money::FromWan(1);
  }
  std::vector<ReaderFinding> found = FindingsIn(changed, "income_summary");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, FindingLevel::kError);
  EXPECT_EQ(found[0].column, "总计");
  EXPECT_EQ(found[0].printed.Wan(2), "463.23");
  EXPECT_EQ(found[0].computed.Wan(2), "464.23");
  // Its 支出总表 (p. 5) divides the spending by the same sources: checked the same way.
  EXPECT_TRUE(FindingsIn(doc, "expenditure_summary").empty());
  for (PublishedTable& m : changed.tables) {
    if (m.id != "expenditure_summary") continue;
    ASSERT_EQ(m.columns.size(), 11u);
    m.rows.at(1).amounts[8].value += Money::FromWan(1);  // 上年实户资金余额 of 本级
  }
  found = FindingsIn(changed, "expenditure_summary");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].column, "总计");
  EXPECT_EQ(found[0].printed.Wan(2), "2123.93");
}

// 西安市安全生产监督管理局 2019 “三公”经费及会议费、培训费支出预算表 (p. 32): 2018年 | 2019年 |
// 增减变化情况, each 合计 | 小计 | 因公出国（境）费 | 公务接待费 | 公务用车 (小计 | 购置 |
// 运行维护) | 会议费 | 培训费. Written down from the page: 2019年 adds up in every row; 2018年 does
// not in any (its 合计 holds the “三公” alone, 24.08 = 2.86 + 21.22, and its 小计 公务接待费
// alone), nor does 增减变化情况 (2019年 − 2018年): a real error of the document, one finding per
// column.
TEST(CorpusLayoutTest, XianThreePublicByYearFindsTheWrong2018Columns) {
  READ_CORPUS_FILE(doc, "陕西-西安市/应急管理局_2026年部门预算.pdf");
  const PublishedTable* t = doc.Find("three_public");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->columns.size(), 27u);
  ASSERT_EQ(t->rows.size(), 6u);
  std::vector<std::string> year2019(Printed(t->rows[0]));
  year2019 = std::vector<std::string>(year2019.begin() + 9, year2019.begin() + 18);
  EXPECT_EQ(year2019, (std::vector<std::string>{"83.74", "28.38", "", "4.38", "24.00", "", "24.00",
                                                "19.06", "36.30"}));
  std::vector<ReaderFinding> found = FindingsIn(doc, "three_public");
  std::vector<std::string> columns;
  for (const ReaderFinding& f : found) {
    columns.push_back(f.column);
    EXPECT_EQ(f.level, FindingLevel::kError);
    EXPECT_EQ(f.row, "合计");
    EXPECT_EQ(f.consequences.size(), 5u) << f.column;
  }
  EXPECT_EQ(columns, (std::vector<std::string>{"2018年/小计", "2018年/合计", "增减变化情况/小计",
                                               "增减变化情况/合计"}));
  EXPECT_EQ(found[0].printed.Wan(2), "2.86");
  EXPECT_EQ(found[0].computed.Wan(2), "24.08");
}

// 决算's 一般公共预算财政拨款基本支出决算表, one list in three parts (人员经费 | 公用经费 |
// 公用经费): 国家信访局 2024 (p. 12) and 西安市卫生健康委员会 2022 (pp. 157–158, each part running
// on to the next page; 39908's name printed around its code at the end of a line). Written down
// from the pages: 301 and 302 with their amounts; the sums hold but for rounding, and 1 万元 more
// in the last 款 of 302 (30299, at the head of the next part or page) is one error, at 302.
TEST(CorpusLayoutTest, BasicExpenditureInThreeParts) {
  struct Case {
    const char* file;
    const char* wages;  // 301 工资福利支出
    const char* goods;  // 302 商品和服务支出
  };
  for (const Case& c :
       {Case{"中央/信访局_国家信访局2024年度部门决算公开.pdf", "6982.75", "2239.41"},
        Case{"陕西-西安市/卫生健康委员会_2026年部门预算.pdf", "92835.98", "2085.91"}}) {
    SCOPED_TRACE(c.file);
    READ_CORPUS_FILE(doc, c.file);
    const PublishedTable* t = doc.Find("general_basic_expenditure");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->sides, 3);
    const PublishedRow* wages = t->Row("301", 0);
    const PublishedRow* goods = t->Row("302", 1);
    ASSERT_NE(wages, nullptr);
    ASSERT_NE(goods, nullptr);
    EXPECT_EQ(Printed(*wages)[0], c.wages);
    EXPECT_EQ(Printed(*goods)[1], c.goods);
    for (const ReaderFinding& f : FindingsIn(doc, "general_basic_expenditure")) {
      EXPECT_EQ(f.level, FindingLevel::kNote) << f.message;
    }
    PublishedDocument changed = doc;
    for (PublishedTable& m : changed.tables) {
      if (m.id != "general_basic_expenditure") continue;
      for (PublishedRow& r : m.rows) {
        if (r.code == "30299") r.amounts[1].value += Money::FromWan(1);
      }
    }
    std::vector<ReaderFinding> found;
    for (const ReaderFinding& f : FindingsIn(changed, "general_basic_expenditure")) {
      if (f.level == FindingLevel::kError) found.push_back(f);
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].row, "302 商品和服务支出");
    // 1 万元 more in 公用经费合计 (printed in the third part's column; 国家信访局 on a row of its
    // own) is one error, at that total.
    changed = doc;
    for (PublishedTable& m : changed.tables) {
      if (m.id != "general_basic_expenditure") continue;
      PublishedAmount* last = nullptr;
      for (PublishedRow& r : m.rows) {
        for (PublishedAmount& a : r.amounts) {
          if (!a.blank) last = &a;
        }
      }
      ASSERT_NE(last, nullptr);
      last->value += Money::FromWan(1);
    }
    found.clear();
    for (const ReaderFinding& f : FindingsIn(changed, "general_basic_expenditure")) {
      if (f.level == FindingLevel::kError) found.push_back(f);
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].row, "公用经费合计");
  }
}

// 西安市卫生健康委员会 2022 决算 (汇总): columns no unit has a figure in, whose header words
// used to be read as one name with their neighbour ("上级补助收入事业收入", "小计基本支出").
TEST(CorpusLayoutTest, XianBlankColumnsKeepTheirOwnNames) {
  READ_CORPUS_FILE(doc, "陕西-西安市/卫生健康委员会_2026年部门预算.pdf");
  const PublishedTable* income = doc.Find("income_summary");
  ASSERT_NE(income, nullptr);
  EXPECT_EQ(Names(*income),
            (std::vector<std::string>{"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                                      "经营收入", "附属单位上缴收入", "其他收入"}));
  const PublishedRow* total = income->Total();
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(Printed(*total), (std::vector<std::string>{"2015094.22", "805251.56", "", "1110972.11",
                                                       "", "", "98870.55"}));
  const PublishedTable* fund = doc.Find("gov_fund_expenditure");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(Names(*fund), (std::vector<std::string>{"年初结转和结余", "本年收入", "小计",
                                                    "基本支出", "项目支出", "年末结转和结余"}));
  EXPECT_EQ(fund->columns[3].path, "本年支出/基本支出");
  ASSERT_NE(fund->Total(), nullptr);
  EXPECT_EQ(Printed(*fund->Total()),
            (std::vector<std::string>{"58830.98", "509220.66", "568051.63", "", "568051.63", ""}));
  for (const ReaderFinding& f : CheckPublished(doc, gongkai::testing::ThreePublic())) {
    EXPECT_NE(f.level, FindingLevel::kError) << f.message;
  }
}

// 西安市卫生健康委员会 2022 决算, 公开09表: 小计 | 因公出国（境）费用 | 公务用车购置及运行维护费
// (小计 | 购置费 | 运行维护费) | 公务接待费 | 会议费 | 培训费, a row of 预算数 and one of 决算数;
// the first 小计 sums the three (会议费 and 培训费 stand beside them). Page 161 of the PDF.
TEST(CorpusLayoutTest, XianThreePublicByBudgetAndActual) {
  READ_CORPUS_FILE(doc, "陕西-西安市/卫生健康委员会_2026年部门预算.pdf");
  const PublishedTable* t = doc.Find("three_public");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{161});
  ASSERT_EQ(t->columns.size(), 8u) << ::testing::PrintToString(Names(*t));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].name, "预算数");
  EXPECT_EQ(Printed(t->rows[0]), (std::vector<std::string>{"593.46", "", "591.60", "136.48",
                                                           "455.12", "1.86", "86.81", "2795.78"}));
  EXPECT_EQ(Printed(t->rows[1]), (std::vector<std::string>{"587.55", "", "587.44", "136.48",
                                                           "450.96", "0.11", "86.81", "2795.78"}));
  // Both sums hold in both rows; a changed 运行维护费 of 决算数 breaks the 公务用车 小计 (and
  // through it nothing else: the 小计 printed is compared with its own items).
  EXPECT_TRUE(FindingsIn(doc, "three_public").empty());
  std::vector<ReaderFinding> found = ThreePublicFindingsWithOneMore(doc, 1, 4);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, FindingLevel::kError);
  EXPECT_EQ(found[0].printed.Wan(2), "587.44");
  // A changed 公务接待费 breaks the first 小计.
  found = ThreePublicFindingsWithOneMore(doc, 0, 5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].printed.Wan(2), "593.46");
}

// 西安市卫生健康委员会 2022 决算, 公开04表 财政拨款收入支出决算总表 (p.153): the 支出 half is
// 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款, the last
// printing nothing. The halves' titles (收入 | 支出) stand on a line of their own: they are no
// columns, and the blank column after the last with amounts is seen, its name no longer glued to
// the fund's.
TEST(CorpusLayoutTest, XianFiscalSummaryReadsTheBlankLastColumn) {
  READ_CORPUS_FILE(doc, "陕西-西安市/卫生健康委员会_2026年部门预算.pdf");
  const PublishedTable* t = doc.Find("fiscal_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{153});
  std::vector<std::string> spending;
  for (const PublishedColumn& c : t->columns) {
    if (c.side == 1) spending.push_back(c.name);
  }
  EXPECT_EQ(spending,
            (std::vector<std::string>{"合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                                      "国有资本经营预算财政拨款"}))
      << ::testing::PrintToString(Names(*t));
  // The last rows of the halves: 总计 | 864,177.93 and 总计 | 864,177.93 | 296,126.29 |
  // 568,051.63 | (blank).
  const PublishedRow* totals[2] = {nullptr, nullptr};
  for (const PublishedRow& r : t->rows) {
    if (r.name == "总计") totals[r.side] = &r;
  }
  ASSERT_TRUE(totals[0] && totals[1]);
  EXPECT_EQ(Printed(*totals[0]).front(), "864177.93");
  std::vector<std::string> printed = Printed(*totals[1]);
  printed.erase(printed.begin(), printed.end() - 4);
  EXPECT_EQ(printed, (std::vector<std::string>{"864177.93", "296126.29", "568051.63", ""}));
  // Both halves balance, and every row of the 支出 half is the sum of its funds but for the
  // 总计, printed 864,177.93 of 296,126.29 + 568,051.63 = 864,177.92: rounding to 万元, a note
  // (the table's own note says 因四舍五入可能存在尾差).
  std::vector<ReaderFinding> found = FindingsIn(doc, "fiscal_summary");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, FindingLevel::kNote) << found[0].message;
  EXPECT_EQ(found[0].row, "总计");
  EXPECT_EQ(found[0].side, 1);
  EXPECT_EQ(found[0].printed.Wan(2), "864177.93");
  EXPECT_EQ(found[0].computed.Wan(2), "864177.92");
  EXPECT_EQ(found[0].rule, "FIN-002");
  // A changed 政府性基金 figure of 本年支出合计 is found at its row's 合计.
  PublishedDocument changed = doc;
  for (PublishedTable& ct : changed.tables) {
    if (ct.id != "fiscal_summary") continue;
    for (PublishedRow& r : ct.rows) {
      if (r.side == 1 && r.name == "本年支出合计") {
        r.amounts[ct.columns.size() - 2].value += Money::FromWan(1);
      }
    }
  }
  found = FindingsIn(changed, "fiscal_summary");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].level, FindingLevel::kError);
  EXPECT_EQ(found[0].row, "本年支出合计");
  EXPECT_EQ(found[0].printed.Wan(2), "864099.38");
  EXPECT_EQ(found[0].computed.Wan(2), "864100.38");
}

// 上海's “三公” order: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 | 购置费 |
// 运行费) | 机关运行经费预算数. 上海市普陀区司法局 2026 预算, p.21 (万元).
TEST(CorpusLayoutTest, ShanghaiThreePublicOrder) {
  READ_CORPUS_FILE(doc, "上海市普陀区/dept_budget.pdf");
  const PublishedTable* t = doc.Find("three_public");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{21});
  ASSERT_EQ(t->columns.size(), 7u) << ::testing::PrintToString(Names(*t));
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(Printed(t->rows[0]),
            (std::vector<std::string>{"10.81", "0.00", "0.83", "9.98", "0.00", "9.98", "217.83"}));
  EXPECT_TRUE(FindingsIn(doc, "three_public").empty());
  // A wrong 运行费 is found at the 公务用车 小计, a wrong 公务接待费 at the 合计.
  ExpectEachFoundAtItsTotal(doc, {{5, "9.98"}, {2, "10.81"}});
}

// 上海市审计局 2026 预算, 2026年单位“三公”经费和机关运行经费预算表 (p.19, 万元), 上海's order
// with a 购置费 of nothing. The parent 公务用车购置及运行费, centred over 小计 | 购置费 | 运行费,
// reaches over the 小计's amount only; it heads no column of its own, so 购置费 is seen as the
// blank column it is rather than read into the 小计's name ("小计购置费").
TEST(CorpusLayoutTest, ShanghaiAuditBureauThreePublicWithABlankPurchase) {
  READ_CORPUS_FILE(doc, "上海市/审计局_上海市审计局(本级)2026年度预算.pdf");
  const PublishedTable* t = doc.Find("three_public");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{19});
  EXPECT_EQ(Names(*t), (std::vector<std::string>{"合计", "因公出国(境)费", "公务接待费", "小计",
                                                 "购置费", "运行费", "机关运行经费预算数"}));
  EXPECT_EQ(t->columns[3].path, "“三公”经费预算数/小计");
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(Printed(t->rows[0]), (std::vector<std::string>{"237.92", "201.80", "8.12", "28.00", "",
                                                           "28.00", "2180.26"}));
  EXPECT_TRUE(FindingsIn(doc, "three_public").empty());
  // Checked now: a wrong 运行费 is found at the 公务用车 小计, a wrong 公务接待费 at the 合计.
  ExpectEachFoundAtItsTotal(doc, {{5, "28.00"}, {2, "237.92"}});
}

// 上海市普陀区财政局 2024 决算, 财政拨款“三公”经费支出决算表 (p.18, 万元): 合计 | 因公出国（境）
// 费 | 公务用车购置及运行费 (小计 | 公务用车购置费 | 公务用车运行费) | 公务接待费, each over
// 预算数 | 决算数 — twelve columns, two with a figure (预算数 of 合计 and of 公务接待费, 0.95).
// The sums are checked for the 预算数 and for the 决算数 apart.
TEST(CorpusLayoutTest, ShanghaiFinalAccountsThreePublicByBudgetAndActual) {
  READ_CORPUS_FILE(doc, "上海市普陀区/上海市普陀区财政局2024年度部门决算.pdf");
  const PublishedTable* t = doc.Find("three_public");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, std::vector<int>{18});
  ASSERT_EQ(t->columns.size(), 12u) << ::testing::PrintToString(Names(*t));
  for (size_t c = 0; c < 12; ++c) {
    EXPECT_EQ(t->columns[c].name, c % 2 == 0 ? "预算数" : "决算数") << t->columns[c].path;
  }
  // The items' labels, printed in boxes a few points high, reach over one column of their pair.
  EXPECT_NE(t->columns[1].path.find("合计"), std::string::npos) << t->columns[1].path;
  EXPECT_NE(t->columns[5].path.find("小计"), std::string::npos) << t->columns[5].path;
  EXPECT_NE(t->columns[6].path.find("购置"), std::string::npos) << t->columns[6].path;
  EXPECT_NE(t->columns[9].path.find("运行"), std::string::npos) << t->columns[9].path;
  EXPECT_NE(t->columns[11].path.find("公务接待"), std::string::npos) << t->columns[11].path;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(Printed(t->rows[0]),
            (std::vector<std::string>{"0.95", "", "", "", "", "", "", "", "", "", "0.95", ""}));
  EXPECT_TRUE(FindingsIn(doc, "three_public").empty());
  // A 决算数 of 因公出国 breaks the 决算数 合计; a 预算数 of 运行费 the 预算数 小计 (and not the
  // 合计, which is compared with the 小计 as printed).
  std::vector<ReaderFinding> found = ThreePublicFindingsWithOneMore(doc, 0, 3);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, FindingLevel::kError);
  EXPECT_EQ(found[0].printed, Money());
  EXPECT_EQ(found[0].column.substr(found[0].column.size() - 9), "决算数");
  EXPECT_NE(found[0].column.find("合计"), std::string::npos) << found[0].column;
  EXPECT_NE(found[0].message.find(found[0].column), std::string::npos) << found[0].message;
  found = ThreePublicFindingsWithOneMore(doc, 0, 8);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].column.find("小计"), std::string::npos) << found[0].column;
  EXPECT_EQ(found[0].column.substr(found[0].column.size() - 9), "预算数");
}

// A PDF of page images: nothing to read but its file name, which is its title.
TEST(CorpusLayoutTest, IdentityFromTheFileNameOfAScan) {
  READ_CORPUS_FILE(
      doc,
      "北京市/政务服务和数据管理局_附件1：北京市政务服务和数据管理局2026年度部门预算情况"
      "说明.pdf");
  EXPECT_TRUE(doc.tables.empty());
  EXPECT_EQ(doc.department, "北京市政务服务和数据管理局");
  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  EXPECT_TRUE(doc.identity_from_file_name);
}

// The file name fills only what the pages lack; a misnamed file (a 2022 决算 saved as
// "2026年部门预算") keeps what its pages say. The 报表 of 北京市财政局 names its department only
// in a form (部门名称 | 北京市财政局, without a colon), which the pages are now read for: its
// identity no longer needs the file name.
TEST(CorpusLayoutTest, FileNameFillsOnlyWhatThePagesLack) {
  {
    READ_CORPUS_FILE(doc, "北京市/财政局_附件2：北京市财政局2026年度部门预算报表.pdf");
    EXPECT_EQ(doc.department, "北京市财政局");
    EXPECT_EQ(doc.year, 2026);
    EXPECT_FALSE(doc.identity_from_file_name);
  }
  {
    READ_CORPUS_FILE(doc, "陕西-西安市/卫生健康委员会_2026年部门预算.pdf");
    EXPECT_EQ(doc.kind, DocumentKind::kFinalAccounts);
    EXPECT_EQ(doc.year, 2022);
    EXPECT_FALSE(doc.identity_from_file_name);
  }
}

// 情况说明 printed without their 公开表 ("具体公开表样附后", "公开表附后"): no table, and the
// scorecard says the tables are published apart instead of listing them as missing.
TEST(CorpusLayoutTest, NarrativesWhoseTablesArePublishedApart) {
  const std::pair<const char*, int> cases[] = {
      {"江苏/江苏省委办公厅2017年部门预算.pdf", 5},
      {"江苏/江苏省政协办公厅2018年度部门预算.pdf", 7},
      {"北京市/财政局_附件1：北京市财政局2026年度部门预算情况说明.pdf", 10},
  };
  for (const auto& [file, page] : cases) {
    SCOPED_TRACE(file);
    READ_CORPUS_FILE(doc, file);
    EXPECT_TRUE(doc.tables.empty());
    int tables = 0;
    for (const CompletenessMark& m : doc.completeness) {
      if (!m.is_table) continue;
      ++tables;
      EXPECT_FALSE(m.found) << m.name;
      EXPECT_TRUE(m.elsewhere) << m.name;
      EXPECT_EQ(m.page, page) << m.name;
    }
    EXPECT_EQ(tables, 8);
  }
}

TEST(CorpusLayoutTest, DocumentsWithTablesAreNotMarkedApart) {
  READ_CORPUS_FILE(doc, "江苏/2018年省检察院部门预算公开.pdf");
  EXPECT_FALSE(doc.tables.empty());
  for (const CompletenessMark& m : doc.completeness) EXPECT_FALSE(m.elsewhere) << m.name;
}

}  // namespace
}  // namespace gongkai::reader
