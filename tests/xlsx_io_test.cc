// The Excel workbook: the reader (xlsx_reader.h), the template and workbook ↔ model
// (workbook_source.h). Round trips of every example, the rendered disclosure read back cell by
// cell, and malformed workbooks rejected with `file: sheet!cell: message`.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "disclosure/disclosure.h"
#include "render/xlsx_renderer.h"
#include "review/checker.h"
#include "source/source_writer.h"
#include "source/workbook_source.h"
#include "test_support.h"
#include "xlsx/xlsx_reader.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "gongkai-xlsx-test";
  fs::create_directories(dir);
  return (dir / name).string();
}

// A zip holding the given parts (name → content), for hand-made malformed workbooks.
std::string MakeZip(const std::string& name, const std::map<std::string, std::string>& parts) {
  std::string path = TempPath(name);
  fs::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [part, text] : parts) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    zip_file_add(z, part.c_str(), src, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);  // copies the buffers, which live until here
  return path;
}

// A minimal workbook with one sheet whose XML is `sheet`, plus shared strings.
std::string MiniWorkbook(const std::string& name, const std::string& sheet_data,
                         const std::string& shared = "<si><t>甲</t></si>",
                         const std::string& extra = "") {
  const std::string ns = "http://schemas.openxmlformats.org/";
  return MakeZip(
      name, {{"[Content_Types].xml", "<Types/>"},
             {"xl/workbook.xml",
              "<workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
                  "officeDocument/2006/relationships\"><sheets><sheet name=\"表1\" sheetId=\"1\" "
                  "r:id=\"rId1\"/></sheets></workbook>"},
             {"xl/_rels/workbook.xml.rels",
              "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
              "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
              "Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
              "Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>"},
             {"xl/sharedStrings.xml", "<sst>" + shared + "</sst>"},
             {"xl/styles.xml",
              "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd\"/>"
              "<numFmt numFmtId=\"165\" formatCode=\"#,##0.000_);[Red]\\(#,##0.000\\)\"/>"
              "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
              "<xf numFmtId=\"4\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>"},
             {"xl/worksheets/sheet1.xml",
              "<worksheet><sheetData>" + sheet_data + "</sheetData>" + extra + "</worksheet>"}});
}

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const SourceError& e) {
    return e.what();
  } catch (const XlsxError& e) {
    return e.what();
  }
  return "";
}

// --- the reader ---

TEST(XlsxReader, CellKinds) {
  std::string path = MiniWorkbook(
      "kinds.xlsx",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\"><v>9.869999999999999</v></c>"
      "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" s=\"1\"><v>45291</v></c>"
      "<c r=\"E1\" s=\"2\"><v>1</v></c><c r=\"F1\" t=\"inlineStr\"><is><t>内联</t></is></c>"
      "<c r=\"G1\"><f>SUM(B1:B1)</f><v>3</v></c><c r=\"H1\" t=\"str\"><f>A1</f><v>式</v></c>"
      "<c r=\"I1\" s=\"3\"><v>100</v></c><c r=\"J1\" s=\"4\"><v>1.5</v></c></row>",
      "<si><t>甲</t></si><si><r><t>富</t></r><rPh><t>fu</t></rPh><r><t>文本</t></r></si>",
      "<mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells>");
  Workbook wb = ReadWorkbook(path);
  ASSERT_EQ(wb.sheets.size(), 1u);
  const XlsxSheet& s = wb.sheets[0];
  EXPECT_EQ(s.Text(1, 1), "富文本");
  EXPECT_EQ(s.At("B1")->text, "9.869999999999999");
  EXPECT_EQ(s.At("B1")->type, CellType::kNumber);
  EXPECT_EQ(s.At("C1")->text, "TRUE");
  EXPECT_EQ(s.At("D1")->text, "2023-12-31");
  EXPECT_EQ(s.At("E1")->text, "1900-01-01");
  EXPECT_EQ(s.At("F1")->text, "内联");
  EXPECT_EQ(s.At("G1")->text, "3");
  EXPECT_TRUE(s.At("G1")->formula);
  EXPECT_EQ(s.At("H1")->text, "式");
  // The decimals a number's style displays: General, "#,##0.00", a custom "#,##0.000_);…".
  EXPECT_EQ(s.At("B1")->decimals, -1);
  EXPECT_EQ(s.At("I1")->decimals, 2);
  EXPECT_EQ(s.At("I1")->text, "100");  // the value as written, whatever the style shows
  EXPECT_EQ(s.At("J1")->decimals, 3);
  ASSERT_EQ(s.merged.size(), 1u);
  EXPECT_EQ(s.Text(2, 2, true), "富文本");
}

TEST(XlsxReader, CellMoneyRoundsToFen) {
  EXPECT_EQ(CellMoney("9.869999999999999", MoneyUnit::kWan)->ExactWan(), "9.87");
  EXPECT_EQ(CellMoney("1597.6600000000001", MoneyUnit::kWan)->ExactWan(), "1597.66");
  EXPECT_EQ(CellMoney("0.0000005", MoneyUnit::kWan)->fen(), 1);  // half up
  EXPECT_EQ(CellMoney("1.5E-3", MoneyUnit::kWan)->ExactWan(), "0.0015");
  EXPECT_EQ(CellMoney("30000.5", MoneyUnit::kYuan)->fen(), 3000050);
  EXPECT_FALSE(CellMoney("12a", MoneyUnit::kWan));
  EXPECT_FALSE(CellMoney("1e30", MoneyUnit::kWan));
}

