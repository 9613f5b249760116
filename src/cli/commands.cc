// The commands of gongkai (commands.h). Argument parsing and printing only: every command is a
// few calls into the engine (src/engine/engine.h), which the server uses the same way.
//
//   gongkai render FILE|DIR… [-o DIR|FILE] [--format html|json|pdf|xlsx] [--jobs N]
//   gongkai check FILE|DIR… [--format text|json|html] [-o DIR|FILE] [--jobs N]
//   gongkai convert FILE [--to yaml|json|xlsx] [-o OUT]
//   gongkai declare FILE [-o OUT]
//   gongkai score FILE [--standard ID] [--reviewer FILE] [--json]
//   gongkai template --year Y -o 模板.xlsx
//   gongkai generate --count N [--year Y] -o DIR
//   gongkai audit FILE|DIR… [--format text|json|html] [--json] [-o DIR|FILE] [--extract DIR]
//                 [--jobs N]
//   gongkai rules [--markdown]
//   gongkai serve [--port 8080] [--host 127.0.0.1] [--database FILE|postgresql://…] [--demo]
//                 [--web DIR] [--max-upload-mb 16] [--max-audit-files 50] [--audit-jobs N]
//                 [--db-readers N]          (run by gongkai-serve: serve_main.cc)
//
//   (gongkai-draw runs the same commands with the draw layer: render --format pdf and
//    audit --format html, which gongkai hands over to it)
//
// Exit codes (README): 0 clean, 1 the input has errors (or 错误 findings), 2 a file could not be
// read or written, 3 the command line itself is wrong.
#include <fmt/format.h>

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>

#include "base/atomic_file.h"
#include "commands.h"
#include "engine/engine.h"
#include "engine/output_plan.h"
#include "engine_options.h"

namespace fs = std::filesystem;
using namespace gongkai;
using namespace gongkai::cli;

