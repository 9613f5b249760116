// gongkai — command line front end. Thin: every command is a few calls into the library.
//
//   gongkai render FILE|DIR… [-o DIR] [--format html|json] [--jobs N]
//   gongkai convert FILE --to yaml|json|xlsx [-o OUT]
//   gongkai template --year Y -o 模板.xlsx
//   gongkai generate --count N [--year Y] -o DIR
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "base/yaml_message.h"
#include "disclosure/disclosure.h"
#include "model/synthetic_department.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"
#include "render/office_renderer.h"
#include "render/pdf_fonts.h"
#include "render/review_report.h"
#include "review/checker.h"
#include "review/declare.h"
#include "review/scoring.h"
#include "source/source_loader.h"
#include "source/source_writer.h"
#include "source/workbook_source.h"

namespace fs = std::filesystem;
using namespace gongkai;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;     // the input has errors
constexpr int kExitUnreadable = 2;  // a file could not be read or written

struct Common {
  std::string data_dir = DefaultDataDir();
  std::vector<std::string> catalogs;
};

bool WriteFile(const fs::path& path, const std::string& content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) {
    std::cerr << fmt::format("{}: 无法写入文件\n", path.string());
    return false;
  }
  return true;
}

// A source file or a filled workbook (.xlsx), by extension.
Department LoadAny(const std::string& file, const CatalogProvider& catalogs) {
  return IsWorkbookPath(file) ? ReadWorkbookSource(file, catalogs) : LoadSource(file, catalogs);
}

// Loads a source; on failure prints the located errors and returns nullopt.
std::optional<Department> Load(const std::string& file, const Common& common, int* exit_code) {
  try {
    return LoadAny(file, MakeCatalogProvider(common.data_dir, common.catalogs));
  } catch (const SourceError& e) {
    std::cerr << e.what() << "\n";
    bool unreadable =
        e.messages().size() == 1 && e.messages()[0].find("无法打开文件") != std::string::npos;
    std::cerr << fmt::format("{}：发现{}处错误，未生成任何输出。\n", file, e.messages().size());
    *exit_code = unreadable ? kExitUnreadable : kExitInvalid;
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    *exit_code = kExitUnreadable;
  }
  return std::nullopt;
}

// Expands directories to the *.yaml / *.json files in them (sorted).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(in, ec)) {
        auto ext = e.path().extension().string();
        if (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".xlsx")
          found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

// Templates of each year, read once per run and shared by the worker threads.
class TemplateCache {
 public:
  explicit TemplateCache(std::string data_dir) : data_dir_(std::move(data_dir)) {}
  const Templates& Get(int year) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(year);
    if (it == cache_.end()) it = cache_.emplace(year, Templates::Load(data_dir_, year)).first;
    return it->second;
  }

 private:
  std::string data_dir_;
  std::mutex mutex_;
  std::map<int, Templates> cache_;
};

// The format an output file's name says ("" for other names): its extension, lower case, with
// .yml read as yaml and .htm as html.
std::string FormatOfName(const std::string& out) {
  std::string ext = fs::path(out).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".yml") return "yaml";
  if (ext == ".htm") return "html";
  for (const char* known : {".xlsx", ".json", ".yaml", ".pdf", ".html"}) {
    if (ext == known) return ext.substr(1);
  }
  return "";
}

// Where each source's output goes: `out` itself when it names the file (one source), else
// out/<source name><suffix>.
std::vector<fs::path> OutputPaths(const std::vector<std::string>& files, const std::string& out,
                                  bool to_file, const std::string& suffix) {
  std::vector<fs::path> paths;
  for (const auto& f : files) {
    paths.push_back(to_file ? fs::path(out)
                            : fs::path(out) / (fs::path(f).stem().string() + suffix));
  }
  return paths;
}

