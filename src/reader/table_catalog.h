// Which standard table a title names: the titles of the standard disclosure tables, as data.
//
// Every region words the titles of the nine standard tables its own way (附表4-1 收支总表,
// 部门收支总表, 部门财务收支预算总表, 2026年部门收支总体情况表, 收入支出决算总表 …), so the
// titles are data: data/reader/tables.csv lists, for each table id, the title patterns seen
// in published documents (and where they were seen). The id `other` names tables that are
// recognised but not read (项目支出总表, 政府采购支出表 …): matching them keeps their shorter
// cousins from matching and ends the table before them.
//
// A pattern matches a title when it is contained in the title after normalisation (spaces
// and quotation marks removed, full-width parentheses made ASCII); of several matching
// patterns the longest wins, so 财政拨款收支总表 is not 收支总表.
#ifndef GONGKAI_READER_TABLE_CATALOG_H_
#define GONGKAI_READER_TABLE_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

namespace gongkai {
struct CsvTable;
}  // namespace gongkai

namespace gongkai::reader {

struct TablePattern {
  std::string id;       // income_expenditure_summary, … or "other"
  int sides = 1;        // 2: income | expenditure halves side by side
  std::string pattern;  // normalised
};

class TableCatalog {
 public:
  // Reads <data_dir>/reader/tables.csv. Throws CatalogError naming file:line.
  static TableCatalog Load(const std::string& data_dir);
  static TableCatalog FromCsv(const std::string& text, const std::string& path);

  // The best pattern contained in `title`, or nullptr.
  const TablePattern* Match(std::string_view title) const;
  const std::vector<TablePattern>& patterns() const { return patterns_; }
  // Number of sides of a table id (1 when unknown).
  int SidesOf(const std::string& id) const;

 private:
  static TableCatalog FromCsvTable(const CsvTable& csv);
  std::vector<TablePattern> patterns_;
};

// Title normalisation used for matching (see the file comment).
std::string NormalizeTitle(std::string_view text);

// Chinese name of a standard table id: "支出总表" for expenditure_summary.
std::string TableDisplayName(const std::string& id);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_TABLE_CATALOG_H_
