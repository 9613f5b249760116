// Tests of the reader layer: amounts, lines and cells, the title catalog, a synthetic document
// in pdftotext form (tests/reader/), and figures read by hand off published PDFs of the corpus
// (../shared/corpus, skipped when absent).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "reader/reader.h"
#include "reader/table_catalog.h"
#include "reader/table_reader.h"
#include "reader/text_lines.h"
#include "test_support.h"

namespace gongkai::reader {
namespace {

using gongkai::testing::DataDir;
using gongkai::testing::SourceDir;

Money Wan(const char* text) {
  std::string why;
  return *Money::Parse(text, MoneyUnit::kWan, &why);
}

Money Yuan(const char* text) {
  std::string why;
  return *Money::Parse(text, MoneyUnit::kYuan, &why);
}

ReaderOptions Options() {
  ReaderOptions o;
  o.data_dir = DataDir();
  return o;
}

// The amount of `row` in the first column of its side whose name contains `column`.
Money At(const PublishedTable& t, const PublishedRow& row, const char* column) {
  std::optional<size_t> c = t.Column(column, row.side);
  EXPECT_TRUE(c.has_value()) << "no column " << column << " in " << t.title;
  return c ? row.amounts[*c].value : Money::FromFen(-1);
}

TEST(PublishedAmountTest, ReadsPrintedForms) {
  EXPECT_EQ(ParsePublishedAmount("1,597.66", MoneyUnit::kWan), Wan("1597.66"));
  EXPECT_EQ(ParsePublishedAmount("96,282,213.44", MoneyUnit::kYuan), Yuan("96282213.44"));
  EXPECT_EQ(ParsePublishedAmount("(12.50)", MoneyUnit::kWan), -Wan("12.5"));
  EXPECT_EQ(ParsePublishedAmount("（3.00）", MoneyUnit::kWan), -Wan("3"));
  EXPECT_EQ(ParsePublishedAmount("-", MoneyUnit::kWan), Money());
  EXPECT_EQ(ParsePublishedAmount("—", MoneyUnit::kWan), Money());
  EXPECT_EQ(ParsePublishedAmount("", MoneyUnit::kWan), Money());
  EXPECT_EQ(ParsePublishedAmount("1,721.982000", MoneyUnit::kWan), Yuan("17219820"));
  EXPECT_EQ(ParsePublishedAmount("－3.5", MoneyUnit::kWan), -Wan("3.5"));
  EXPECT_FALSE(ParsePublishedAmount("行政运行", MoneyUnit::kWan).has_value());
  EXPECT_FALSE(ParsePublishedAmount("1.2.3", MoneyUnit::kWan).has_value());
  // Finer than a fen is not an amount of a budget table.
  EXPECT_FALSE(ParsePublishedAmount("0.001", MoneyUnit::kYuan).has_value());
  EXPECT_TRUE(LooksLikeAmount("0.00"));
  EXPECT_FALSE(LooksLikeAmount("2026年"));
}

TEST(SplitCodeTest, JoinsSplitCodesAndSplitsCodeFromName) {
  std::vector<std::string> labels = {"204", "06", "01", "行政运行"};
  EXPECT_EQ(SplitCode(&labels), "2040601");
  EXPECT_EQ(labels, std::vector<std::string>{"行政运行"});
  labels = {"2010301 行政运行"};
  EXPECT_EQ(SplitCode(&labels), "2010301");
  EXPECT_EQ(labels.front(), "行政运行");
  labels = {"2010601-行政运行"};
  EXPECT_EQ(SplitCode(&labels), "2010601");
  EXPECT_EQ(labels.front(), "行政运行");
  labels = {"合计"};
  EXPECT_EQ(SplitCode(&labels), "");
}

TEST(TableCatalogTest, LongestPatternWins) {
  TableCatalog catalog = TableCatalog::Load(DataDir());
  auto id = [&](const char* title) {
    const TablePattern* p = catalog.Match(title);
    return p ? p->id : std::string("-");
  };
  EXPECT_EQ(id("附表4-1 收支总表"), "income_expenditure_summary");
  EXPECT_EQ(id("2026年部门财务收支预算总表"), "income_expenditure_summary");
  EXPECT_EQ(id("财政拨款收支总表"), "fiscal_summary");
  EXPECT_EQ(id("四、财政拨款收入支出决算总表"), "fiscal_summary");
  EXPECT_EQ(id("公开 03 表：支出预算总表"), "expenditure_summary");
  EXPECT_EQ(id("2026年部门支出总体情况表"), "expenditure_summary");
  EXPECT_EQ(id("一般公共预算支出表（按功能分类）"), "general_expenditure");
  EXPECT_EQ(id("一般公共预算支出表（按经济分类）"), "other");
  EXPECT_EQ(id("一般公共预算“三公”经费支出表"), "three_public");
  EXPECT_EQ(id("基本支出总表"), "other");
  EXPECT_EQ(id("政府性基金预算财政拨款收入支出决算表"), "gov_fund_expenditure");
  EXPECT_EQ(id("部门基本情况"), "-");
  EXPECT_EQ(catalog.SidesOf("fiscal_summary"), 2);
  EXPECT_EQ(catalog.SidesOf("expenditure_summary"), 1);
}

TEST(TableCatalogTest, RejectsBadRows) {
  EXPECT_THROW(TableCatalog::FromCsv("id,sides,pattern\nx,3,收支总表\n", "t.csv"), CatalogError);
  EXPECT_THROW(TableCatalog::FromCsv("id,sides,pattern\n,1,收支总表\n", "t.csv"), CatalogError);
}

TEST(TextLinesTest, SplitsTabsAndRunsOfSpaces) {
  std::vector<Page> pages = PagesFromText("a\tb\t\tc\n  201   一般公共服务支出   1,287.73\n\fx\n");
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[0].lines.size(), 2u);
  const Line& tabs = pages[0].lines[0];
  ASSERT_EQ(tabs.cells.size(), 3u);
  EXPECT_EQ(tabs.cells[2].text, "c");
  EXPECT_EQ(tabs.cells[2].box.x0, 30);  // the blank third field keeps its place
  const Line& spaces = pages[0].lines[1];
  ASSERT_EQ(spaces.cells.size(), 3u);
  EXPECT_EQ(spaces.cells[1].text, "一般公共服务支出");
  EXPECT_EQ(spaces.cells[1].box.x0, 8);
  EXPECT_EQ(spaces.cells[2].box.x0, 8 + 16 + 3);  // CJK counts two columns
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_EQ(pages[1].lines[0].cells[0].text, "x");
}

TEST(TextLinesTest, GroupsWordsIntoLinesAndCells) {
  // Words of two rows; the code box is cell-high and overlaps both rows, as some producers
  // draw it; the name's two words are close, the amounts are far and close to each other.
  std::vector<Word> words = {
      {"2010301", {90, 100, 128, 124}},
      {"行政", {147, 105, 167, 116}},
      {"运行", {168, 105, 188, 116}},
      {"6,231.54", {299, 105, 341, 116}},
      {"6,231.54", {342, 105, 384, 116}},
      {"2010302", {90, 120, 128, 144}},
      {"一般行政管理事务", {147, 126, 223, 137}},
      {"3,065.17", {299, 126, 341, 137}},
  };
  std::vector<Line> lines = GroupWords(words);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].cells.size(), 4u);
  EXPECT_EQ(lines[0].cells[1].text, "行政运行");
  EXPECT_EQ(lines[0].cells[3].text, "6,231.54");
  EXPECT_EQ(lines[1].cells.size(), 3u);
  EXPECT_EQ(lines[0].Compact(), "2010301行政运行6,231.546,231.54");
}

TEST(PdfWordsTest, GarbledText) {
  EXPECT_TRUE(LooksGarbled(""));
  EXPECT_TRUE(LooksGarbled("\uE001\uE002\uE003a"));
  EXPECT_FALSE(LooksGarbled("收支总表 1,597.66"));
}

TEST(PdfWordsTest, RefusesFilesThatAreNotPdf) {
  std::string path = (std::filesystem::temp_directory_path() / "gongkai_reader_not.pdf").string();
  std::ofstream(path) << "not a pdf";
  EXPECT_THROW(ExtractPdfWords(path), ReaderError);
  EXPECT_THROW(ReadPublished(path + ".missing", Options()), ReaderError);
  std::filesystem::remove(path);
}