// Two sources whose outputs would be the same file (x.yaml in two directories, or x.yaml beside
// x.xlsx) would silently replace one another, and an output that is a source (`render 填报.xlsx
// -o 填报.xlsx`) would replace the officer's workbook: says which and returns false.
bool OutputsAreDistinct(const std::vector<std::string>& files,
                        const std::vector<fs::path>& outputs) {
  std::map<std::string, size_t> first;
  std::map<fs::path, size_t> sources;
  std::error_code ec;
  for (size_t i = 0; i < files.size(); ++i) sources.emplace(fs::weakly_canonical(files[i], ec), i);
  bool distinct = true;
  for (size_t i = 0; i < files.size(); ++i) {
    if (auto it = sources.find(fs::weakly_canonical(outputs[i], ec)); it != sources.end()) {
      std::cerr << fmt::format("{}：是源文件 {}，生成的文件会覆盖它；请换一个输出文件名或目录\n",
                               outputs[i].string(), files[it->second]);
      distinct = false;
      continue;
    }
    auto [it, inserted] = first.try_emplace(outputs[i].lexically_normal().string(), i);
    if (!inserted) {
      std::cerr << fmt::format(
          "{}：{} 与 {} 会写同一个文件，后者会覆盖前者；请改名，或分别生成到不同的 -o 目录\n",
          outputs[i].string(), files[it->second], files[i]);
      distinct = false;
    }
  }
  return distinct;
}

int RenderOne(const std::string& file, const fs::path& out, const std::string& format,
              const OfficeOptions& office, const CatalogProvider& catalogs,
              TemplateCache& templates, std::string* report) {
  Department d;
  try {
    d = LoadAny(file, catalogs);
  } catch (const SourceError& e) {
    bool unreadable =
        e.messages().size() == 1 && e.messages()[0].find("无法打开文件") != std::string::npos;
    *report = fmt::format("{}\n{}：发现{}处错误，未生成任何输出。\n", e.what(), file,
                          e.messages().size());
    return unreadable ? kExitUnreadable : kExitInvalid;
  }
  Document doc = BuildDisclosure(d, templates.Get(d.year));
  if (format == "pdf" || format == "xlsx") {
    std::error_code ec;
    if (!out.parent_path().empty()) fs::create_directories(out.parent_path(), ec);
    std::string error;
    if (!WriteOfficeDocument(doc, format, out.string(), office, &error)) {
      *report = fmt::format("{}: {}\n", out.string(), error);
      return kExitUnreadable;
    }
  } else if (!WriteFile(out, format == "json" ? RenderJson(doc) : RenderHtml(doc))) {
    return kExitUnreadable;
  }
  *report = fmt::format("{}：已生成 {}（{}个表）\n", doc.title, out.string(), doc.tables.size());
  return kExitOk;
}

