// What the server does with a department's document, all through the Engine: a source text
// reviewed into a Submission to store (or the located diagnostics of why it does not load),
// and a stored submission rendered as its disclosure (HTML, PDF, XLSX, JSON), with a small
// cache: a submission never changes, so neither do its renders.
#ifndef GONGKAI_SERVER_DOCUMENTS_H_
#define GONGKAI_SERVER_DOCUMENTS_H_

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/engine.h"
#include "server/store.h"

namespace gongkai::server {

struct ReviewedSource {
  std::optional<Submission> submission;  // all but id, submitted_by and created_at filled
  nlohmann::json findings;               // the findings array (check --json's form)
  Diagnostics diagnostics;               // why it did not load, when submission is empty
};

// The department a source belongs to, as submissions and users name it: its code when it has
// one, else its name.
std::string DepartmentKey(const Department& d);

// Loads `text` as a YAML/JSON source named `name` (a filled workbook's bytes when `name` ends in
// .xlsx), builds its disclosure and reviews it.
// Throws CatalogError when the region's check settings cannot be read.
ReviewedSource ReviewSource(const Engine& engine, const std::string& text, const std::string& name);

// Diagnostics as JSON: [{message, line, column, where, code}] (line/column 0 when unknown).
nlohmann::json DiagnosticsJson(const Diagnostics& diagnostics);

// A stored submission loaded again (its source never changes): the department, or nullopt
// with *error when the reference data changed since it was stored and it no longer loads.
std::optional<Department> LoadStored(const Engine& engine, const Submission& s, std::string* error);

// Renders stored submissions, remembering the last few renders.
class Renderer {
 public:
  explicit Renderer(const Engine& engine, size_t capacity = 32)
      : engine_(engine), capacity_(capacity) {}
  // The disclosure of `s` in `format`, or nullptr with *error.
  std::shared_ptr<const std::string> Render(const Submission& s, DisclosureFormat format,
                                            std::string* error);

 private:
  const Engine& engine_;
  size_t capacity_;
  std::mutex mutex_;
  std::map<std::pair<int64_t, DisclosureFormat>, std::shared_ptr<const std::string>> cache_;
  std::deque<std::pair<int64_t, DisclosureFormat>> order_;  // oldest first
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_DOCUMENTS_H_