// A PDF encrypted with a password nobody knows: poppler opens it locked.
TEST(PdfWordsTest, RefusesLockedFiles) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
      "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '0') + "> /U <" +
          std::string(64, '1') + "> /P -4 >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    std::string n = std::to_string(o);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  std::string id = "<00112233445566778899aabbccddeeff>";
  pdf += "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [" + id + " " + id +
         "] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  std::string path =
      (std::filesystem::temp_directory_path() / "gongkai_reader_locked.pdf").string();
  std::ofstream(path, std::ios::binary) << pdf;
  try {
    ExtractPdfWords(path);
    ADD_FAILURE() << "a locked PDF was read";
  } catch (const ReaderError& e) {
    EXPECT_NE(std::string(e.what()).find("已加密"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

class SyntheticDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_ = ReadPublished(SourceDir() + "/tests/reader/synthetic_budget.txt", Options());
  }
  PublishedDocument doc_;
};

TEST_F(SyntheticDocumentTest, ReadsFacts) {
  EXPECT_EQ(doc_.kind, DocumentKind::kBudget);
  EXPECT_EQ(doc_.year, 2026);
  EXPECT_EQ(doc_.department, "某某局");
  ASSERT_EQ(doc_.tables.size(), 3u);
}

// The cover's title names the department with 年 or 年度, spaced as pdftotext gives it (seed 000:
// "第一部分    财政局 2023 年部门预算公开说明"; the optional 度 once matched only 年度).
TEST(ReaderIdentity, TheCoverTitleNamesTheDepartment) {
  for (const auto& [title, department] : std::vector<std::pair<std::string, std::string>>{
           {" 第一部分    财政局 2023 年部门预算公开说明 ", "财政局"},
           {"新洲区财政局2023年部门预算", "新洲区财政局"},
           {"上海市普陀区财政局2024年度部门决算", "上海市普陀区财政局"}}) {
    PublishedDocument doc =
        ReadPublishedText(title + "\n\n一、部门基本情况\n", "cover.txt", Options());
    EXPECT_EQ(doc.department, department) << title;
    EXPECT_NE(doc.year, 0) << title;
  }
}

// A text without page breaks is one page: its year comes from the title among its first lines,
// not from the short lines deep inside it that name another year (a date, the title of last
// year's table), however many there are.
TEST(ReaderIdentity, TheYearOfAOnePageTextComesFromItsTitle) {
  std::string text = "某某局2023年部门预算\n\n一、部门基本情况\n";
  for (int i = 0; i < 40; ++i) text += "本部门围绕年度工作目标，认真履行各项职责，推进各项工作。\n";
  for (int i = 0; i < 5; ++i) {
    text += "2022年预算执行情况表\n截至2022年12月31日\n";
  }
  PublishedDocument doc = ReadPublishedText(text, "one-page.txt", Options());
  EXPECT_EQ(doc.year, 2023);
  EXPECT_EQ(doc.department, "某某局");
  // Without a year in its title, the short lines still give one.
  doc = ReadPublishedText(text.substr(text.find("\n")), "untitled.txt", Options());
  EXPECT_EQ(doc.year, 2022);
}

// A 绩效目标表 (seed 003): the department in the cell after its label, without a colon; the
// kind from its labels (预算金额), not from a long sentence that mentions 部门决算 in passing.
TEST(ReaderIdentity, AFormNamesTheDepartmentInTheNextCell) {
  const std::string text =
      "\n\n部门（单位）整体支出绩效目标表\n(2022年)\n\n部门（单位）名称\t\t\t新疆巴州财政局\t\t\n"
      "\t任务名称\t主要内容\t预算金额（万元）\t\t\n"
      "年度总体目标\t目标4：委托第三方机构对州本级及县市的部门决算公开材料核查、政府财务报告核查等"
      "工作，提升部门决算公开及政府财务报告质量。\n";
  PublishedDocument doc = ReadPublishedText(text, "goals.txt", Options());
  EXPECT_EQ(doc.department, "新疆巴州财政局");
  EXPECT_EQ(doc.year, 2022);
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
}

// Neither a 部门： line nor a cover title (seed 002, 绩效目标 only): the line above each project
// form names the unit by its code; the one most named, without 机关本级, is the department.
TEST(ReaderIdentity, TheProjectFormsUnitLineNamesTheDepartment) {
  const std::string text =
      " 第一部分\n\n部门整体绩效目标\n\n项目支出绩效目标表\n 1.信息系统运维经费绩效目标表\n\n"
      "318001 秦皇岛市抚宁区财政局机关本级 单位：元\n\n项目名称 信息系统运维经费\n"
      " 2.投资评审经费绩效目标表\n\n318001 秦皇岛市抚宁区财政局机关本级 单位：元\n\n"
      " 3.其他\n\n318002 秦皇岛市抚宁区财政投资评审中心 单位：元\n";
  PublishedDocument doc = ReadPublishedText(text, "goals.txt", Options());
  EXPECT_EQ(doc.department, "秦皇岛市抚宁区财政局");
  // A 部门： line still wins over the forms.
  doc = ReadPublishedText("部门：某某局\n" + text, "goals.txt", Options());
  EXPECT_EQ(doc.department, "某某局");
}

TEST_F(SyntheticDocumentTest, ReadsOneSidedTable) {
  const PublishedTable* t = doc_.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unit, MoneyUnit::kWan);
  EXPECT_EQ(t->pages, std::vector<int>{2});
  ASSERT_EQ(t->columns.size(), 3u);
  EXPECT_EQ(t->columns[0].name, "合计");
  EXPECT_EQ(t->columns[1].name, "基本支出");
  EXPECT_EQ(t->columns[2].name, "项目支出");
  const PublishedRow* total = t->Total();
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(At(*t, *total, "合计"), Wan("1597.66"));
  const PublishedRow* item = t->Row("2010302");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->name, "一般行政管理事务");
  EXPECT_EQ(At(*t, *item, "基本支出"), Money());
  EXPECT_TRUE(item->amounts[1].blank);  // printed "-"
  const PublishedRow* blank = t->Row("2010301");
  ASSERT_NE(blank, nullptr);
  EXPECT_TRUE(blank->amounts[2].blank);  // nothing printed
  EXPECT_EQ(blank->amounts[2].value, Money());
  EXPECT_EQ(blank->amounts[0].where.page, 2);
  EXPECT_EQ(t->rows.size(), 15u);  // the page number line "— 2 —" is not a row
}

TEST_F(SyntheticDocumentTest, ReadsTwoLevelHeaderAndYuan) {
  const PublishedTable* t = doc_.Find("general_expenditure");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unit, MoneyUnit::kYuan);
  ASSERT_EQ(t->columns.size(), 5u);
  EXPECT_EQ(t->columns[1].path, "基本支出/小计");
  EXPECT_EQ(t->columns[2].name, "人员经费");
  const PublishedRow* housing = t->Row("221");
  ASSERT_NE(housing, nullptr);
  EXPECT_EQ(At(*t, *housing, "合计"), Yuan("921300"));
}

