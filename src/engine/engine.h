// The engine: the one entry point through which the command line (and later the server and
// the document reader) use gongkai. It owns the reference data of one data directory, loaded
// once and shared immutably by every thread, and runs the pipeline
//
//   source (path or bytes) → model (Department) → disclosure (Document) → review (findings)
//                                                                       → render (bytes/files)
//
// Errors a user can cause come back as Diagnostics (what, where, and whether the input is wrong
// or a file could not be read/written), never as a crash or a half-written file: every file is
// written through AtomicFile. Nothing here prints.
#ifndef GONGKAI_ENGINE_ENGINE_H_
#define GONGKAI_ENGINE_ENGINE_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "base/diagnostic.h"
#include "disclosure/document.h"
#include "disclosure/templates.h"
#include "engine/drawing.h"
#include "engine/formats.h"
#include "model/department.h"
#include "refdata/catalog.h"
#include "render/audit_report.h"
#include "render/review_report.h"
#include "render/xlsx_renderer.h"
#include "review/check_config.h"
#include "review/checker.h"
#include "review/scoring.h"

namespace gongkai {

// The data directory bundled with gongkai: $GONGKAI_DATA, else the one configured at build
// time. Only the front ends call it; the library below takes a data directory explicitly.
std::string BundledDataDir();

struct EngineOptions {
  std::string data_dir;                       // catalogs, templates, rules' settings, …
  std::vector<std::string> catalog_overlays;  // the user's full catalog CSVs (--catalog)
  // PDFs and audit reports (engine/drawing.h: draw::CairoDrawing()); none: the engine does
  // everything else, and refuses those with a message.
  const Drawing* drawing = nullptr;
};

// A source read into the model, or why it could not be.
struct Loaded {
  std::optional<Department> department;
  Diagnostics diagnostics;  // errors (when department is empty)
  bool ok() const { return department.has_value(); }
  bool unreadable() const;  // some diagnostic says the file could not be read at all
};

// One source rendered (RenderAll).
struct RenderOutcome {
  std::string source, output;
  std::string title;  // "<department> <year>年部门预算", when it loaded
  size_t tables = 0;
  Diagnostics diagnostics;  // load errors, or why the output could not be written
  bool ok() const { return diagnostics.empty(); }
};

// One source reviewed (CheckAll): the findings, and where its HTML report went.
struct CheckOutcome {
  CheckedFile file;
  std::string report;  // the HTML report written, empty when none
};

struct ReviewOptions {
  std::string region = "default";  // data/check/<region>.csv
  CheckOptions rules;              // profile and rule ids
};

class Engine {
 public:
  explicit Engine(EngineOptions options);
  const EngineOptions& options() const { return options_; }
  // Whether PDFs and audit reports can be made (EngineOptions::drawing).
  bool Draws() const { return options_.drawing != nullptr; }

  // --- reference data (thread-safe; loaded on first use, then shared) ---
  // Throw CatalogError naming the file when the data is missing or malformed.
  std::shared_ptr<const Catalog> CatalogOf(int year) const;
  // `region`: the source's department.region.name, which may choose a regional set.
  const Templates& TemplatesOf(DocumentKind kind, int year, const std::string& region = {}) const;
  const CheckConfig& CheckConfigOf(const std::string& region) const;
  ScoringStandard ScoringStandardOf(const std::string& id) const;
  bool HasCatalog(int year) const;

  // --- source → model ---
  Loaded Load(const std::string& path) const;  // a YAML/JSON source or a filled workbook
  Loaded LoadText(const std::string& text, const std::string& name) const;  // YAML/JSON text
  // A filled workbook's bytes (an upload); `name` stands for the file in messages.
  Loaded LoadWorkbookBytes(std::string_view bytes, const std::string& name) const;

  // A synthetic department of `year` (for tests and benchmarks), the same for the same seed.
  Department Synthetic(uint64_t seed, int year) const;
  // The 决算 of a synthetic budget, naming `budget_file` as its budget; checks clean.
  Department SyntheticFinalAccounts(const Department& budget, uint64_t seed,
                                    const std::string& budget_file) const;

  // --- model → disclosure ---
  Document Disclose(const Department& d) const;
  // The department with every figure of its own disclosure recorded as declared.
  Department WithDeclaredFigures(const Department& d) const;

  // --- review ---
  // Throws CatalogError when the region's settings cannot be read.
  std::vector<Finding> Review(const Department& d, const Document& doc,
                              const ReviewOptions& options) const;

