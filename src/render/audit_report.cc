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
  return fmt::format("{} {}年{}{}", d.department.empty() ? "（未识别部门）" : d.department,
                     d.year == 0 ? std::string("？") : std::to_string(d.year),
                     reader::KindName(d.kind), d.identity_from_file_name ? "（据文件名）" : "");
}

std::string CellWhere(const std::string& place, const std::string& table, const std::string& row,
                      const std::string& column) {
  std::string out = place + " " + table;
  if (!row.empty()) out += " 行「" + row + "」";
  if (!column.empty()) out += " 列「" + column + "」";
  return out;
}

std::string FindingJsonLevel(const reader::ReaderFinding& f) {
  return f.level == reader::FindingLevel::kError ? "错误" : "提示";
}

nlohmann::ordered_json FindingJson(const reader::ReaderFinding& f) {
  nlohmann::ordered_json j = {{"level", FindingJsonLevel(f)},
                              {"rule", f.rule},
                              {"table", f.table_id},
                              {"page", f.page},
                              {"cell", f.cell},
                              {"row", f.row},
                              {"column", f.column},
                              {"printed", f.printed.Wan(2)},
                              {"computed", f.computed.Wan(2)},
                              {"message", f.message}};
  if (f.line) j["line"] = f.line;
  nlohmann::ordered_json related = nlohmann::ordered_json::array();
  for (const auto& r : f.related) {
    related.push_back({{"table", r.table_id},
                       {"title", r.table_title},
                       {"page", r.page},
                       {"cell", r.cell},
                       {"row", r.row},
                       {"column", r.column},
                       {"printed", r.printed.Wan(2)}});
    if (!r.file.empty()) related.back()["file"] = r.file;
  }
  if (!related.empty()) j["related"] = related;
  nlohmann::ordered_json consequences = nlohmann::ordered_json::array();
  for (const auto& c : f.consequences) consequences.push_back(FindingJson(c));
  if (!consequences.empty()) j["consequences"] = consequences;
  return j;
}

}  // namespace

std::string AuditWhere(const reader::ReaderFinding& f) {
  std::string out = CellWhere(reader::FindingPlace(f), f.table_title, f.row, f.column);
  for (const auto& r : f.related) {
    out += "；对照 " + CellWhere(reader::FindingPlace(r), r.table_title, r.row, r.column);
  }
  return out;
}

std::string CompletenessLine(const reader::PublishedDocument& d) {
  int tables = 0, found = 0, elsewhere_page = 0;
  std::string missing, parts;
  for (const auto& m : d.completeness) {
    if (m.is_table) {
      ++tables;
      found += m.found;
      if (m.elsewhere) elsewhere_page = m.page;
      if (!m.found && !m.elsewhere) missing += (missing.empty() ? "" : "、") + m.name;
      continue;
    }
    parts += fmt::format("；{} {}", m.name,
                         !m.found          ? std::string("无")
                         : m.sheet.empty() ? fmt::format("有（第{}页）", m.page)
                                           : "有（工作表「" + m.sheet + "」）");
  }
  std::string out = fmt::format("公开表 {}/{}", found, tables);
  if (elsewhere_page) out += fmt::format("（另附：第{}页说明公开表另行公开）", elsewhere_page);
  if (!missing.empty()) out += "（缺" + missing + "）";
  return out + parts;
}

std::string AuditSummaryLine(const AuditedDocument& a) {
  if (!a.document) return fmt::format("{}：无法读取（{}）", a.path, a.error);
  const reader::PublishedDocument& d = *a.document;
  int unreadable = 0;
  for (const auto& p : d.pages) unreadable += !p.readable;
  int tables = 0, found = 0;
  bool elsewhere = false;
  for (const auto& m : d.completeness) {
    tables += m.is_table;
    found += m.is_table && m.found;
    elsewhere |= m.elsewhere;
  }
  return fmt::format(
      "{}（{}）：识别公开表{}张（应有{}张中的{}张{}）{}，无法读取的页{}，错误 {}，提示 {}",
      Identity(d), a.path, d.tables.size(), tables, found, elsewhere ? "，公开表另附" : "",
      d.IsBlankForm() ? "，空白表样（无数字）" : "", unreadable, a.Errors(), a.Notes());
}

std::string RoundingNotes(const std::string& table, int n) {
  if (table == "公开说明") return fmt::format("{}：{}处差额在所印数字的四舍五入范围内", table, n);
  return fmt::format("{}：{}处差额在四舍五入范围内（每个加项不超过0.01）", table, n);
}