TEST_F(SyntheticDocumentTest, ReadsTwoSidedTable) {
  const PublishedTable* t = doc_.Find("income_expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->sides, 2);
  ASSERT_EQ(t->columns.size(), 2u);
  EXPECT_EQ(t->columns[1].side, 1);
  const PublishedRow* income = t->Total(0);
  const PublishedRow* spending = t->Total(1);
  ASSERT_NE(income, nullptr);
  ASSERT_NE(spending, nullptr);
  EXPECT_EQ(income->name, "本年收入合计");
  EXPECT_EQ(spending->name, "本年支出合计");
  EXPECT_EQ(income->amounts[0].value, Wan("1597.66"));
  EXPECT_EQ(spending->amounts[1].value, Wan("1597.66"));
  int health = 0;
  for (const PublishedRow& r : t->rows) {
    if (r.name == "三、卫生健康支出") {
      ++health;
      EXPECT_EQ(r.side, 1);
      EXPECT_EQ(r.amounts[1].value, Wan("103.10"));
    }
  }
  EXPECT_EQ(health, 1);
}

TEST_F(SyntheticDocumentTest, ChecksArithmetic) {
  std::vector<ReaderFinding> findings = CheckPublished(doc_, gongkai::testing::ThreePublic());
  int errors = 0, notes = 0;
  for (const ReaderFinding& f : findings) {
    EXPECT_EQ(f.row, "20805 行政事业单位养老支出") << f.message;
    if (f.level == FindingLevel::kError) {
      ++errors;
      EXPECT_EQ(f.table_id, "general_expenditure");
      EXPECT_EQ(f.printed - f.computed, Yuan("10000"));
      EXPECT_EQ(f.page, 3);
      EXPECT_NE(f.message.find("相差 10,000.00元"), std::string::npos) << f.message;
    } else {
      ++notes;  // 76.47 + 38.24 = 114.71 printed 114.70: rounding of two items
      EXPECT_EQ(f.table_id, "expenditure_summary");
      EXPECT_NE(f.message.find("舍入"), std::string::npos) << f.message;
    }
  }
  EXPECT_EQ(errors, 3);  // 合计, 基本支出/小计 and 人员经费 of the same row
  EXPECT_EQ(notes, 2);   // 合计 and 基本支出
}

TEST(ReaderTest, FindsATableOnlyWhereItsUnitLineConfirmsIt) {
  // A table of contents names the tables but has no unit line; the table itself follows.
  std::string text =
      "目录\n一、收支总表\n三、支出总表\n\f三、支出总表\n单位：元\n科目编码\t科目名称\t合计\n"
      "\t合计\t100.00\n201\t一般公共服务支出\t100.00\n";
  PublishedDocument doc = ReadPublishedText(text, "toc.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].id, "expenditure_summary");
  EXPECT_EQ(doc.tables[0].pages, std::vector<int>{2});
  EXPECT_EQ(doc.tables[0].unit, MoneyUnit::kYuan);
  EXPECT_EQ(doc.tables[0].rows.size(), 2u);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
}

// pdftotext -layout: cells at runs of spaces, columns only roughly aligned; amounts go to
// columns by their order, the first to the total.
TEST(ReaderTest, ReadsLayoutTextByTheOrderOfAmounts) {
  std::string text =
      "支出总表\n单位：万元\n"
      "科目编码     科目名称              合计        基本支出      项目支出\n"
      "             合计                  30.00        20.00        10.00\n"
      "201          一般公共服务支出      30.00        20.00        10.00\n"
      "2010101      行政运行              20.00        20.00\n"
      "2010102      一般行政管理事务       10.00                     10.00\n";
  PublishedDocument doc = ReadPublishedText(text, "layout.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[2].name, "项目支出");
  const PublishedRow* run = t.Row("2010101");
  const PublishedRow* general = t.Row("2010102");
  ASSERT_TRUE(run && general);
  EXPECT_EQ(At(t, *run, "基本支出"), Wan("20"));
  EXPECT_TRUE(run->amounts[2].blank);
  EXPECT_TRUE(general->amounts[1].blank);
  EXPECT_EQ(At(t, *general, "项目支出"), Wan("10"));
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
}

TEST(ReaderTest, ChecksThreePublicInTheStandardLayout) {
  std::string text =
      "一般公共预算“三公”经费支出表\n单位：万元\n"
      "“三公”经费合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
      "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "40.00\t5.00\t30.00\t0.00\t25.00\t5.00\n";
  PublishedDocument doc = ReadPublishedText(text, "three.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  EXPECT_EQ(t.id, "three_public");
  ASSERT_EQ(t.columns.size(), 6u);
  EXPECT_EQ(t.columns[2].path, "公务用车购置及运行费/小计");
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);  // 小计 30.00 ≠ 0.00 + 25.00; 合计 40 = 5 + 30 + 5 holds
  EXPECT_EQ(findings[0].column, "公务用车购置及运行费/小计");
  EXPECT_EQ(findings[0].printed - findings[0].computed, Wan("5"));
}

// The “三公” columns are known by the words of data/reader/three_public.csv: a region that calls
// its 公务接待费 招待费 is checked once the word is in the file, not before.
// 长沙's order: 小计 | 公务接待费 | 因公出国（境）费 | 公务用车购置及运行费 | 其中：公务用车购置 |
// 其中：公务用车运行费 — the vehicle's column is its total, its items under 其中.
TEST(ReaderTest, ChecksThreePublicInChangshasOrder) {
  auto text = [](const char* running) {
    return std::string(
               "2026年一般公共预算“三公”经费支出情况表\n单位：万元\n"
               "部门名称\t小计\t公务接待费\t因公出国（境）费\t公务用车购置及运行费\t其中：公务用车"
               "购置\t其中：公务用车运行费\n合计\t3.50\t0.50\t1.00\t2.00\t0.50\t") +
           running + "\n";
  };
  PublishedDocument doc = ReadPublishedText(text("1.50"), "three.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  ASSERT_EQ(doc.tables[0].columns.size(), 6u);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  doc = ReadPublishedText(text("1.60"), "three.txt", Options());
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].column, "公务用车购置及运行费");
  EXPECT_EQ(findings[0].printed, Wan("2"));
  EXPECT_EQ(findings[0].computed, Wan("2.1"));
}

TEST(ReaderTest, ThreePublicColumnsAreKnownByTheDataFile) {
  std::string text =
      "一般公共预算“三公”经费支出表\n单位：万元\n"
      "合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务招待费\n"
      "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "50.00\t5.00\t30.00\t5.00\t25.00\t5.00\n";
  PublishedDocument doc = ReadPublishedText(text, "three.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());  // not recognised
  std::string csv = gongkai::testing::ReadFile(DataDir() + "/reader/three_public.csv");
  auto words = ThreePublicWords::FromCsv(csv + "reception,招待,test\n", "three_public.csv");
  std::vector<ReaderFinding> findings = CheckPublished(doc, *words);
  ASSERT_EQ(findings.size(), 1u);  // 合计 50 ≠ 5 + 30 + 5
  EXPECT_EQ(findings[0].column, "合计");
  EXPECT_EQ(findings[0].rule, "BAL-010");
  EXPECT_EQ(findings[0].printed - findings[0].computed, Wan("10"));
}

TEST(ReaderTest, ThreePublicWordsFileErrorsNameTheLine) {
  try {
    ThreePublicWords::FromCsv("role,word,seen_in\nparent,三公经费,\nrecption,接待,\n", "t.csv");
    ADD_FAILURE() << "an unknown role was accepted";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv:3"), std::string::npos) << e.what();
  }
  try {
    ThreePublicWords::FromCsv("role,word,seen_in\nparent,三公经费,\n", "t.csv");
    ADD_FAILURE() << "a file without every role was accepted";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("total"), std::string::npos) << e.what();
  }
  auto words = ThreePublicWords::Load(DataDir());
  for (const std::string& role : ThreePublicWords::Roles()) EXPECT_FALSE(words->Of(role).empty());
}

// --- Pages of words with boxes, as poppler gives them (no corpus needed) ----------------------

// A word 10 points high whose top is at `y`; x from `x0` to `x1`.
Word WordAt(const char* text, double x0, double x1, double y) {
  return {text, {x0, y, x1, y + 10}};
}

// The document of one PDF page holding `words`.
PublishedDocument PageDocument(const std::vector<Word>& words) {
  PageWords page;
  page.number = 1;
  page.width = 842;
  page.height = 595;
  page.words = words;
  PublishedDocument doc;
  doc.tables = ReadTables(PagesFromPdf({page}), TableCatalog::Load(DataDir()));
  return doc;
}

// The only finding of `doc`'s checks, expected an error of `rule` in `column`, printed
// against its parts' sum `computed`.
ReaderFinding OnlyError(const PublishedDocument& doc, const char* rule, const char* column,
                        Money printed, Money computed) {
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  EXPECT_EQ(findings.size(), 1u);
  if (findings.empty()) return {};
  const ReaderFinding& f = findings[0];
  EXPECT_EQ(f.level, FindingLevel::kError) << f.message;
  EXPECT_EQ(f.rule, rule) << f.message;
  EXPECT_EQ(f.column, column) << f.message;
  EXPECT_EQ(f.printed, printed) << f.message;
  EXPECT_EQ(f.computed, computed) << f.message;
  return f;
}

// 上海's “三公” 决算: each item over 预算数 | 决算数, twelve columns (column k from x = 40 + 60k,
// amounts right-aligned). Each figure's sums are checked by themselves, and a finding names the
// figure's column as printed.
std::vector<Word> ThreePublicByBudgetAndActual(const char* actual_total) {
  std::vector<Word> w = {
      WordAt("财政拨款“三公”经费支出决算表", 300, 460, 40),
      WordAt("单位：万元", 700, 750, 60),
      WordAt("财政拨款“三公”经费", 350, 450, 80),
      WordAt("合计", 90, 110, 100),
      WordAt("因公出国（境）费", 180, 260, 100),
      WordAt("公务用车购置及运行费", 410, 510, 100),
      WordAt("公务接待费", 675, 725, 100),
      WordAt("小计", 330, 350, 120),
      WordAt("购置费", 445, 475, 120),
      WordAt("运行费", 565, 595, 120),
  };
  for (int item = 0; item < 6; ++item) {
    w.push_back(WordAt("预算数", 55 + 120 * item, 85 + 120 * item, 140));
    w.push_back(WordAt("决算数", 115 + 120 * item, 145 + 120 * item, 140));
  }
  const char* figures[] = {"10.00", actual_total, "2.00", "1.00", "5.00", "5.00",
                           "0.00",  "0.00",       "5.00", "5.00", "3.00", "3.00"};
  for (int k = 0; k < 12; ++k) w.push_back(WordAt(figures[k], 71 + 60 * k, 95 + 60 * k, 165));
  return w;
}

TEST(ReaderPageTest, ChecksEachFigureOfAThreePublicTablePrintedByBudgetAndActual) {
  PublishedDocument doc = PageDocument(ThreePublicByBudgetAndActual("9.00"));
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  EXPECT_EQ(t.id, "three_public");
  ASSERT_EQ(t.columns.size(), 12u);
  // Labels centred over a pair reach over one of its columns only.
  EXPECT_EQ(t.columns[0].path, "预算数");
  EXPECT_EQ(t.columns[1].path, "合计/决算数");
  EXPECT_EQ(t.columns[6].path, "财政拨款“三公”经费/公务用车购置及运行费/预算数");
  EXPECT_EQ(t.columns[7].path, "公务用车购置及运行费/购置费/决算数");
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  // 决算数 合计 printed 10.00 where 1.00 + 5.00 + 3.00 = 9.00; the 预算数 still add up.
  ReaderFinding f = OnlyError(PageDocument(ThreePublicByBudgetAndActual("10.00")), "BAL-010",
                              "合计/决算数", Wan("10"), Wan("9"));
  EXPECT_NE(f.message.find("“合计/决算数”列"), std::string::npos) << f.message;
}

// 上海's order with a 购置费 of nothing: the parent 公务用车购置及运行费, centred over 小计 |
// 购置费 | 运行费, reaches over the 小计's amount only. It heads no column; 购置费 is a blank
// column of its own, not part of the 小计's name.
std::vector<Word> ThreePublicWithABlankPurchase(const char* operation) {
  return {
      WordAt("“三公”经费和机关运行经费预算表", 250, 410, 40),
      WordAt("单位:万元", 700, 750, 60),
      WordAt("“三公”经费预算数", 300, 400, 80),
      WordAt("公务用车购置及运行费", 450, 570, 100),
      WordAt("合计", 93, 117, 116),
      WordAt("因公出国(境)费", 167, 245, 116),
      WordAt("公务接待费", 277, 337, 116),
      WordAt("小计", 396, 420, 132),
      WordAt("购置费", 492, 528, 132),
      WordAt("运行费", 593, 629, 132),
      WordAt("237.92", 120, 153, 182),
      WordAt("201.80", 222, 254, 182),
      WordAt("8.12", 335, 355, 182),
      WordAt("28.00", 430, 457, 182),
      WordAt(operation, 633, 659, 182),
  };
}

TEST(ReaderPageTest, AParentOverOneColumnsAmountsHeadsNoColumn) {
  PublishedDocument doc = PageDocument(ThreePublicWithABlankPurchase("28.00"));
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  ASSERT_EQ(t.columns.size(), 6u);
  EXPECT_EQ(t.columns[3].name, "小计");
  EXPECT_EQ(t.columns[4].name, "购置费");
  EXPECT_TRUE(t.rows.at(0).amounts[4].blank);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  OnlyError(PageDocument(ThreePublicWithABlankPurchase("27.00")), "BAL-010",
            "“三公”经费预算数/小计", Wan("28"), Wan("27"));
}

// A two-sided table whose halves' titles (收入 | 支出) stand on a line of their own and whose
// last column on the 支出 side prints nothing: that column is seen, named by its own words.
std::vector<Word> FiscalSummaryWithABlankLastColumn(const char* fund) {
  return {
      WordAt("财政拨款收支总表", 300, 380, 40),
      WordAt("单位：万元", 700, 750, 60),
      WordAt("收入", 120, 140, 80),
      WordAt("支出", 520, 540, 80),
      WordAt("项目", 60, 80, 95),
      WordAt("金额", 200, 220, 95),
      WordAt("项目", 330, 350, 95),
      WordAt("合计", 500, 520, 95),
      WordAt("一般公共预算", 560, 620, 95),
      WordAt("政府性基金预算", 640, 710, 95),
      WordAt("国有资本经营预算", 720, 800, 95),
      WordAt("一般公共预算拨款", 40, 120, 110),
      WordAt("100.00", 205, 235, 110),
      WordAt("一般公共服务支出", 300, 380, 110),
      WordAt("100.00", 485, 515, 110),
      WordAt("100.00", 575, 605, 110),
      WordAt("政府性基金预算拨款", 40, 130, 125),
      WordAt("30.00", 210, 235, 125),
      WordAt("其他支出", 300, 340, 125),
      WordAt("30.00", 490, 515, 125),
      WordAt(fund, 670, 695, 125),
      WordAt("收入总计", 40, 80, 140),
      WordAt("130.00", 205, 235, 140),
      WordAt("支出总计", 300, 340, 140),
      WordAt("130.00", 485, 515, 140),
      WordAt("100.00", 575, 605, 140),
      WordAt("30.00", 670, 695, 140),
  };
}

TEST(ReaderPageTest, TwoSidedTableSeesItsBlankLastColumn) {
  PublishedDocument doc = PageDocument(FiscalSummaryWithABlankLastColumn("30.00"));
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  EXPECT_EQ(t.sides, 2);
  std::vector<std::string> spending;
  for (const PublishedColumn& c : t.columns) {
    if (c.side == 1) spending.push_back(c.name);
  }
  EXPECT_EQ(spending, (std::vector<std::string>{"合计", "一般公共预算", "政府性基金预算",
                                                "国有资本经营预算"}));
  const PublishedRow* total = t.Total(1);
  ASSERT_NE(total, nullptr);
  EXPECT_TRUE(total->amounts.back().blank);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  // Each row of the 支出 half is its funds' sum: a fund's figure printed wrong is found.
  ReaderFinding f = OnlyError(PageDocument(FiscalSummaryWithABlankLastColumn("31.00")), "BAL-011",
                              "合计", Wan("30"), Wan("31"));
  EXPECT_EQ(f.row, "其他支出");
}

// Hostile text: thousands of amounts on a line, of rows, of titles — read in bounded time.
// 西安's 收入总表 numbers its columns under the header (** | 1 | 2 | … | 6) and prints 部门预算
// centred over 合计 … 上年结转 (其他收入 beside it), where it reaches over 财政拨款 alone; the
// 事业收入 and 其他收入 columns print no amount.
std::vector<Word> NumberedIncomeSummary(const char* carried) {
  return {
      WordAt("部门综合预算收入总表", 250, 370, 40),
      WordAt("单位：万元", 520, 570, 60),
      WordAt("部门预算", 286, 334, 80),
      WordAt("单位名称", 20, 68, 100),
      WordAt("总计", 140, 160, 100),
      WordAt("合计", 218, 242, 100),
      WordAt("财政拨款", 286, 334, 100),
      WordAt("事业收入", 366, 414, 100),
      WordAt("上年结转", 446, 494, 100),
      WordAt("其他收入", 526, 574, 100),
      WordAt("**", 40, 50, 118),
      WordAt("1", 147, 153, 118),
      WordAt("2", 227, 233, 118),
      WordAt("3", 307, 313, 118),
      WordAt("4", 387, 393, 118),
      WordAt("5", 467, 473, 118),
      WordAt("6", 547, 553, 118),
      WordAt("合计", 30, 54, 140),
      WordAt("100.00", 152, 186, 140),
      WordAt("100.00", 232, 266, 140),
      WordAt("90.00", 318, 346, 140),
      WordAt(carried, 478, 506, 140),
  };
}

TEST(ReaderPageTest, NumberedColumnsAreColumnsEvenWithoutAmounts) {
  PublishedDocument doc = PageDocument(NumberedIncomeSummary("10.00"));
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  ASSERT_EQ(t.id, "income_summary");
  std::vector<std::string> paths;
  for (const PublishedColumn& c : t.columns) paths.push_back(c.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"总计", "合计", "部门预算/财政拨款", "事业收入",
                                             "上年结转", "其他收入"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_TRUE(t.rows[0].amounts[3].blank);
  EXPECT_EQ(t.rows[0].amounts[4].value, Wan("10"));
  // Printed blank, as many a 政府性基金 table is, it has its columns all the same.
  std::vector<Word> blank = NumberedIncomeSummary("10.00");
  blank.resize(blank.size() - 5);  // the 合计 row
  doc = PageDocument(blank);
  ASSERT_EQ(doc.tables.size(), 1u);
  paths.clear();
  for (const PublishedColumn& c : doc.tables[0].columns) paths.push_back(c.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"总计", "合计", "部门预算/财政拨款", "事业收入",
                                             "上年结转", "其他收入"}));
  EXPECT_TRUE(doc.tables[0].rows.empty());
  doc = PageDocument(NumberedIncomeSummary("10.00"));
  // Whatever 部门预算 spans, 总计 is the sum of the sources (合计 being one of their sums).
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  ReaderFinding f = OnlyError(PageDocument(NumberedIncomeSummary("11.00")), "BAL-003", "总计",
                              Wan("100"), Wan("101"));
  EXPECT_NE(
      f.message.find("：印为 100.00万元，财政拨款 + 事业收入 + 上年结转 + 其他收入为 101.00万元"),
      std::string::npos)
      << f.message;
}

// 江苏省级's tables made with Excel: "金额" centred in its wide cell, left of the amounts
// printed at the cell's right edge, over none of them.
std::vector<Word> AmountLabelLeftOfItsAmounts(const char* office) {
  return {
      WordAt("一般公共预算支出预算表", 267, 553, 60),
      WordAt("单位：万元", 733, 778, 90),
      WordAt("功能科目代码", 113, 215, 110),
      WordAt("功能科目名称", 359, 461, 110),
      WordAt("金额", 639, 673, 110),
      WordAt("合计", 393, 427, 130),
      WordAt("100.00", 742, 778, 130),
      WordAt("201", 43, 57, 150),
      WordAt("一般公共服务支出", 289, 361, 150),
      WordAt("100.00", 742, 778, 150),
      WordAt("20102", 43, 66, 170),
      WordAt("政协事务", 289, 325, 170),
      WordAt("100.00", 742, 778, 170),
      WordAt("2010201", 43, 75, 190),
      WordAt("行政运行", 289, 325, 190),
      WordAt("60.00", 746, 778, 190),
      WordAt("2010202", 43, 75, 210),
      WordAt("一般行政管理事务", 289, 361, 210),
      WordAt(office, 746, 778, 210),
  };
}

TEST(ReaderPageTest, ALabelLeftOfItsAmountsNamesTheirColumn) {
  PublishedDocument doc = PageDocument(AmountLabelLeftOfItsAmounts("40.00"));
  ASSERT_EQ(doc.tables.size(), 1u);
  ASSERT_EQ(doc.tables[0].columns.size(), 1u);
  EXPECT_EQ(doc.tables[0].columns[0].name, "金额");
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  OnlyError(PageDocument(AmountLabelLeftOfItsAmounts("41.00")), "BAL-007", "金额", Wan("100"),
            Wan("101"));
}

// 西安 2019's “三公” table: the nine columns 合计 | 小计 | 因公出国（境）费 | 公务接待费 | 公务用车
// 小计 | 购置 | 运行维护 | 会议费 | 培训费 printed once per year side by side. `first_row` and
// `second_row` are the 2018年 figures of the two rows (the 2019年 ones add up).
std::string ThreePublicByYear(const std::string& first_row, const std::string& second_row) {
  const std::string nine =
      "合计\t小计\t因公出国（境）费\t公务接待费\t小计\t公务用车购置经费\t公务用车运行维护\t会议费"
      "\t培训费";
  const std::string fine = "9.00\t6.00\t1.00\t2.00\t3.00\t1.00\t2.00\t1.00\t2.00";
  return "2019年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表\n单位：万元\n"
         "单位名称\t2018年\t\t\t\t\t\t\t\t\t2019年\t\t\t\t\t\t\t\t\n\t" +
         nine + "\t" + nine + "\n合计\t" + first_row + "\t" + fine + "\n某中心\t" + second_row +
         "\t" + fine + "\n";
}

TEST(ReaderTest, ChecksEachYearOfAThreePublicTablePrintedByYear) {
  const std::string fine = "9.00\t6.00\t1.00\t2.00\t3.00\t1.00\t2.00\t1.00\t2.00";
  PublishedDocument doc = ReadPublishedText(ThreePublicByYear(fine, fine), "xian.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  ASSERT_EQ(doc.tables[0].id, "three_public");
  ASSERT_EQ(doc.tables[0].columns.size(), 18u);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());

  // 2018年's 小计 wrong in one row: one error there, named by its year.
  const std::string short_subtotal = "9.00\t5.00\t1.00\t2.00\t3.00\t1.00\t2.00\t1.00\t2.00";
  doc = ReadPublishedText(ThreePublicByYear(fine, short_subtotal), "xian.txt", Options());
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 2u);  // 小计 against its items, 合计 against 小计 + 会议费 + 培训费
  EXPECT_EQ(findings[0].row, "某中心");
  EXPECT_EQ(findings[0].column, "2018年/小计");
  EXPECT_EQ(findings[0].printed, Wan("5"));
  EXPECT_EQ(findings[0].computed, Wan("6"));
  EXPECT_EQ(findings[0].rule, "BAL-010");
  EXPECT_TRUE(findings[0].consequences.empty());

  // Wrong in every row (合计 filled with the “三公” alone): one finding for the column, the
  // rows beneath it.
  const std::string three_only = "6.00\t6.00\t1.00\t2.00\t3.00\t1.00\t2.00\t1.00\t2.00";
  doc = ReadPublishedText(ThreePublicByYear(three_only, three_only), "xian.txt", Options());
  findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].row, "合计");
  EXPECT_EQ(findings[0].column, "2018年/合计");
  ASSERT_EQ(findings[0].consequences.size(), 1u);
  EXPECT_EQ(findings[0].consequences[0].row, "某中心");
  EXPECT_EQ(findings[0].consequences[0].column, "2018年/合计");
  EXPECT_NE(findings[0].message.find("本列有数字的2行均不符"), std::string::npos)
      << findings[0].message;
}

