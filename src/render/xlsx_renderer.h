// The disclosure as an Excel workbook, written with libxlsxwriter.
//
// Sheets: 目录 (the tables, with links), 公开说明 (one paragraph per row), one sheet per table
// named by its 附表 number (or its title when it has none; at most 31 characters, unique), and
// 名词解释. A table sheet reads like the official template: number, title merged across the
// table, 部门/单位 and 单位：万元, header rows with their merged cells, then the body with
// amounts as numbers in `#,##0.00`; header rows frozen and repeated on every printed page, A4
// fitted to the width, landscape for tables of more than eight columns. Every row with wrapped
// text (paragraphs, glossary, long names, the multi-line cells of the performance forms) gets
// a height for all its lines: LibreOffice does not fit rows to their text when it opens a
// workbook, and showed one cut line of each (tests/libreoffice_test.sh prints them).
//
// Amounts are written as values, exact to 0.01 元. With OfficeOptions::with_formulas the
// subtotal rows of the classification tables (合计, 类, 款: a row whose code is a prefix of
// the codes below it) become SUM formulas over their direct children, each with its value
// cached, so an officer can edit the detail and see the totals follow.
#ifndef GONGKAI_RENDER_XLSX_RENDERER_H_
#define GONGKAI_RENDER_XLSX_RENDERER_H_

#include <string>
#include <vector>

#include "disclosure/document.h"
namespace gongkai {

struct OfficeOptions {
  bool with_formulas = false;  // xlsx: subtotal formulas instead of values
};

// Writes the workbook to `path`. Returns false and sets *error when it cannot be written.
bool WriteXlsx(const Document& doc, const std::string& path, const OfficeOptions& options,
               std::string* error);

// The sheet name of each table, in order: the 附表 number or the title, characters Excel
// forbids replaced, cut to 31 characters, made unique (also against 目录, 公开说明, 名词解释).
std::vector<std::string> TableSheetNames(const Document& doc);

// For each body row of `t`, the indices of the rows it sums when it is a subtotal row (a row
// whose code in the first column is a prefix of the codes that follow it, and the 合计 row,
// which sums the top-level rows); empty for other rows. Only the tree tables have them.
std::vector<std::vector<size_t>> SubtotalChildren(const Table& t);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_XLSX_RENDERER_H_
