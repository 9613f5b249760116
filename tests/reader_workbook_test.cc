// Published workbooks (.xlsx) read into the same PublishedDocument as PDFs and text: sheets as
// pages (reader/sheet_pages.h), the same title catalog and header → column mapping, numbers
// read exactly from the cells, findings located at their sheet and cell ("表1!C7"); templates
// reported as blank forms; hostile workbooks refused by the xlsx reader's limits; the two
// workbooks of ../shared/corpus (skipped when absent).
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "reader/reader.h"
#include "reader/sheet_pages.h"
#include "test_support.h"

namespace gongkai::reader {
namespace {

namespace fs = std::filesystem;
using gongkai::testing::DataDir;
using gongkai::testing::SourceDir;

ReaderOptions Options() {
  ReaderOptions o;
  o.data_dir = DataDir();
  return o;
}

Money Wan(const char* text) {
  std::string why;
  return *Money::Parse(text, MoneyUnit::kWan, &why);
}

Money Yuan(const char* text) {
  std::string why;
  return *Money::Parse(text, MoneyUnit::kYuan, &why);
}

std::string TempPath(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "gongkai-reader-workbook-test";
  fs::create_directories(dir);
  return (dir / name).string();
}

std::string ErrorOf(const std::string& path) {
  try {
    ReadPublished(path, Options());
  } catch (const ReaderError& e) {
    return e.what();
  }
  return "";
}

// The amount of `row` in the first column of its side whose name contains `column`.
const PublishedAmount& At(const PublishedTable& t, const PublishedRow& row, const char* column) {
  static const PublishedAmount kNone;
  std::optional<size_t> c = t.Column(column, row.side);
  EXPECT_TRUE(c.has_value()) << "no column " << column << " in " << t.title;
  return c ? row.amounts[*c] : kNone;
}

// A small workbook written with libxlsxwriter, as a bureau or a budget system would: cells
// addressed like Excel ("B3"), numbers in "#,##0.00", merged titles and headers.
class Book {
 public:
  explicit Book(const std::string& path) : path_(path), wb_(workbook_new(path.c_str())) {
    money_ = workbook_add_format(wb_);
    format_set_num_format(money_, "#,##0.00");
  }
  lxw_worksheet* Sheet(const char* name) { return workbook_add_worksheet(wb_, name); }
  void Text(lxw_worksheet* ws, const char* ref, const char* text) {
    worksheet_write_string(ws, lxw_name_to_row(ref), lxw_name_to_col(ref), text, nullptr);
  }
  void Number(lxw_worksheet* ws, const char* ref, double value) {
    worksheet_write_number(ws, lxw_name_to_row(ref), lxw_name_to_col(ref), value, money_);
  }
  void Merge(lxw_worksheet* ws, const char* range, const char* text) {
    worksheet_merge_range(ws, lxw_name_to_row(range), lxw_name_to_col(range),
                          lxw_name_to_row_2(range), lxw_name_to_col_2(range), text, nullptr);
  }
  std::string Close() {
    EXPECT_EQ(workbook_close(wb_), LXW_NO_ERROR);
    return path_;
  }