// -o is a directory (default out/), or, for one source, the file to write when its name says a
// format (公开.pdf): then --format may be left out, and must agree if given.
int Render(const std::vector<std::string>& inputs, const std::string& out_dir, std::string format,
           const OfficeOptions& office, int jobs, bool quiet, const Common& common) {
  std::vector<std::string> files = ExpandInputs(inputs);
  if (files.empty()) {
    std::cerr << "没有要生成的源文件\n";
    return kExitUnreadable;
  }
  // A directory named like a file (made by an earlier version for `-o 公开.pdf`) stays a
  // directory, but its name still says the format ("" for other names: HTML, below).
  const bool is_directory = fs::is_directory(out_dir);
  const std::string said = FormatOfName(out_dir);
  const std::string named = is_directory ? "" : said;
  if (format.empty() && is_directory && said != "yaml") format = said;
  if (!named.empty()) {
    if (named == "yaml") {
      std::cerr << fmt::format(
          "-o {}：render 生成公开文件（html、json、pdf、xlsx），不写源文件；"
          "要转换源文件请用 gongkai convert\n",
          out_dir);
      return kExitUnreadable;
    }
    if (!format.empty() && named != format) {
      std::cerr << fmt::format(
          "-o {}：文件扩展名表示 {} 格式，但 --format 为 {}；请改用扩展名 .{}"
          "，或去掉 --format\n",
          out_dir, named, format, format);
      return kExitUnreadable;
    }
    if (files.size() > 1) {
      std::cerr << fmt::format("-o {}：有{}个源文件，-o 应为输出目录\n", out_dir, files.size());
      return kExitUnreadable;
    }
    format = named;
  }
  if (format.empty()) format = "html";
  const std::vector<fs::path> outputs = OutputPaths(files, out_dir, !named.empty(), "." + format);
  if (!OutputsAreDistinct(files, outputs)) return kExitUnreadable;
  if (format == "pdf" && PreparePdfFonts().noto_missing) {
    std::cerr << "警告：" << PreparePdfFonts().note
              << "，PDF 将使用系统的替代字体，中文可能无法正常显示。请运行 scripts/bootstrap.sh"
                 "（或 apt-get install fonts-noto-cjk）。\n";
  }
  CatalogProvider catalogs = MakeCatalogProvider(common.data_dir, common.catalogs);
  TemplateCache templates(common.data_dir);
  std::atomic<size_t> next{0};
  std::atomic<int> worst{kExitOk};
  std::atomic<size_t> failed{0};
  std::mutex print;
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      std::string report;
      int code;
      try {
        code = RenderOne(files[i], outputs[i], format, office, catalogs, templates, &report);
      } catch (const std::exception& e) {
        report = fmt::format("{}: {}\n", files[i], e.what());
        code = kExitUnreadable;
      }
      if (code != kExitOk) ++failed;
      int w = worst.load();
      while (code > w && !worst.compare_exchange_weak(w, code)) {
      }
      if (code != kExitOk || !quiet) {
        std::lock_guard<std::mutex> lock(print);
        (code == kExitOk ? std::cout : std::cerr) << report;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (files.size() > 1) {
    std::cout << fmt::format("共{}个源文件：{}个已生成，{}个有错误。\n", files.size(),
                             files.size() - failed, failed.load());
  }
  return worst;
}

int Generate(int count, int year, bool declared, const std::string& out_dir, const Common& common) {
  auto catalog = Catalog::Load(common.data_dir, year, common.catalogs);
  Templates tpl = Templates::Load(common.data_dir, year);
  for (int i = 0; i < count; ++i) {
    Department d = MakeSyntheticDepartment(static_cast<uint64_t>(i), catalog);
    if (declared) d.declared = DeclareFromDisclosure(d, BuildDisclosure(d, tpl));
    if (!WriteFile(fs::path(out_dir) / fmt::format("dept-{:05}.yaml", i), WriteSourceYaml(d))) {
      return kExitUnreadable;
    }
  }
  std::cout << fmt::format("已在 {} 生成{}个示例部门源文件\n", out_dir, count);
  return kExitOk;
}

// -o is the directory of HTML reports (default out/), or, for one source, the report's file
// when it is named *.html (then --format html may be left out).
int Check(const std::vector<std::string>& inputs, std::string format, const std::string& out_dir,
          const std::string& profile, const std::string& region,
          const std::vector<std::string>& only, int jobs, bool quiet, const Common& common) {
  std::vector<std::string> files = ExpandInputs(inputs);
  const bool report_file = !fs::is_directory(out_dir) && FormatOfName(out_dir) == "html";
  if (report_file) {
    if (format.empty()) format = "html";
    if (format != "html") {
      std::cerr << fmt::format("-o {}：.html 文件是 HTML 审核报告，与 --format {} 不符\n", out_dir,
                               format);
      return kExitUnreadable;
    }
    if (files.size() > 1) {
      std::cerr << fmt::format("-o {}：有{}个源文件，-o 应为输出目录\n", out_dir, files.size());
      return kExitUnreadable;
    }
  }
  if (format.empty()) format = "text";
  const std::vector<fs::path> reports = OutputPaths(files, out_dir, report_file, ".check.html");
  if (format == "html" && !OutputsAreDistinct(files, reports)) return kExitUnreadable;
  CatalogProvider catalogs = MakeCatalogProvider(common.data_dir, common.catalogs);
  TemplateCache templates(common.data_dir);
  CheckConfig config;
  try {
    config = CheckConfig::Load(common.data_dir, region);
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  }
  if (!profile.empty()) {
    auto profiles = AllProfiles();
    if (std::find(profiles.begin(), profiles.end(), profile) == profiles.end()) {
      std::cerr << fmt::format("未知的审核方案「{}」\n", profile);
      return kExitUnreadable;
    }
  }
  for (const auto& id : only) {
    if (!FindRule(id)) {
      std::cerr << fmt::format("未知的规则「{}」（gongkai rules 列出全部规则）\n", id);
      return kExitUnreadable;
    }
  }
  std::vector<CheckedFile> results(files.size());
  std::vector<std::string> html_notes(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      CheckedFile& r = results[i];
      r.path = files[i];
      try {
        Department d = LoadAny(files[i], catalogs);
        Document doc = BuildDisclosure(d, templates.Get(d.year));
        r.title = doc.title;
        r.findings = RunChecks(d, doc, config, {profile, only});
        if (format == "html") {
          const fs::path& out = reports[i];
          if (!WriteFile(out, HtmlReport(r, doc))) {
            r.load_errors = {out.string() + ": 无法写入文件"};
          } else {
            html_notes[i] = fmt::format("{}：审核报告 {}\n", doc.title, out.string());
          }
        }
      } catch (const SourceError& e) {
        r.load_errors = e.messages();
      } catch (const std::exception& e) {
        r.load_errors = {e.what()};
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  int exit_code = kExitOk;
  for (size_t i = 0; i < results.size(); ++i) {
    const CheckedFile& r = results[i];
    if (!r.load_errors.empty()) {
      exit_code = kExitUnreadable;
    } else if (r.Count(Severity::kError) > 0 && exit_code == kExitOk) {
      exit_code = kExitInvalid;
    }
    if (format == "text" && !(quiet && r.load_errors.empty() && r.findings.empty()))
      std::cout << TextReport(r) << "\n";
    std::cout << html_notes[i];
  }
  if (format == "json") std::cout << JsonReport(results);
  if (format != "json" && results.size() > 1) {
    std::cout << "== 汇总\n";
    for (const auto& r : results) std::cout << "  " << SummaryLine(r) << "\n";
  }
  return exit_code;
}

int Score(const std::string& file, const std::string& standard_id, const std::string& reviewer_file,
          bool json, const Common& common) {
  int code = kExitOk;
  auto d = Load(file, common, &code);
  if (!d) return code;
  ScoringStandard standard;
  ReviewerScores reviewer;
  try {
    standard = ScoringStandard::Load(common.data_dir, standard_id);
    if (!reviewer_file.empty()) {
      YAML::Node root = YAML::LoadFile(reviewer_file);
      for (auto p = root.begin(); p != root.end(); ++p) {
        for (auto i = p->second.begin(); i != p->second.end(); ++i) {
          reviewer[p->first.as<std::string>()][i->first.as<std::string>()] = i->second.as<int>();
        }
      }
    }
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  } catch (const YAML::Exception& e) {
    std::cerr << fmt::format(
        "{}:{}: 评审评分文件格式错误（应为「项目名称: {{考核指标编号: 分数}}」）：{}\n",
        reviewer_file, e.mark.line + 1, YamlSyntaxMessage(e.msg));
    return kExitUnreadable;
  }
  Document doc = BuildDisclosure(*d, Templates::Load(common.data_dir, d->year));
  CheckOptions only_perf;
  only_perf.only = {"PRF-001", "PRF-009", "PRF-010", "PRF-011"};
  auto findings = RunChecks(*d, doc, CheckConfig::Load(common.data_dir, "default"), only_perf);
  auto cards = ScoreDeclarations(*d, findings, standard, reviewer);
  std::cout << (json ? ScoreJson(standard, cards) : ScoreText(standard, cards));
  return kExitOk;
}

// The source format to write to `out` ("-" or empty: standard output): `to` if given, else the
// one the name says, else YAML. A name that says another format than --to, or a disclosure
// format, is refused (so that a workbook is never written as text into "x.xlsx"); returns ""
// after saying why. `command` and `file` are for the message.
std::string SourceFormatFor(const std::string& command, const std::string& file,
                            const std::string& out, std::string to) {
  const std::string named = out.empty() || out == "-" ? "" : FormatOfName(out);
  if (named == "pdf" || named == "html") {
    std::cerr << fmt::format(
        "{}: {} 只写源文件（yaml、json 或 xlsx）；要生成公开文件请用 gongkai render {} -o {}\n",
        out, command, file, out);
    return "";
  }
  if (to.empty()) to = named.empty() ? "yaml" : named;
  if (!named.empty() && named != to) {
    std::cerr << fmt::format(
        "{}: 文件扩展名表示 {} 格式，但 --to 为 {}；请改用扩展名 .{}，或去掉 --to\n", out, named,
        to, to);
    return "";
  }
  if (to == "xlsx" && (out.empty() || out == "-")) {
    std::cerr << fmt::format("{} 写 xlsx 工作簿需要 -o 输出文件\n", command);
    return "";
  }
  return to;
}

// Writes `d` as a source in format `to` (see SourceFormatFor) to `out`.
int WriteSourceAs(const Department& d, const std::string& out, const std::string& to,
                  const Common& common) {
  if (to == "xlsx") {
    std::string error;
    if (!WriteWorkbookSource(d, out, &error, common.data_dir)) {
      std::cerr << fmt::format("{}: {}\n", out, error);
      return kExitUnreadable;
    }
    return kExitOk;
  }
  std::string text = to == "json" ? WriteSourceJson(d) : WriteSourceYaml(d);
  if (out.empty() || out == "-") {
    std::cout << text;
    return kExitOk;
  }
  return WriteFile(out, text) ? kExitOk : kExitUnreadable;
}

int Convert(const std::string& file, const std::string& to, const std::string& out,
            const Common& common) {
  const std::string format = SourceFormatFor("convert", file, out, to);
  if (format.empty()) return kExitUnreadable;
  int code = kExitOk;
  auto d = Load(file, common, &code);
  if (!d) return code;
  return WriteSourceAs(*d, out, format, common);
}

// The source with every figure of its disclosure recorded as declared, in the format -o says.
int Declare(const std::string& file, const std::string& out, const Common& common) {
  const std::string format = SourceFormatFor("declare", file, out, "");
  if (format.empty()) return kExitUnreadable;
  int code = kExitOk;
  auto d = Load(file, common, &code);
  if (!d) return code;
  Document doc = BuildDisclosure(*d, Templates::Load(common.data_dir, d->year));
  d->declared = DeclareFromDisclosure(*d, doc);
  return WriteSourceAs(*d, out, format, common);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gongkai — 部门预算编制、审核与公开"};
  app.require_subcommand(1);
  Common common;
  app.add_option("--data", common.data_dir, "数据目录（分类科目、公开模板），默认为内置数据")
      ->check(CLI::ExistingDirectory);
  app.add_option("--catalog", common.catalogs,
                 "用户提供的科目 CSV（function.csv 或 economic.csv 格式），替换或补充内置科目")
      ->check(CLI::ExistingFile);

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

  bool markdown = false;
  auto* rules = app.add_subcommand("rules", "列出全部审核规则");
  rules->add_flag("--markdown", markdown, "输出 docs/rules.md 的内容");

  auto* convert = app.add_subcommand("convert", "在 YAML、JSON 源文件与 Excel 录入工作簿之间转换");
  convert->add_option("FILE", file, "部门预算源文件（YAML、JSON 或 xlsx 工作簿）")->required();
  convert->add_option("--to", to, "目标格式：yaml、json 或 xlsx（默认按 -o 的扩展名，否则 yaml）")
      ->check(CLI::IsMember({"yaml", "json", "xlsx"}));
  convert->add_option("-o,--output", out_file, "输出文件（默认标准输出）");

  int template_year = 2024;
  auto* templ = app.add_subcommand("template", "生成空白的 Excel 录入工作簿（含说明与下拉列表）");
  templ->add_option("--year", template_year, "预算年度（决定科目下拉列表）")->required();
  templ->add_option("-o,--output", out_file, "输出文件（.xlsx）")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*render) return Render(inputs, out_dir, format, office, jobs, quiet, common);
    if (*generate) return Generate(count, year, gen_declared, out_dir, common);
    if (*check)
      return Check(inputs, json_flag ? "json" : check_format, out_dir, profile, region, only, jobs,
                   quiet, common);
    if (*rules) {
      if (markdown) {
        std::cout << RulesMarkdown();
      } else {
        for (const auto& r : AllRules()) {
          std::cout << fmt::format("{}  {}  {}  {}\n", r.id, SeverityName(r.severity), r.family,
                                   r.title);
        }
      }
      return kExitOk;
    }
    if (*convert) return Convert(file, to, out_file, common);
    if (*templ) {
      if (FormatOfName(out_file) != "xlsx") {
        std::cerr << fmt::format("-o {}：录入工作簿是 Excel 文件，文件名应以 .xlsx 结尾\n",
                                 out_file);
        return kExitUnreadable;
      }
      if (!fs::is_directory(fs::path(common.data_dir) / "catalogs" /
                            std::to_string(template_year))) {
        std::cerr << fmt::format(
            "没有{}年度的内置分类科目目录（{}/catalogs），无法生成该年度的下拉列表\n",
            template_year, common.data_dir);
        return kExitUnreadable;
      }
      std::string error;
      if (!WriteWorkbookTemplate(template_year, out_file, &error, common.data_dir)) {
        std::cerr << fmt::format("{}: {}\n", out_file, error);
        return kExitUnreadable;
      }
      std::cout << fmt::format("已生成{}年录入工作簿 {}\n", template_year, out_file);
      return kExitOk;
    }
    if (*score) return Score(file, standard_id, reviewer_file, score_json, common);
    if (*declare) return Declare(file, out_file, common);
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}