// 决算's 基本支出表: one list in three parts side by side (人员经费 | 公用经费 | 公用经费), 302's
// last 款 at the head of the third part.
std::string BasicInParts(const char* other_goods, const char* office_total = "15.00") {
  return std::string(
             "一般公共预算财政拨款基本支出决算表\n金额单位：万元\n"
             "人员经费\t\t\t公用经费\t\t\t\t\t\n"
             "科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\n"
             "301\t工资福利支出\t30.00\t302\t商品和服务支出\t12.00\t30299\t其他商品和服务支出\t") +
         other_goods +
         "\n"
         "30101\t基本工资\t10.00\t30201\t办公费\t5.00\t310\t资本性支出\t3.00\n"
         "30102\t津贴补贴\t20.00\t30202\t印刷费\t4.00\t31002\t办公设备购置\t3.00\n"
         "303\t对个人和家庭的补助\t2.00\t30203\t咨询费\t\t\t\t\n"
         "30301\t离休费\t2.00\t\t\t\t\t\t\n"
         "\t人员经费合计\t32.00\t\t公用经费合计\t\t\t\t" +
         office_total + "\n";
}

TEST(ReaderTest, ChecksAListPrintedInParts) {
  PublishedDocument doc = ReadPublishedText(BasicInParts("3.00"), "parts.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].sides, 3);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  doc = ReadPublishedText(BasicInParts("4.00"), "parts.txt", Options());
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].row, "302 商品和服务支出");
  EXPECT_EQ(findings[0].rule, "BAL-008");
  EXPECT_EQ(findings[0].printed, Wan("12"));
  EXPECT_EQ(findings[0].computed, Wan("13"));
  // 公用经费合计 (its amount printed in the third part's column) = the 类 of the second and third.
  doc = ReadPublishedText(BasicInParts("3.00", "16.00"), "parts.txt", Options());
  findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].row, "公用经费合计");
  EXPECT_EQ(findings[0].printed, Wan("16"));
  EXPECT_EQ(findings[0].computed, Wan("15"));
}

