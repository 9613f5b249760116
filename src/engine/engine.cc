#include "engine/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "base/atomic_file.h"
#include "disclosure/disclosure.h"
#include "disclosure/figures.h"
#include "model/synthetic_department.h"
#include "model/synthetic_final_accounts.h"
#include "render/audit_report.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"
#include "render/xlsx_renderer.h"
#include "review/declare.h"
#include "review/published_relations.h"
#include "review/published_source.h"
#include "source/source_loader.h"
#include "source/source_writer.h"
#include "source/workbook_source.h"

namespace gongkai {

std::string BundledDataDir() {
  if (const char* env = std::getenv("GONGKAI_DATA"); env && *env) return env;
#ifdef GONGKAI_DATA_DIR
  return GONGKAI_DATA_DIR;
#else
  return "data";
#endif
}

bool Loaded::unreadable() const {
  for (const auto& d : diagnostics) {
    if (d.cause == Diagnostic::Cause::kUnreadable) return true;
  }
  return false;
}

namespace {

// Why `what` (PDF, 审核报告) cannot be made: the program has no drawing (engine/drawing.h).
std::string NoDrawing(const std::string& what) {
  return fmt::format("此程序不绘制{}（未带绘图模块 draw；gongkai 由 gongkai-draw 绘制）", what);
}

// The loader's diagnostics, structured (file:line:column or sheet!cell as fields).
Diagnostics FromSourceError(const SourceError& e) { return e.diagnostics(); }

Diagnostic Unreadable(std::string code, const std::string& file, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.cause = Diagnostic::Cause::kUnreadable;
  d.where.file = file;
  d.message = std::move(message);
  return d;
}

}  // namespace

Engine::Engine(EngineOptions options)
    : options_(std::move(options)),
      catalogs_(MakeCatalogProvider(options_.data_dir, options_.catalog_overlays)) {}

std::shared_ptr<const Catalog> Engine::CatalogOf(int year) const { return catalogs_(year); }

bool Engine::HasCatalog(int year) const {
  std::error_code ec;
  return std::filesystem::is_directory(
      std::filesystem::path(options_.data_dir) / "catalogs" / std::to_string(year), ec);
}

const Templates& Engine::TemplatesOf(DocumentKind kind, int year, const std::string& region) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = templates_[{kind, year, region}];
  if (!slot) {
    slot = std::make_unique<Templates>(Templates::Load(options_.data_dir, kind, year, region));
  }
  return *slot;
}

const CheckConfig& Engine::CheckConfigOf(const std::string& region) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = check_configs_.find(region);
  if (it == check_configs_.end()) {
    auto config = std::make_unique<CheckConfig>(CheckConfig::Load(options_.data_dir, region));
    it = check_configs_.emplace(region, std::move(config)).first;
  }
  return *it->second;
}

ScoringStandard Engine::ScoringStandardOf(const std::string& id) const {
  return ScoringStandard::Load(options_.data_dir, id);
}

namespace {

// What `read` gives, or its errors as diagnostics.
template <typename ReadFn>
Loaded LoadWith(const ReadFn& read) {
  Loaded out;
  try {
    out.department = read();
  } catch (const SourceError& e) {
    out.diagnostics = FromSourceError(e);
  } catch (const CatalogError& e) {
    out.diagnostics.push_back(Unreadable("refdata", "", e.what()));
  }
  return out;
}

}  // namespace

Loaded Engine::Load(const std::string& path) const {
  Loaded out = LoadWith([&] {
    return IsWorkbookPath(path) ? ReadWorkbookSource(path, catalogs_) : LoadSource(path, catalogs_);
  });
  if (out.ok()) ResolveBudget(path, &out);
  return out;
}

// A 决算 names the budget of its year (final_accounts.budget, relative to the 决算's file):
// its 年初预算 per 功能 项 of 一般公共预算财政拨款 are taken from that budget's lines, so that
// every 完成% is computed, never typed; so is its 机关运行经费预算数.
void Engine::ResolveBudget(const std::string& path, Loaded* loaded) const {
  Department& d = *loaded->department;
  FinalAccounts& fa = d.final_accounts;
  if (d.kind != DocumentKind::kFinalAccounts || fa.budget_source.empty()) return;
  namespace fs = std::filesystem;
  const std::string budget_path =
      (fs::path(path).parent_path() / fs::path(fa.budget_source)).lexically_normal().string();
  auto fail = [&](std::string message) {
    Diagnostic diag;
    diag.code = "source";
    diag.where.file = path;
    diag.message = std::move(message);
    loaded->diagnostics.push_back(std::move(diag));
    loaded->department.reset();
  };
  if (SameFile(budget_path, path)) return fail("final_accounts.budget 指向决算源文件本身");
  Loaded budget;
  try {
    budget.department = IsWorkbookPath(budget_path) ? ReadWorkbookSource(budget_path, catalogs_)
                                                    : LoadSource(budget_path, catalogs_);
  } catch (const SourceError& e) {
    budget.diagnostics = FromSourceError(e);
  }
  if (!budget.ok()) {
    fail(fmt::format("final_accounts.budget「{}」无法读取（见下）", fa.budget_source));
    for (auto& diag : budget.diagnostics) loaded->diagnostics.push_back(std::move(diag));
    return;
  }
  const Department& b = *budget.department;
  if (b.kind != DocumentKind::kBudget || b.year != d.year) {
    return fail(fmt::format("final_accounts.budget「{}」应为本部门{}年的预算源文件（它是{}年{}）",
                            fa.budget_source, d.year, b.year, DocumentKindName(b.kind)));
  }
  fa.operating_budget_of_budget = ComputeFigures(b).operating_expenses;
  for (const auto& line : b.lines) {
    if (!IsGeneralCurrent(line)) continue;
    fa.budget_by_item[line.function] += line.amount;
    fa.budget_total += line.amount;
  }
}

