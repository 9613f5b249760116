#include "reader/table_catalog.h"

#include <fmt/format.h>

#include <utility>

#include "base/csv.h"

namespace gongkai::reader {

std::string NormalizeTitle(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kReplace[] = {
      {" ", ""},       {"\t", ""},     {"\u3000", ""}, {"\u201C", ""}, {"\u201D", ""},
      {"\u2018", ""},  {"\u2019", ""}, {"\"", ""},     {"'", ""},      {"\uFF08", "("},
      {"\uFF09", ")"}, {"\u300C", ""}, {"\u300D", ""},
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // Only these bytes start a replaced sequence (ASCII blanks and quotes, and the lead bytes of
    // U+2018–U+201D, U+3000–U+300D, U+FF08–U+FF09): copy any other byte at once, for this runs
    // over every line of every page, several times.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != 0xE2 && c != 0xE3 && c != 0xEF) {
      out += text[i++];
      continue;
    }
    bool replaced = false;
    for (const auto& [from, to] : kReplace) {
      if (text.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

TableCatalog TableCatalog::FromCsvTable(const CsvTable& csv) {
  size_t id = csv.Column("id"), sides = csv.Column("sides"), pattern = csv.Column("pattern");
  TableCatalog catalog;
  for (const CsvRow& row : csv.rows) {
    TablePattern p;
    p.id = row.fields[id];
    p.pattern = NormalizeTitle(row.fields[pattern]);
    const std::string& s = row.fields[sides];
    if (s != "1" && s != "2") {
      throw CatalogError(
          fmt::format("{}:{}: sides 应为 1 或 2，而不是“{}”", csv.path, row.line, s));
    }
    p.sides = s == "2" ? 2 : 1;
    if (p.id.empty() || p.pattern.empty()) {
      throw CatalogError(fmt::format("{}:{}: id 和 pattern 不能为空", csv.path, row.line));
    }
    catalog.patterns_.push_back(std::move(p));
  }
  return catalog;
}

TableCatalog TableCatalog::FromCsv(const std::string& text, const std::string& path) {
  return FromCsvTable(ParseCsv(text, path));
}

TableCatalog TableCatalog::Load(const std::string& data_dir) {
  return FromCsvTable(ReadCsvFile(data_dir + "/reader/tables.csv"));
}

const TablePattern* TableCatalog::Match(std::string_view title) const {
  std::string normal = NormalizeTitle(title);
  const TablePattern* best = nullptr;
  for (const TablePattern& p : patterns_) {
    if (normal.find(p.pattern) == std::string::npos) continue;
    if (!best || p.pattern.size() > best->pattern.size()) best = &p;
  }
  return best;
}

int TableCatalog::SidesOf(const std::string& id) const {
  for (const TablePattern& p : patterns_) {
    if (p.id == id) return p.sides;
  }
  return 1;
}

std::string TableDisplayName(const std::string& id) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"income_expenditure_summary", "收支总表"},
      {"income_summary", "收入总表"},
      {"expenditure_summary", "支出总表"},
      {"fiscal_summary", "财政拨款收支总表"},
      {"general_expenditure", "一般公共预算支出表"},
      {"general_basic_expenditure", "一般公共预算基本支出表"},
      {"three_public", "一般公共预算“三公”经费支出表"},
      {"gov_fund_expenditure", "政府性基金预算支出表"},
      {"soe_expenditure", "国有资本经营预算支出表"},
      {"project_expenditure", "项目支出表"},
  };
  for (const auto& [key, name] : kNames) {
    if (id == key) return name;
  }
  return id;
}

}  // namespace gongkai::reader