TEST(ReaderTest, HostileTextIsReadInBoundedTime) {
  std::string wide = "支出总表\n单位：万元\n科目编码  科目名称  合计\n201  一般公共服务支出";
  for (int i = 0; i < 3000; ++i) wide += "  1.00";
  wide += "\n";
  for (int i = 0; i < 2000; ++i)
    wide += "2010" + std::to_string(100 + i % 900) + "  行政运行  1.00\n";
  std::string titles;
  for (int i = 0; i < 2000; ++i) titles += "支出总表\n单位：元\n\f";
  auto start = std::chrono::steady_clock::now();
  PublishedDocument a = ReadPublishedText(wide, "wide.txt", Options());
  CheckPublished(a, gongkai::testing::ThreePublic());
  PublishedDocument b = ReadPublishedText(titles, "titles.txt", Options());
  CheckPublished(b, gongkai::testing::ThreePublic());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(b.tables.size(), 1u);
}

TEST(ReaderTest, ChecksThatBothHalvesOfASummaryBalance) {
  std::string text =
      "财政拨款收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
      "一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t90.00\n"
      "\t\t二、教育支出\t9.00\n收入总计\t100.00\t支出总计\t99.00\n";
  PublishedDocument doc = ReadPublishedText(text, "fiscal.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, FindingLevel::kError);
  EXPECT_EQ(findings[0].row, "支出总计");
  EXPECT_EQ(findings[0].printed, Wan("99"));
  EXPECT_EQ(findings[0].computed, Wan("100"));
}

// 收入总表 across a row: 合计 = 本年收入 小计 + 上年结转 小计, each 小计 = its sources; a 其中
// column is part of the source before it, not a source of its own (BAL-003).
std::string IncomeSummary(const std::string& row) {
  return "收入总表\n单位：万元\n"
         "科目编码\t科目名称\t合计\t本年收入\t\t\t\t\t上年结转\t\t\n"
         "\t\t\t小计\t一般公共预算\t其中：教育收费\t事业收入\t其他收入\t小计\t一般公共预算\t其他"
         "\n" +
         row + "\n";
}

TEST(ReaderTest, ChecksTheIncomeSourcesAcrossEachRowOfTheIncomeSummary) {
  PublishedDocument doc = ReadPublishedText(
      IncomeSummary("\t合计\t130.00\t100.00\t80.00\t9.00\t15.00\t5.00\t30.00\t20.00\t10.00"),
      "income.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  const PublishedTable& t = doc.tables[0];
  ASSERT_EQ(t.id, "income_summary");
  ASSERT_EQ(t.columns.size(), 9u);
  EXPECT_EQ(t.columns[1].path, "本年收入/小计");
  EXPECT_EQ(t.columns[6].path, "上年结转/小计");
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());

  // A difference of a cent per source is rounding: a note.
  doc = ReadPublishedText(
      IncomeSummary("\t合计\t130.00\t100.01\t80.00\t9.00\t15.00\t5.00\t30.00\t20.00\t10.00"),
      "income.txt", Options());
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 2u);  // 本年收入 小计 against its sources, 合计 against the 小计s
  for (const ReaderFinding& f : findings) {
    EXPECT_EQ(f.level, FindingLevel::kNote) << f.message;
    EXPECT_EQ(f.rule, "BAL-003");
  }

  // 合计 printed 10 more than its sources: one error naming the row, the column and the sum.
  doc = ReadPublishedText(
      IncomeSummary("\t合计\t140.00\t100.00\t80.00\t9.00\t15.00\t5.00\t30.00\t20.00\t10.00"),
      "income.txt", Options());
  findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  const ReaderFinding& f = findings[0];
  EXPECT_EQ(f.level, FindingLevel::kError);
  EXPECT_EQ(f.rule, "BAL-003");
  EXPECT_EQ(f.row, "合计");
  EXPECT_EQ(f.column, "合计");
  EXPECT_EQ(f.printed, Wan("140"));
  EXPECT_EQ(f.computed, Wan("130"));
  EXPECT_NE(f.message.find("《收入总表》第1页“合计”行“合计”列：印为 140.00万元，本年收入/小计 + "
                           "上年结转/小计为 130.00万元，相差 10.00万元"),
            std::string::npos)
      << f.message;
}