Loaded Engine::LoadText(const std::string& text, const std::string& name) const {
  return LoadWith([&] { return ParseSource(text, name, catalogs_); });
}

Loaded Engine::LoadWorkbookBytes(std::string_view bytes, const std::string& name) const {
  return LoadWith([&] { return ReadWorkbookSourceBytes(bytes, name, catalogs_); });
}

Department Engine::Synthetic(uint64_t seed, int year) const {
  return MakeSyntheticDepartment(seed, CatalogOf(year));
}

Department Engine::SyntheticFinalAccounts(const Department& budget, uint64_t seed,
                                          const std::string& budget_file) const {
  return MakeSyntheticFinalAccounts(budget, seed, budget_file);
}

Document Engine::Disclose(const Department& d) const {
  return BuildDisclosure(d, TemplatesOf(d.kind, d.year, d.region_name));
}

Department Engine::WithDeclaredFigures(const Department& d) const {
  Department out = d;
  out.declared = DeclareFromDisclosure(d, Disclose(d));
  return out;
}

std::vector<Finding> Engine::Review(const Department& d, const Document& doc,
                                    const ReviewOptions& options) const {
  return RunChecks(d, doc, CheckConfigOf(options.region), options.rules);
}

bool Engine::Render(const Document& doc, DisclosureFormat format, const OfficeOptions& office,
                    std::string* bytes, std::string* error) const {
  switch (format) {
    case DisclosureFormat::kHtml:
      *bytes = RenderHtml(doc);
      return true;
    case DisclosureFormat::kJson:
      *bytes = RenderJson(doc);
      return true;
    case DisclosureFormat::kPdf:
      if (!Draws()) {
        *error = NoDrawing("PDF");
        return false;
      }
      return options_.drawing->RenderPdf(doc, bytes, error);
    case DisclosureFormat::kXlsx: {
      // libxlsxwriter writes files only: through a temporary file that is then read back.
      static std::atomic<unsigned> counter{0};
      AtomicFile scratch((std::filesystem::temp_directory_path() /
                          fmt::format("gongkai-render-{}.xlsx", counter++))
                             .string());
      if (!WriteXlsx(doc, scratch.temporary_path(), office, error)) return false;
      std::FILE* f = std::fopen(scratch.temporary_path().c_str(), "rb");
      if (!f) {
        *error = "无法读取临时文件：" + SystemReason(errno);
        return false;
      }
      bytes->clear();
      char buffer[65536];
      for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) bytes->append(buffer, n);
      std::fclose(f);
      return true;
    }
  }
  return false;
}

bool Engine::WriteDisclosure(const Document& doc, DisclosureFormat format,
                             const OfficeOptions& office, const std::string& path,
                             std::string* error) const {
  if (format == DisclosureFormat::kXlsx) {
    // libxlsxwriter writes the file itself: to the temporary file, renamed when whole.
    AtomicFile file(path);
    return WriteXlsx(doc, file.temporary_path(), office, error) && file.Commit(error);
  }
  std::string bytes;
  return Render(doc, format, office, &bytes, error) && WriteFileAtomically(path, bytes, error);
}

std::string Engine::SourceText(const Department& d, SourceFormat format) const {
  return format == SourceFormat::kJson ? WriteSourceJson(d) : WriteSourceYaml(d);
}

bool Engine::WriteSource(const Department& d, SourceFormat format, const std::string& path,
                         std::string* error) const {
  if (format == SourceFormat::kXlsx) {
    AtomicFile file(path);
    return WriteWorkbookSource(d, file.temporary_path(), error, options_.data_dir) &&
           file.Commit(error);
  }
  return WriteFileAtomically(path, SourceText(d, format), error);
}

