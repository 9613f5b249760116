// Sources reviewed and submissions rendered through the Engine (documents.h).
#include "server/documents.h"
#include "source/workbook_source.h"

namespace gongkai::server {

std::string DepartmentKey(const Department& d) { return d.code.empty() ? d.name : d.code; }

ReviewedSource ReviewSource(const Engine& engine, const std::string& text,
                            const std::string& name) {
  ReviewedSource out;
  const bool workbook = IsWorkbookPath(name);
  Loaded loaded = workbook ? engine.LoadWorkbookBytes(text, name) : engine.LoadText(text, name);
  if (!loaded.ok()) {
    out.diagnostics = std::move(loaded.diagnostics);
    return out;
  }
  const Department& d = *loaded.department;
  if (d.published.present) {  // figures read from a published document: nothing to submit
    Diagnostic diag;
    diag.code = "source";
    diag.where.file = name;
    diag.message = PublishedSourceRefusal("作为报送的源文件");
    out.diagnostics.push_back(std::move(diag));
    return out;
  }
  Document doc = engine.Disclose(d);
  CheckedFile checked;
  checked.path = name;
  checked.title = doc.title;
  checked.findings = engine.Review(d, doc, ReviewOptions{});
  // The JSON of `gongkai check --json`, so that the API and the command say the same.
  nlohmann::json report = nlohmann::json::parse(JsonReport({checked}));
  out.findings = report["files"][0]["findings"];

  Submission s;
  s.department_code = DepartmentKey(d);
  s.department_name = d.name;
  s.year = d.year;
  s.kind = DocumentKindName(d.kind);
  // A workbook is kept as the YAML source it reads as (lossless: workbook_source.h), so that a
  // stored submission always loads the same way; its findings keep their sheet!cell.
  s.source_name = workbook ? "submission.yaml" : name;
  s.source = workbook ? engine.SourceText(d, SourceFormat::kYaml) : text;
  s.counts = {checked.Count(Severity::kError), checked.Count(Severity::kWarning),
              checked.Count(Severity::kInfo)};
  s.findings_json = out.findings.dump();
  out.submission = std::move(s);
  return out;
}

nlohmann::json DiagnosticsJson(const Diagnostics& diagnostics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : diagnostics) {
    out.push_back({{"message", d.message},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"where", d.where.ToString()},
                   {"code", d.code},
                   {"text", d.ToString()}});
  }
  return out;
}

std::optional<Department> LoadStored(const Engine& engine, const Submission& s,
                                     std::string* error) {
  Loaded loaded = engine.LoadText(s.source, s.source_name);
  if (!loaded.ok()) {
    *error = loaded.diagnostics.empty() ? "无法读取" : loaded.diagnostics[0].ToString();
    return std::nullopt;
  }
  return std::move(loaded.department);
}

std::shared_ptr<const std::string> Renderer::Render(const Submission& s, DisclosureFormat format,
                                                    std::string* error) {
  const auto key = std::make_pair(s.id, format);
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  auto department = LoadStored(engine_, s, error);
  if (!department) return nullptr;
  auto bytes = std::make_shared<std::string>();
  if (!engine_.Render(engine_.Disclose(*department), format, {}, bytes.get(), error)) {
    return nullptr;
  }
  std::lock_guard lock(mutex_);
  if (cache_.emplace(key, bytes).second) {
    order_.push_back(key);
    if (order_.size() > capacity_) {
      cache_.erase(order_.front());
      order_.pop_front();
    }
  }
  return bytes;
}

}  // namespace gongkai::server