namespace {

int PrintErrors(const Diagnostics& errors) {
  for (const auto& e : errors) std::cerr << e.ToString() << "\n";
  return kExitUnreadable;
}

// Loads a source; on failure prints the located errors and returns nullopt.
std::optional<Department> Load(const Engine& engine, const std::string& file, int* exit_code) {
  Loaded loaded = engine.Load(file);
  if (loaded.ok()) return std::move(loaded.department);
  for (const auto& d : loaded.diagnostics) std::cerr << d.ToString() << "\n";
  if (loaded.diagnostics[0].code != "refdata") {
    std::cerr << fmt::format("{}：发现{}处错误，未生成任何输出。\n", file,
                             loaded.diagnostics.size());
  }
  *exit_code = loaded.unreadable() ? kExitUnreadable : kExitInvalid;
  return std::nullopt;
}

// A source read back from a published document (audit --extract) has no detail: true (and
// says why) when `what` needs it.
bool RefusePublished(const Department& d, const std::string& file, const std::string& what,
                     int* exit_code) {
  if (!d.published.present) return false;
  std::cerr << file << "：" << PublishedSourceRefusal(what) << "\n";
  *exit_code = kExitInvalid;
  return true;
}

// `draw` runs the command again in gongkai-draw, when this program does not draw (PDF).
int Render(const Engine& engine, const std::vector<std::string>& inputs, const std::string& out,
           const std::string& format, const OfficeOptions& office, int jobs, bool quiet,
           const std::function<int()>& draw) {
  std::vector<std::string> files = ExpandSources(inputs);
  if (files.empty()) {
    std::cerr << "没有要生成的源文件（目录中没有 .yaml、.json 或 .xlsx 文件）\n";
    return kExitUnreadable;
  }
  Diagnostics errors;
  auto plan = PlanRender(files, out, ParseDisclosureFormat(format), &errors);
  if (!plan) return PrintErrors(errors);
  if (plan->format == DisclosureFormat::kPdf) {
    if (!engine.Draws()) return draw();
    if (std::string warning = engine.PdfFontWarning(); !warning.empty()) {
      std::cerr << "警告：" << warning << "\n";
    }
  }
  int worst = kExitOk;
  size_t failed = 0;
  engine.RenderAll(files, plan->outputs, plan->format, office, jobs, [&](const RenderOutcome& r) {
    if (r.ok()) {
      if (!quiet) {
        std::cout << fmt::format("{}：已生成 {}（{}个表）\n", r.title, r.output, r.tables);
      }
      return;
    }
    ++failed;
    bool unreadable = false;
    for (const auto& d : r.diagnostics) {
      std::cerr << d.ToString() << "\n";
      unreadable |= d.cause == Diagnostic::Cause::kUnreadable;
    }
    if (r.title.empty() && r.diagnostics[0].code != "refdata") {
      std::cerr << fmt::format("{}：发现{}处错误，未生成任何输出。\n", r.source,
                               r.diagnostics.size());
    }
    worst = std::max(worst, unreadable ? kExitUnreadable : kExitInvalid);
  });
  if (files.size() > 1) {
    std::cout << fmt::format("共{}个源文件：{}个已生成，{}个有错误。\n", files.size(),
                             files.size() - failed, failed);
  }
  return worst;
}

int Generate(const Engine& engine, int count, int year, bool declared, const std::string& kind,
             const std::string& out_dir) {
  std::optional<DocumentKind> k = ParseDocumentKind(kind);
  if (!k) {
    std::cerr << fmt::format("--kind {}：应为 预算 或 决算\n", kind);
    return kExitUsage;
  }
  auto write = [&](const Department& d, const std::string& name) {
    const std::string path = (fs::path(out_dir) / name).string();
    std::string error;
    if (engine.WriteSource(d, SourceFormat::kYaml, path, &error)) return true;
    std::cerr << fmt::format("{}: {}\n", path, error);
    return false;
  };
  for (int i = 0; i < count; ++i) {
    Department d = engine.Synthetic(static_cast<uint64_t>(i), year);
    if (*k == DocumentKind::kFinalAccounts) {
      // The budget beside its 决算, which names it.
      const std::string budget_name = fmt::format("dept-{:05}-budget.yaml", i);
      if (!write(d, budget_name)) return kExitUnreadable;
      d = engine.SyntheticFinalAccounts(d, static_cast<uint64_t>(i), budget_name);
    }
    if (declared) d = engine.WithDeclaredFigures(d);
    if (!write(d, fmt::format("dept-{:05}.yaml", i))) return kExitUnreadable;
  }
  std::cout << fmt::format("已在 {} 生成{}个示例部门{}源文件\n", out_dir, count,
                           DocumentKindName(*k));
  return kExitOk;
}

int Check(const Engine& engine, const std::vector<std::string>& inputs, const std::string& format,
          const std::string& out, const ReviewOptions& options, int jobs, bool quiet,
          Severity min_severity) {
  std::vector<std::string> files = ExpandSources(inputs);
  if (files.empty()) {
    std::cerr << "没有要审核的源文件（目录中没有 .yaml、.json 或 .xlsx 文件）\n";
    return kExitUnreadable;
  }
  Diagnostics errors;
  auto plan = PlanCheck(files, out, ParseReportFormat(format), &errors);
  if (!plan) return PrintErrors(errors);
  try {
    engine.CheckConfigOf(options.region);
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  }
  if (!options.rules.profile.empty()) {
    auto profiles = AllProfiles();
    if (std::find(profiles.begin(), profiles.end(), options.rules.profile) == profiles.end()) {
      std::cerr << fmt::format("未知的审核方案「{}」\n", options.rules.profile);
      return kExitUnreadable;
    }
  }
  for (const auto& id : options.rules.only) {
    if (!FindRule(id)) {
      std::cerr << fmt::format("未知的规则「{}」（gongkai rules 列出全部规则）\n", id);
      return kExitUnreadable;
    }
  }
  std::vector<CheckOutcome> outcomes = engine.CheckAll(files, plan->reports, options, jobs);
  if (min_severity != Severity::kInfo) {  // --min-severity: the exit code still counts every 错误
    for (auto& o : outcomes) {
      auto& fs = o.file.findings;
      fs.erase(std::remove_if(fs.begin(), fs.end(),
                              [&](const Finding& f) { return f.severity > min_severity; }),
               fs.end());
    }
  }
  int exit_code = kExitOk;
  std::vector<CheckedFile> results;
  for (const auto& o : outcomes) {
    const CheckedFile& r = o.file;
    if (!r.load_errors.empty()) {
      exit_code = kExitUnreadable;
    } else if (r.Count(Severity::kError) > 0 && exit_code == kExitOk) {
      exit_code = kExitInvalid;
    }
    if (plan->format == ReportFormat::kText &&
        !(quiet && r.load_errors.empty() && r.findings.empty())) {
      std::cout << TextReport(r) << "\n";
    }
    if (!o.report.empty()) {
      std::cout << fmt::format("{}：审核报告 {}\n", r.title.empty() ? r.path : r.title, o.report);
    }
    if (plan->format == ReportFormat::kHtml) {
      for (const auto& e : r.load_errors) std::cerr << e << "\n";
    }
    results.push_back(r);
  }
  if (plan->format == ReportFormat::kJson) std::cout << JsonReport(results);
  if (plan->format != ReportFormat::kJson && results.size() > 1) {
    std::cout << "== 汇总\n";
    for (const auto& r : results) std::cout << "  " << SummaryLine(r) << "\n";
  }
  return exit_code;
}

int Score(const Engine& engine, const std::string& file, const std::string& standard_id,
          const std::string& reviewer_file, bool json) {
  int code = kExitOk;
  auto d = Load(engine, file, &code);
  if (!d) return code;
  if (RefusePublished(*d, file, "评分", &code)) return code;
  ScoringStandard standard;
  ReviewerScores reviewer;
  try {
    standard = engine.ScoringStandardOf(standard_id);
    if (!reviewer_file.empty()) {
      std::string error;
      if (!LoadReviewerScores(reviewer_file, &reviewer, &error)) {
        std::cerr << error << "\n";
        return kExitUnreadable;
      }
    }
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  }
  Document doc = engine.Disclose(*d);
  ReviewOptions only_performance;  // the rules whose findings the standard deducts for
  only_performance.rules.only = ScoringRuleIds();
  auto findings = engine.Review(*d, doc, only_performance);
  auto cards = ScoreDeclarations(*d, findings, standard, reviewer);
  std::cout << (json ? ScoreJson(standard, cards) : ScoreText(standard, cards));
  return kExitOk;
}

// Writes `d` as a source in `format` to `out` ("-" or empty: standard output).
int WriteSourceAs(const Engine& engine, const Department& d, const std::string& out,
                  SourceFormat format) {
  if (out.empty() || out == "-") {
    std::cout << engine.SourceText(d, format);
    return kExitOk;
  }
  std::string error;
  if (!engine.WriteSource(d, format, out, &error)) {
    std::cerr << fmt::format("{}: {}\n", out, error);
    return kExitUnreadable;
  }
  return kExitOk;
}

int Convert(const Engine& engine, const std::string& file, const std::string& to,
            const std::string& out) {
  Diagnostics errors;
  auto format = PlanSourceOutput("convert", file, out, ParseSourceFormat(to), &errors);
  if (!format) return PrintErrors(errors);
  int code = kExitOk;
  auto d = Load(engine, file, &code);
  if (!d) return code;
  // The input workbook has no place for a published document's layout.
  if (*format == SourceFormat::kXlsx && RefusePublished(*d, file, "转换为录入工作簿", &code)) {
    return code;
  }
  return WriteSourceAs(engine, *d, out, *format);
}

// The source with every figure of its disclosure recorded as declared, in the format -o says.
int Declare(const Engine& engine, const std::string& file, const std::string& out) {
  Diagnostics errors;
  auto format = PlanSourceOutput("declare", file, out, std::nullopt, &errors);
  if (!format) return PrintErrors(errors);
  int code = kExitOk;
  auto d = Load(engine, file, &code);
  if (!d) return code;
  if (RefusePublished(*d, file, "由明细生成声明数字（它的声明数字就是读出的数字）", &code))
    return code;
  return WriteSourceAs(engine, engine.WithDeclaredFigures(*d), out, *format);
}

int Template(const Engine& engine, const std::string& kind_text, int year, const std::string& out) {
  std::optional<DocumentKind> kind = ParseDocumentKind(kind_text);
  if (!kind) {
    std::cerr << fmt::format("--kind {}：应为 预算 或 决算\n", kind_text);
    return kExitUsage;
  }
  if (FormatOfName(out) != FileFormat::kXlsx) {
    std::cerr << fmt::format("-o {}：录入工作簿是 Excel 文件，文件名应以 .xlsx 结尾\n", out);
    return kExitUnreadable;
  }
  if (!engine.HasCatalog(year)) {
    std::cerr << fmt::format(
        "没有{}年度的内置分类科目目录（{}/catalogs），无法生成该年度的下拉列表\n", year,
        engine.options().data_dir);
    return kExitUnreadable;
  }
  std::string error;
  if (!engine.WriteTemplate(*kind, year, out, &error)) {
    std::cerr << fmt::format("{}: {}\n", out, error);
    return kExitUnreadable;
  }
  std::cout << fmt::format("已生成{}年{}录入工作簿 {}\n", year, DocumentKindName(*kind), out);
  return kExitOk;
}

// Published documents read back and checked: a report per document, then an overview of all.
// `draw` runs the command again in gongkai-draw, when this program does not draw (the HTML
// reports).
int Audit(const Engine& engine, const std::vector<std::string>& inputs, const std::string& format,
          const std::string& out, int jobs, const std::string& extract,
          const std::function<int()>& draw) {
  // A source that `--extract` wrote (YAML or JSON), corrected by hand, is audited again as
  // `check` reviews it: the same findings as the document's audit, less those corrected.
  const auto source = [](const std::string& f) {
    const FileFormat k = FormatOfName(f);
    return k == FileFormat::kYaml || k == FileFormat::kJson;
  };
  if (const auto n = std::count_if(inputs.begin(), inputs.end(), source); n > 0) {
    if (static_cast<size_t>(n) != inputs.size() || !extract.empty()) {
      std::cerr << "audit 一次审核公开文件（PDF、文本、.xlsx），或 --extract 写出的源文件"
                   "（.yaml、.json），不能混在一起；源文件不再 --extract\n";
      return kExitUsage;
    }
    return Check(engine, inputs, format, out, ReviewOptions{}, jobs, false, Severity::kInfo);
  }
  // Before anything is printed, which gongkai-draw would print again.
  if (ParseReportFormat(format) == ReportFormat::kHtml && !engine.Draws()) return draw();
  std::vector<std::string> skipped;
  std::vector<std::string> files = ExpandPublished(inputs, &skipped);
  std::sort(skipped.begin(), skipped.end());
  for (const auto& f : skipped) {
    std::cerr << fmt::format(
        "{}：未审核（audit 读取 PDF、pdftotext 文本和 .xlsx 工作簿；其他文件不支持）\n", f);
  }
  if (files.empty()) {
    std::cerr << "没有要审核的公开文件（目录中没有 .pdf、.txt 或 .xlsx 文件）\n";
    return kExitUnreadable;
  }
  Diagnostics errors;
  auto plan = PlanAudit(files, out, ParseReportFormat(format), extract, &errors);
  if (!plan) return PrintErrors(errors);
  const bool text = plan->format == ReportFormat::kText;
  std::vector<AuditedDocument> all = engine.AuditAll(files, jobs);
  int exit_code = kExitOk;
  for (size_t i = 0; i < all.size(); ++i) {
    const AuditedDocument& a = all[i];
    if (!a.document) {
      exit_code = kExitUnreadable;
    } else if (a.Errors() > 0 && exit_code == kExitOk) {
      exit_code = kExitInvalid;
    }
    if (text) std::cout << AuditText(a) << "\n";
    if (!plan->reports[i].empty()) {
      std::string error;
      if (!engine.WriteAuditReport(a, plan->reports[i], &error)) {
        std::cerr << error << "\n";
        exit_code = kExitUnreadable;
      } else {
        std::cout << fmt::format("{}：审核报告 {}\n", a.path, plan->reports[i]);
      }
      if (!a.document) std::cerr << fmt::format("{}：无法读取（{}）\n", a.path, a.error);
    }
    if (!extract.empty()) {
      std::vector<std::string> written;
      std::string error;
      if (!engine.WriteExtract(a, extract, plan->extracts[i], &written, &error)) {
        std::cerr << error << "\n";
        exit_code = kExitUnreadable;
      } else if (text && !written.empty()) {
        std::cout << fmt::format("  已导出源文件 {}（改正后用 gongkai check 重新核对）",
                                 written[0]);
        if (written.size() > 1) {
          std::cout << fmt::format("和{}张表的 CSV：{} 等", written.size() - 1, written[1]);
        }
        std::cout << "\n\n";
      }
    }
  }
  if (plan->format == ReportFormat::kJson) std::cout << AuditJson(all);
  if (plan->format != ReportFormat::kJson && all.size() > 1) {
    std::cout << "== 汇总\n";
    for (const auto& a : all) std::cout << "  " << AuditSummaryLine(a) << "\n";
  }
  return exit_code;
}

int Rules(bool markdown) {
  if (markdown) {
    std::cout << RulesMarkdown();
    return kExitOk;
  }
  for (const auto& r : AllRules()) {
    std::cout << fmt::format("{}  {}  {}  {}\n", r.id, SeverityName(r.severity), r.family, r.title);
  }
  return kExitOk;
}

// Runs `name`, the program beside this one, in this one's place with `args`; returns only when
// it cannot (exit code 2, with the reason).
int RunInstead(const std::string& name, const std::vector<std::string>& args) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  const fs::path program = (ec ? fs::path() : self.parent_path()) / name;
  std::vector<std::string> all = {program.string()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execv(program.c_str(), argv.data());
  std::cerr << fmt::format("gongkai：无法运行 {}（{}）\n", program.string(), std::strerror(errno));
  return kExitUnreadable;
}

// `gongkai serve …` runs gongkai-serve in its place, with the global options given here
// (serve_main.cc says why it is a program of its own).
int Serve(const CLI::App& app, const EngineOptions& common, const std::vector<std::string>& args) {
  std::vector<std::string> all;
  if (app.count("--data") > 0) all.insert(all.end(), {"--data", common.data_dir});
  for (const auto& c : common.catalog_overlays) all.insert(all.end(), {"--catalog", c});
  all.insert(all.end(), args.begin(), args.end());
  return RunInstead("gongkai-serve", all);
}

}  // namespace