TEST(XlsxReader, RejectsMalformed) {
  std::string not_zip = TempPath("not-a-zip.xlsx");
  {
    std::ofstream out(not_zip);
    out << "gongkai: 1\n";
  }
  EXPECT_EQ(ErrorOf([&] { ReadWorkbook(not_zip); }),
            not_zip + ": 不是 xlsx 工作簿（不是有效的 zip 文件）");
  std::string empty = MakeZip("no-workbook.xlsx", {{"a.txt", "x"}});
  EXPECT_EQ(ErrorOf([&] { ReadWorkbook(empty); }),
            empty + ": 不是 xlsx 工作簿（缺少 xl/workbook.xml）");
  std::string sst = MiniWorkbook("sst.xlsx", "<row r=\"1\"><c r=\"C4\" t=\"s\"><v>7</v></c></row>");
  EXPECT_EQ(ErrorOf([&] { ReadWorkbook(sst); }),
            sst + ": 表1!C4: 共享字符串编号「7」超出范围（共 1 个）");
  std::string merge = MiniWorkbook("merge.xlsx", "", "<si><t>甲</t></si>",
                                   "<mergeCells><mergeCell ref=\"A1:ZZZZ9\"/></mergeCells>");
  EXPECT_EQ(ErrorOf([&] { ReadWorkbook(merge); }),
            merge + ": 表1!A1:ZZZZ9: 合并单元格区域「A1:ZZZZ9」无效");
  std::string ref = MiniWorkbook("ref.xlsx", "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>");
  EXPECT_EQ(ErrorOf([&] { ReadWorkbook(ref); }), ref + ": 表1!1A: 单元格引用无效");
  std::string xml = MiniWorkbook("xml.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
  EXPECT_NE(ErrorOf([&] { ReadWorkbook(xml); }).find("不是有效的 XML"), std::string::npos);
  std::string bytes =
      MiniWorkbook("bytes.xlsx", "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>",
                   "<si><t>\xb2\xe2</t></si>");
  EXPECT_NE(ErrorOf([&] {
              ReadWorkbook(bytes);
            }).find(bytes + ": 表1!B2: 不是有效的 UTF-8 文本（字节 0xB2）：工作簿可能已损坏"),
            std::string::npos);
  // Through the source reader the same errors are SourceErrors.
  EXPECT_EQ(ErrorOf([&] { ReadWorkbookSource(sst, testing::Catalogs()); }),
            sst + ": 表1!C4: 共享字符串编号「7」超出范围（共 1 个）");
}

// --- workbook ↔ model ---

class WorkbookRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkbookRoundTrip, YamlXlsxYamlIsIdentical) {
  Department original = LoadSource(testing::ExamplePath(GetParam()), testing::Catalogs());
  std::string path = TempPath(GetParam() + ".xlsx");
  std::string error;
  ASSERT_TRUE(WriteWorkbookSource(original, path, &error, testing::DataDir())) << error;
  Department back = ReadWorkbookSource(path, testing::Catalogs());
  EXPECT_EQ(WriteSourceYaml(back), WriteSourceYaml(original));
}

INSTANTIATE_TEST_SUITE_P(
    Examples, WorkbookRoundTrip,
    ::testing::Values("xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml",
                      "bazhou-finance-2022.yaml", "funing-finance-2021.yaml", "minimal.yaml",
                      "institution-transfers-2023.yaml", "sample-science-bureau-2024-budget.yaml",
                      "sample-science-bureau-2024-final.yaml", "putuo-finance-2024-final.yaml",
                      "sample-central-bureau-2024-final.yaml",
                      "sample-xian-bureau-2022-final.yaml"),
    testing::ExampleName());

// Checking a workbook reports the same findings as its YAML, located at cells.
TEST(WorkbookSource, CheckFindingsPointAtCells) {
  Department yaml =
      LoadSource(testing::ExamplePath("xinzhou-gov-office-2023.yaml"), testing::Catalogs());
  std::string path = TempPath("check.xlsx");
  std::string error;
  ASSERT_TRUE(WriteWorkbookSource(yaml, path, &error, testing::DataDir())) << error;
  Department book = ReadWorkbookSource(path, testing::Catalogs());
  auto check = [](const Department& d) {
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"));
  };
  auto from_yaml = check(yaml), from_book = check(book);
  ASSERT_EQ(from_book.size(), from_yaml.size());
  int located = 0;
  for (size_t i = 0; i < from_book.size(); ++i) {
    EXPECT_EQ(from_book[i].message, from_yaml[i].message);
    if (from_yaml[i].where.line > 0) {
      EXPECT_FALSE(from_book[i].where.cell.empty()) << from_book[i].message;
      EXPECT_NE(from_book[i].where.ToString().find(path + ": "), std::string::npos);
      ++located;
    }
  }
  EXPECT_GT(located, 10);
}

TEST(WorkbookTemplate, IsReadableAndEmpty) {
  std::string path = TempPath("template.xlsx");
  std::string error;
  ASSERT_TRUE(WriteWorkbookTemplate(DocumentKind::kBudget, 2024, path, &error, testing::DataDir()))
      << error;
  Workbook wb = ReadWorkbook(path);
  for (const char* name : {"说明", "基本信息", "收入", "支出明细", "项目", "项目支出", "上年对比",
                           "三公", "采购", "购买服务", "资产", "绩效项目", "绩效指标", "公开内容",
                           "公开数（表格）", "公开数（文字）", "其他数据"}) {
    EXPECT_TRUE(wb.Find(name)) << name;
  }
  ASSERT_TRUE(wb.Find("代码表"));
  EXPECT_TRUE(wb.Find("代码表")->hidden);
  EXPECT_EQ(wb.Find("代码表")->Text(2, 1), "2010101 行政运行");
  // Empty: only the year is filled, so the department's name and units are missing.
  std::string message = ErrorOf([&] { ReadWorkbookSource(path, testing::Catalogs()); });
  EXPECT_NE(message.find("基本信息!B"), std::string::npos) << message;
  EXPECT_NE(message.find("缺少必填项「name」"), std::string::npos) << message;
}

