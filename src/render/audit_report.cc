#include "render/audit_report.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

namespace gongkai {

int AuditedDocument::Errors() const {
  int n = 0;
  for (const auto& f : findings) n += f.level == reader::FindingLevel::kError;
  return n;
}

int AuditedDocument::Notes() const { return static_cast<int>(findings.size()) - Errors(); }

namespace {

std::string Identity(const reader::PublishedDocument& d) {
  return fmt::format("{} {}年{}", d.department.empty() ? "（未识别部门）" : d.department,
                     d.year == 0 ? std::string("？") : std::to_string(d.year),
                     reader::KindName(d.kind));
}

std::string Where(const reader::ReaderFinding& f) {
  std::string out = fmt::format("第{}页 {}", f.page, f.table_title);
  if (!f.row.empty()) out += " 行「" + f.row + "」";
  if (!f.column.empty()) out += " 列「" + f.column + "」";
  return out;
}

}  // namespace

std::string AuditSummaryLine(const AuditedDocument& a) {
  if (!a.document) return fmt::format("{}：无法读取（{}）", a.path, a.error);
  const reader::PublishedDocument& d = *a.document;
  int unreadable = 0;
  for (const auto& p : d.pages) unreadable += !p.readable;
  return fmt::format("{}（{}）：识别公开表{}张，无法读取的页{}，错误 {}，提示 {}", Identity(d),
                     a.path, d.tables.size(), unreadable, a.Errors(), a.Notes());
}

std::string AuditText(const AuditedDocument& a) {
  if (!a.document) return fmt::format("== {}\n  无法读取：{}\n", a.path, a.error);
  const reader::PublishedDocument& d = *a.document;
  std::string out = fmt::format("== {}  {}\n", Identity(d), a.path);
  std::string tables;
  for (const auto& t : d.tables) {
    tables += fmt::format("{}{}（第{}页{}）", tables.empty() ? "" : "、", t.title,
                          t.pages.empty() ? 0 : t.pages.front(),
                          t.unit == MoneyUnit::kYuan ? "，单位元" : "");
  }
  out +=
      fmt::format("  识别的公开表（{}张）：{}\n", d.tables.size(), tables.empty() ? "无" : tables);
  for (const auto& p : d.pages) {
    if (!p.readable) out += fmt::format("  第{}页无法读取（{}），未做核对\n", p.number, p.why);
  }
  // Errors one by one; rounding notes grouped per table.
  std::map<std::string, int> notes;
  for (const auto& f : a.findings) {
    if (f.level == reader::FindingLevel::kNote) {
      ++notes[f.table_title];
      continue;
    }
    out += fmt::format("  错误 {}：{}\n", Where(f), f.message);
  }
  for (const auto& [table, n] : notes) {
    out += fmt::format("  提示 {}：{}处差额在四舍五入范围内（每个加项不超过0.01）\n", table, n);
  }
  out += "小结：" + AuditSummaryLine(a) + "\n";
  return out;
}

std::string AuditJson(const std::vector<AuditedDocument>& all) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& a : all) {
    nlohmann::ordered_json j;
    j["path"] = a.path;
    if (!a.document) {
      j["error"] = a.error;
      out.push_back(j);
      continue;
    }
    const reader::PublishedDocument& d = *a.document;
    j["kind"] = reader::KindName(d.kind);
    j["department"] = d.department;
    j["year"] = d.year;
    nlohmann::ordered_json tables = nlohmann::ordered_json::array();
    for (const auto& t : d.tables) {
      tables.push_back({{"id", t.id},
                        {"title", t.title},
                        {"pages", t.pages},
                        {"unit", t.unit == MoneyUnit::kYuan ? "元" : "万元"},
                        {"rows", t.rows.size()}});
    }
    j["tables"] = tables;
    nlohmann::ordered_json pages = nlohmann::ordered_json::array();
    for (const auto& p : d.pages) {
      if (!p.readable) pages.push_back({{"page", p.number}, {"why", p.why}});
    }
    j["unreadable_pages"] = pages;
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& f : a.findings) {
      findings.push_back({{"level", f.level == reader::FindingLevel::kError ? "错误" : "提示"},
                          {"table", f.table_id},
                          {"page", f.page},
                          {"row", f.row},
                          {"column", f.column},
                          {"printed", f.printed.Wan(2)},
                          {"computed", f.computed.Wan(2)},
                          {"message", f.message}});
    }
    j["findings"] = findings;
    out.push_back(j);
  }
  return out.dump(2) + "\n";
}

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string PublishedTableCsv(const reader::PublishedTable& t) {
  std::string out = "\xEF\xBB\xBF";
  out += "侧,科目编码,项目";
  for (const auto& c : t.columns) out += "," + CsvField(c.path.empty() ? c.name : c.path);
  out += ",页\n";
  for (const auto& r : t.rows) {
    out += (r.side == 0 ? "左" : "右");
    out += "," + CsvField(r.code) + "," + CsvField(r.name);
    for (const auto& a : r.amounts) {
      out += ",";
      if (!a.blank) out += t.unit == MoneyUnit::kYuan ? a.value.Yuan() : a.value.ExactWan();
    }
    out += "," + std::to_string(r.where.page) + "\n";
  }
  return out;
}

}  // namespace gongkai
