// The command as a user meets it: exit codes, messages for inputs that are not there, reports
// for sources that do not load, and outputs that are whole or absent after a kill or a full
// disk.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Shell;

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-cli-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int ExitOf(const std::string& args, std::string* out = nullptr) {
  int status = -1;
  std::string text = Shell(std::string(GONGKAI_CLI " ") + args + " 2>&1", &status);
  if (out) *out = text;
  return status;
}

TEST(Cli, ExitCodesAreTheDocumentedOnes) {
  const std::string minimal = testing::ExamplePath("minimal.yaml");
  fs::path dir = FreshDir("exit");
  ASSERT_EQ(ExitOf("generate --count 1 -o " + dir.string()), 0);
  EXPECT_EQ(ExitOf("check " + (dir / "dept-00000.yaml").string()), 0);  // generated: clean
  EXPECT_EQ(ExitOf("check " + minimal), 1);  // minimal leaves out required texts
  EXPECT_EQ(ExitOf("check " + testing::ExamplePath("xinzhou-gov-office-2023.yaml")), 1);
  EXPECT_EQ(ExitOf("check /nonexistent/x.yaml"), 2);
  EXPECT_EQ(ExitOf("render"), 3);            // FILE missing
  EXPECT_EQ(ExitOf("render --bogus x"), 3);  // unknown option
  EXPECT_EQ(ExitOf("--help"), 0);
  testing::WriteFile((dir / "bad.yaml").string(), "department: [\n");
  EXPECT_EQ(ExitOf("render " + (dir / "bad.yaml").string() + " -o " + dir.string()), 1);
}

// Generated final accounts are consistent by construction: each, with its budget, checks clean.
TEST(Cli, GeneratedFinalAccountsCheckClean) {
  fs::path dir = FreshDir("final");
  std::string out;
  ASSERT_EQ(ExitOf("generate --kind 决算 --count 25 -o " + dir.string(), &out), 0) << out;
  EXPECT_TRUE(fs::exists(dir / "dept-00024-budget.yaml"));
  EXPECT_EQ(ExitOf("check -q " + dir.string(), &out), 0) << out;
  EXPECT_NE(out.find("2023年度部门决算"), std::string::npos) << out.substr(0, 500);
  EXPECT_EQ(out.find("警告 1"), std::string::npos) << out;
}

// A report opens with its overview; --min-severity leaves out the lesser findings but not the
// exit code.
TEST(Cli, ReportOverviewAndMinSeverity) {
  const std::string seed = testing::ExamplePath("xinzhou-gov-office-2023.yaml");
  std::string all, errors_only;
  EXPECT_EQ(ExitOf("check " + seed, &all), 1);
  EXPECT_NE(all.find("  概要：错误"), std::string::npos) << all.substr(0, 300);
  EXPECT_NE(all.find("  按类别："), std::string::npos);
  EXPECT_NE(all.find("  最需要处理的问题：\n    1. 错误"), std::string::npos);
  EXPECT_EQ(ExitOf("check --min-severity 错误 " + seed, &errors_only), 1);
  EXPECT_NE(all.find("\n  警告 "), std::string::npos);
  EXPECT_EQ(errors_only.find("\n  警告 "), std::string::npos);
  EXPECT_EQ(errors_only.find("\n  提示 "), std::string::npos);
  EXPECT_EQ(ExitOf("check --min-severity 严重 " + seed, &errors_only), 3);
  fs::path dir = FreshDir("overview");
  const std::string html = (dir / "r.html").string();
  EXPECT_EQ(ExitOf("check " + seed + " -o " + html), 1);
  EXPECT_NE(testing::ReadFile(html).find("<pre class=\"overview\""), std::string::npos);
}

TEST(Cli, NoSourcesIsAnError) {
  fs::path dir = FreshDir("empty");
  std::string out;
  EXPECT_EQ(ExitOf("check " + dir.string(), &out), 2);
  EXPECT_NE(out.find("没有要审核的源文件"), std::string::npos) << out;
  EXPECT_EQ(ExitOf("render " + dir.string(), &out), 2);
  EXPECT_NE(out.find("没有要生成的源文件"), std::string::npos) << out;
}

TEST(Cli, HtmlReportListsLoadErrors) {
  fs::path dir = FreshDir("report");
  const std::string bad = (dir / "bad.yaml").string();
  testing::WriteFile(bad, "gongkai: 1\ngoals: &a [*a]\n");
  std::string out;
  EXPECT_EQ(ExitOf("check " + bad + " --format html -o " + (dir / "r").string(), &out), 2);
  std::string report = testing::ReadFile((dir / "r" / "bad.check.html").string());
  EXPECT_NE(report.find("bad.yaml:2:12"), std::string::npos) << report;
  EXPECT_NE(out.find("bad.yaml:2:12"), std::string::npos) << out;  // and printed
}