// 江苏省级's 收入预算总表 as pdftotext -layout prints it: the sources as rows in groups, each
// group's name left of its rows (on the line of one of them, or between two), its 小计 first,
// most rows blank. `changed` replaces the amounts of some rows (by their line's index).
std::string GroupedSources(const std::map<int, std::string>& changed = {}) {
  std::vector<std::pair<std::string, std::string>> lines = {
      {"                    收入总计", "135.00"},
      {"                    小计", "100.00"},
      {"   一般公共预算资金   公共财政拨款(补助)资金", "100.00"},
      {"                    专项收入", ""},
      {"       政府性基金   小计", ""},
      {"                    小计", "5.00"},
      {"   财政专户管理资金   专户管理教育收费", ""},
      {"                    其他非税收入", "5.00"},
      {"                    小计", "30.00"},
      {"                    事业收入", "20.00"},
      {"       其他资金     经营收入", ""},
      {"                    其他收入", "10.00"},
      {"                    小计", ""},
      {"  上年结转和结余资金", ""},
      {"                    其中：动用上年结转和结余资金", ""},
  };
  std::string text =
      "表二\n                收入预算总表\n部门：某某局                       单位：万元\n"
      "        项目名称                           金额\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    auto it = changed.find(static_cast<int>(i));
    const std::string& amount = it == changed.end() ? lines[i].second : it->second;
    std::string line = lines[i].first;
    if (!amount.empty()) line += std::string(56 - DisplayWidth(line) - amount.size(), ' ') + amount;
    text += line + "\n\n";
  }
  return text + "\f三、支出预算总表\n单位：万元\n合计\t基本支出\n135.00\t135.00\n";
}

TEST(ReaderTest, ReadsTheIncomeSourcesPrintedAsRowsInGroups) {
  PublishedDocument doc = ReadPublishedText(GroupedSources(), "jiangsu.txt", Options());
  const PublishedTable* t = doc.Find("income_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->columns.size(), 1u);
  EXPECT_EQ(t->columns[0].name, "金额");
  std::vector<std::string> names;
  for (const PublishedRow& r : t->rows) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "收入总计", "一般公共预算资金小计", "公共财政拨款(补助)资金", "专项收入",
                       "政府性基金小计", "财政专户管理资金小计", "专户管理教育收费", "其他非税收入",
                       "其他资金小计", "事业收入", "经营收入", "其他收入", "上年结转和结余资金小计",
                       "其中：动用上年结转和结余资金"}));
  EXPECT_TRUE(t->rows[0].is_total);
  EXPECT_EQ(t->rows[8].amounts[0].value, Wan("30"));
  EXPECT_TRUE(t->rows[3].amounts[0].blank);
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());

  // A source printed 1 万元 more than its group's 小计 says: one error, at that 小计.
  doc = ReadPublishedText(GroupedSources({{11, "11.00"}}), "jiangsu.txt", Options());
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, FindingLevel::kError);
  EXPECT_EQ(findings[0].rule, "BAL-003");
  EXPECT_EQ(findings[0].row, "其他资金小计");
  EXPECT_EQ(findings[0].column, "金额");
  EXPECT_EQ(findings[0].printed, Wan("30"));
  EXPECT_EQ(findings[0].computed, Wan("31"));
  EXPECT_NE(findings[0].message.find(
                "：印为 30.00万元，事业收入 + 经营收入 + 其他收入为 31.00万元，相差 -1.00万元"),
            std::string::npos)
      << findings[0].message;

  // A 小计 left blank over a source that has an amount: found at that 小计, not at the group
  // above (a blank row is a row).
  doc = ReadPublishedText(GroupedSources({{5, ""}}), "jiangsu.txt", Options());
  findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].row, "财政专户管理资金小计");
  EXPECT_EQ(findings[0].computed, Wan("5"));
  for (const ReaderFinding& f : findings) EXPECT_NE(f.row, "一般公共预算资金小计") << f.message;

  // 收入总计 against the 小计s; 其中 is no source of its own.
  doc = ReadPublishedText(GroupedSources({{0, "140.00"}, {14, "7.00"}}), "jiangsu.txt", Options());
  findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].row, "收入总计");
  EXPECT_EQ(findings[0].printed, Wan("140"));
  EXPECT_EQ(findings[0].computed, Wan("135"));
}

// The last row of a table is no first line of the title below it, nor the row of a table
// before it ("其中：动用上年结转和结余资金" / "三、支出预算总表"); a table's number on the line
// above its title is ("附表4-1" / "收支总表").
TEST(ReaderTest, ATitleIsNotJoinedToTheRowAboveIt) {
  PublishedDocument doc = ReadPublishedText(GroupedSources(), "jiangsu.txt", Options());
  ASSERT_NE(doc.Find("expenditure_summary"), nullptr);
  EXPECT_EQ(doc.Find("expenditure_summary")->title, "三、支出预算总表");
  doc = ReadPublishedText(
      "附表4-1\n收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
      "一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00\n"
      "收入总计\t100.00\t支出总计\t100.00\n",
      "numbered.txt", Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].title, "附表4-1收支总表");
}

// --- The seeds: pdftotext output of a published budget, tab-separated ------------------------

