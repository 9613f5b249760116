// Tables of the PDF: type size, column widths, every cell's shaped text and box, row
// heights — laid out once, then placed on pages (pdf_renderer.cc) with the header repeated
// where a table breaks.
//
// Internal to src/render; not an API.
#ifndef GONGKAI_DRAW_PDF_TABLE_LAYOUT_H_
#define GONGKAI_DRAW_PDF_TABLE_LAYOUT_H_

#include <vector>

#include "disclosure/document.h"
#include "draw/pdf_text.h"

namespace gongkai::pdf {

enum class Align { kLeft, kCenter, kRight };

struct CellBox {
  const Text* text;   // null: an empty cell, borders only
  double x, y, w, h;  // y relative to the top of its row (header: of the header)
  Align align = Align::kLeft;
  double indent = 0;
  bool shaded = false;  // header cells and headings inside forms
};

struct LaidRow {
  std::vector<CellBox> cells;
  double height = 0;
  bool keep_with_next = false;  // a heading inside a form stays with the row under it
};

struct LaidTable {
  bool landscape = false;
  std::vector<CellBox> header;
  double header_height = 0;
  std::vector<LaidRow> rows;
};

constexpr double kCellPadX = 1.3 * kMm;
constexpr double kCellPadY = 0.9 * kMm;
constexpr double kTableSize = 9.5;  // pt, as in the HTML print CSS
constexpr double kMinTableSize = 6;
constexpr double kRule = 0.5;
constexpr double kShade = 0.94;  // header background, as the HTML's #f2f2f2

// Table headers and totals in 黑体, the body in 宋体.
inline Style CellStyle(double size, bool bold, bool header) {
  return Style{header || bold ? Face::kHei : Face::kSong,      size,  0,
               header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, false, 0};
}

inline bool IsBoldRow(RowKind kind) {
  return kind == RowKind::kTotal || kind == RowKind::kClass || kind == RowKind::kHeading;
}

// A tree row (code in the first cell) indents its name by level, as the HTML does.
inline bool IsCodeRow(const Row& row) {
  if (row.cells.empty() || row.cells[0].money || row.cells[0].text.empty()) return false;
  for (char c : row.cells[0].text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Indentation of the name column (the second cell) by tree level, as in the HTML.
inline double RowIndent(const Row& row) {
  if (!IsCodeRow(row)) return 0;
  switch (row.kind) {
    case RowKind::kSection:
      return 2.5 * kMm;
    case RowKind::kItem:
      return 5 * kMm;
    default:
      return 0;
  }
}

// Lays out `t` (shaping its cells with `shaper`, whose Texts the result points into).
LaidTable LayOutTable(Shaper* shaper, const Table& t);

}  // namespace gongkai::pdf

#endif  // GONGKAI_DRAW_PDF_TABLE_LAYOUT_H_