bool Engine::WriteTemplate(DocumentKind kind, int year, const std::string& path,
                           std::string* error) const {
  AtomicFile file(path);
  return WriteWorkbookTemplate(kind, year, file.temporary_path(), error, options_.data_dir) &&
         file.Commit(error);
}

std::string Engine::PdfFontWarning() const {
  return Draws() ? options_.drawing->PdfFontWarning() : "";
}

std::vector<RenderOutcome> Engine::RenderAll(
    const std::vector<std::string>& sources, const std::vector<std::string>& outputs,
    DisclosureFormat format, const OfficeOptions& office, int jobs,
    const std::function<void(const RenderOutcome&)>& done) const {
  std::vector<RenderOutcome> outcomes(sources.size());
  std::mutex done_mutex;
  ParallelFor(sources.size(), jobs, [&](size_t i) {
    RenderOutcome& r = outcomes[i];
    r.source = sources[i];
    r.output = outputs[i];
    try {
      Loaded loaded = Load(sources[i]);
      if (!loaded.ok()) {
        r.diagnostics = std::move(loaded.diagnostics);
      } else if (loaded.department->published.present) {
        Diagnostic diag;
        diag.code = "source";
        diag.where.file = sources[i];
        diag.message = PublishedSourceRefusal("生成公开文件");
        r.diagnostics.push_back(std::move(diag));
      } else {
        Document doc = Disclose(*loaded.department);
        r.title = doc.title;
        r.tables = doc.tables.size();
        std::string error;
        if (!WriteDisclosure(doc, format, office, outputs[i], &error)) {
          r.diagnostics.push_back(Unreadable("output", outputs[i], error));
        }
      }
    } catch (const std::exception& e) {
      r.diagnostics.push_back(Unreadable("unreadable", sources[i], e.what()));
    }
    std::lock_guard<std::mutex> lock(done_mutex);
    if (done) done(r);
  });
  return outcomes;
}

std::vector<CheckOutcome> Engine::CheckAll(const std::vector<std::string>& sources,
                                           const std::vector<std::string>& reports,
                                           const ReviewOptions& options, int jobs) const {
  std::vector<CheckOutcome> outcomes(sources.size());
  ParallelFor(sources.size(), jobs, [&](size_t i) {
    CheckedFile& r = outcomes[i].file;
    r.path = sources[i];
    try {
      Loaded loaded = Load(sources[i]);
      if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics) r.load_errors.push_back(d.ToString());
        std::string error;
        if (!reports[i].empty()) {
          if (WriteFileAtomically(reports[i], LoadErrorReport(r), &error)) {
            outcomes[i].report = reports[i];
          } else {
            r.load_errors.push_back(reports[i] + ": " + error);
          }
        }
        return;
      }
      // A published document read back has no detail to disclose: its own figures are checked.
      Document doc;
      if (loaded.department->published.present) {
        doc.title = PublishedSourceTitle(*loaded.department);
      } else {
        doc = Disclose(*loaded.department);
      }
      r.title = doc.title;
      r.findings = Review(*loaded.department, doc, options);
      if (!reports[i].empty()) {
        std::string error;
        if (!WriteFileAtomically(reports[i], HtmlReport(r, doc), &error)) {
          r.load_errors = {reports[i] + ": " + error};
        } else {
          outcomes[i].report = reports[i];
        }
      }
    } catch (const std::exception& e) {
      r.load_errors = {e.what()};
    }
  });
  return outcomes;
}

// What `gongkai audit` does to a document once read: its arithmetic, the relations between its
// tables, its text against its tables and its prose's own arithmetic, grouped by cause.
void Engine::CheckRead(AuditedDocument* a) const {
  const CheckConfig& config = CheckConfigOf("default");
  const std::shared_ptr<const ProseWords> words =
      config.prose_words ? config.prose_words() : nullptr;
  a->findings = AuditPublished(*a->document, *config.three_public_words(), words.get());
}

std::vector<AuditedDocument> Engine::AuditAll(const std::vector<std::string>& paths,
                                              int jobs) const {
  std::vector<AuditedDocument> out(paths.size());
  reader::ReaderOptions options;
  options.data_dir = options_.data_dir;
  ParallelFor(paths.size(), jobs, [&](size_t i) {
    AuditedDocument& a = out[i];
    a.path = paths[i];
    try {
      a.document = reader::ReadPublished(paths[i], options);
      CheckRead(&a);
    } catch (const std::exception& e) {
      a.document.reset();
      a.error = e.what();
    }
  });
  PairTextWithTables(&out);
  return out;
}