// The 决算 template: the budget's sheets and the 决算's own, the kind filled in and the
// “三公” figures, counts and balances laid out with zeros to overwrite, all of which read back
// without a complaint of their own; 其他数据 is left empty.
TEST(WorkbookTemplate, FinalAccountsTemplate) {
  std::string path = TempPath("final-template.xlsx");
  std::string error;
  ASSERT_TRUE(
      WriteWorkbookTemplate(DocumentKind::kFinalAccounts, 2024, path, &error, testing::DataDir()))
      << error;
  Workbook wb = ReadWorkbook(path);
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "说明",     "代码表",         "基本信息",       "决算信息", "收入决算",
                       "结转结余", "分项预算",       "三公决算",       "收入",     "支出明细",
                       "项目",     "项目支出",       "上缴与补助",     "上年对比", "三公",
                       "采购",     "购买服务",       "资产",           "绩效项目", "绩效指标",
                       "公开内容", "公开数（表格）", "公开数（文字）", "其他数据"}));
  const XlsxSheet* info = wb.Find("决算信息");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->Text(2, 1), "文件类型");
  EXPECT_EQ(info->Text(2, 2), "决算");
  const XlsxSheet* three = wb.Find("三公决算");
  ASSERT_TRUE(three);
  EXPECT_EQ(three->Text(1, 2), "预算数（万元）");
  EXPECT_EQ(three->Text(1, 3), "决算数（万元）");
  EXPECT_EQ(three->Text(5, 1), "公务接待费");
  EXPECT_EQ(three->Text(5, 3), "0");
  const XlsxSheet* items = wb.Find("分项预算");
  ASSERT_TRUE(items);
  EXPECT_EQ(items->Text(1, 3), "调整预算（万元）");
  EXPECT_EQ(wb.Find("结转结余")->Text(2, 1), "general 一般公共预算拨款收入");
  EXPECT_EQ(wb.Find("其他数据")->max_row, 1);
  EXPECT_NE(wb.Find("说明")->Text(1, 1).find("部门决算录入工作簿"), std::string::npos);
  // A budget's template has none of the 决算's sheets.
  std::string budget = TempPath("budget-template.xlsx");
  ASSERT_TRUE(
      WriteWorkbookTemplate(DocumentKind::kBudget, 2024, budget, &error, testing::DataDir()))
      << error;
  EXPECT_FALSE(ReadWorkbook(budget).Find("决算信息"));
  // Labels in the 决算's words (决算年度, not 预算年度); a budget's stay as they were, and a
  // 决算 workbook with the budget's label is still read
  // (FinalWorkbook.MistakesAreToldAtTheirCells).
  auto labels = [](const XlsxSheet* sheet) {
    std::set<std::string> out;
    for (int row = 1; sheet && row <= sheet->max_row; ++row) out.insert(sheet->Text(row, 1));
    return out;
  };
  EXPECT_TRUE(labels(wb.Find("基本信息")).count("决算年度"));
  EXPECT_TRUE(labels(wb.Find("基本信息")).count("决算单位构成"));
  EXPECT_FALSE(labels(wb.Find("基本信息")).count("预算年度"));
  EXPECT_TRUE(labels(wb.Find("上年对比")).count("收入支出总计"));
  Workbook budget_book = ReadWorkbook(budget);
  EXPECT_TRUE(labels(budget_book.Find("基本信息")).count("预算年度"));
  EXPECT_TRUE(labels(budget_book.Find("上年对比")).count("部门收支总预算"));
  std::string message = ErrorOf([&] { ReadWorkbookSource(path, testing::Catalogs()); });
  EXPECT_NE(message.find("缺少必填项「name」"), std::string::npos) << message;
  EXPECT_EQ(message.find("final_accounts"), std::string::npos) << message;
  EXPECT_EQ(message.find("kind"), std::string::npos) << message;
}

// A workbook with only 基本信息 filled (as an officer would start) loads.
TEST(WorkbookTemplate, OnlyBasicInformationLoads) {
  std::string path = TempPath("basic-only.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "基本信息");
  const char* rows[][4] = {{"项目", "内容", "", ""},
                           {"部门名称", "测试局", "", ""},
                           {"预算年度", "", "", ""},
                           {"预算单位", "机关", "测试局机关", "行政单位"}};
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) {
      if (rows[r][c][0])
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c],
                               nullptr);
    }
  }
  worksheet_write_number(ws, 2, 1, 2024, nullptr);
  workbook_close(wb);
  Department d = ReadWorkbookSource(path, testing::Catalogs());
  EXPECT_EQ(d.name, "测试局");
  EXPECT_EQ(d.year, 2024);
  ASSERT_EQ(d.units.size(), 1u);
  EXPECT_EQ(d.units[0].name, "测试局机关");
  EXPECT_TRUE(d.lines.empty());
}

// Writes sheets of text cells (row 1 = header) with libxlsxwriter, as an officer's file would be.
std::string WriteSheets(
    const std::string& name,
    const std::vector<std::pair<const char*, std::vector<std::vector<std::string>>>>& sheets) {
  std::string path = TempPath(name);
  lxw_workbook* wb = workbook_new(path.c_str());
  for (const auto& [sheet, rows] : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < rows[r].size(); ++c) {
        if (!rows[r][c].empty())
          worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                 rows[r][c].c_str(), nullptr);
      }
    }
  }
  workbook_close(wb);
  return path;
}

