#include "base/csv.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace gongkai {

size_t CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  throw CatalogError(fmt::format("{}:1: 缺少列「{}」", path, name));
}

CsvTable ParseCsv(const std::string& text, const std::string& path) {
  CsvTable table;
  table.path = path;
  std::vector<std::string> fields;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, row_line = 1;
  size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // tolerate a BOM from Excel
  auto end_row = [&] {
    fields.push_back(field);
    field.clear();
    field_started = false;
    bool blank = fields.size() == 1 && fields[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = fields;
      } else {
        if (fields.size() != table.header.size()) {
          throw CatalogError(fmt::format("{}:{}: 此行有{}列，表头有{}列", path, row_line,
                                         fields.size(), table.header.size()));
        }
        table.rows.push_back({row_line, fields});
      }
    }
    fields.clear();
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = true;
      field_started = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\r') {
      // dropped; the following \n ends the row
    } else if (c == '\n') {
      end_row();
      ++line;
      row_line = line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) throw CatalogError(fmt::format("{}:{}: 引号未闭合", path, row_line));
  if (!field.empty() || !fields.empty()) end_row();
  if (table.header.empty()) throw CatalogError(fmt::format("{}:1: 文件为空", path));
  return table;
}

CsvTable ReadCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogError(fmt::format("{}: 无法打开文件", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseCsv(buffer.str(), path);
}

}  // namespace gongkai