void Engine::PairTextWithTables(std::vector<AuditedDocument>* all) const {
  auto same = [](const reader::PublishedDocument& a, const reader::PublishedDocument& b) {
    return a.kind == b.kind && a.kind != reader::DocumentKind::kUnknown && a.year == b.year &&
           a.year != 0 && a.department == b.department && !a.department.empty();
  };
  for (AuditedDocument& text : *all) {
    if (!text.document || !text.document->tables.empty() || text.document->text_figures.empty()) {
      continue;
    }
    const AuditedDocument* tables = nullptr;
    int candidates = 0;
    for (const AuditedDocument& other : *all) {
      if (&other == &text || !other.document || other.document->tables.empty()) continue;
      if (!same(*text.document, *other.document)) continue;
      tables = &other;
      ++candidates;
    }
    // Two documents with tables for one text: which one it goes with is a guess.
    if (candidates != 1) continue;
    text.tables_from = std::filesystem::path(tables->path).filename().string();
    AppendTextAgainstTables(*text.document, *tables->document, text.tables_from, &text.findings);
  }
}

AuditedDocument Engine::Audit(const std::string& bytes, const std::string& name) const {
  AuditedDocument a;
  a.path = name;
  reader::ReaderOptions options;
  options.data_dir = options_.data_dir;
  const std::string ext = std::filesystem::path(name).extension().string();
  auto is = [&ext](const char* e) {
    return ext.size() == std::strlen(e) &&
           std::equal(ext.begin(), ext.end(), e, [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == y;
           });
  };
  try {
    if (reader::IsWorkbookName(name)) {
      a.document = reader::ReadPublishedWorkbook(bytes, name, options);
    } else if (is(".txt")) {
      if (bytes.size() > options.max_text_bytes) {
        throw reader::ReaderError(fmt::format("{}：文本文件超过 {} MB 的上限，不予读取", name,
                                              options.max_text_bytes >> 20));
      }
      a.document = reader::ReadPublishedText(bytes, name, options);
    } else {
      a.document = reader::ReadPublishedPdf(bytes, name, options);
    }
    CheckRead(&a);
  } catch (const std::exception& e) {
    a.document.reset();
    a.error = e.what();
  }
  return a;
}

bool Engine::WriteExtract(const AuditedDocument& a, const std::string& dir, const std::string& name,
                          std::vector<std::string>* written, std::string* error) const {
  if (!a.document) return true;
  namespace fs = std::filesystem;
  const fs::path base = fs::path(dir) / (name.empty() ? fs::path(a.path).stem().string() : name);
  const std::string yaml = base.string() + ".yaml";
  std::string text = WriteSourceYaml(SourceFromPublished(*a.document));
  // Say where it came from and how to use it, above the source itself; and what the source
  // cannot hold — the pages that could not be read, the completeness scorecard — as comments
  // (the loader skips them: check gives the same findings).
  std::string notes;
  for (const reader::PageStatus& p : a.document->pages) {
    if (p.readable) continue;
    std::string why = p.why;
    std::replace(why.begin(), why.end(), '\n', ' ');
    notes += fmt::format("# 第{}页无法读取（{}），未读出任何数字\n", p.number, why);
  }
  if (!a.document->completeness.empty()) {
    notes += "# 完整性：" + CompletenessLine(*a.document) + "\n";
  }
  text.insert(
      text.find('\n') + 1,
      fmt::format("# 由 gongkai audit --extract 从「{}」读出：只含公开文件印出的数字（declared），"
                  "没有明细。\n# 改正读错的数字后运行 gongkai check {} 重新核对。\n{}",
                  fs::path(a.path).filename().string(), fs::path(yaml).filename().string(), notes));
  if (!WriteFileAtomically(yaml, text, error)) {
    *error = yaml + ": " + *error;
    return false;
  }
  written->push_back(yaml);
  for (const auto& t : a.document->tables) {
    std::string table = t.id;
    for (int n = 2; std::find(written->begin(), written->end(),
                              (base / (table + ".csv")).string()) != written->end();
         ++n) {
      table = t.id + "-" + std::to_string(n);  // a table printed twice (several units)
    }
    const std::string path = (base / (table + ".csv")).string();
    if (!WriteFileAtomically(path, PublishedTableCsv(t), error)) {
      *error = path + ": " + *error;
      return false;
    }
    written->push_back(path);
  }
  return true;
}

bool Engine::WriteAuditReport(const AuditedDocument& a, const std::string& path,
                              std::string* error) const {
  if (!Draws()) {
    *error = path + ": " + NoDrawing("审核报告");
    return false;
  }
  if (!WriteFileAtomically(path, options_.drawing->AuditHtml(a), error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

std::string PublishedSourceRefusal(const std::string& what) {
  return fmt::format(
      "这是从公开文件读出的源文件（published），只含读出的数字，没有明细，不能{}；"
      "请用 gongkai check 核对它",
      what);
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  const size_t extra =
      std::min<size_t>(n > 0 ? n - 1 : 0, static_cast<size_t>(std::max(1, jobs) - 1));
  for (size_t t = 0; t < extra; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

}  // namespace gongkai