 private:
  std::string path_;
  lxw_workbook* wb_;
  lxw_format* money_;
};

// 支出总表 on a sheet of its own, with a title row, a two-level merged header and amounts as
// numbers and as text; 201's 合计 (C7) is 10.00 more than its 款.
void WriteExpenditure(Book* b, lxw_worksheet* ws, bool figures) {
  b->Text(ws, "A1", "表3");
  b->Merge(ws, "A2:F2", "2026年部门支出总表");
  b->Text(ws, "A3", "编制部门：测试局");
  b->Text(ws, "F3", "单位：万元");
  b->Merge(ws, "A4:A5", "科目编码");
  b->Merge(ws, "B4:B5", "科目名称");
  b->Merge(ws, "C4:C5", "合计");
  b->Merge(ws, "D4:E4", "基本支出");
  b->Text(ws, "D5", "人员经费");
  b->Text(ws, "E5", "公用经费");
  b->Merge(ws, "F4:F5", "项目支出");
  b->Merge(ws, "A6:B6", "合计");
  b->Text(ws, "A7", "201");
  b->Text(ws, "B7", "一般公共服务支出");
  b->Text(ws, "A8", "20101");
  b->Text(ws, "B8", "人大事务");
  b->Text(ws, "A9", "2010101");
  b->Text(ws, "B9", "行政运行");
  b->Text(ws, "A10", "208");
  b->Text(ws, "B10", "社会保障和就业支出");
  b->Text(ws, "A11", "20805");
  b->Text(ws, "B11", "行政事业单位养老支出");
  if (!figures) return;
  const char* rows[] = {"6", "7", "8", "9", "10", "11"};
  const double total[] = {130, 110, 100, 100, 20, 20};
  const double people[] = {80, 60, 60, 60, 20, 20};
  const double office[] = {20, 20, 20, 20, 0, 0};
  const double project[] = {20, 20, 20, 20, 0, 0};
  for (int i = 0; i < 6; ++i) {
    std::string r = rows[i];
    b->Number(ws, ("C" + r).c_str(), total[i]);
    b->Number(ws, ("D" + r).c_str(), people[i]);
    if (i < 4) b->Number(ws, ("E" + r).c_str(), office[i]);
    b->Number(ws, ("F" + r).c_str(), project[i]);
  }
  // Text cells as printed: a dash for nothing, an amount with a thousands separator.
  b->Text(ws, "E10", "-");
  b->Text(ws, "E11", "0.00");
}

TEST(SheetPagesTest, NumbersShowAsTheirStyleDisplaysThem) {
  EXPECT_EQ(NumberDisplay("9.869999999999999", 2), "9.87");
  EXPECT_EQ(NumberDisplay("100", 2), "100.00");
  EXPECT_EQ(NumberDisplay("205", -1), "205");
  EXPECT_EQ(NumberDisplay("1.5E-3", -1), "0.0015");
  EXPECT_EQ(NumberDisplay("-3.5", 2), "-3.50");
  EXPECT_EQ(NumberDisplay("1e300", 2), "1e300");  // out of range: as written (not an amount)
}

TEST(SheetPagesTest, PlacesNameSheetAndCell) {
  EXPECT_EQ(PlaceName({3, {}, "", 0, 0}), "第3页");
  EXPECT_EQ(PlaceName({1, {}, "表3", 12, 4}), "表3!D12");
  EXPECT_EQ(PlaceName({1, {}, "部门收支总表", 7, 28}), "部门收支总表!AB7");
  // Quoted as Excel quotes them: a leading digit, spaces, punctuation; quotes doubled.
  EXPECT_EQ(PlaceName({1, {}, "2026年部门预算 ", 3, 1}), "'2026年部门预算 '!A3");
  EXPECT_EQ(PlaceName({1, {}, "Tom's", 1, 1}), "'Tom''s'!A1");
}

TEST(WorkbookTest, ReadsTablesFromSheets) {
  Book b(TempPath("tables.xlsx"));
  lxw_worksheet* cover = b.Sheet("封面");
  b.Text(cover, "A3", "测试局2026年部门预算");
  WriteExpenditure(&b, b.Sheet("表3"), true);
  // 收支总表 on a sheet named after it, with no title row; in 元; the totals differ by 10 元.
  lxw_worksheet* summary = b.Sheet("部门收支总表");
  b.Text(summary, "D1", "单位：元");
  b.Merge(summary, "A2:B2", "收入");
  b.Merge(summary, "C2:D2", "支出");
  b.Text(summary, "A3", "项目");
  b.Text(summary, "B3", "预算数");
  b.Text(summary, "C3", "项目");
  b.Text(summary, "D3", "预算数");
  b.Text(summary, "A4", "一、财政拨款收入");
  b.Number(summary, "B4", 1300000);
  b.Text(summary, "C4", "一、一般公共服务支出");
  b.Number(summary, "D4", 1100000);
  b.Text(summary, "A5", "二、事业收入");
  b.Text(summary, "B5", "-");
  b.Text(summary, "C5", "二、社会保障和就业支出");
  b.Text(summary, "D5", "200,010.00");
  b.Text(summary, "A6", "收入总计");
  b.Number(summary, "B6", 1300000);
  b.Text(summary, "C6", "支出总计");
  b.Number(summary, "D6", 1300010);
  // A hidden sheet is no part of what was published: listed, not read.
  lxw_worksheet* hidden = b.Sheet("底稿");
  WriteExpenditure(&b, hidden, true);
  worksheet_hide(hidden);
  PublishedDocument doc = ReadPublished(b.Close(), Options());

  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  EXPECT_EQ(doc.department, "测试局");
  ASSERT_EQ(doc.tables.size(), 2u);
  ASSERT_EQ(doc.pages.size(), 4u);
  EXPECT_FALSE(doc.pages[3].readable);
  EXPECT_NE(doc.pages[3].why.find("隐藏的工作表「底稿」"), std::string::npos);
  EXPECT_FALSE(doc.IsBlankForm());

  const PublishedTable* t = doc.Find("expenditure_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->sheet, "表3");
  EXPECT_EQ(t->unit, MoneyUnit::kWan);
  ASSERT_EQ(t->columns.size(), 4u);
  EXPECT_EQ(t->columns[0].path, "合计");
  EXPECT_EQ(t->columns[1].path, "基本支出/人员经费");  // the merged cell is their parent
  EXPECT_EQ(t->columns[2].path, "基本支出/公用经费");
  EXPECT_EQ(t->columns[3].path, "项目支出");
  ASSERT_EQ(t->rows.size(), 6u);
  EXPECT_TRUE(t->rows[0].is_total);
  const PublishedRow* r = t->Row("2010101");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name, "行政运行");
  EXPECT_EQ(At(*t, *r, "人员经费").value, Wan("60"));
  EXPECT_EQ(At(*t, *r, "人员经费").text, "60.00");
  EXPECT_EQ(PlaceName(At(*t, *r, "人员经费").where), "表3!D9");
  EXPECT_EQ(PlaceName(r->where), "表3!A9");
  const PublishedRow* social = t->Row("208");
  ASSERT_NE(social, nullptr);
  EXPECT_TRUE(At(*t, *social, "公用经费").blank);  // "-"
  EXPECT_EQ(PlaceName(At(*t, *social, "公用经费").where), "表3!E10");
  EXPECT_FALSE(At(*t, t->rows.back(), "公用经费").blank);  // "0.00" is printed

  const PublishedTable* s = doc.Find("income_expenditure_summary");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->sheet, "部门收支总表");
  EXPECT_EQ(s->unit, MoneyUnit::kYuan);
  EXPECT_EQ(s->sides, 2);
  const PublishedRow* spending = s->Total(1);
  ASSERT_NE(spending, nullptr);
  EXPECT_EQ(spending->name, "支出总计");
  EXPECT_EQ(At(*s, *spending, "预算数").value, Yuan("1300010"));

