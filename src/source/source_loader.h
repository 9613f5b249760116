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

#include "model/department.h"
#include "refdata/catalog.h"

namespace gongkai {

// All problems found in one source file. what() lists them, one per line.
class SourceError : public std::runtime_error {
 public:
  // `unreadable`: the file could not be read at all (rather than read and found wrong).
  explicit SourceError(std::vector<std::string> messages, bool unreadable = false);
  const std::vector<std::string>& messages() const { return messages_; }
  bool unreadable() const { return unreadable_; }

 private:
  std::vector<std::string> messages_;
  bool unreadable_ = false;
};

// Returns the catalog of a fiscal year (throws CatalogError when there is none).
using CatalogProvider = std::function<std::shared_ptr<const Catalog>(int year)>;

// Parses `text` as if read from `path`.
Department ParseSource(const std::string& text, const std::string& path,
                       const CatalogProvider& catalogs);
// Reads and parses a file; an unreadable file is a SourceError too.
Department LoadSource(const std::string& path, const CatalogProvider& catalogs);

// A provider that loads bundled catalogs from `data_dir` (plus user overlays) once per year.
CatalogProvider MakeCatalogProvider(const std::string& data_dir,
                                    std::vector<std::string> overlays = {});

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_SOURCE_LOADER_H_
