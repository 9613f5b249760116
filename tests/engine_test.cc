// The engine facade: loading with diagnostics, the four renders from one document, atomic
// output files, output planning and the worker pool.
#include "engine/engine.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "base/atomic_file.h"
#include "engine/output_plan.h"
#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::ExamplePath;

Engine MakeEngine() { return Engine({testing::DataDir(), {}, &CairoDrawing()}); }

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-engine-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Engine, LoadsAndRendersEveryFormatFromOneDocument) {
  Engine engine = MakeEngine();
  Loaded loaded = engine.Load(ExamplePath("minimal.yaml"));
  ASSERT_TRUE(loaded.ok());
  Document doc = engine.Disclose(*loaded.department);
  for (auto format : {DisclosureFormat::kHtml, DisclosureFormat::kJson, DisclosureFormat::kPdf,
                      DisclosureFormat::kXlsx}) {
    std::string bytes, error;
    ASSERT_TRUE(engine.Render(doc, format, {}, &bytes, &error)) << FormatName(format) << error;
    EXPECT_GT(bytes.size(), 1000u) << FormatName(format);
  }
  std::string html, error;
  ASSERT_TRUE(engine.Render(doc, DisclosureFormat::kHtml, {}, &html, &error));
  EXPECT_NE(html.find(doc.title), std::string::npos);
}