  // Two findings, each at its cell: 201 ≠ Σ 款 (110 against 100), 收入总计 ≠ 支出总计.
  std::vector<ReaderFinding> findings = CheckPublished(doc, gongkai::testing::ThreePublic());
  std::map<std::string, const ReaderFinding*> errors;
  for (const auto& f : findings) {
    if (f.level == FindingLevel::kError) errors[f.cell] = &f;
  }
  ASSERT_TRUE(errors.count("表3!C7")) << findings.size();
  EXPECT_EQ(errors["表3!C7"]->row, "201 一般公共服务支出");
  EXPECT_EQ(FindingPlace(*errors["表3!C7"]), "表3!C7");
  EXPECT_NE(errors["表3!C7"]->message.find("表3!C7"), std::string::npos)
      << errors["表3!C7"]->message;
  EXPECT_EQ(errors["表3!C7"]->message.find("第2页"), std::string::npos);
  ASSERT_TRUE(errors.count("部门收支总表!D6"));
  EXPECT_EQ(errors["部门收支总表!D6"]->printed, Yuan("1300010"));
  for (const auto& f : findings) {
    EXPECT_TRUE(f.cell == "表3!C7" || f.cell == "部门收支总表!D6") << f.message;
  }
}

// Several tables on one sheet, one below the other: each ends at the next title, and the
// last at the end of its sheet.
TEST(WorkbookTest, ReadsSeveralTablesOfOneSheet) {
  Book b(TempPath("several.xlsx"));
  lxw_worksheet* ws = b.Sheet("预算表");
  WriteExpenditure(&b, ws, true);
  b.Text(ws, "A14", "2026年一般公共预算“三公”经费支出表");
  b.Text(ws, "F15", "单位：万元");
  b.Text(ws, "A16", "合计");
  b.Text(ws, "B16", "因公出国（境）费");
  b.Text(ws, "C16", "公务接待费");
  b.Number(ws, "A17", 3);
  b.Number(ws, "B17", 1);
  b.Number(ws, "C17", 2);
  lxw_worksheet* next = b.Sheet("说明");
  b.Text(next, "A1", "2026年“三公”经费预算数为3.00万元。");
  PublishedDocument doc = ReadPublished(b.Close(), Options());
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].id, "expenditure_summary");
  EXPECT_EQ(doc.tables[0].rows.size(), 6u);  // ends before the next title
  EXPECT_EQ(doc.tables[1].id, "three_public");
  EXPECT_EQ(doc.tables[1].sheet, "预算表");
  ASSERT_EQ(doc.tables[1].rows.size(), 1u);
  EXPECT_EQ(doc.tables[1].rows[0].amounts.size(), 3u);
  EXPECT_EQ(PlaceName(doc.tables[1].rows[0].amounts[2].where), "预算表!C17");
}

