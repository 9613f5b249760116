// Reads a department source file (YAML, or the same structure as JSON) into the model.
//
// The loader is strict: unknown keys, wrong types, unknown codes, bad amounts and dangling
// references are all errors, each reported as `file:line:column: message`. It collects every
// error it can find before giving up, and gives up before anything is built, so a mistake is
// never rendered half-way. See docs/source-format.md.
#ifndef GONGKAI_SOURCE_SOURCE_LOADER_H_
#define GONGKAI_SOURCE_SOURCE_LOADER_H_

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/department.h"
#include "refdata/catalog.h"

namespace gongkai {

// All problems found in one source file, each a Diagnostic located by its struct (file, line,
// column, or the workbook cell), never by text to be parsed back. what() lists them, one per
// line, in their ToString() form.
class SourceError : public std::runtime_error {
 public:
  explicit SourceError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return diagnostics_; }
  // The ToString() of each diagnostic.
  const std::vector<std::string>& messages() const { return messages_; }
  // The file could not be read at all (rather than read and found wrong): a diagnostic's cause
  // is kUnreadable.
  bool unreadable() const { return unreadable_; }

 private:
  Diagnostics diagnostics_;
  std::vector<std::string> messages_;
  bool unreadable_ = false;
};

// A source is wrong at `where` (cause kInvalid, code "source").
Diagnostic SourceDiagnostic(DiagnosticLocation where, std::string message);
// `file` could not be read at all (cause kUnreadable, code "unreadable").
Diagnostic UnreadableDiagnostic(std::string file, std::string message);

// Returns the catalog of a fiscal year (throws CatalogError when there is none).
using CatalogProvider = std::function<std::shared_ptr<const Catalog>(int year)>;

// The largest source file read, in bytes. The biggest real source (a department with a few
// hundred lines and every 项目申报表) is well under 1 MiB; 16 MiB leaves room for any real
// department while a mistaken or hostile file (a log, a disk image, /dev/zero) is refused
// before it is read into memory.
inline constexpr size_t kMaxSourceBytes = size_t{16} << 20;

// How deep mappings and lists may nest in a source. The format itself nests about 8 deep
// (performance → projects → annual → indicators → …); anything deeper is a mistake, and every
// walk of the tree can rely on this bound.
inline constexpr int kMaxSourceDepth = 64;

// Parses `text` as if read from `path`.
Department ParseSource(const std::string& text, const std::string& path,
                       const CatalogProvider& catalogs);
// Reads and parses a file; an unreadable file is a SourceError too, as are a directory, a
// device or pipe (only regular files are read) and a file over kMaxSourceBytes.
Department LoadSource(const std::string& path, const CatalogProvider& catalogs);

// A provider that loads bundled catalogs from `data_dir` (plus user overlays) once per year.
CatalogProvider MakeCatalogProvider(const std::string& data_dir,
                                    std::vector<std::string> overlays = {});

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_SOURCE_LOADER_H_