// Errors in a filled workbook point at the cell: "12a" in an amount, an unknown 功能科目.
TEST(WorkbookSource, ErrorsAreLocatedAtCells) {
  std::string path = WriteSheets(
      "errors.xlsx",
      {{"基本信息",
        {{"项目", "内容"},
         {"部门名称", "测试局"},
         {"预算年度", "2023"},
         {"预算单位", "机关", "测试局机关", "行政单位"}}},
       {"支出明细",
        {{"单位", "功能科目", "经济科目", "人员/公用", "资金来源", "上年结转", "金额（万元）"},
         {"", "2010301 行政运行", "30101 基本工资", "", "", "", "10"},
         {"", "9999999 不存在", "30101", "", "", "", "10"},
         {"", "2010301", "30201", "", "general 一般公共预算拨款收入", "", "5"},
         {"", "2010301", "30201", "", "", "否", "12a"}}}});
  std::string message = ErrorOf([&] { ReadWorkbookSource(path, testing::Catalogs()); });
  EXPECT_NE(message.find(path + ": 支出明细!B3: "), std::string::npos) << message;
  EXPECT_NE(message.find("9999999"), std::string::npos) << message;
  EXPECT_NE(message.find(path + ": 支出明细!G5: "), std::string::npos) << message;
  // The cell is a field of each diagnostic, not text to be parsed back; no YAML line is left.
  try {
    ReadWorkbookSource(path, testing::Catalogs());
    ADD_FAILURE() << "expected errors";
  } catch (const SourceError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    std::vector<std::string> cells;
    for (const Diagnostic& d : e.diagnostics()) {
      EXPECT_EQ(d.where.file, path);
      EXPECT_EQ(d.where.line, 0);
      EXPECT_EQ(d.where.column, 0);
      EXPECT_EQ(d.code, "source");
      EXPECT_EQ(d.where.ToString() + ": " + d.message, d.ToString());
      cells.push_back(d.where.cell);
    }
    EXPECT_NE(std::find(cells.begin(), cells.end(), "支出明细!B3"), cells.end());
    EXPECT_NE(std::find(cells.begin(), cells.end(), "支出明细!G5"), cells.end());
    EXPECT_EQ(e.messages().size(), e.diagnostics().size());
    EXPECT_FALSE(e.unreadable());
  }
  // Without the two mistakes the same workbook loads.
  std::string good = WriteSheets(
      "good.xlsx",
      {{"基本信息",
        {{"项目", "内容"},
         {"部门名称", "测试局"},
         {"预算年度", "2023"},
         {"预算单位", "机关", "测试局机关", "行政单位"}}},
       {"支出明细",
        {{"单位", "功能科目", "经济科目", "人员/公用", "资金来源", "上年结转", "金额（万元）"},
         {"", "2010301 行政运行", "30101 基本工资", "", "", "", "10.5"}}}});
  Department d = ReadWorkbookSource(good, testing::Catalogs());
  ASSERT_EQ(d.lines.size(), 1u);
  EXPECT_EQ(d.lines[0].amount, Money::FromFen(10'500'000));
  EXPECT_EQ(d.lines[0].function, "2010301");
}

// An error the loader locates at a line only (a 项目申报表 naming a project that is not
// there) is moved to its cell like every other.
TEST(WorkbookSource, LineOnlyErrorsAreLocatedAtCells) {
  Department d =
      LoadSource(testing::ExamplePath("dongxihu-finance-2023.yaml"), testing::Catalogs());
  ASSERT_FALSE(d.performance.projects.empty());
  d.performance.projects[0].project_id = "不存在的项目";
  std::string path = TempPath("line-only.xlsx");
  std::string error;
  ASSERT_TRUE(WriteWorkbookSource(d, path, &error, testing::DataDir())) << error;
  try {
    ReadWorkbookSource(path, testing::Catalogs());
    ADD_FAILURE() << "expected an error";
  } catch (const SourceError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& diag = e.diagnostics()[0];
    EXPECT_EQ(diag.where.line, 0) << e.what();
    EXPECT_TRUE(diag.where.cell.starts_with("绩效项目!")) << e.what();
    EXPECT_NE(diag.message.find("项目「不存在的项目」未在 projects 中定义"), std::string::npos)
        << e.what();
  }
}