// A budget system's export may write codes as numbers (General style, "2010101") beside
// amounts in "#,##0.00": the codes are read as codes, the amounts as amounts.
TEST(WorkbookTest, ReadsCodesWrittenAsNumbers) {
  Book b(TempPath("codes.xlsx"));
  lxw_worksheet* ws = b.Sheet("表5");
  b.Text(ws, "A1", "一般公共预算支出表");
  b.Text(ws, "C2", "单位：万元");
  b.Text(ws, "A3", "科目编码");
  b.Text(ws, "B3", "科目名称");
  b.Text(ws, "C3", "合计");
  const double codes[] = {201, 20101, 2010101};
  const char* names[] = {"一般公共服务支出", "人大事务", "行政运行"};
  for (int i = 0; i < 3; ++i) {
    worksheet_write_number(ws, static_cast<lxw_row_t>(3 + i), 0, codes[i], nullptr);
    worksheet_write_string(ws, static_cast<lxw_row_t>(3 + i), 1, names[i], nullptr);
    b.Number(ws, ("C" + std::to_string(4 + i)).c_str(), 12.5);
  }
  PublishedDocument doc = ReadPublished(b.Close(), Options());
  const PublishedTable* t = doc.Find("general_expenditure");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 3u);
  ASSERT_NE(t->Row("2010101"), nullptr);
  EXPECT_EQ(t->Row("2010101")->name, "行政运行");
  EXPECT_EQ(At(*t, *t->Row("20101"), "合计").value, Wan("12.5"));
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
}

