// The main fields of a source edited in the browser, without a file (issue 16: 编制 "or edit
// the main fields in the browser"):
//
//   GET  /api/submissions/{id}/fields   {id, fields: [{path, label, multiline, value}]}
//   POST /api/submissions/{id}/fields   {values: {path: text}} → 201 a new version (编制), as an
//                                       upload answers; 422 when it no longer loads
//
// Which fields, with their labels, is data: data/server/editable_fields.csv (path, label,
// multiline), paths into the source format (docs/source-format.md). An edit is applied to the
// stored version's source as JSON (Engine::SourceText; lossless), an empty text removing the
// field, and the result is reviewed and stored like an upload: a new immutable version, never a
// change to the old one.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "base/csv.h"
#include "server/api_support.h"

namespace gongkai::server {

namespace {

struct EditableField {
  std::string path, label;
  bool multiline = false;
};

bool IsFieldPath(const std::string& path) {
  if (path.empty() || path.front() == '.' || path.back() == '.') return false;
  for (char ch : path) {
    if (!((ch >= 'a' && ch <= 'z') || ch == '_' || ch == '.')) return false;
  }
  return path.find("..") == std::string::npos;
}

// The fields of data/server/editable_fields.csv, read once per data directory. Throws
// CatalogError (answered as a 500 naming the file and line) when the file is malformed.
const std::vector<EditableField>& EditableFields(const std::string& data_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<EditableField>> by_dir;
  std::lock_guard lock(mutex);
  auto it = by_dir.find(data_dir);
  if (it != by_dir.end()) return it->second;
  const CsvTable table = ReadCsvFile(data_dir + "/server/editable_fields.csv");
  const size_t path = table.Column("path"), label = table.Column("label"),
               multiline = table.Column("multiline");
  std::vector<EditableField> fields;
  for (const CsvRow& row : table.rows) {
    const std::string& flag = row.fields[multiline];
    if (!IsFieldPath(row.fields[path]) || row.fields[label].empty() ||
        (flag != "0" && flag != "1")) {
      throw CatalogError(
          fmt::format("{}:{}: 应为 path（小写字母、下划线，以点分隔）,label,multiline（0 或 1）",
                      table.path, row.line));
    }
    fields.push_back({row.fields[path], row.fields[label], flag == "1"});
  }
  return by_dir.emplace(data_dir, std::move(fields)).first->second;
}

nlohmann::json::json_pointer Pointer(const std::string& path) {
  std::string pointer = "/" + path;
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return nlohmann::json::json_pointer(pointer);
}

// The stored version's source as a JSON tree, or nullopt after a 500.
std::optional<nlohmann::json> SourceTree(Context& c, const Submission& s, httplib::Response& res) {
  std::string error;
  auto department = LoadStored(c.engine, s, &error);
  if (!department) {
    SendError(res, 500, "无法读取已保存的版本：" + error);
    return std::nullopt;
  }
  return nlohmann::json::parse(c.engine.SourceText(*department, SourceFormat::kJson));
}

void Fields(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "查看");
  if (!s) return;
  auto tree = SourceTree(c, *s, res);
  if (!tree) return;
  nlohmann::json fields = nlohmann::json::array();
  for (const EditableField& f : EditableFields(c.engine.options().data_dir)) {
    const auto pointer = Pointer(f.path);
    std::string value;
    if (tree->contains(pointer)) {
      const nlohmann::json& v = (*tree)[pointer];
      value = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
    }
    fields.push_back(
        {{"path", f.path}, {"label", f.label}, {"multiline", f.multiline}, {"value", value}});
  }
  SendJson(res, 200, {{"id", s->id}, {"fields", fields}});
}

void Edit(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "修改");
  if (!s) return;
  if (!MaySubmit(caller->role)) {
    return Refuse(c, *caller, req, res, "拒绝修改 #" + std::to_string(s->id),
                  "角色「" + caller->role + "」不能修改源文件");
  }
  auto body = JsonBody(req, res);
  if (!body) return;
  const nlohmann::json values = body->value("values", nlohmann::json());
  if (!values.is_object() || values.empty()) {
    return SendError(res, 400, "values 应为 {字段: 文字}，至少一项");
  }
  const auto& editable = EditableFields(c.engine.options().data_dir);
  auto tree = SourceTree(c, *s, res);
  if (!tree) return;
  for (const auto& item : values.items()) {
    // Not a structured binding: clang 14 (scripts/tsan.sh, fuzz builds) cannot capture one.
    const std::string& path = item.key();
    const nlohmann::json& text = item.value();
    const bool known = std::any_of(editable.begin(), editable.end(),
                                   [&](const EditableField& f) { return f.path == path; });
    if (!known) {
      std::string names;
      for (const auto& f : editable) names += (names.empty() ? "" : "、") + f.path;
      return SendError(res, 400, "不能在线修改「" + path + "」；可以修改：" + names);
    }
    if (!text.is_string()) return SendError(res, 400, "「" + path + "」的值应为文字");
    const auto pointer = Pointer(path);
    if (Blank(text.get<std::string>())) {
      if (tree->contains(pointer)) (*tree)[pointer.parent_pointer()].erase(pointer.back());
    } else {
      (*tree)[pointer] = text.get<std::string>();
    }
  }
  StoreReviewed(c, *caller, req, res, ReviewSource(c.engine, tree->dump(2), "submission.json"),
                "在线修改 #" + std::to_string(s->id) + " 为新版本");
}

}  // namespace

void RegisterEditApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Get(R"(/api/submissions/(\d{1,15})/fields)", Fields)
      .Post(R"(/api/submissions/(\d{1,15})/fields)", Edit);
}

}  // namespace gongkai::server