// The rendered disclosure (--format xlsx) read back: every amount cell exactly.
TEST(WorkbookSource, RenderedXlsxAmountsReadBackExactly) {
  Department d =
      LoadSource(testing::ExamplePath("xinzhou-gov-office-2023.yaml"), testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  std::string path = TempPath("rendered.xlsx");
  std::string error;
  ASSERT_TRUE(WriteXlsx(doc, path, OfficeOptions{}, &error)) << error;
  Workbook wb = ReadWorkbook(path);
  std::vector<std::string> names = TableSheetNames(doc);
  size_t compared = 0;
  for (size_t t = 0; t < doc.tables.size(); ++t) {
    const XlsxSheet* s = wb.Find(names[t]);
    ASSERT_TRUE(s) << names[t];
    std::multiset<int64_t> expected, got;
    for (const auto& row : doc.tables[t].rows) {
      for (const auto& c : row.cells) {
        if (c.money) expected.insert(c.money->fen());
      }
    }
    for (const auto& [rc, cell] : s->cells) {
      if (cell.type != CellType::kNumber) continue;
      auto m = CellMoney(cell.text, MoneyUnit::kWan);
      ASSERT_TRUE(m) << names[t] << "!" << CellRef(rc.first, rc.second);
      got.insert(m->fen());
    }
    EXPECT_EQ(got, expected) << names[t];
    compared += expected.size();
  }
  EXPECT_GT(compared, 100u);
}

// --- the 决算's own sheets ---

std::string FinalBase() {
  return testing::ReadFile(testing::SourceDir() + "/tests/rules/final_base.yaml");
}

// final_base.yaml (the 决算 of the rule fixtures, its 年初预算 written inline) with every other
// field of final_accounts given too: 调整预算 (one 项 without 年初预算), the 机关运行经费预算数,
// 使用非财政拨款结余, 结余分配, 会议费 and 培训费, balances of two sources, every count, a reason
// for a 项 that has no 年初预算.
std::string CompleteFinal() {
  std::string text = FinalBase();
  auto edit = [&](const std::string& find, const std::string& replace) {
    size_t at = text.find(find);
    EXPECT_NE(at, std::string::npos) << find;
    if (at != std::string::npos) text.replace(at, find.size(), replace);
  };
  edit("  income:\n",
       "  adjusted_items: {\"2080505\": 21.00, \"2060199\": 113.50, \"2080506\": 0.5}\n"
       "  operating_expenses_budget: 14.25\n"
       "  non_fiscal_balance_used: 1.5\n"
       "  surplus_distribution: 1.5\n"
       "  meeting: {budget: 1.20, actual: 0.8}\n"
       "  training: {budget: 2, actual: 2}\n"
       "  income:\n");
  edit("  opening_balance: {general: 12.00}", "  opening_balance: {general: 12.00, other: 3.25}");
  edit("  closing_balance: {general: 8.50}", "  closing_balance: {general: 8.50, business: 0.75}");
  edit("  counts: {vehicles_held: 1, reception_batches: 12, reception_persons: 86}",
       "  counts: {outbound_groups: 1, outbound_persons: 2, vehicles_purchased: 3, "
       "vehicles_held: 1, reception_batches: 12, reception_persons: 86}");
  edit("    \"2210201\": 住房公积金缴存基数调整。",
       "    \"2210201\": 住房公积金缴存基数调整。\n    \"2080506\": 职业年金调整。");
  return text;
}

// The texts of a row's first `columns` cells.
std::vector<std::string> RowTexts(const XlsxSheet* s, int row, int columns) {
  std::vector<std::string> out;
  for (int c = 1; c <= columns; ++c) out.push_back(s ? s->Text(row, c) : "");
  return out;
}

// Writes `d` as a workbook and reads it back; the workbook itself in *wb.
Department ThroughWorkbook(const Department& d, const std::string& name, Workbook* wb) {
  std::string path = TempPath(name);
  std::string error;
  EXPECT_TRUE(WriteWorkbookSource(d, path, &error, testing::DataDir())) << error;
  *wb = ReadWorkbook(path);
  return ReadWorkbookSource(path, testing::Catalogs());
}

// Every field of final_accounts, and the kind, has its cell on the 决算's sheets, none is left
// to 其他数据, and the source comes back as it was. The fields the JSON Schema names for
// final_accounts are the fields these sources give, so a field added to the format without a
// place in the workbook fails here.
TEST(FinalWorkbook, EveryFieldHasItsCellAndComesBack) {
  const Department complete = ParseSource(CompleteFinal(), "complete.yaml", testing::Catalogs());
  const Department base = ParseSource(FinalBase(), "final_base.yaml", testing::Catalogs());
  const Department science = LoadSource(
      testing::ExamplePath("sample-science-bureau-2024-final.yaml"), testing::Catalogs());
  std::set<std::string> given;
  for (const Department* d : {&complete, &base, &science}) {
    Workbook wb;
    Department back = ThroughWorkbook(*d, "final-" + std::to_string(given.size()) + ".xlsx", &wb);
    EXPECT_EQ(WriteSourceYaml(back), WriteSourceYaml(*d));
    const XlsxSheet* other = wb.Find("其他数据");
    ASSERT_TRUE(other);
    for (int row = 2; row <= other->max_row; ++row) {
      const std::string path = other->Text(row, 1);
      EXPECT_FALSE(path.starts_with("final_accounts") || path == "kind")
          << "其他数据!A" << row << ": " << path;
    }
    auto json = nlohmann::json::parse(WriteSourceJson(*d));
    for (const auto& item : json["final_accounts"].items()) given.insert(item.key());
  }
  auto schema = nlohmann::json::parse(
      testing::ReadFile(testing::SourceDir() + "/docs/schema/department.schema.json"));
  std::set<std::string> fields;
  for (const auto& item : schema["properties"]["final_accounts"]["properties"].items())
    fields.insert(item.key());
  EXPECT_EQ(given, fields);

  // The cells, as an officer reads them.
  Workbook wb;
  ThroughWorkbook(complete, "final-cells.xlsx", &wb);
  const XlsxSheet* items = wb.Find("分项预算");
  ASSERT_TRUE(items);
  std::vector<std::string> rows;
  for (int row = 1; row <= items->max_row; ++row) {
    rows.push_back(items->Text(row, 1) + "|" + items->Text(row, 2) + "|" + items->Text(row, 3) +
                   "|" + items->Text(row, 4));
  }
  EXPECT_EQ(rows,
            (std::vector<std::string>{
                "功能科目|年初预算（万元）|调整预算（万元）|决算数与预算数差异原因",
                "2060101 行政运行|195||严格执行过紧日子要求，压减一般性支出。",
                "2060199 其他科学技术管理事务支出|100|113.5|使用年初结转资金继续实施科技创新专项。",
                "2080505 机关事业单位基本养老保险缴费支出|20|21|无差异。",
                "2080506 机关事业单位职业年金缴费支出||0.5|职业年金调整。",
                "2210201 住房公积金|15||住房公积金缴存基数调整。"}));
  const XlsxSheet* info = wb.Find("决算信息");
  ASSERT_TRUE(info);
  std::map<std::string, std::string> labelled;
  for (int row = 2; row <= info->max_row; ++row) labelled[info->Text(row, 1)] = info->Text(row, 2);
  EXPECT_EQ(labelled["文件类型"], "决算");
  EXPECT_EQ(labelled["机关运行经费预算数（万元）"], "14.25");
  EXPECT_EQ(labelled["结余分配（万元）"], "1.5");
  EXPECT_EQ(labelled["一般公共预算财政拨款差异原因"], "使用年初结转资金继续实施科技创新专项。");
  EXPECT_EQ(labelled["公务用车购置数（辆）"], "3");
  const XlsxSheet* three = wb.Find("三公决算");
  ASSERT_TRUE(three);
  EXPECT_EQ(RowTexts(three, 6, 3), (std::vector<std::string>{"会议费", "1.2", "0.8"}));
  EXPECT_EQ(RowTexts(three, 7, 3), (std::vector<std::string>{"培训费", "2", "2"}));
  const XlsxSheet* balances = wb.Find("结转结余");
  ASSERT_TRUE(balances);
  EXPECT_EQ(balances->max_row, 4);  // business (年末 only), general, other (年初 only)
  EXPECT_EQ(balances->Text(2, 1), "business 事业收入");
  EXPECT_EQ(balances->Text(2, 2), "");
  EXPECT_EQ(balances->Text(2, 3), "0.75");
  EXPECT_EQ(balances->Text(4, 2), "3.25");
  EXPECT_EQ(wb.Find("收入决算")->Text(2, 1), "2060101 行政运行");
}

// The 决算 sheets in README's "Excel input", where an officer looks them up.
TEST(FinalWorkbook, SheetsAreDocumented) {
  const std::string readme = testing::ReadFile(testing::SourceDir() + "/README.md");
  const size_t from = readme.find("## Excel input");
  ASSERT_NE(from, std::string::npos);
  const std::string section = readme.substr(from, readme.find("\n## ", from + 1) - from);
  Workbook wb;
  ThroughWorkbook(ParseSource(CompleteFinal(), "complete.yaml", testing::Catalogs()),
                  "final-doc.xlsx", &wb);
  for (const auto& s : wb.sheets) {
    if (s.hidden) continue;
    EXPECT_NE(section.find(s.name), std::string::npos) << s.name;
  }
}

// Mistakes on the 决算 sheets are told at their cells: a code's at the code (a 款 where a 项
// is asked, an unknown 资金来源), an amount's at the amount.
TEST(FinalWorkbook, MistakesAreToldAtTheirCells) {
  const std::vector<std::vector<std::string>> info = {
      {"项目", "内容（见各行说明）"},
      {"部门名称", "测试局"},
      {"预算年度", "2024"},
      {"预算单位", "机关", "测试局机关", "行政单位"}};
  std::string path = WriteSheets(
      "final-errors.xlsx",
      {{"基本信息", info},
       {"决算信息",
        {{"项目", "内容（见各行说明）"},
         {"文件类型", "决算"},
         {"年初预算来源（预算源文件）", "x-2024-budget.yaml"},
         {"国内公务接待批次", "十二"}}},
       {"收入决算",
        {{"功能科目", "资金来源", "本年收入（万元）"}, {"2060101 行政运行", "nosuch", "10"}}},
       {"结转结余",
        {{"资金来源", "年初结转和结余（万元）", "年末结转和结余（万元）"},
         {"general", "1", "2"},
         {"elsewhere", "", "3"}}},
       {"分项预算",
        {{"功能科目", "年初预算（万元）", "调整预算（万元）", "决算数与预算数差异原因"},
         {"2060101", "195", "", ""},
         {"20601 科学技术管理事务", "", "5", ""},
         {"2060199", "十万", "", ""}}},
       {"三公决算", {{"项目", "预算数（万元）", "决算数（万元）"}, {"公务接待费", "2", "-1"}}}});
  std::set<std::string> cells;
  std::string all;
  try {
    ReadWorkbookSource(path, testing::Catalogs());
    ADD_FAILURE() << "expected errors";
  } catch (const SourceError& e) {
    for (const Diagnostic& d : e.diagnostics()) {
      cells.insert(d.where.cell);
      all += d.ToString() + "\n";
    }
  }
  // 预算年度 is read in a 决算's workbook too (its template says 决算年度).
  EXPECT_EQ(all.find("未知的项目"), std::string::npos) << all;
  for (const char* cell :
       {"决算信息!B4", "收入决算!B2", "结转结余!A3", "分项预算!A3", "分项预算!B4", "三公决算!C2"}) {
    EXPECT_TRUE(cells.count(cell)) << cell << "\n" << all;
  }
  EXPECT_NE(all.find("分项预算!A3: adjusted_items：功能分类科目「20601 "), std::string::npos)
      << all;
  // Both a budget source and 年初预算 per 项: one of them, told at the first 项 given one.
  EXPECT_NE(all.find("分项预算!A2: budget 与 budget_items 只能写一个"), std::string::npos) << all;
  EXPECT_NE(all.find("决算信息!B4: counts.reception_batches应为0到10000000之间的整数"),
            std::string::npos)
      << all;

  // A row without its key, and a key twice, are the workbook's own mistakes.
  std::string keys =
      WriteSheets("final-keys.xlsx",
                  {{"基本信息", info},
                   {"分项预算",
                    {{"功能科目", "年初预算（万元）", "调整预算（万元）", "决算数与预算数差异原因"},
                     {"2060101 行政运行", "195", "", ""},
                     {"", "5", "", ""},
                     {"2060101", "", "", "又一次"}}}});
  std::string message = ErrorOf([&] { ReadWorkbookSource(keys, testing::Catalogs()); });
  EXPECT_NE(message.find("分项预算!A3: 缺少功能科目"), std::string::npos) << message;
  EXPECT_NE(message.find("分项预算!A4: 功能科目「2060101」重复（已在 分项预算!A2 填写）"),
            std::string::npos)
      << message;
}

// A 分项预算 row with only a reason (a 项 without 年初预算 or 调整预算: its spending was not
// budgeted) is kept: written from the source, typed by an officer, read back.
TEST(FinalWorkbook, ReasonWithoutFiguresIsKept) {
  std::string text = FinalBase();
  const std::string after = "    \"2210201\": 住房公积金缴存基数调整。\n";
  ASSERT_NE(text.find(after), std::string::npos);
  text.replace(text.find(after), after.size(), after + "    \"2080506\": 未安排年初预算。\n");
  const Department d = ParseSource(text, "reason-only.yaml", testing::Catalogs());
  ASSERT_EQ(d.final_accounts.reasons.count("2080506"), 1u);
  Workbook wb;
  const Department back = ThroughWorkbook(d, "reason-only.xlsx", &wb);
  EXPECT_EQ(WriteSourceYaml(back), WriteSourceYaml(d));
  EXPECT_EQ(back.final_accounts.reasons.count("2080506"), 1u);
  const XlsxSheet* items = wb.Find("分项预算");
  ASSERT_TRUE(items);
  bool row = false;
  for (int r = 2; r <= items->max_row; ++r) {
    if (items->Text(r, 1).starts_with("2080506")) {
      row = true;
      EXPECT_EQ(RowTexts(items, r, 4),
                (std::vector<std::string>{"2080506 机关事业单位职业年金缴费支出", "", "",
                                          "未安排年初预算。"}));
    }
  }
  EXPECT_TRUE(row);

  // Typed: a row with the reason alone.
  std::string typed = WriteSheets(
      "reason-only-typed.xlsx",
      {{"基本信息",
        {{"项目", "内容（见各行说明）"},
         {"部门名称", "测试局"},
         {"预算年度", "2024"},
         {"预算单位", "机关", "测试局机关", "行政单位"}}},
       {"决算信息", {{"项目", "内容（见各行说明）"}, {"文件类型", "决算"}}},
       {"支出明细",
        {{"单位", "功能科目", "经济科目", "人员/公用", "资金来源", "上年结转", "金额（万元）"},
         {"", "2080506", "30109", "", "", "", "1"}}},
       {"分项预算",
        {{"功能科目", "年初预算（万元）", "调整预算（万元）", "决算数与预算数差异原因"},
         {"2080506", "", "", "未安排年初预算。"}}}});
  const Department read = ReadWorkbookSource(typed, testing::Catalogs());
  ASSERT_EQ(read.final_accounts.reasons.count("2080506"), 1u);
  EXPECT_EQ(read.final_accounts.reasons.at("2080506"), "未安排年初预算。");
}

// --- declared figures, a budget's and a 决算's ---

// One part of a zip (an xlsx), empty if absent.
std::string ZipPart(const std::string& path, const std::string& part) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, part.c_str(), 0, &st) == 0) {
    if (zip_file_t* f = zip_fopen(z, part.c_str(), 0)) {
      out.resize(st.size);
      out.resize(static_cast<size_t>(std::max<zip_int64_t>(zip_fread(f, out.data(), st.size), 0)));
      zip_fclose(f);
    }
  }
  zip_close(z);
  return out;
}