TEST(SeedTest, ReadsTheTablesOfSeed004) {
  std::string path = SourceDir() + "/../shared/seeds/004_bfe413efcf6bfe76.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed text absent: " << path;
  PublishedDocument doc = ReadPublished(path, Options());
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  // "武汉市新洲区人民政府办公室 2023 年部门预算" on its first line; its many comparisons with
  // 2022 are not its cover (a text without page breaks is one page).
  EXPECT_EQ(doc.year, 2023);
  const PublishedTable* summary = doc.Find("income_expenditure_summary");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->sides, 2);
  ASSERT_NE(summary->Total(1), nullptr);
  EXPECT_EQ(summary->Total(1)->name, "本年支出合计");
  const PublishedTable* general = doc.Find("general_expenditure");
  ASSERT_NE(general, nullptr);
  const PublishedRow* total = general->Total();
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(At(*general, *total, "合计"), Wan("1597.66"));
  EXPECT_EQ(At(*general, *total, "人员经费"), Wan("995.62"));
  EXPECT_EQ(At(*general, *total, "公用经费"), Wan("297.51"));
  EXPECT_EQ(At(*general, *total, "项目支出"), Wan("304.53"));
  const PublishedRow* rent = general->Row("2210202");
  ASSERT_NE(rent, nullptr);
  EXPECT_EQ(rent->name, "提租补贴");
  EXPECT_EQ(At(*general, *rent, "合计"), Wan("18.40"));
  const PublishedTable* basic = doc.Find("general_basic_expenditure");
  ASSERT_NE(basic, nullptr);
  ASSERT_NE(basic->Row("30108"), nullptr);
  EXPECT_EQ(At(*basic, *basic->Row("30108"), "人员经费"), Wan("114.70"));
  for (const ReaderFinding& f : CheckPublished(doc, gongkai::testing::ThreePublic())) {
    EXPECT_EQ(f.level, FindingLevel::kNote) << f.message;
  }
}

// --- The corpus: figures written down from the published PDFs -------------------------------

std::string CorpusPath(const std::string& relative) {
  return SourceDir() + "/../shared/corpus/" + relative;
}

#define READ_CORPUS(doc, relative)                                            \
  std::string corpus_path = CorpusPath(relative);                             \
  if (!std::filesystem::exists(corpus_path)) {                                \
    GTEST_SKIP() << "corpus file absent (../shared/corpus): " << corpus_path; \
  }                                                                           \
  PublishedDocument doc = ReadPublished(corpus_path, Options())

// Each expected row: code ("" for the total), name, then amounts of 合计 | 基本 | 项目.
struct ExpectedRow {
  const char* code;
  const char* name;
  const char* total;
  const char* basic;
  const char* project;
};

void ExpectRows(const PublishedTable& t, MoneyUnit unit, const std::vector<ExpectedRow>& rows) {
  auto money = [&](const char* text) { return unit == MoneyUnit::kWan ? Wan(text) : Yuan(text); };
  ASSERT_EQ(t.unit, unit);
  std::optional<size_t> basic = t.Column("基本支出");
  std::optional<size_t> project = t.Column("项目支出");
  ASSERT_TRUE(basic && project) << t.title;
  size_t total_column = 0;
  for (const ExpectedRow& e : rows) {
    const PublishedRow* r = *e.code ? t.Row(e.code) : t.Total();
    ASSERT_NE(r, nullptr) << t.title << ": " << e.code << " " << e.name;
    EXPECT_EQ(r->name, e.name);
    EXPECT_EQ(r->amounts[total_column].value, money(e.total)) << e.code << " " << e.name;
    EXPECT_EQ(r->amounts[*basic].value, money(e.basic)) << e.code << " " << e.name;
    EXPECT_EQ(r->amounts[*project].value, money(e.project)) << e.code << " " << e.name;
  }
}

int ErrorsIn(const PublishedDocument& doc, const std::string& table_id) {
  int errors = 0;
  for (const ReaderFinding& f : CheckPublished(doc, gongkai::testing::ThreePublic())) {
    if (f.table_id == table_id && f.level == FindingLevel::kError) {
      ADD_FAILURE() << f.message;
      ++errors;
    }
  }
  return errors;
}

// 无锡市统计局 2026 (WPS, converted by Aspose.Words): 支出总表 p.10 and 收支总表 p.8.
TEST(CorpusTest, WuxiStatisticsBureau2026) {
  READ_CORPUS(doc, "江苏-无锡市/统计局_无锡市统计局2026年度部门预算公开.pdf");
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.department, "无锡市统计局");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, (std::vector<int>{10, 11}));
  ExpectRows(*t, MoneyUnit::kWan,
             {{"", "合计", "3210.10", "2235.04", "975.06"},
              {"201", "一般公共服务支出", "2404.17", "1429.11", "975.06"},
              {"2010502", "一般行政管理事务", "391.72", "0", "391.72"},
              {"2080505", "机关事业单位基本养老保险缴费支出", "175.90", "175.90", "0"},
              {"221", "住房保障支出", "465.13", "465.13", "0"}});
  const PublishedTable* summary = doc.Find("income_expenditure_summary");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->sides, 2);
  const PublishedRow* income = nullptr;
  const PublishedRow* spending = nullptr;
  for (const PublishedRow& r : summary->rows) {
    if (r.name == "收入总计") income = &r;
    if (r.name == "支出总计") spending = &r;
  }
  ASSERT_NE(income, nullptr);
  ASSERT_NE(spending, nullptr);
  EXPECT_EQ(At(*summary, *income, "预算数"), Wan("3210.10"));
  EXPECT_EQ(At(*summary, *spending, "预算数"), Wan("3210.10"));
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
  EXPECT_EQ(ErrorsIn(doc, "general_expenditure"), 0);
}

// 重庆市人民政府办公厅 2026 (no producer recorded): 部门支出总体情况表 p.12–13.
TEST(CorpusTest, ChongqingGovernmentOffice2026) {
  READ_CORPUS(doc, "重庆市/政府办公厅_重庆市人民政府办公厅2026年部门预算情况说明.PDF.pdf");
  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.department, "重庆市人民政府办公厅");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, (std::vector<int>{12, 13}));
  ExpectRows(*t, MoneyUnit::kWan,
             {{"", "合计", "19230.18", "9018.47", "10211.71"},
              {"201", "一般公共服务支出", "15958.96", "6420.41", "9538.54"},
              {"2010302", "一般行政管理事务", "8220.69", "0", "8220.69"},
              {"2010350", "事业运行", "80.18", "77.70", "2.48"},
              {"221", "住房保障支出", "539.91", "539.91", "0"}});
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
}

// 重庆市商务委员会 2026: 部门收入总体情况表 p.9. The labels of 上级补助收入 | 附属单位上缴收入 |
// 事业单位经营收入 stand a few points apart ("上级补助 附属单位 事业单位" / "收入 上缴收入 经营
// 收入", read as run-together cells), and only 事业单位经营收入 prints amounts: its two blank
// neighbours are columns of their own, and the amounts stay in the columns they are printed in.
TEST(CorpusTest, ChongqingCommerce2026IncomeColumns) {
  READ_CORPUS(doc, "重庆市/商务局_1、_重庆市商务委员会2026年部门预算情况说明.pdf");
  const PublishedTable* t = doc.Find("income_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages.front(), 9);
  std::vector<std::string> names;
  for (const PublishedColumn& c : t->columns) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"总计", "一般公共预算拨款收入",
                                             "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
                                             "财政专户管理资金收入", "事业收入", "上级补助收入",
                                             "附属单位上缴收入", "事业单位经营收入", "其他收入"}));
  const PublishedRow* total = t->Total();
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(At(*t, *total, "总计"), Wan("174900.64"));
  EXPECT_EQ(At(*t, *total, "事业收入"), Wan("2461.25"));
  EXPECT_EQ(At(*t, *total, "上级补助收入"), Money());
  EXPECT_EQ(At(*t, *total, "附属单位上缴收入"), Money());
  EXPECT_EQ(At(*t, *total, "事业单位经营收入"), Wan("6282.98"));
  EXPECT_EQ(At(*t, *total, "其他收入"), Wan("717.01"));
  const PublishedRow* commerce = t->Row("2011350");
  ASSERT_NE(commerce, nullptr);
  EXPECT_EQ(At(*t, *commerce, "事业收入"), Wan("484.70"));
  EXPECT_EQ(At(*t, *commerce, "事业单位经营收入"), Wan("5727.32"));
  EXPECT_EQ(ErrorsIn(doc, "income_summary"), 0);
}

