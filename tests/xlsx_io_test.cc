// The Excel workbook: the reader (xlsx_reader.h), the template and workbook ↔ model
// (workbook_source.h). Round trips of every example, the rendered disclosure read back cell by
// cell, and malformed workbooks rejected with `file: sheet!cell: message`.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

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
#include "xlsx/xlsx_reader.h"
#include "test_support.h"

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
                      "sample-science-bureau-2024-final.yaml", "putuo-finance-2024-final.yaml"),
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
  for (const char* name :
       {"说明", "基本信息", "收入", "支出明细", "项目", "项目支出", "上年对比", "三公", "采购",
        "购买服务", "资产", "绩效项目", "绩效指标", "其他数据"}) {
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

// The 决算 template: the budget's sheets, with the kind and the final_accounts figures (zeros
// to overwrite) in 其他数据, all of which read back without a complaint of their own.
TEST(WorkbookTemplate, FinalAccountsTemplate) {
  std::string path = TempPath("final-template.xlsx");
  std::string error;
  ASSERT_TRUE(
      WriteWorkbookTemplate(DocumentKind::kFinalAccounts, 2024, path, &error, testing::DataDir()))
      << error;
  Workbook wb = ReadWorkbook(path);
  const XlsxSheet* other = wb.Find("其他数据");
  ASSERT_TRUE(other);
  std::string paths;
  for (int row = 1; row <= 60; ++row)
    paths += other->Text(row, 1) + "=" + other->Text(row, 2) + ";";
  EXPECT_NE(paths.find("kind=决算"), std::string::npos) << paths;
  EXPECT_NE(paths.find("final_accounts.three_public.reception.actual=0"), std::string::npos)
      << paths;
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

}  // namespace
}  // namespace gongkai
