// A small reader for Excel workbooks (.xlsx, Office Open XML SpreadsheetML).
//
// Debian 12 packages no C++ library that reads xlsx (libxlsxwriter only writes), so this one is
// built on libzip (the zip container, opened from a file or from memory) and pugixml (the XML
// parts). It reads what a finance officer's workbook holds and nothing more:
//   - the sheet list from xl/workbook.xml and its relationships (xl/_rels/workbook.xml.rels),
//     the workbook part itself found through _rels/.rels;
//   - shared strings (xl/sharedStrings.xml, plain and rich-text runs; phonetic runs skipped),
//     inline strings, numbers, booleans, errors, and the cached value of formulas (a formula is
//     never evaluated);
//   - dates: a number whose cell style (xl/styles.xml cellXfs → numFmtId, built-in or custom
//     numFmts) is a date format becomes "YYYY-MM-DD" (1900 and 1904 date systems); for other
//     numbers the style gives the decimal places displayed (a published table's "#,##0.00");
//   - merged ranges (<mergeCells>), kept per sheet.
// A cell's text is what the XML holds: a number stays the decimal text written in the file
// ("9.869999999999999"), never a double; CellMoney() is the one place a number becomes Money.
//
// Anything malformed (not a zip, missing parts, bad XML, bad cell references, parts or sheets
// beyond the size limits below) throws XlsxError, whose message reads
// `file: sheet!cell: message` or `file: message`.
#ifndef GONGKAI_XLSX_XLSX_READER_H_
#define GONGKAI_XLSX_XLSX_READER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/money.h"

namespace gongkai {

class XlsxError : public std::runtime_error {
 public:
  XlsxError(const std::string& file, const std::string& location, const std::string& message);
  const std::string& file() const { return file_; }
  const std::string& location() const { return location_; }  // "sheet!A1", or empty
  const std::string& message() const { return message_; }

 private:
  std::string file_, location_, message_;
};

enum class CellType { kString, kNumber, kBoolean, kDate, kError };

struct XlsxCell {
  int row = 0;  // 1-based
  int col = 0;  // 1-based (A = 1)
  CellType type = CellType::kString;
  std::string text;      // string; number as written; "TRUE"/"FALSE"; "YYYY-MM-DD"; "#N/A"
  bool formula = false;  // the text is the formula's cached value
  // A number's decimal places as its cell style displays it ("#,##0.00": 2, "0": 0), from
  // the style's number format; -1 for General (as many as the value needs).
  int decimals = -1;
};

struct CellRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct XlsxSheet {
  std::string name;
  bool hidden = false;
  std::map<std::pair<int, int>, XlsxCell> cells;  // (row, col) → cell; only non-empty cells
  std::vector<CellRange> merged;
  int max_row = 0, max_col = 0;

  const XlsxCell* At(int row, int col) const;
  const XlsxCell* At(const std::string& ref) const;  // "B3"
  // Text of a cell ("" when empty). With `merged_value`, a cell covered by a merged range
  // reads the range's top-left cell, as Excel displays it.
  std::string Text(int row, int col, bool merged_value = false) const;
};

struct Workbook {
  std::string path;
  std::vector<XlsxSheet> sheets;  // in workbook order
  bool date1904 = false;
  const XlsxSheet* Find(const std::string& name) const;
};

// Limits against hostile files (zip bombs, absurd grids). A department's input workbook is a
// few hundred KB uncompressed with some ten thousand cells; these leave a wide margin while
// keeping any file within a few seconds and a few hundred MB.
constexpr size_t kXlsxMaxFileBytes = 64u << 20;   // the .xlsx file itself
constexpr size_t kXlsxMaxPartBytes = 32u << 20;   // one uncompressed XML part
constexpr size_t kXlsxMaxTotalBytes = 64u << 20;  // all parts read, uncompressed, together
constexpr size_t kXlsxMaxCells = 500'000;         // all sheets together
constexpr size_t kXlsxMaxSharedStrings = 500'000;

Workbook ReadWorkbook(const std::string& path);
// The same from bytes in memory; `name` is used in messages (fuzzing, tests).
Workbook ReadWorkbookFromMemory(const void* data, size_t size, const std::string& name);

// "A1" ↔ (row, col), 1-based. ParseCellRef returns false for anything that is not a cell
// reference inside Excel's grid (1048576 rows × 16384 columns); "$" anchors are accepted.
bool ParseCellRef(const std::string& ref, int* row, int* col);
std::string CellRef(int row, int col);
std::string ColumnName(int col);

// The exact amount of a decimal number text ("9.869999999999999", "1.5E-3", "80") in `unit`,
// rounded half up to 0.01 元. Spreadsheet programs keep numbers as binary doubles (Excel
// shows 15 significant digits, libxlsxwriter writes 16), so a typed 9.87 may come back as
// 9.869999999999999: rounding to the smallest unit a budget records recovers the typed figure.
// The rounding is done on the decimal digits, exactly; this is the only place a spreadsheet
// number becomes money. nullopt when the text is not a number or is out of range.
std::optional<Money> CellMoney(const std::string& number_text, MoneyUnit unit);

}  // namespace gongkai

#endif  // GONGKAI_XLSX_XLSX_READER_H_
