// The correct-and-recheck loop of `gongkai audit --extract` (issue 13): what the reader
// recovered from a published document is written as a source (review/published_source.h);
// that source loads without a word, and `check` on it gives the audit's findings — the same
// rule ids at the same tables, rows and columns — for the bundled synthetic document, the seed
// texts and the corpus documents (../shared, skipped with a message when absent). A wrong
// figure corrected in the YAML takes its findings with it, and nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "engine/engine.h"
#include "render/audit_report.h"
#include "review/published_source.h"
#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

using testing::TheEngine;

// A scratch directory of this test's own (ctest runs tests of one file in parallel).
fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-audit-extract-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A finding as the comparison sees it: rule, table, row, column, and whether it is rounding.
std::string Key(const std::string& rule, const std::string& table, const std::string& row,
                const std::string& column, bool rounding) {
  return rule + " | " + table + " | " + row + " | " + column + (rounding ? " | 尾数" : "");
}

void Keys(const std::vector<reader::ReaderFinding>& findings, std::vector<std::string>* out) {
  for (const auto& f : findings) {
    out->push_back(
        Key(f.rule, f.table_id, f.row, f.column, f.level == reader::FindingLevel::kNote));
    Keys(f.consequences, out);
  }
}

void Keys(const std::vector<Finding>& findings, std::vector<std::string>* out) {
  for (const auto& f : findings) {
    out->push_back(Key(f.rule, f.where.table_id, f.where.row, f.where.column, f.rounding));
    Keys(f.consequences, out);
  }
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

struct RoundTrip {
  AuditedDocument audit;
  std::string yaml;                           // the extracted source
  std::vector<std::string> audited, checked;  // finding keys, sorted
};

// Audits `path`, extracts it into `dir`, checks the extracted source.
RoundTrip AuditExtractCheck(const std::string& path, const fs::path& dir) {
  RoundTrip r;
  r.audit = TheEngine().AuditAll({path}, 1)[0];
  EXPECT_TRUE(r.audit.document) << path << ": " << r.audit.error;
  if (!r.audit.document) return r;
  std::vector<std::string> written;
  std::string error;
  EXPECT_TRUE(TheEngine().WriteExtract(r.audit, dir.string(), "", &written, &error)) << error;
  EXPECT_FALSE(written.empty());
  if (written.empty()) return r;
  r.yaml = written.front();
  EXPECT_EQ(fs::path(r.yaml).extension(), ".yaml");
  std::vector<std::string> audited;
  Keys(r.audit.findings, &audited);
  r.audited = Sorted(audited);
  Loaded loaded = TheEngine().Load(r.yaml);
  EXPECT_TRUE(loaded.ok()) << r.yaml;
  for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.ToString();
  if (!loaded.ok()) return r;
  EXPECT_TRUE(loaded.department->published.present);
  // Every table comes back as read: rows, columns, and each amount in its cell, blank or not.
  const reader::PublishedDocument back = PublishedFromSource(*loaded.department);
  const reader::PublishedDocument& read = *r.audit.document;
  EXPECT_EQ(back.year, read.year) << path;
  EXPECT_EQ(back.department, read.department) << path;
  EXPECT_EQ(back.text_figures.size(), read.text_figures.size()) << path;
  EXPECT_EQ(back.tables.size(), read.tables.size()) << path;
  for (size_t t = 0; t < std::min(back.tables.size(), read.tables.size()); ++t) {
    const auto &b = back.tables[t], &o = read.tables[t];
    EXPECT_EQ(b.rows.size(), o.rows.size()) << path << " " << o.title;
    EXPECT_EQ(b.columns.size(), o.columns.size()) << path << " " << o.title;
    if (b.rows.size() != o.rows.size() || b.columns.size() != o.columns.size()) continue;
    for (size_t i = 0; i < o.rows.size(); ++i) {
      for (size_t c = 0; c < o.columns.size(); ++c) {
        const auto &x = b.rows[i].amounts[c], &y = o.rows[i].amounts[c];
        EXPECT_TRUE(x.blank == y.blank && (y.blank || x.value == y.value))
            << path << " " << o.title << " row " << i << " column " << c;
      }
    }
  }
  std::vector<std::string> checked;
  const std::vector<Finding> findings = TheEngine().Review(*loaded.department, Document{}, {});
  Keys(findings, &checked);
  r.checked = Sorted(checked);
  // Each finding is at its figure's line of the YAML, for the officer to correct it there.
  for (const Finding& f : findings) {
    EXPECT_GT(f.where.line, 0) << path << ": " << f.rule << " " << f.where.ToString();
    EXPECT_EQ(f.where.file, r.yaml);
  }
  return r;
}

std::string SyntheticText() {
  return testing::ReadFile(testing::SourceDir() + "/tests/reader/synthetic_budget.txt");
}

TEST(AuditExtract, SyntheticDocumentChecksAsAudited) {
  const fs::path dir = Scratch("synthetic");
  RoundTrip r = AuditExtractCheck(testing::SourceDir() + "/tests/reader/synthetic_budget.txt", dir);
  ASSERT_FALSE(r.yaml.empty());
  EXPECT_EQ(r.checked, r.audited);
  EXPECT_FALSE(r.audited.empty());  // its 0.01 differences are notes: something to compare
  // The identity, a table in 元 kept in 元, a blank cell left out, a headline figure as printed.
  const std::string yaml = testing::ReadFile(r.yaml);
  EXPECT_NE(yaml.find("name: 某某局"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("year: 2026"), std::string::npos);
  EXPECT_NE(yaml.find("unit: 元"), std::string::npos);
  EXPECT_NE(yaml.find("amount: 15976600.00元"), std::string::npos);
  EXPECT_EQ(yaml.find("units:"), std::string::npos);
  // The CSVs are still written beside it.
  EXPECT_TRUE(fs::exists(dir / "synthetic_budget" / "expenditure_summary.csv"));
  fs::remove_all(dir);
}

// What a source cannot hold — the pages that could not be read, the completeness scorecard —
// is written above it as comments: the officer sees them, and check still gives the audit's
// findings (the loader skips comments).
TEST(AuditExtract, UnreadablePagesAndScorecardAreComments) {
  const fs::path dir = Scratch("comments");
  AuditedDocument a =
      TheEngine().AuditAll({testing::SourceDir() + "/tests/reader/synthetic_budget.txt"}, 1)[0];
  ASSERT_TRUE(a.document) << a.error;
  ASSERT_FALSE(a.document->completeness.empty());
  a.document->pages.push_back({99, false, "没有文字层（扫描图像）"});
  std::vector<std::string> written;
  std::string error;
  ASSERT_TRUE(TheEngine().WriteExtract(a, dir.string(), "", &written, &error)) << error;
  const std::string yaml = testing::ReadFile(written.front());
  EXPECT_NE(yaml.find("\n# 第99页无法读取（没有文字层（扫描图像）），未读出任何数字\n"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("\n# 完整性：" + CompletenessLine(*a.document) + "\n"), std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("# 完整性：公开表 "), std::string::npos);
  Loaded loaded = TheEngine().Load(written.front());
  EXPECT_TRUE(loaded.ok());
  for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.ToString();
  fs::remove_all(dir);
}

// A corpus document with a scanned page (上海市普陀区司法局 2026, page 3): the page is named in
// the extract.
TEST(AuditExtract, CorpusScannedPageIsNamedInTheExtract) {
  const std::string path = testing::SourceDir() + "/../shared/corpus/上海市普陀区/dept_budget.pdf";
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file absent (../shared/corpus): " << path;
  const fs::path dir = Scratch("scanned");
  RoundTrip r = AuditExtractCheck(path, dir);
  ASSERT_FALSE(r.yaml.empty());
  EXPECT_EQ(r.checked, r.audited);
  const std::string yaml = testing::ReadFile(r.yaml);
  EXPECT_NE(yaml.find("# 第3页无法读取（"), std::string::npos) << yaml.substr(0, 600);
  EXPECT_NE(yaml.find("# 完整性：公开表 "), std::string::npos) << yaml.substr(0, 600);
  fs::remove_all(dir);
}

// A figure misprinted in the document is found by the audit; corrected in the extracted YAML,
// `check` gives exactly what the correct document's audit gives.
TEST(AuditExtract, CorrectingAFigureRemovesExactlyItsFindings) {
  const fs::path dir = Scratch("correct");
  const std::string right = "2210201\t住房公积金\t92.13\t92.13";
  const std::string wrong = "2210201\t住房公积金\t29.13\t92.13";
  std::string text = SyntheticText();
  ASSERT_NE(text.find(right), std::string::npos);
  const std::string good_path = (dir / "good.txt").string();
  testing::WriteFile(good_path, text);
  text.replace(text.find(right), right.size(), wrong);
  const std::string bad_path = (dir / "bad.txt").string();
  testing::WriteFile(bad_path, text);

  RoundTrip good = AuditExtractCheck(good_path, dir / "good");
  RoundTrip bad = AuditExtractCheck(bad_path, dir / "bad");
  ASSERT_FALSE(bad.yaml.empty());
  EXPECT_EQ(bad.checked, bad.audited);
  EXPECT_NE(bad.audited, good.audited);  // the misprint is found …
  EXPECT_EQ(bad.audit.Errors(), good.audit.Errors() + 1) << "one cause";

  // … and corrected by hand in the YAML, in the one cell that holds it.
  std::string yaml = testing::ReadFile(bad.yaml);
  const std::string cell =
      "{table: expenditure_summary, row: \"2210201\", name: 住房公积金, column: 合计, amount: "
      "29.13}";
  ASSERT_NE(yaml.find(cell), std::string::npos) << yaml;
  yaml.replace(yaml.find(cell), cell.size(),
               "{table: expenditure_summary, row: \"2210201\", name: 住房公积金, column: 合计, "
               "amount: 92.13}");
  testing::WriteFile(bad.yaml, yaml);
  Loaded corrected = TheEngine().Load(bad.yaml);
  ASSERT_TRUE(corrected.ok());
  std::vector<std::string> again;
  Keys(TheEngine().Review(*corrected.department, Document{}, {}), &again);
  EXPECT_EQ(Sorted(again), good.audited);

  // The command says so too: exit 1 for the one error the document itself has (20805 in the
  // table in 元), each finding at its line of the YAML.
  int status = -1;
  const std::string out = testing::Shell(std::string(GONGKAI_CLI) + " --data '" +
                                             testing::DataDir() + "' check '" + bad.yaml + "' 2>&1",
                                         &status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("公开文件读出"), std::string::npos) << out;
  EXPECT_NE(out.find("错误 BAL-007"), std::string::npos) << out;
  EXPECT_NE(out.find("bad.yaml:"), std::string::npos) << out;
  EXPECT_EQ(out.find("住房公积金"), std::string::npos) << out;  // corrected: no finding
  fs::remove_all(dir);
}

// A cell that fits no row of its table is an error at its line, not a figure silently dropped.
TEST(AuditExtract, CellOutsideTheLayoutIsAnError) {
  const fs::path dir = Scratch("layout");
  RoundTrip r = AuditExtractCheck(testing::SourceDir() + "/tests/reader/synthetic_budget.txt", dir);
  ASSERT_FALSE(r.yaml.empty());
  std::string yaml = testing::ReadFile(r.yaml);
  const std::string row = "row: \"2210201\", name: 住房公积金, column: 合计";
  ASSERT_NE(yaml.find(row), std::string::npos);
  yaml.replace(yaml.find(row), row.size(), "row: \"2219999\", name: 住房公积金, column: 合计");
  testing::WriteFile(r.yaml, yaml);
  Loaded loaded = TheEngine().Load(r.yaml);
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_NE(loaded.diagnostics[0].message.find("没有行「2219999 住房公积金」"), std::string::npos)
      << loaded.diagnostics[0].ToString();
  EXPECT_GT(loaded.diagnostics[0].where.line, 0);
  // Such a source has no detail to disclose: declare refuses it.
  int status = -1;
  yaml = testing::ReadFile(r.yaml);
  const std::string edited = "row: \"2219999\"";
  yaml.replace(yaml.find(edited), edited.size(), "row: \"2210201\"");
  testing::WriteFile(r.yaml, yaml);
  std::string out = testing::Shell(std::string(GONGKAI_CLI) + " --data '" + testing::DataDir() +
                                       "' declare '" + r.yaml + "' 2>&1",
                                   &status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("这是从公开文件读出的源文件（published）"), std::string::npos) << out;
  fs::remove_all(dir);
}

std::vector<std::string> SharedFiles(const std::string& under, bool pdf_only) {
  std::vector<std::string> out;
  const fs::path root = fs::path(testing::SourceDir()) / "../shared" / under;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() &&
        (ext == ".pdf" || (!pdf_only && (ext == ".txt" || ext == ".xlsx")))) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AuditExtract, SeedTextsCheckAsAudited) {
  const std::vector<std::string> seeds = SharedFiles("seeds", false);
  if (seeds.empty()) GTEST_SKIP() << "../shared/seeds is absent: seed round trips skipped";
  const fs::path dir = Scratch("seeds");
  size_t findings = 0;
  for (const std::string& path : seeds) {
    RoundTrip r = AuditExtractCheck(path, dir);
    EXPECT_EQ(r.checked, r.audited) << path;
    findings += r.audited.size();
  }
  EXPECT_GT(findings, 0u);
  fs::remove_all(dir);
}

TEST(AuditExtract, CorpusDocumentsCheckAsAudited) {
  const std::vector<std::string> files = SharedFiles("corpus", false);
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent: corpus round trips skipped";
  const fs::path dir = Scratch("corpus");
  size_t findings = 0, errors = 0, documents = 0;
  for (const std::string& path : files) {
    RoundTrip r = AuditExtractCheck(path, dir);
    EXPECT_EQ(r.checked, r.audited) << path;
    findings += r.audited.size();
    errors += r.audit.Errors();
    documents += !r.yaml.empty();
  }
  EXPECT_GE(documents, 24u);
  EXPECT_GE(errors, 2u);  // 上海市审计局's blank 收入总计, 普陀区财政局's 财政拨款收入支出总计
  EXPECT_GT(findings, errors);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
