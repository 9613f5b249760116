// Where the cells of a Table sit in its grid of columns, shared by the PDF and XLSX writers
// (the HTML leaves this to the browser). Header cells follow the HTML table model: a cell
// takes the next column of its row not already covered by a rowspan from an earlier row.
#ifndef GONGKAI_RENDER_TABLE_GRID_H_
#define GONGKAI_RENDER_TABLE_GRID_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "disclosure/document.h"

namespace gongkai {

// The number of columns: the widest of the header rows, the body rows and numeric_columns.
inline size_t ColumnCount(const Table& t) {
  size_t n = t.numeric_columns.size();
  auto width = [](const std::vector<Cell>& cells) {
    size_t w = 0;
    for (const auto& c : cells) w += static_cast<size_t>(std::max(c.colspan, 1));
    return w;
  };
  for (const auto& row : t.header) n = std::max(n, width(row));
  for (const auto& row : t.rows) n = std::max(n, width(row.cells));
  return std::max<size_t>(n, 1);
}

struct GridCell {
  const Cell* cell;
  size_t row, col;    // top left
  size_t rows, cols;  // spans, clipped to the grid
};

inline std::vector<GridCell> HeaderGrid(const Table& t, size_t columns) {
  std::vector<GridCell> out;
  std::vector<std::vector<bool>> used(t.header.size(), std::vector<bool>(columns, false));
  for (size_t r = 0; r < t.header.size(); ++r) {
    size_t col = 0;
    for (const auto& c : t.header[r]) {
      while (col < columns && used[r][col]) ++col;
      if (col >= columns) break;
      size_t cols = std::min<size_t>(static_cast<size_t>(std::max(c.colspan, 1)), columns - col);
      size_t rows =
          std::min<size_t>(static_cast<size_t>(std::max(c.rowspan, 1)), t.header.size() - r);
      for (size_t rr = r; rr < r + rows; ++rr) {
        for (size_t cc = col; cc < col + cols; ++cc) used[rr][cc] = true;
      }
      out.push_back({&c, r, col, rows, cols});
      col += cols;
    }
  }
  return out;
}

// A column holds amounts (right-aligned, number format) by the table's declaration.
inline bool NumericColumn(const Table& t, size_t col) {
  return col < t.numeric_columns.size() && t.numeric_columns[col];
}

}  // namespace gongkai

#endif  // GONGKAI_RENDER_TABLE_GRID_H_