// The XML of the sheet `name` of a workbook gongkai wrote (libxlsxwriter numbers its sheets
// sheet1.xml, sheet2.xml … in the order of xl/workbook.xml).
std::string SheetXml(const std::string& path, const std::string& name) {
  const std::string book = ZipPart(path, "xl/workbook.xml");
  int index = 0;
  for (size_t at = book.find("<sheet "); at != std::string::npos;
       at = book.find("<sheet ", at + 1)) {
    ++index;
    if (book.compare(book.find("name=\"", at) + 6, name.size() + 1, name + "\"") == 0)
      return ZipPart(path, "xl/worksheets/sheet" + std::to_string(index) + ".xml");
  }
  return "";
}

// A document's declared figures have sheets of their own, a budget's and a 决算's alike
// (公开内容, 公开数（表格）, 公开数（文字）), with Chinese headers and the tables as a drop-down
// list; 其他数据 keeps of them only the amounts printed blank and the lists recorded empty
// (`glossary: []`: no row says either), and
// the source comes back as it was (WorkbookRoundTrip too).
TEST(DeclaredWorkbook, FiguresHaveTheirSheetsAndComeBack) {
  for (const std::string example :
       {"putuo-finance-2024-final.yaml", "xinzhou-gov-office-2023.yaml"}) {
    SCOPED_TRACE(example);
    const Department d = LoadSource(testing::ExamplePath(example), testing::Catalogs());
    ASSERT_TRUE(d.declared.present);
    ASSERT_FALSE(d.declared.cells.empty());
    ASSERT_FALSE(d.declared.text.empty());
    Workbook wb;
    const Department back = ThroughWorkbook(d, "declared-" + example + ".xlsx", &wb);
    EXPECT_EQ(WriteSourceYaml(back), WriteSourceYaml(d));
    const XlsxSheet* other = wb.Find("其他数据");
    ASSERT_TRUE(other);
    for (int row = 2; row <= other->max_row; ++row) {
      const std::string path = other->Text(row, 1);
      if (!path.starts_with("declared")) continue;
      EXPECT_TRUE((path.ends_with(".amount") && other->Text(row, 2).empty()) ||
                  other->Text(row, 2) == "[]")
          << "其他数据!A" << row << ": " << path;
    }
    const XlsxSheet* cells = wb.Find("公开数（表格）");
    ASSERT_TRUE(cells);
    EXPECT_EQ(RowTexts(cells, 1, 5),
              (std::vector<std::string>{"表", "行（编码或名称）", "行名称", "列", "金额（万元）"}));
    EXPECT_EQ(cells->max_row, static_cast<int>(d.declared.cells.size()) + 1);
    const XlsxSheet* text = wb.Find("公开数（文字）");
    ASSERT_TRUE(text);
    EXPECT_EQ(RowTexts(text, 1, 3), (std::vector<std::string>{"键", "位置", "金额（万元）"}));
    EXPECT_EQ(text->max_row, static_cast<int>(d.declared.text.size()) + 1);
    // The 表 columns offer the kind's tables (代码表, hidden), a warning for any other.
    const std::string xml = SheetXml(TempPath("declared-" + example + ".xlsx"), "公开数（表格）");
    EXPECT_NE(xml.find("<dataValidation type=\"list\" errorStyle=\"warning\""), std::string::npos)
        << xml.substr(0, 2000);
    EXPECT_NE(xml.find("代码表'!$D$2:$D$"), std::string::npos);
  }
  // The 决算: its cells as an officer reads them, its tables listed; sections and 名词解释,
  // which a 决算's source refuses, have no row.
  Workbook wb;
  ThroughWorkbook(
      LoadSource(testing::ExamplePath("putuo-finance-2024-final.yaml"), testing::Catalogs()),
      "declared-final.xlsx", &wb);
  EXPECT_EQ(RowTexts(wb.Find("公开数（表格）"), 2, 5),
            (std::vector<std::string>{"final_summary 收入支出决算总表",
                                      "一、一般公共预算财政拨款收入", "", "", "2940.05"}));
  EXPECT_EQ(RowTexts(wb.Find("公开数（表格）"), 13, 5),
            (std::vector<std::string>{"final_summary 收入支出决算总表", "总计", "", "支出/决算数",
                                      "2995.39"}));
  EXPECT_EQ(RowTexts(wb.Find("公开数（文字）"), 3, 16),
            (std::vector<std::string>{"general.total", "五（三）", "2940.05", "", "", "", "", "",
                                      "", "", "", "", "2993.92", "", "98.20", ""}));
  const XlsxSheet* lists = wb.Find("公开内容");
  ASSERT_TRUE(lists);
  EXPECT_EQ(RowTexts(lists, 2, 2),
            (std::vector<std::string>{"公开的表", "final_summary 收入支出决算总表"}));
  EXPECT_EQ(
      RowTexts(lists, 10, 2),
      (std::vector<std::string>{"公开的表", "final_soe 国有资本经营预算财政拨款收入支出决算表"}));
  std::set<std::string> labels;
  for (int row = 2; row <= lists->max_row; ++row) labels.insert(lists->Text(row, 1));
  EXPECT_EQ(labels, (std::set<std::string>{"公开的表", "空表未说明的表"}));
  // The budget's: its text figures with a change, a direction and a reason.
  Workbook budget;
  ThroughWorkbook(
      LoadSource(testing::ExamplePath("xinzhou-gov-office-2023.yaml"), testing::Catalogs()),
      "declared-budget.xlsx", &budget);
  const XlsxSheet* btext = budget.Find("公开数（文字）");
  ASSERT_TRUE(btext);
  bool direction = false;
  for (int row = 2; row <= btext->max_row; ++row) {
    direction = direction || btext->Text(row, 6) == "减少";
  }
  EXPECT_TRUE(direction);
  std::set<std::string> budget_labels;
  for (int row = 2; row <= budget.Find("公开内容")->max_row; ++row)
    budget_labels.insert(budget.Find("公开内容")->Text(row, 1));
  EXPECT_TRUE(budget_labels.count("说明的部分"));
}

