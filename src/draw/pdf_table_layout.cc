#include "draw/pdf_table_layout.h"

#include <algorithm>
#include <cmath>

#include "render/table_grid.h"

namespace gongkai::pdf {
namespace {

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

// Column widths, in stages as a browser's automatic table layout does, but preferring body
// text over headers: every column first gets its minimum (amounts on one line, headers
// wrapped to about three lines, text four characters); then columns grow towards the width
// their body cells need on one line (names that do not wrap); then towards their headers on
// one line; any width left is shared in proportion. Returns false when even the minimums do
// not fit, so that the caller sets the table smaller.
bool ColumnWidths(const std::vector<std::vector<double>>& stages, double available,
                  std::vector<double>* widths) {
  const std::vector<double>& minimum = stages.front();
  widths->assign(minimum.size(), 0);
  if (Sum(minimum) > available + 0.01) return false;
  for (size_t k = 1; k < stages.size(); ++k) {
    const std::vector<double>& from = stages[k - 1];
    const std::vector<double>& to = stages[k];
    double have = Sum(from), want = Sum(to);
    if (want < available) continue;
    for (size_t c = 0; c < to.size(); ++c) {
      double share = want > have ? (available - have) * (to[c] - from[c]) / (want - have) : 0;
      (*widths)[c] = from[c] + share;
    }
    return true;
  }
  const std::vector<double>& last = stages.back();
  double total = Sum(last);
  for (size_t c = 0; c < last.size(); ++c) {
    (*widths)[c] = last[c] + (available - total) * last[c] / total;
  }
  return true;
}

// Lays out one table: type size, column widths, every cell's text and box, row heights.
class TableLayouter {
 public:
  TableLayouter(Shaper* shaper, const Table& t) : shaper_(shaper), t_(t) {}

  LaidTable Lay() {
    const size_t columns = ColumnCount(t_);
    LaidTable out;
    out.landscape = columns > kMaxPortraitColumns;
    const Geometry& g = GeometryOf(out.landscape);
    const double available = g.right - g.left;
    const std::vector<GridCell> grid = HeaderGrid(t_, columns);

    // Try the normal size; if even the minimum widths do not fit (a very wide table), set the
    // whole table smaller in proportion, down to a size that still prints legibly.
    double size = kTableSize;
    std::vector<double> widths;
    for (;;) {
      Shape(grid, size);
      std::vector<std::vector<double>> stages = Demands(grid, columns, size);
      if (ColumnWidths(stages, available, &widths)) break;
      double sum_min = Sum(stages.front());
      if (size <= kMinTableSize) {  // still too wide: squeeze the minimums to the page
        for (size_t c = 0; c < columns; ++c) widths[c] = stages.front()[c] * available / sum_min;
        break;
      }
      // Minimum widths scale with the type size; round down to a quarter point.
      double next = std::floor(size * available / sum_min * 4) / 4;
      size = std::max(kMinTableSize, std::min(next, size - 0.25));
    }
    std::vector<double> x(columns + 1, g.left);
    for (size_t c = 0; c < columns; ++c) x[c + 1] = x[c] + widths[c];
    LayHeader(grid, x, size, &out);
    LayBody(x, size, &out);
    return out;
  }

 private:
  // Amounts right, headings inside forms and cells spanning columns of a list centered, the
  // rest left.
  Align CellAlign(const Row& row, const Cell& cell, size_t col) const {
    if (NumericColumn(t_, col) || cell.money) return Align::kRight;
    if (row.kind == RowKind::kHeading || (cell.colspan > 1 && !t_.form)) return Align::kCenter;
    return Align::kLeft;
  }
  static PangoAlignment PangoAlign(Align a) {
    return a == Align::kRight    ? PANGO_ALIGN_RIGHT
           : a == Align::kCenter ? PANGO_ALIGN_CENTER
                                 : PANGO_ALIGN_LEFT;
  }

  // Shapes every cell on one line at `size`; they are wrapped once the widths are known.
  void Shape(const std::vector<GridCell>& grid, double size) {
    header_texts_.clear();
    body_texts_.clear();
    for (const auto& g : grid) {
      header_texts_.push_back(shaper_->Shape(g.cell->Display(), CellStyle(size, true, true)));
    }
    for (const auto& row : t_.rows) {
      std::vector<Text*> texts;
      Style style = CellStyle(size, IsBoldRow(row.kind), false);
      size_t col = 0;
      for (const auto& c : row.cells) {
        // Aligned before shaping: changing a pango layout's alignment lays it out again.
        style.align = PangoAlign(CellAlign(row, c, col));
        texts.push_back(shaper_->Shape(c.Display(), style));
        col += static_cast<size_t>(std::max(c.colspan, 1));
      }
      body_texts_.push_back(std::move(texts));
    }
    note_text_ = nullptr;
    if (!t_.has_data && !t_.empty_note.empty()) {
      Style s = CellStyle(size, false, false);
      s.align = PANGO_ALIGN_CENTER;
      note_text_ = shaper_->Shape(t_.empty_note, s);
    }
  }