  // --- render ---
  // The disclosure as bytes, or false with *error (a PDF without drawing too).
  bool Render(const Document& doc, DisclosureFormat format, const OfficeOptions& office,
              std::string* bytes, std::string* error) const;
  // The disclosure written to `path` atomically.
  bool WriteDisclosure(const Document& doc, DisclosureFormat format, const OfficeOptions& office,
                       const std::string& path, std::string* error) const;
  // The source in `format`: text for yaml/json (SourceText), a workbook written to `path`.
  std::string SourceText(const Department& d, SourceFormat format) const;
  bool WriteSource(const Department& d, SourceFormat format, const std::string& path,
                   std::string* error) const;
  // An empty input workbook for a document of `kind` and `year`.
  bool WriteTemplate(DocumentKind kind, int year, const std::string& path,
                     std::string* error) const;
  // A warning to show before PDFs are made on a machine without the Chinese fonts, or ""
  // (also without drawing).
  std::string PdfFontWarning() const;

  // --- batches over many sources, on `jobs` threads ---
  // `outputs[i]` is where source i goes. `done` is called (serialised) as each finishes.
  std::vector<RenderOutcome> RenderAll(const std::vector<std::string>& sources,
                                       const std::vector<std::string>& outputs,
                                       DisclosureFormat format, const OfficeOptions& office,
                                       int jobs,
                                       const std::function<void(const RenderOutcome&)>& done) const;
  // Published documents (PDF or pdftotext text) read back and checked (gongkai audit).
  std::vector<AuditedDocument> AuditAll(const std::vector<std::string>& paths, int jobs) const;
  // Among documents audited together, a text published without its tables (北京's 附件1
  // 情况说明, no table read) and the one document of the same department, year and kind that
  // has tables (附件2 报表): the text's figures are checked against those tables
  // (AppendTextAgainstTables), the findings added to the text's, its `tables_from` set.
  // AuditAll does it; the server does it for a batch of uploads.
  void PairTextWithTables(std::vector<AuditedDocument>* all) const;
  // One published document already in memory (the server's uploads), read as its `name`'s
  // extension says, exactly as AuditAll reads a file of that name: .xlsx/.xls a workbook, .txt
  // pdftotext text, anything else a PDF. Refused files come back with the reader's message
  // (naming `name`) in `error`, never as an exception.
  AuditedDocument Audit(const std::string& bytes, const std::string& name) const;

  // What was read from a published document, written into `dir` (atomically) so that an
  // officer can correct it and check it again: one CSV per table in `dir/<name>/`, and the
  // document as a source, `dir/<name>.yaml` (review/published_source.h: its identity, every
  // table figure declared, the headline figures of its text), which `gongkai check` reviews
  // with the audit's checks. The names written in *written, the YAML first.
  // `name` (OutputNames; empty: the document's file name without its extension) names the
  // YAML and the folder of CSVs.
  bool WriteExtract(const AuditedDocument& a, const std::string& dir, const std::string& name,
                    std::vector<std::string>* written, std::string* error) const;

  // The HTML audit report of `a` (draw/audit_html.h), written to `path` atomically; false and
  // *error without drawing.
  bool WriteAuditReport(const AuditedDocument& a, const std::string& path,
                        std::string* error) const;

  // `reports[i]` is where source i's HTML report goes; empty: no report.
  std::vector<CheckOutcome> CheckAll(const std::vector<std::string>& sources,
                                     const std::vector<std::string>& reports,
                                     const ReviewOptions& options, int jobs) const;

 private:
  void ResolveBudget(const std::string& path, Loaded* loaded) const;
  void CheckRead(AuditedDocument* a) const;

  EngineOptions options_;
  std::function<std::shared_ptr<const Catalog>(int)> catalogs_;
  mutable std::mutex mutex_;
  mutable std::map<std::tuple<DocumentKind, int, std::string>, std::unique_ptr<Templates>>
      templates_;
  mutable std::map<std::string, std::unique_ptr<CheckConfig>> check_configs_;
};

// Why `what` (生成公开文件, 记录声明数字 …) cannot be done with a source read back from a published
// document (`audit --extract`, d.published): it holds the figures read, no detail. Such a
// source is for `check` (and `convert` to YAML/JSON).
std::string PublishedSourceRefusal(const std::string& what);

// Runs fn(0) … fn(n-1) on `jobs` threads (the calling thread is one of them). Each index is
// taken once, in order; fn must not throw.
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

}  // namespace gongkai

#endif  // GONGKAI_ENGINE_ENGINE_H_