// The headers of 公开数（文字）, every one of which a filled sheet keeps.
std::vector<std::string> TextHeaders() {
  return {"键",
          "位置",
          "金额（万元）",
          "上年数（万元）",
          "增减额（万元）",
          "增减",
          "增减幅度（%）",
          "占比（%）",
          "名称",
          "年度",
          "序号",
          "说明原因",
          "预算数（万元）",
          "调整预算数（万元）",
          "完成预算（%）",
          "完成调整预算（%）",
          "原文"};
}

// Figures typed on the declared sheets are read, each mistake told at its cell.
TEST(DeclaredWorkbook, TypedFiguresAreReadAndMistakesLocated) {
  const std::vector<std::vector<std::string>> info = {
      {"项目", "内容（见各行说明）"},
      {"部门名称", "测试局"},
      {"预算年度", "2024"},
      {"预算单位", "机关", "测试局机关", "行政单位"}};
  const std::vector<std::vector<std::string>> lines = {
      {"单位", "功能科目", "经济科目", "人员/公用", "资金来源", "上年结转", "金额（万元）"},
      {"", "2010101", "30101", "", "", "", "100"}};
  std::string good = WriteSheets(
      "declared-typed.xlsx",
      {{"基本信息", info},
       {"支出明细", lines},
       {"公开内容",
        {{"项目", "内容（每行一项）"}, {"公开的表", "income_expenditure_summary 收支总表"}}},
       {"公开数（表格）",
        {{"表", "行（编码或名称）", "行名称", "列", "金额（万元）"},
         {"income_expenditure_summary", "合计", "", "", "100"}}},
       {"公开数（文字）", {TextHeaders(), {"total", "一", "100", "90", "10", "增加"}}}});
  const Department d = ReadWorkbookSource(good, testing::Catalogs());
  ASSERT_EQ(d.declared.cells.size(), 1u);
  EXPECT_EQ(d.declared.cells[0].table, "income_expenditure_summary");
  EXPECT_EQ(d.declared.cells[0].amount, Money::FromWan(100));
  ASSERT_EQ(d.declared.text.size(), 1u);
  EXPECT_EQ(d.declared.text[0].direction, "增加");
  EXPECT_EQ(d.declared.text[0].change, Money::FromWan(10));
  EXPECT_EQ(d.declared.tables, (std::vector<std::string>{"income_expenditure_summary"}));

  std::string bad = WriteSheets(
      "declared-bad.xlsx",
      {{"基本信息", info},
       {"支出明细", lines},
       {"公开数（表格）",
        {{"表", "行（编码或名称）", "行名称", "列", "金额（万元）"},
         {"income_expenditure_summary", "合计", "", "", "一百"}}},
       {"公开数（文字）", {TextHeaders(), {"total", "一", "100", "90", "10", "变多"}}}});
  const std::string message = ErrorOf([&] { ReadWorkbookSource(bad, testing::Catalogs()); });
  EXPECT_NE(message.find("公开数（表格）!E2: "), std::string::npos) << message;
  EXPECT_NE(message.find("公开数（文字）!F2: "), std::string::npos) << message;
  EXPECT_NE(message.find("direction「变多」无效"), std::string::npos) << message;
}