  // Per column: the minimum width, the width for the body on one line, and for everything
  // on one line (see ColumnWidths).
  std::vector<std::vector<double>> Demands(const std::vector<GridCell>& grid, size_t columns,
                                           double size) {
    const double em = size;
    std::vector<double> minimum(columns, 2 * em + 2 * kCellPadX);
    std::vector<double> body(columns, 0), natural(columns, 0);
    for (size_t i = 0; i < grid.size(); ++i) {
      if (grid[i].cols != 1) continue;
      size_t c = grid[i].col;
      double w = header_texts_[i]->width;
      natural[c] = std::max(natural[c], w + 2 * kCellPadX);
      // At most three lines of whole characters (plus the slack WrapAt gives a line).
      double third = (std::ceil(w / em / 3 - 0.01) + 0.3) * em;
      minimum[c] = std::max(minimum[c], std::max(2 * em, third) + 2 * kCellPadX);
    }
    for (size_t r = 0; r < t_.rows.size(); ++r) {
      const Row& row = t_.rows[r];
      size_t col = 0;
      for (size_t i = 0; i < row.cells.size() && col < columns; ++i) {
        const Cell& cell = row.cells[i];
        size_t span = static_cast<size_t>(std::max(cell.colspan, 1));
        if (span == 1) {
          double w = body_texts_[r][i]->width + 2 * kCellPadX + (i == 1 ? RowIndent(row) : 0);
          body[col] = std::max(body[col], w);
          bool one_line = NumericColumn(t_, col) || cell.money.has_value();
          minimum[col] = std::max(minimum[col], one_line ? w : std::min(w, 4 * em + 2 * kCellPadX));
        }
        col += span;
      }
    }
    for (size_t c = 0; c < columns; ++c) {
      body[c] = std::max(body[c], minimum[c]);
      natural[c] = std::max(natural[c], body[c]);
    }
    return {minimum, body, natural};
  }

  void LayHeader(const std::vector<GridCell>& grid, const std::vector<double>& x, double size,
                 LaidTable* out) {
    const size_t rows = t_.header.size();
    double line = 0;
    for (size_t i = 0; i < grid.size(); ++i) {
      double w = x[grid[i].col + grid[i].cols] - x[grid[i].col];
      Text* text = header_texts_[i] =
          shaper_->WrapAt(header_texts_[i], w - 2 * kCellPadX, true, size);
      line = std::max(line, text->lines.front().bottom - text->lines.front().top);
    }
    std::vector<double> heights(rows, line + 2 * kCellPadY);
    for (size_t i = 0; i < grid.size(); ++i) {
      if (grid[i].rows == 1) {
        heights[grid[i].row] =
            std::max(heights[grid[i].row], header_texts_[i]->height + 2 * kCellPadY);
      }
    }
    // A cell spanning rows that needs more room than its rows give grows the last of them.
    for (size_t i = 0; i < grid.size(); ++i) {
      if (grid[i].rows == 1) continue;
      double have = 0;
      for (size_t r = grid[i].row; r < grid[i].row + grid[i].rows; ++r) have += heights[r];
      double need = header_texts_[i]->height + 2 * kCellPadY;
      if (need > have) heights[grid[i].row + grid[i].rows - 1] += need - have;
    }
    std::vector<double> top(rows + 1, 0);
    for (size_t r = 0; r < rows; ++r) top[r + 1] = top[r] + heights[r];
    for (size_t i = 0; i < grid.size(); ++i) {
      const GridCell& g = grid[i];
      out->header.push_back(CellBox{header_texts_[i], x[g.col], top[g.row],
                                    x[g.col + g.cols] - x[g.col], top[g.row + g.rows] - top[g.row],
                                    Align::kCenter, 0, true});
    }
    out->header_height = top[rows];
  }

  void LayBody(const std::vector<double>& x, double size, LaidTable* out) {
    const size_t columns = x.size() - 1;
    const double line = size * 1.45;  // the line height of Noto CJK
    for (size_t r = 0; r < t_.rows.size(); ++r) {
      const Row& row = t_.rows[r];
      const bool heading = row.kind == RowKind::kHeading;
      LaidRow laid;
      laid.height = line + 2 * kCellPadY;
      size_t col = 0;
      for (size_t i = 0; i < row.cells.size() && col < columns; ++i) {
        const Cell& cell = row.cells[i];
        size_t span =
            std::min<size_t>(static_cast<size_t>(std::max(cell.colspan, 1)), columns - col);
        double w = x[col + span] - x[col];
        double indent = i == 1 ? RowIndent(row) : 0;
        Align align = CellAlign(row, cell, col);
        Text* text = shaper_->WrapAt(body_texts_[r][i], w - 2 * kCellPadX - indent, true, size);
        laid.cells.push_back(CellBox{text, x[col], 0, w, 0, align, indent, heading});
        laid.height = std::max(laid.height, text->height + 2 * kCellPadY);
        col += span;
      }
      // Columns the row leaves empty still get their borders.
      for (; col < columns; ++col) {
        laid.cells.push_back(CellBox{nullptr, x[col], 0, x[col + 1] - x[col], 0});
      }
      for (auto& c : laid.cells) c.h = laid.height;
      laid.keep_with_next = heading;
      out->rows.push_back(std::move(laid));
    }
    if (note_text_) {
      LaidRow laid;
      double w = x[columns] - x[0];
      note_text_ = shaper_->WrapAt(note_text_, w - 2 * kCellPadX);
      laid.height = note_text_->height + 8 * kMm;
      laid.cells.push_back(CellBox{note_text_, x[0], 0, w, laid.height, Align::kCenter});
      out->rows.push_back(std::move(laid));
    }
  }

  Shaper* shaper_;
  const Table& t_;
  std::vector<Text*> header_texts_;
  std::vector<std::vector<Text*>> body_texts_;
  Text* note_text_ = nullptr;
};

}  // namespace

LaidTable LayOutTable(Shaper* shaper, const Table& t) { return TableLayouter(shaper, t).Lay(); }

}  // namespace gongkai::pdf