// Without the draw layer (gongkai's engine: engine/drawing.h) everything but a PDF and an audit
// report is made, and those are refused with a message, never a crash.
TEST(Engine, WithoutDrawingRefusesPdfsAndAuditReportsOnly) {
  const Engine engine({testing::DataDir(), {}});
  EXPECT_FALSE(engine.Draws());
  EXPECT_TRUE(MakeEngine().Draws());
  Loaded loaded = engine.Load(ExamplePath("minimal.yaml"));
  ASSERT_TRUE(loaded.ok());
  Document doc = engine.Disclose(*loaded.department);
  for (auto format : {DisclosureFormat::kHtml, DisclosureFormat::kJson, DisclosureFormat::kXlsx}) {
    std::string bytes, error;
    EXPECT_TRUE(engine.Render(doc, format, {}, &bytes, &error)) << FormatName(format) << error;
  }
  std::string pdf, error;
  EXPECT_FALSE(engine.Render(doc, DisclosureFormat::kPdf, {}, &pdf, &error));
  EXPECT_NE(error.find("不绘制PDF"), std::string::npos) << error;
  EXPECT_EQ(engine.PdfFontWarning(), "");
  const fs::path dir = FreshDir("no-drawing");
  EXPECT_FALSE(
      engine.WriteDisclosure(doc, DisclosureFormat::kPdf, {}, (dir / "x.pdf").string(), &error));
  EXPECT_FALSE(fs::exists(dir / "x.pdf"));
  AuditedDocument audited =
      engine.AuditAll({testing::SourceDir() + "/tests/reader/synthetic_budget.txt"}, 1).at(0);
  ASSERT_TRUE(audited.document) << audited.error;
  error.clear();
  EXPECT_FALSE(engine.WriteAuditReport(audited, (dir / "x.html").string(), &error));
  EXPECT_NE(error.find("不绘制审核报告"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(dir / "x.html"));
}

TEST(Engine, LoadErrorsAreDiagnosticsNotExceptions) {
  Engine engine = MakeEngine();
  Loaded missing = engine.Load("/nonexistent/x.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.unreadable());
  EXPECT_EQ(missing.diagnostics[0].code, "unreadable");

  Loaded wrong = engine.LoadText("department: [\n", "bad.yaml");
  ASSERT_FALSE(wrong.ok());
  EXPECT_FALSE(wrong.unreadable());
  EXPECT_EQ(wrong.diagnostics[0].code, "source");
  EXPECT_NE(wrong.diagnostics[0].ToString().find("bad.yaml:"), std::string::npos);
}

TEST(Engine, ReviewsWithCachedReferenceData) {
  Engine engine = MakeEngine();
  Loaded loaded = engine.Load(ExamplePath("xinzhou-gov-office-2023.yaml"));
  ASSERT_TRUE(loaded.ok());
  Document doc = engine.Disclose(*loaded.department);
  auto first = engine.Review(*loaded.department, doc, {});
  auto second = engine.Review(*loaded.department, doc, {});
  EXPECT_FALSE(first.empty());  // the published seed has real errors
  ASSERT_EQ(first.size(), second.size());
  EXPECT_EQ(&engine.TemplatesOf(DocumentKind::kBudget, 2023),
            &engine.TemplatesOf(DocumentKind::kBudget, 2023));
  EXPECT_EQ(&engine.CheckConfigOf("default"), &engine.CheckConfigOf("default"));
}

TEST(AtomicFile, WritesWholeFileOrNothing) {
  fs::path dir = FreshDir("atomic");
  std::string error;
  ASSERT_TRUE(WriteFileAtomically((dir / "a.txt").string(), "hello", &error)) << error;
  EXPECT_EQ(testing::ReadFile((dir / "a.txt").string()), "hello");
  {
    AtomicFile abandoned((dir / "a.txt").string());
    ASSERT_TRUE(abandoned.Write("half", &error));
  }  // never committed: the old content stays, no temporary is left
  EXPECT_EQ(testing::ReadFile((dir / "a.txt").string()), "hello");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  // A directory in the way: a located reason, and nothing left behind.
  fs::create_directories(dir / "b.txt");
  EXPECT_FALSE(WriteFileAtomically((dir / "b.txt").string(), "x", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
}

TEST(AtomicFile, RemovesLeftoversOfDeadProcessesOnly) {
  fs::path dir = FreshDir("stale");
  // pid 2^22+1 is above Linux's pid_max default, so no such process runs.
  const fs::path dead = dir / ".x.html.gongkai-tmp-4194305";
  const fs::path alive = dir / (".y.html.gongkai-tmp-" + std::to_string(getpid()));
  testing::WriteFile(dead.string(), "torn");
  testing::WriteFile(alive.string(), "being written");
  RemoveStaleTemporaries(dir.string());
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
}

TEST(OutputPlan, RefusesOutputsThatAreSourcesUnderAnotherName) {
  fs::path dir = FreshDir("links");
  const std::string source = (dir / "d.yaml").string();
  testing::WriteFile(source, "x");
  fs::create_hard_link(source, dir / "hard.yaml");
  fs::create_symlink(source, dir / "soft.json");
  Diagnostics errors;
  EXPECT_FALSE(
      PlanSourceOutput("convert", source, (dir / "hard.yaml").string(), std::nullopt, &errors));
  EXPECT_FALSE(
      PlanSourceOutput("convert", source, (dir / "soft.json").string(), std::nullopt, &errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].message.find("是源文件"), std::string::npos);
  fs::create_hard_link(source, dir / "page.html");
  EXPECT_FALSE(PlanRender({source}, (dir / "page.html").string(), std::nullopt, &errors));
}

TEST(OutputPlan, NamedFileSaysTheFormat) {
  Diagnostics errors;
  auto plan = PlanRender({"a/x.yaml"}, "公开.pdf", std::nullopt, &errors);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->format, DisclosureFormat::kPdf);
  EXPECT_EQ(plan->outputs, std::vector<std::string>{"公开.pdf"});
  EXPECT_FALSE(PlanRender({"a/x.yaml"}, "公开.pdf", DisclosureFormat::kHtml, &errors));
  EXPECT_FALSE(PlanRender({"a/x.yaml", "b/x.yaml"}, "out", std::nullopt, &errors));  // same name
  EXPECT_EQ(FormatOfName("A.YML"), FileFormat::kYaml);
  EXPECT_EQ(ParseSourceFormat("xlsx"), SourceFormat::kXlsx);
  EXPECT_FALSE(ParseDisclosureFormat("yaml"));
}

// Two documents of one stem (上海市普陀区/dept_budget.pdf and dept_budget.xlsx) audited
// together: their reports and extracts keep the extension, rather than one overwriting the
// other; the same file name in two folders is refused.
TEST(OutputPlan, DocumentsOfOneStemKeepTheirExtension) {
  EXPECT_EQ(OutputNames({"d/dept_budget.pdf", "d/dept_budget.xlsx", "d/other.pdf"}),
            (std::vector<std::string>{"dept_budget.pdf", "dept_budget.xlsx", "other"}));
  Diagnostics errors;
  auto plan = PlanAudit({"d/dept_budget.pdf", "d/dept_budget.xlsx"}, "out", ReportFormat::kHtml,
                        "ex", &errors);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->reports, (std::vector<std::string>{"out/dept_budget.pdf.audit.html",
                                                     "out/dept_budget.xlsx.audit.html"}));
  EXPECT_EQ(plan->extracts, (std::vector<std::string>{"dept_budget.pdf", "dept_budget.xlsx"}));
  EXPECT_FALSE(PlanAudit({"a/x.pdf", "b/x.pdf"}, "", std::nullopt, "ex", &errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.back().message.find("会写同一个文件"), std::string::npos);
  EXPECT_TRUE(PlanAudit({"a/x.pdf", "b/x.pdf"}, "", std::nullopt, "", &errors));  // no extract
}

TEST(ParallelFor, RunsEveryIndexOnce) {
  std::vector<std::atomic<int>> seen(1000);
  ParallelFor(seen.size(), 4, [&](size_t i) { ++seen[i]; });
  for (const auto& s : seen) EXPECT_EQ(s.load(), 1);
  ParallelFor(0, 4, [&](size_t) { FAIL(); });
}

}  // namespace
}  // namespace gongkai