// 国家信访局 2024 决算 (WPS 文字): 支出决算表 p.9.
TEST(CorpusTest, NationalPublicComplaints2024FinalAccounts) {
  READ_CORPUS(doc, "中央/信访局_国家信访局2024年度部门决算公开.pdf");
  EXPECT_EQ(doc.kind, DocumentKind::kFinalAccounts);
  EXPECT_EQ(doc.year, 2024);
  EXPECT_EQ(doc.department, "国家信访局");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->title, "支出决算表");
  ExpectRows(*t, MoneyUnit::kWan,
             {{"", "合计", "14572.53", "11073.11", "3499.42"},
              {"201", "一般公共服务支出", "10685.56", "7366.16", "3319.39"},
              {"2014002", "一般行政管理事务", "4.70", "0", "4.70"},
              {"208", "社会保障和就业支出", "2228.57", "2228.57", "0"}});
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
}

// 上海市普陀区司法局 2026 (WPS 表格, amounts in 元, split 类|款|项 codes): p.12–13.
TEST(CorpusTest, ShanghaiPutuoJustice2026InYuan) {
  READ_CORPUS(doc, "上海市普陀区/dept_budget.pdf");
  EXPECT_EQ(doc.department, "上海市普陀区司法局");
  bool image_page = false;
  for (const PageStatus& p : doc.pages) image_page |= !p.readable;
  EXPECT_TRUE(image_page);  // page 3 is a scanned image
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, (std::vector<int>{12, 13}));
  ExpectRows(*t, MoneyUnit::kYuan,
             {{"", "合计", "96282213.44", "25741666.44", "70540547.00"},
              {"204", "公共安全支出", "87267272.44", "16726725.44", "70540547.00"},
              {"2040699", "其他司法支出", "38454900.00", "0", "38454900.00"},
              {"221", "住房保障支出", "4521559.00", "4521559.00", "0"}});
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
}

// 长沙职业教育基地综合协调办公室 2026 (iText): 款 printed as "03" under its 类, p.14.
TEST(CorpusTest, ChangshaVocationalEducation2026) {
  READ_CORPUS(doc, "湖南-长沙市/教育局_长沙职业教育基地综合协调办公室2026年部门预算公开.pdf");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  ExpectRows(*t, MoneyUnit::kWan,
             {{"", "合计", "656.73", "386.73", "270.00"},
              {"20503", "职业教育", "656.73", "386.73", "270.00"},
              {"2050399", "其他职业教育支出", "656.73", "386.73", "270.00"}});
}

// 深圳市公安局交通管理局 2026 (iText): 支出总表 over four pages with the title repeated, names
// wrapped around their rows (above and below the code and amounts), six more amount columns.
TEST(CorpusTest, ShenzhenTrafficPolice2026) {
  READ_CORPUS(doc, "广东-深圳市/公安局交通警察局_2026年部门预算.pdf");
  EXPECT_EQ(doc.department, "深圳市公安局交通管理局（本级）");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pages, (std::vector<int>{20, 21, 22, 23}));
  ASSERT_FALSE(t->rows.empty());
  const PublishedRow& unit = t->rows.front();  // the unit's own row, no code
  EXPECT_EQ(unit.name, "深圳市公安局交通管理局（本级）");
  EXPECT_EQ(At(*t, unit, "支出总计"), Wan("254403.68"));
  ExpectRows(*t, MoneyUnit::kWan,
             {{"204", "公共安全支出", "195910.48", "102255.38", "93655.10"},
              {"2080505", "机关事业单位基本养老保险缴费支出", "11185.11", "11185.11", "0"},
              {"224", "灾害防治及应急管理支出", "272.96", "0", "272.96"}});
  EXPECT_EQ(t->Row("224")->where.page, 23);
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
}

// 上海市审计局 2026 (WPS 表格, whole 元 with separators). Its 财务收支预算总表 (p.7) prints
// 支出总计 195,774,300 but leaves 收入总计 blank: a real defect, found.
TEST(CorpusTest, ShanghaiAuditBureau2026FindsTheBlankIncomeTotal) {
  READ_CORPUS(doc, "上海市/审计局_上海市审计局(本级)2026年度预算.pdf");
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  ExpectRows(*t, MoneyUnit::kYuan,
             {{"", "合计", "195774300", "175071300", "20703000"},
              {"201", "一般公共服务支出", "134339860", "114479860", "19860000"},
              {"2010802", "一般行政管理事务", "1583000", "0", "1583000"},
              {"21099", "其他卫生健康支出", "42000", "0", "42000"}});
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, FindingLevel::kError);
  EXPECT_EQ(findings[0].table_id, "income_expenditure_summary");
  EXPECT_EQ(findings[0].page, 7);
  EXPECT_EQ(findings[0].row, "支出总计");
  EXPECT_EQ(findings[0].printed, Yuan("195774300"));
  EXPECT_EQ(findings[0].computed, Money());
}

TEST(CorpusTest, RefusesMorePagesThanTheLimit) {
  std::string path = CorpusPath("江苏-无锡市/统计局_无锡市统计局2026年度部门预算公开.pdf");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file absent: " << path;
  ReaderOptions options = Options();
  options.limits.max_pages = 10;  // the file has 36
  try {
    ReadPublished(path, options);
    ADD_FAILURE() << "the page limit was not applied";
  } catch (const ReaderError& e) {
    EXPECT_NE(std::string(e.what()).find("超过上限 10 页"), std::string::npos) << e.what();
  }
}

// What a document is, whose and of which year, from its cover and tables — also for files a
// crawler misnamed (INDEX.tsv: "2026年部门预算" that are a 2022 决算 and a 2019 预算).
TEST(CorpusTest, ReadsKindDepartmentAndYear) {
  struct Expected {
    const char* file;
    DocumentKind kind;
    const char* department;
    int year;
  };
  const Expected cases[] = {
      {"陕西-西安市/卫生健康委员会_2026年部门预算.pdf", DocumentKind::kFinalAccounts,
       "西安市卫生健康委员会（汇总）", 2022},
      {"陕西-西安市/应急管理局_2026年部门预算.pdf", DocumentKind::kBudget,
       "西安市安全生产监督管理局", 2019},
      {"上海市普陀区/上海市普陀区财政局2024年度部门决算.pdf", DocumentKind::kFinalAccounts,
       "上海市普陀区财政局", 2024},
      {"江苏/2018年省检察院部门预算公开.pdf", DocumentKind::kBudget, "江苏省人民检察院", 2018},
      {"江苏/江苏省政协办公厅2018年度部门预算.pdf", DocumentKind::kBudget, "江苏省政协办公厅",
       2018},
  };
  for (const Expected& e : cases) {
    std::string path = CorpusPath(e.file);
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file absent: " << path;
    PublishedDocument doc = ReadPublished(path, Options());
    EXPECT_EQ(doc.kind, e.kind) << e.file;
    EXPECT_EQ(doc.department, e.department) << e.file;
    EXPECT_EQ(doc.year, e.year) << e.file;
  }
}

// 上海市普陀区财政局 2024 决算 (ONLYOFFICE): boxes as high as the row pitch, names printed in
// boxes a few points high below their codes and amounts. 支出决算表 p.10.
TEST(CorpusTest, ShanghaiPutuoFinance2024FinalAccounts) {
  READ_CORPUS(doc, "上海市普陀区/上海市普陀区财政局2024年度部门决算.pdf");
  EXPECT_EQ(doc.kind, DocumentKind::kFinalAccounts);
  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  ExpectRows(*t, MoneyUnit::kWan,
             {{"", "合计", "2940.05", "2336.91", "603.14"},
              {"201", "一般公共服务支出", "2106.66", "1503.52", "603.14"},
              {"2010601", "行政运行", "1511.89", "1503.52", "8.37"},
              {"2010607", "信息化建设", "135.25", "0", "135.25"},
              {"208", "社会保障和就业支出", "326.72", "326.72", "0"}});
  EXPECT_EQ(ErrorsIn(doc, "expenditure_summary"), 0);
}

// A scanned document: every page flagged, nothing invented.
TEST(CorpusTest, ScannedDocumentHasNoTables) {
  READ_CORPUS(doc,
              "北京市/政务服务和数据管理局_附件1：北京市政务服务和数据管理局2026年度部门预算情况"
              "说明.pdf");
  EXPECT_TRUE(doc.tables.empty());
  ASSERT_FALSE(doc.pages.empty());
  for (const PageStatus& p : doc.pages) {
    EXPECT_FALSE(p.readable);
    EXPECT_NE(p.why.find("没有文字层"), std::string::npos);
  }
}

}  // namespace
}  // namespace gongkai::reader