// A template: the tables with their titles, headers and rows of codes, and no figure in them.
// It is reported as a blank form, and nothing in it is an error.
TEST(WorkbookTest, BlankFormHasNoFindings) {
  Book b(TempPath("blank.xlsx"));
  WriteExpenditure(&b, b.Sheet("表3"), false);
  PublishedDocument doc = ReadPublished(b.Close(), Options());
  ASSERT_EQ(doc.tables.size(), 1u);
  // The coded rows; the 合计 row above them, with no figure, is not told from the header.
  EXPECT_EQ(doc.tables[0].rows.size(), 5u);
  EXPECT_FALSE(doc.tables[0].HasFigures());
  EXPECT_TRUE(doc.IsBlankForm());
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
}

// The hostile workbooks of tests/bad_inputs (EXPECTED.tsv) are refused by audit as by check,
// with the xlsx reader's message naming the file; so are workbooks beyond its cell limit and an
// old .xls; and a workbook that is within the limits but shaped to cost (16,384 columns, a
// hundred thousand merged ranges) is read in bounded time.
TEST(WorkbookTest, HostileWorkbooksAreRefusedOrBounded) {
  std::ifstream in(SourceDir() + "/tests/bad_inputs/EXPECTED.tsv");
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || line.compare(tab - 5, 5, ".xlsx") != 0) continue;
    const std::string path = SourceDir() + "/tests/bad_inputs/" + line.substr(0, tab);
    const std::string message = ErrorOf(path);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(line.substr(tab + 1)), std::string::npos) << path << ": " << message;
    ++cases;
  }
  EXPECT_GE(cases, 6);

  // Hand-made parts: one sheet whose XML is `sheet_data` (and `extra` after it).
  auto make = [](const std::string& name, const std::string& sheet_data, const std::string& extra) {
    const std::string path = TempPath(name);
    fs::remove(path);
    const std::string ns = "http://schemas.openxmlformats.org/";
    const std::map<std::string, std::string> parts = {
        {"xl/workbook.xml", "<workbook xmlns:r=\"" + ns +
                                "officeDocument/2006/relationships\"><sheets><sheet name=\"表1\" "
                                "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml",
         "<worksheet><sheetData>" + sheet_data + "</sheetData>" + extra + "</worksheet>"}};
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    for (const auto& [part, text] : parts) {
      zip_file_add(z, part.c_str(), zip_source_buffer(z, text.data(), text.size(), 0),
                   ZIP_FL_ENC_UTF_8);
    }
    zip_close(z);
    return path;
  };
  std::string cells;
  for (int r = 1; r <= 5001; ++r) {
    cells += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 1; c <= 100; ++c) cells += "<c><v>1</v></c>";
    cells += "</row>";
  }
  const std::string many = make("many-cells.xlsx", cells, "");
  EXPECT_NE(ErrorOf(many).find(many + ": 单元格过多（超过上限）"), std::string::npos)
      << ErrorOf(many);

  const std::string xls = TempPath("old.xls");
  testing::WriteFile(xls, std::string("\xD0\xCF\x11\xE0", 4) + std::string(508, '\0'));
  EXPECT_NE(ErrorOf(xls).find("旧版 Excel（.xls）"), std::string::npos) << ErrorOf(xls);

  // Within the limits, shaped to cost: a title, a unit and a header of 16,384 columns over a
  // row of as many amounts, 2,000 coded rows, and 100,000 merged ranges.
  std::string wide =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>支出总表</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>单位：万元</t></is></c></row><row r=\"3\">";
  for (int c = 3; c <= 16384; ++c) wide += "<c t=\"inlineStr\"><is><t>合计</t></is></c>";
  wide += "</row><row r=\"4\"><c t=\"inlineStr\"><is><t>201</t></is></c>";
  for (int c = 2; c <= 16384; ++c) wide += "<c><v>1.5</v></c>";
  wide += "</row>";
  for (int r = 5; r < 2005; ++r) {
    wide += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>20101" +
            std::to_string(10 + r % 90) + "</t></is></c><c><v>1.5</v></c></row>";
  }
  std::string merges = "<mergeCells>";
  for (int r = 1; r <= 100000; ++r) {
    merges += "<mergeCell ref=\"B" + std::to_string(r + 2004) + ":XFD" + std::to_string(r + 2004) +
              "\"/>";
  }
  merges += "<mergeCell ref=\"A1:XFD1048576\"/></mergeCells>";
  const std::string costly = make("costly.xlsx", wide, merges);
  auto start = std::chrono::steady_clock::now();
  PublishedDocument doc = ReadPublished(costly, Options());
  CheckPublished(doc, gongkai::testing::ThreePublic());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

