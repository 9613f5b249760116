// A published workbook's sheets as pages of lines and cells, for the table reader.
//
// Bureaus publish their tables as workbooks too, and budget systems export them that way: one
// standard table per sheet (the sheet named after it, or 表1 … 表9), sometimes several one
// below the other. A sheet is already a grid, so it becomes a Page (text_lines.h) whose lines
// are its rows and whose cells are its non-empty cells, with exact fields as in tab-separated
// text: x = 10 × (column − 1), y = row − 1. The table reader (table_reader.h) then finds the
// titles, units, headers and rows exactly as it does on a PDF page, with the same catalog of
// titles (table_catalog.h) and the same header → column mapping; nothing is read twice.
//
// What a sheet adds:
//   - a merged cell spans its columns (its box covers them), so a header over several columns
//     is their parent ("基本支出/人员经费"), as in a PDF;
//   - a number keeps its value as written (Cell::number, read exactly with CellMoney) and is
//     shown with the decimals of its cell style ("#,##0.00": 1597.66 → "1597.66", 100 →
//     "100.00"); text cells holding amounts ("1,597.66", "-", "(12.00)") read as printed;
//   - every cell knows its row and column, so that a finding names it: 表3!D12;
//   - a sheet without a title row whose name is a table's title ("部门收支总表") is given
//     that title as its first line (it must still be confirmed by a unit line below);
//   - hidden sheets are not part of what was published: listed, not read.
// Line breaks inside a cell ("事业单位\n经营收入") read as spaces, which labels drop; a cell
// alone on its row (a paragraph of the 说明) is read as one line per line break, as printed.
#ifndef GONGKAI_READER_SHEET_PAGES_H_
#define GONGKAI_READER_SHEET_PAGES_H_

#include <vector>

#include "reader/table_catalog.h"
#include "reader/text_lines.h"
#include "xlsx/xlsx_reader.h"

namespace gongkai::reader {

std::vector<Page> PagesFromWorkbook(const Workbook& workbook, const TableCatalog& catalog);

// A number cell's text as its style displays it: the exact value (to 0.01 元 in 万元, six
// decimals) with at least `decimals` decimal places; General (-1) shows whole numbers as
// written ("205"). The text as written when it is not a number.
std::string NumberDisplay(const std::string& number, int decimals);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_SHEET_PAGES_H_