// 上年对比 holds last year's figures: a budget's 上年预算数, a 决算's 上年决算数, and its headers
// say which.
TEST(DeclaredWorkbook, PriorYearHeadersNameTheKind) {
  Workbook final_book, budget_book;
  ThroughWorkbook(LoadSource(testing::ExamplePath("sample-science-bureau-2024-final.yaml"),
                             testing::Catalogs()),
                  "prior-final.xlsx", &final_book);
  ThroughWorkbook(LoadSource(testing::ExamplePath("sample-science-bureau-2024-budget.yaml"),
                             testing::Catalogs()),
                  "prior-budget.xlsx", &budget_book);
  EXPECT_EQ(RowTexts(final_book.Find("上年对比"), 1, 3),
            (std::vector<std::string>{"项目", "上年决算数（万元）", "变动原因"}));
  EXPECT_EQ(RowTexts(budget_book.Find("上年对比"), 1, 3),
            (std::vector<std::string>{"项目", "上年预算数（万元）", "变动原因"}));
  // The 说明 tells it too, for a 决算.
  std::string help;
  for (int row = 1; row <= final_book.Find("说明")->max_row; ++row)
    help += final_book.Find("说明")->Text(row, 1) + "\n";
  EXPECT_NE(help.find("上年对比：B列填上年决算数"), std::string::npos) << help;
  EXPECT_EQ(help.find("上年预算数"), std::string::npos) << help;
}

}  // namespace
}  // namespace gongkai