// --- The corpus (../shared/corpus) --------------------------------------------------------------

std::string CorpusPath(const std::string& relative) {
  return SourceDir() + "/../shared/corpus/" + relative;
}

// The Shanghai district template (上海市, 17 sheets: 封面 … 部门收支总表 … “三公”经费表): the nine
// tables are recognised by their titles, with their units (元; the 三公 table 万元), and it is a
// blank form: no figure, no finding.
TEST(WorkbookCorpusTest, ShanghaiTemplateIsABlankForm) {
  const std::string path = CorpusPath("上海市/department_budget_template.xlsx");
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file absent (../shared/corpus): " << path;
  PublishedDocument doc = ReadPublished(path, Options());
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.pages.size(), 17u);
  const char* ids[] = {"income_expenditure_summary",
                       "income_summary",
                       "expenditure_summary",
                       "fiscal_summary",
                       "general_expenditure",
                       "gov_fund_expenditure",
                       "soe_expenditure",
                       "general_basic_expenditure",
                       "three_public"};
  ASSERT_EQ(doc.tables.size(), 9u);
  for (size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(doc.tables[i].id, ids[i]) << i;
    EXPECT_EQ(doc.tables[i].unit, i == 8 ? MoneyUnit::kWan : MoneyUnit::kYuan) << ids[i];
    EXPECT_FALSE(doc.tables[i].HasFigures()) << ids[i];
  }
  EXPECT_EQ(doc.tables[0].sheet, "部门收支总表");
  // The example rows of codes are read: 205 | 02 | 05 高等教育 as one code.
  const PublishedTable* income = doc.Find("income_summary");
  ASSERT_NE(income, nullptr);
  const PublishedRow* higher = income->Row("2050205");
  ASSERT_NE(higher, nullptr);
  EXPECT_EQ(higher->name, "高等教育");
  EXPECT_EQ(PlaceName(higher->where), "部门收入总表!A11");
  EXPECT_TRUE(doc.IsBlankForm());
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
}

// 上海市普陀区/dept_budget.xlsx is catalogued as the workbook of dept_budget.pdf, but it is not
// one: its one sheet is the district's 公开情况检查表 (a reviewer's checklist of that PDF —
// 符合要求 是/否, the problems found, screenshots), which names the nine tables without printing
// them. The reader finds the department and year on it, no table (its 《…》 titles are a list, not
// tables), and nothing to report; the PDF beside it has the tables.
TEST(WorkbookCorpusTest, PutuoChecklistHasNoTables) {
  const std::string path = CorpusPath("上海市普陀区/dept_budget.xlsx");
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file absent (../shared/corpus): " << path;
  PublishedDocument doc = ReadPublished(path, Options());
  EXPECT_EQ(doc.department, "上海市普陀区司法局");
  EXPECT_EQ(doc.year, 2026);
  EXPECT_EQ(doc.kind, DocumentKind::kBudget);
  EXPECT_TRUE(doc.tables.empty());
  EXPECT_FALSE(doc.IsBlankForm());
  EXPECT_TRUE(CheckPublished(doc, gongkai::testing::ThreePublic()).empty());
  PublishedDocument pdf = ReadPublished(CorpusPath("上海市普陀区/dept_budget.pdf"), Options());
  EXPECT_EQ(pdf.department, doc.department);
  EXPECT_EQ(pdf.year, doc.year);
  EXPECT_GE(pdf.tables.size(), 8u);
}

}  // namespace
}  // namespace gongkai::reader