// Every file under its final name is whole: an HTML page ends with </html>. Temporaries of a
// killed run carry the marker and are removed by the next run in that directory.
TEST(Cli, KillLeavesNoTornFile) {
  fs::path dir = FreshDir("kill");
  ASSERT_EQ(ExitOf("generate --count 40 -o " + (dir / "src").string()), 0);
  for (int round = 0; round < 4; ++round) {
    const fs::path out = dir / ("out" + std::to_string(round));
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      execl(GONGKAI_CLI, GONGKAI_CLI, "render", (dir / "src").c_str(), "-o", out.c_str(), "-q",
            "--jobs", "2", static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30 + 40 * round));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(out, ec)) {
      const std::string name = e.path().filename().string();
      if (name.find(".gongkai-tmp-") != std::string::npos) continue;
      std::string page = testing::ReadFile(e.path().string());
      EXPECT_NE(page.rfind("</html>\n"), std::string::npos) << "torn: " << e.path();
    }
  }
  // The next run removes what the killed ones left.
  const fs::path out = dir / "out0";
  ASSERT_EQ(ExitOf("render " + (dir / "src").string() + " -q -o " + out.string()), 0);
  for (const auto& e : fs::directory_iterator(out)) {
    EXPECT_EQ(e.path().filename().string().find(".gongkai-tmp-"), std::string::npos) << e.path();
  }
}

// A disk that fills up: the command says so, exits 2, and leaves neither a partial file nor a
// temporary. Needs a small tmpfs, which only root can mount.
TEST(Cli, FullDiskLeavesNothing) {
  fs::path dir = FreshDir("full");
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=64k") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root): full-disk test skipped";
  }
  std::string out;
  int status = ExitOf(
      "render " + testing::ExamplePath("xinzhou-gov-office-2023.yaml") + " -o " + dir.string(),
      &out);
  const bool any_file = fs::directory_iterator(dir) != fs::directory_iterator();
  umount(dir.c_str());
  EXPECT_EQ(status, 2) << out;
  EXPECT_NE(out.find("写入文件失败"), std::string::npos) << out;
  EXPECT_FALSE(any_file) << "a partial or temporary file was left on the full disk";
}

// gongkai audit reads back what gongkai renders: the standard tables are found and nothing is
// wrong in them; a directory of documents gets an overview; a corrupt file is exit 2.
TEST(Cli, AuditReadsBackRenderedPdf) {
  fs::path dir = FreshDir("audit");
  const std::string pdf = (dir / "x.pdf").string();
  ASSERT_EQ(ExitOf("render " + testing::ExamplePath("xinzhou-gov-office-2023.yaml") + " -o " + pdf),
            0);
  std::string out;
  EXPECT_EQ(ExitOf("audit " + pdf, &out), 0) << out;
  EXPECT_NE(out.find("识别公开表9张"), std::string::npos) << out;  // the 项目支出表 too
  EXPECT_NE(out.find("== 武汉市新洲区人民政府办公室 2023年预算"), std::string::npos) << out;
  EXPECT_NE(out.find("错误 0"), std::string::npos) << out;
  // --extract: one CSV per table read, exact amounts as printed.
  EXPECT_EQ(ExitOf("audit " + pdf + " --extract " + (dir / "ex").string(), &out), 0) << out;
  const std::string csv =
      testing::ReadFile((dir / "ex" / "x" / "expenditure_summary.csv").string());
  EXPECT_NE(csv.find("左,,合计,1597.66,1293.13,304.53"), std::string::npos) << csv.substr(0, 300);
  testing::WriteFile((dir / "broken.pdf").string(), "%PDF-1.4 not really");
  testing::WriteFile((dir / "tables.xlsx").string(), "a workbook");
  testing::WriteFile((dir / "tables.xls").string(), "an old workbook");
  EXPECT_EQ(ExitOf("audit " + dir.string(), &out), 2) << out;
  EXPECT_NE(out.find("tables.xls：未审核"), std::string::npos) << out;  // named, not dropped
  // A workbook is read; this one is no zip, and says so.
  EXPECT_NE(out.find("不是 xlsx 工作簿"), std::string::npos) << out;
  EXPECT_NE(out.find("== 汇总"), std::string::npos) << out;
  EXPECT_EQ(ExitOf("audit " + FreshDir("audit-empty").string(), &out), 2);
  EXPECT_NE(out.find("没有要审核的公开文件"), std::string::npos) << out;
}

