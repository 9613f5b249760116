// A small RFC 4180 CSV reader for the catalog data files.
//
// Written here because Debian 12 packages no C++ CSV library; the catalogs need only
// quoted fields, doubled quotes and LF/CRLF line ends, which this covers. Rows keep their
// line number so errors can point at file:line.
#ifndef GONGKAI_BASE_CSV_H_
#define GONGKAI_BASE_CSV_H_

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace gongkai {

struct CsvRow {
  int line = 0;                     // 1-based line where the row starts
  std::vector<std::string> fields;  // in header order
};

struct CsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  // Index of a header column; throws CatalogError when the column is missing.
  size_t Column(const std::string& name) const;
};

// A data file that cannot be used; what() reads "path:line: message".
class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses CSV text. Every row must have as many fields as the header.
CsvTable ParseCsv(const std::string& text, const std::string& path);
CsvTable ReadCsvFile(const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_BASE_CSV_H_