int cli::Run(int argc, char** argv, const Drawing* drawing) {
  CLI::App app{"gongkai — 部门预算编制、审核与公开"};
  app.require_subcommand(1);
  EngineOptions common;
  cli::AddEngineOptions(app, &common);
  common.drawing = drawing;
  // The same command line, run by gongkai-draw (which draws) in this program's place.
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto draw = [&args] { return RunInstead("gongkai-draw", args); };

  std::string file, out_dir = "out", format, to, out_file;
  std::vector<std::string> inputs;
  int jobs = 1, count = 100, year = 2023;
  bool quiet = false;
  auto* render =
      app.add_subcommand("render", "由源文件生成部门预算公开文件（公开说明、公开表、名词解释）");
  render->add_option("FILE", inputs, "部门预算源文件（YAML 或 JSON）或含源文件的目录，可多个")
      ->required();
  render->add_option(
      "-o,--output", out_dir,
      "输出目录（默认 out）；只有一个源文件时也可为文件名（如 公开.pdf，按扩展名定格式）");
  render->add_option("--format", format, "输出格式：html（默认）、json、pdf 或 xlsx")
      ->check(CLI::IsMember({"html", "json", "pdf", "xlsx"}));
  render->add_option("-j,--jobs", jobs, "并行线程数（默认 1）")->check(CLI::Range(1, 256));
  render->add_flag("-q,--quiet", quiet, "只报告错误");
  OfficeOptions office;
  render->add_flag("--with-formulas", office.with_formulas,
                   "xlsx：写入小计公式（便于修改），默认只写数值");

  auto* generate = app.add_subcommand("generate", "生成示例部门源文件（用于测试与性能测量）");
  generate->add_option("--count", count, "数量（默认 100）")->check(CLI::Range(1, 1000000));
  generate->add_option("--year", year, "预算年度（默认 2023）");
  generate->add_option("-o,--output", out_dir, "输出目录")->required();
  bool gen_declared = false;
  generate->add_flag("--declared", gen_declared, "同时记录生成的公开文件中的全部数字（declared）");
  std::string gen_kind = "预算";
  generate->add_option(
      "--kind", gen_kind,
      "预算（默认）或 决算（决算与其预算成对生成：dept-N.yaml 与 dept-N-budget.yaml）");

  std::string check_format, profile, region = "default";
  std::vector<std::string> only;
  bool json_flag = false;
  auto* check = app.add_subcommand("check", "审核部门预算：运行全部审核规则，报告问题及位置");
  check->add_option("FILE", inputs, "部门预算源文件或目录，可多个（一个地区的全部部门）")
      ->required();
  check->add_option("--format", check_format, "输出格式：text（默认）、json 或 html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  check->add_flag("--json", json_flag, "等同 --format json");
  check->add_option("-o,--output", out_dir,
                    "html 报告的输出目录（默认 out）；只有一个源文件时也可为 .html 文件名");
  check->add_option("--profile", profile, "审核方案：预算公开 或 内部审核（默认全部规则）");
  check->add_option("--region", region, "地区审核设置 data/check/<region>.csv（默认 default）");
  check->add_option("--rule", only, "只运行这些规则（可多次）");
  check->add_option("-j,--jobs", jobs, "并行线程数（默认 1）")->check(CLI::Range(1, 256));
  check->add_flag("-q,--quiet", quiet, "文本输出只列出有问题的文件");
  std::string min_severity = "提示";
  check->add_option("--min-severity", min_severity,
                    "只报告此严重程度及以上的问题：错误、警告 或 提示（默认）");

  auto* declare = app.add_subcommand("declare",
                                     "输出源文件，并把由明细生成的公开文件中的全部数字记录为 "
                                     "declared（用于录入已公开文件的起点）");
  declare->add_option("FILE", file, "部门预算源文件")->required();
  declare->add_option("-o,--output", out_file,
                      "输出文件（默认标准输出；按扩展名写 yaml、json 或 xlsx 工作簿）");

  std::string standard_id = "wuhan-2021", reviewer_file;
  bool score_json = false;
  auto* score = app.add_subcommand(
      "score", "按考核标准为项目绩效目标评分（自动评分项给出扣分理由，其余待评审）");
  score->add_option("FILE", file, "部门预算源文件（含 performance.projects）")->required();
  score->add_option("--standard", standard_id,
                    "考核标准 data/perf/scoring/<name>.yaml（默认 wuhan-2021）");
  score
      ->add_option("--reviewer", reviewer_file,
                   "评审人评分（YAML：项目名称或 * → 考核指标编号 → 分数）")
      ->check(CLI::ExistingFile);
  score->add_flag("--json", score_json, "输出 JSON");

  bool audit_json = false;
  auto* audit = app.add_subcommand(
      "audit",
      "审核已公开的预算、决算文件（PDF、pdftotext 文本或 .xlsx 工作簿）：识别公开表，核对勾稽关系");
  audit->add_option("FILE", inputs, "公开文件或含公开文件的目录，可多个")->required();
  std::string audit_format, audit_out = "out";
  audit
      ->add_option("--format", audit_format,
                   "输出格式：text（默认）、json 或 html（每个文件一份附页面图像的审核报告）")
      ->check(CLI::IsMember({"text", "json", "html"}));
  audit->add_flag("--json", audit_json, "等同 --format json");
  audit->add_option("-o,--output", audit_out,
                    "html 报告的输出目录（默认 out，每个文件写 <名称>.audit.html）；"
                    "只有一个文件时也可为 .html 文件名");
  std::string audit_extract;
  audit->add_option("--extract", audit_extract,
                    "把识别出的内容写入此目录：每张公开表一个 CSV（每个文件一个子目录），"
                    "以及整份文件的源文件 <文件名>.yaml（改正后用 gongkai check 重新核对）");
  audit->add_option("-j,--jobs", jobs, "并行线程数（默认 1）")->check(CLI::Range(1, 256));

  bool markdown = false;
  auto* rules = app.add_subcommand("rules", "列出全部审核规则");
  rules->add_flag("--markdown", markdown, "输出 docs/rules.md 的内容");

  auto* convert = app.add_subcommand("convert", "在 YAML、JSON 源文件与 Excel 录入工作簿之间转换");
  convert->add_option("FILE", file, "部门预算源文件（YAML、JSON 或 xlsx 工作簿）")->required();
  convert->add_option("--to", to, "目标格式：yaml、json 或 xlsx（默认按 -o 的扩展名，否则 yaml）")
      ->check(CLI::IsMember({"yaml", "json", "xlsx"}));
  convert->add_option("-o,--output", out_file, "输出文件（默认标准输出）");

  int template_year = 2024;
  std::string template_kind = "预算";
  auto* templ = app.add_subcommand("template", "生成空白的 Excel 录入工作簿（含说明与下拉列表）");
  templ->add_option("--year", template_year, "预算年度（决定科目下拉列表）")->required();
  templ->add_option("-o,--output", out_file, "输出文件（.xlsx）")->required();
  templ->add_option("--kind", template_kind, "预算（默认）或 决算");

  // Everything after `serve` is gongkai-serve's, --help included.
  auto* serve = app.add_subcommand(
      "serve",
      "启动工作台与公开门户（HTTP）：提交、审核、发布部门预算与决算，公众按年度和部门查阅");
  serve->prefix_command();
  serve->set_help_flag();
  serve->allow_extras();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;  // --help is not an error
  }
  if (*serve) return Serve(app, common, serve->remaining());
  try {
    Engine engine(common);
    if (*render) {
      return Render(engine, inputs, out_dir, format, office, jobs, quiet, draw);
    }
    if (*generate) return Generate(engine, count, year, gen_declared, gen_kind, out_dir);
    if (*check) {
      ReviewOptions options;
      options.region = region;
      options.rules = {profile, only};
      Severity min = Severity::kInfo;
      if (!ParseSeverity(min_severity, &min)) {
        std::cerr << fmt::format("--min-severity {}：应为 错误、警告 或 提示\n", min_severity);
        return kExitUsage;
      }
      return Check(engine, inputs, json_flag ? "json" : check_format, out_dir, options, jobs, quiet,
                   min);
    }
    if (*rules) return Rules(markdown);
    if (*audit) {
      return Audit(engine, inputs, audit_json ? "json" : audit_format, audit_out, jobs,
                   audit_extract, draw);
    }
    if (*convert) return Convert(engine, file, to, out_file);
    if (*templ) return Template(engine, template_kind, template_year, out_file);
    if (*score) return Score(engine, file, standard_id, reviewer_file, score_json);
    if (*declare) return Declare(engine, file, out_file);
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}