std::string AuditText(const AuditedDocument& a) {
  if (!a.document) return fmt::format("== {}\n  无法读取：{}\n", a.path, a.error);
  const reader::PublishedDocument& d = *a.document;
  std::string out = fmt::format("== {}  {}\n", Identity(d), a.path);
  std::string tables;
  for (const auto& t : d.tables) {
    tables +=
        fmt::format("{}{}（{}{}）", tables.empty() ? "" : "、", t.title,
                    t.sheet.empty() ? fmt::format("第{}页", t.pages.empty() ? 0 : t.pages.front())
                                    : "工作表「" + t.sheet + "」",
                    t.unit == MoneyUnit::kYuan ? "，单位元" : "");
  }
  out +=
      fmt::format("  识别的公开表（{}张）：{}\n", d.tables.size(), tables.empty() ? "无" : tables);
  for (const auto& p : d.pages) {
    if (!p.readable) out += fmt::format("  第{}页无法读取（{}），未做核对\n", p.number, p.why);
  }
  if (d.IsBlankForm()) out += "  空白表样（模板）：识别的公开表中没有填写数字，未做核对\n";
  // Errors one by one; rounding notes grouped per table.
  std::map<std::string, int> notes;
  for (const auto& f : a.findings) {
    if (f.level == reader::FindingLevel::kNote) {
      ++notes[f.table_title];
      continue;
    }
    out += fmt::format("  错误 {}：{}\n", AuditWhere(f), f.message);
    for (const auto& c : f.consequences) {
      out += fmt::format("    由此引起 {}：{}\n", AuditWhere(c), c.message);
    }
  }
  for (const auto& [table, n] : notes) {
    out += "  提示 " + RoundingNotes(table, n) + "\n";
  }
  if (!d.completeness.empty()) out += "  完整性：" + CompletenessLine(d) + "\n";
  if (!a.tables_from.empty()) {
    out += "  公开表另行公开：文字中的金额已与《" + a.tables_from + "》的公开表核对\n";
  }
  out += "小结：" + AuditSummaryLine(a) + "\n";
  return out;
}

namespace {

nlohmann::ordered_json DocumentJson(const AuditedDocument& a) {
  nlohmann::ordered_json j;
  j["path"] = a.path;
  if (!a.document) {
    j["error"] = a.error;
    return j;
  }
  const reader::PublishedDocument& d = *a.document;
  j["kind"] = reader::KindName(d.kind);
  j["department"] = d.department;
  j["year"] = d.year;
  j["identity_from_file_name"] = d.identity_from_file_name;
  nlohmann::ordered_json tables = nlohmann::ordered_json::array();
  for (const auto& t : d.tables) {
    tables.push_back({{"id", t.id},
                      {"title", t.title},
                      {"pages", t.pages},
                      {"sheet", t.sheet},
                      {"unit", t.unit == MoneyUnit::kYuan ? "元" : "万元"},
                      {"rows", t.rows.size()}});
  }
  j["tables"] = tables;
  j["blank_form"] = d.IsBlankForm();
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (const auto& p : d.pages) {
    if (!p.readable) pages.push_back({{"page", p.number}, {"why", p.why}});
  }
  j["unreadable_pages"] = pages;
  nlohmann::ordered_json completeness = nlohmann::ordered_json::array();
  for (const auto& m : d.completeness) {
    completeness.push_back({{"id", m.id},
                            {"name", m.name},
                            {"table", m.is_table},
                            {"found", m.found},
                            {"elsewhere", m.elsewhere},
                            {"page", m.page}});
  }
  j["completeness"] = completeness;
  if (!a.tables_from.empty()) j["tables_from"] = a.tables_from;
  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  for (const auto& f : d.text_figures) {
    figures.push_back({{"key", f.key},
                       {"phrase", f.phrase},
                       {"amount", f.text},
                       {"page", f.page},
                       {"line", f.line}});
  }
  j["text_figures"] = figures;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& f : a.findings) findings.push_back(FindingJson(f));
  j["findings"] = findings;
  return j;
}

}  // namespace

std::string AuditJson(const std::vector<AuditedDocument>& all) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& a : all) out.push_back(DocumentJson(a));
  return out.dump(2) + "\n";
}

std::string AuditDocumentJson(const AuditedDocument& a) { return DocumentJson(a).dump(); }

std::string PublishedFiguresJson(const reader::PublishedDocument& d) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::array();
  for (const auto& t : d.tables) {
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const auto& c : t.columns) {
      columns.push_back({{"name", c.path.empty() ? c.name : c.path}, {"side", c.side}});
    }
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r : t.rows) {
      nlohmann::ordered_json amounts = nlohmann::ordered_json::array();
      for (const auto& m : r.amounts) {
        if (m.blank) {
          amounts.push_back(nullptr);
        } else {
          amounts.push_back(t.unit == MoneyUnit::kYuan ? m.value.Yuan() : m.value.ExactWan());
        }
      }
      nlohmann::ordered_json row = {{"side", r.side},       {"code", r.code},
                                    {"name", r.name},       {"total", r.is_total},
                                    {"page", r.where.page}, {"amounts", amounts}};
      if (r.where.InSheet()) row["cell"] = reader::PlaceName(r.where);
      rows.push_back(row);
    }
    tables.push_back({{"id", t.id},
                      {"title", t.title},
                      {"pages", t.pages},
                      {"sheet", t.sheet},
                      {"unit", t.unit == MoneyUnit::kYuan ? "元" : "万元"},
                      {"columns", columns},
                      {"rows", rows}});
  }
  return tables.dump();
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