TEST(Cli, AuditJson) {
  const std::string corpus = testing::SourceDir() + "/../shared/corpus/中央";
  if (!fs::exists(corpus)) GTEST_SKIP() << "../shared/corpus is absent: corpus audit skipped";
  std::string out;
  EXPECT_EQ(ExitOf("audit --json " + corpus, &out), 0) << out;
  EXPECT_NE(out.find("\"kind\": \"决算\""), std::string::npos) << out.substr(0, 400);
  EXPECT_NE(out.find("\"department\": \"国家信访局\""), std::string::npos);
}

// --format html: one self-contained report per document; a rendered PDF has no error (its
// rounding notes a line per table) and no picture; every text is escaped (here the file name).
TEST(Cli, AuditHtmlReport) {
  fs::path dir = FreshDir("audit-html");
  const std::string pdf = (dir / "a&b.pdf").string();
  ASSERT_EQ(ExitOf("render " + testing::ExamplePath("xinzhou-gov-office-2023.yaml") + " -o '" +
                   pdf + "' --format pdf"),
            0);
  std::string out;
  const std::string report = (dir / "r.html").string();
  EXPECT_EQ(ExitOf("audit '" + pdf + "' --format html -o " + report, &out), 0) << out;
  const std::string html = testing::ReadFile(report);
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(html.find("识别的公开表（9张）"), std::string::npos) << html.substr(0, 2000);
  EXPECT_NE(html.find("错误 0，"), std::string::npos) << html.substr(0, 2000);
  EXPECT_NE(html.find("处差额在四舍五入范围内"), std::string::npos);  // notes: a line per table
  EXPECT_NE(html.find("a&amp;b.pdf"), std::string::npos);
  EXPECT_EQ(html.find("a&b.pdf"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  // A directory: -o DIR gets NAME.audit.html per document.
  EXPECT_EQ(
      ExitOf("audit " + dir.string() + " --format html -o " + (dir / "reports").string(), &out), 0)
      << out;
  EXPECT_TRUE(fs::exists(dir / "reports" / "a&b.audit.html")) << out;
  // --format json is --json; a .html output with another format is refused.
  EXPECT_EQ(ExitOf("audit '" + pdf + "' --format json", &out), 0) << out;
  EXPECT_NE(out.find("\"kind\": \"预算\""), std::string::npos) << out.substr(0, 400);
  EXPECT_NE(ExitOf("audit '" + pdf + "' --json -o " + report, &out), 0) << out;
}

// gongkai does not load the drawing libraries (engine/drawing.h: their start-up cost is
// paid by every command); a PDF or an audit report is made by gongkai-draw, which it runs in
// its place (the tests above and pdf_structure_test.sh go through it), with the same output
// and exit code as if it drew them itself.
TEST(Cli, DrawingIsLoadedByGongkaiDrawOnly) {
  const std::string needed = testing::Shell("ldd " GONGKAI_CLI);
  EXPECT_NE(needed.find("libpoppler.so"), std::string::npos) << needed;
  for (const char* lib : {"libcairo", "libpango", "libharfbuzz-subset", "libglib", "libX11"}) {
    EXPECT_EQ(needed.find(lib), std::string::npos) << lib << " is loaded by gongkai:\n" << needed;
  }
  const std::string draw = fs::path(GONGKAI_CLI).parent_path() / "gongkai-draw";
  EXPECT_NE(testing::Shell("ldd " + draw).find("libcairo"), std::string::npos);
  fs::path dir = FreshDir("drawing");
  const std::string example = testing::ExamplePath("minimal.yaml");
  std::string out;
  EXPECT_EQ(ExitOf("render " + example + " -o " + (dir / "a.pdf").string() + " --format pdf", &out),
            0)
      << out;
  int status = -1;
  std::string direct = testing::Shell(
      draw + " render " + example + " -o " + (dir / "b.pdf").string() + " --format pdf 2>&1",
      &status);
  EXPECT_EQ(status, 0) << direct;
  EXPECT_NE(direct.find("b.pdf"), std::string::npos) << direct;
  direct.replace(direct.find("b.pdf"), 5, "a.pdf");
  EXPECT_EQ(out, direct);
  EXPECT_EQ(testing::ReadFile((dir / "a.pdf").string()).size(),
            testing::ReadFile((dir / "b.pdf").string()).size());
}

// The workbook libraries (libzip, libxlsxwriter and OpenSSL's libcrypto, which both bring) are
// not linked but loaded at their first use (xlsx/workbook_libraries.cc): an audit of a PDF
// never loads them, rendering a workbook and auditing it do, and both work.
TEST(Cli, WorkbookLibrariesAreLoadedWhenUsed) {
  const std::string needed = testing::Shell("ldd " GONGKAI_CLI);
  for (const char* lib : {"libzip", "libxlsxwriter", "libcrypto"}) {
    EXPECT_EQ(needed.find(lib), std::string::npos) << lib << " is linked:\n" << needed;
  }
  // LD_DEBUG=files: the dynamic linker names every library it loads, dlopen's too.
  auto loaded = [](const std::string& args, int* status) {
    return testing::Shell("LD_DEBUG=files " GONGKAI_CLI " " + args + " 2>&1", status);
  };
  int status = -1;
  const std::string pdf =
      loaded("audit " + testing::SourceDir() + "/tests/bad_pdfs/plain.pdf", &status);
  EXPECT_NE(pdf.find("libpoppler.so"), std::string::npos) << pdf;
  for (const char* lib : {"libzip", "libxlsxwriter", "libcrypto"}) {
    EXPECT_EQ(pdf.find(lib), std::string::npos) << lib << " loaded to audit a PDF";
  }
  fs::path dir = FreshDir("workbook-libraries");
  const std::string xlsx = (dir / "a.xlsx").string();
  const std::string render = loaded(
      "render " + testing::ExamplePath("xinzhou-gov-office-2023.yaml") + " -o " + xlsx, &status);
  EXPECT_EQ(status, 0) << render;
  EXPECT_NE(render.find("libxlsxwriter.so"), std::string::npos);
  EXPECT_EQ(render.find("libzip.so"), std::string::npos);
  const std::string audit = loaded("audit " + xlsx, &status);
  EXPECT_NE(audit.find("libzip.so"), std::string::npos);
  EXPECT_NE(audit.find("== 武汉市新洲区人民政府办公室 2023年预算"), std::string::npos) << audit;
}

// An error in a published PDF: the report shows it with a picture of the page around it.
TEST(Cli, AuditHtmlShowsTheErrorOnThePage) {
  const std::string pdf =
      testing::SourceDir() + "/../shared/corpus/上海市/审计局_上海市审计局(本级)2026年度预算.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << "../shared/corpus is absent: corpus audit skipped";
  fs::path dir = FreshDir("audit-html-corpus");
  std::string out;
  EXPECT_EQ(ExitOf("audit '" + pdf + "' --format html -o " + dir.string(), &out), 1) << out;
  const std::string html =
      testing::ReadFile((dir / "审计局_上海市审计局(本级)2026年度预算.audit.html").string());
  EXPECT_NE(html.find("错误 1，提示 0"), std::string::npos) << html.substr(0, 3000);
  EXPECT_NE(html.find("收入方“收入总计”为 空白（按 0 计）"), std::string::npos)
      << html.substr(0, 3000);
  EXPECT_NE(html.find("<img src=\"data:image/png;base64,iVBORw0KGgo"), std::string::npos);
  EXPECT_NE(html.find("上海市审计局"), std::string::npos);
}

// The correct-and-recheck loop from the command line: audit a PDF with --extract, then audit
// the YAML it wrote: the same error (a corrected figure is tests/audit_extract_test.cc's).
TEST(Cli, AuditOfTheExtractedSource) {
  const std::string pdf =
      testing::SourceDir() + "/../shared/corpus/上海市/审计局_上海市审计局(本级)2026年度预算.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << "../shared/corpus is absent: corpus audit skipped";
  fs::path dir = FreshDir("audit-extract-cli");
  std::string out;
  EXPECT_EQ(ExitOf("audit '" + pdf + "' --extract " + dir.string(), &out), 1) << out;
  const fs::path yaml = dir / "审计局_上海市审计局(本级)2026年度预算.yaml";
  ASSERT_TRUE(fs::exists(yaml)) << out;
  EXPECT_EQ(ExitOf("audit '" + yaml.string() + "'", &out), 1) << out;
  EXPECT_NE(out.find("错误 1，"), std::string::npos) << out;
  EXPECT_NE(out.find("支出总计"), std::string::npos) << out;
  // Sources and documents are not audited together.
  EXPECT_EQ(ExitOf("audit '" + yaml.string() + "' '" + pdf + "'", &out), 3) << out;
  EXPECT_NE(out.find("不能混在一起"), std::string::npos) << out;
}

}  // namespace
}  // namespace gongkai
