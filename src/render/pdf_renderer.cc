#include "render/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "build/chinese_numerals.h"
#include "render/compression_level.h"
#include "render/pdf_fonts.h"
#include "render/pdf_glyph_batch.h"
#include "render/table_grid.h"

namespace gongkai {
namespace {

// ---------------------------------------------------------------------------------------------
// Page geometry. Units are PDF points (1/72 inch); y grows downwards as in cairo.

constexpr double kMm = 72.0 / 25.4;
constexpr double kA4Short = 210 * kMm;
constexpr double kA4Long = 297 * kMm;

struct Geometry {
  double width, height;             // the page
  double left, right, top, bottom;  // the content box
  double header_y, footer_y;        // tops of the running header and of the page number
};

// Portrait margins follow common practice for printed budget documents (about 2.5 cm top,
// 2.2 cm sides); landscape pages give tables as much width as a printer can take.
constexpr Geometry kPortrait{.width = kA4Short,
                             .height = kA4Long,
                             .left = 22 * kMm,
                             .right = kA4Short - 22 * kMm,
                             .top = 28 * kMm,
                             .bottom = kA4Long - 24 * kMm,
                             .header_y = 14 * kMm,
                             .footer_y = kA4Long - 17 * kMm};
constexpr Geometry kLandscape{.width = kA4Long,
                              .height = kA4Short,
                              .left = 15 * kMm,
                              .right = kA4Long - 15 * kMm,
                              .top = 24 * kMm,
                              .bottom = kA4Short - 19 * kMm,
                              .header_y = 11 * kMm,
                              .footer_y = kA4Short - 14 * kMm};

const Geometry& GeometryOf(bool landscape) { return landscape ? kLandscape : kPortrait; }

// Tables wider than this many columns go on landscape pages (as in the HTML print CSS).
constexpr size_t kMaxPortraitColumns = 8;

int Units(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }
double Points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

// ---------------------------------------------------------------------------------------------
// Shaped text.

// Two faces only, as Chinese official documents are set: 宋体 for text (Noto Serif CJK SC
// Regular) and 黑体 for headings and emphasis (Noto Sans CJK SC Bold). Each face embedded costs
// its subset (CJK serif glyphs are large: the text subset alone is ~0.6 MB) and cairo reads
// the whole font (~20 MB) on every render to make it, so a bold serif or a regular sans would
// add size and time for little typographic gain.
enum class Face { kSong, kHei };

struct Style {
  Face face = Face::kSong;
  double size = 12;
  double line_spacing = 0;  // pango factor of the font's line height; 0 = the font's own
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double indent = 0;  // first-line indent, points
};

// Body text: 宋体-like serif, 12 pt, lines 1.15 × the font height apart (≈ 1.67 em, close to the
// HTML's 1.7), justified, first line indented by two characters as Chinese prose is set.
constexpr Style kBodyText{Face::kSong, 12, 1.15, PANGO_ALIGN_LEFT, true, 24};
constexpr Style kSubheading{Face::kHei, 12, 1.15, PANGO_ALIGN_LEFT, false, 24};
constexpr Style kSectionTitle{Face::kHei, 14, 1.1, PANGO_ALIGN_LEFT, false, 28};
constexpr Style kPartTitle{Face::kHei, 17, 1.2, PANGO_ALIGN_CENTER, false, 0};
constexpr Style kTableNumber{Face::kSong, 11, 0, PANGO_ALIGN_LEFT, false, 0};
constexpr Style kTableTitle{Face::kHei, 16, 1.1, PANGO_ALIGN_CENTER, false, 0};
constexpr Style kTableMeta{Face::kSong, 10.5, 0, PANGO_ALIGN_LEFT, false, 0};
constexpr Style kTableNote{Face::kSong, 10, 1.1, PANGO_ALIGN_LEFT, true, 0};
constexpr Style kRunning{Face::kSong, 9, 0, PANGO_ALIGN_LEFT, false, 0};
constexpr Style kFolio{Face::kSong, 10.5, 0, PANGO_ALIGN_LEFT, false, 0};

// Family lists of the two faces (pdf_fonts.h: reduced copies of Noto CJK first).
const char* SongFamily() { return PreparePdfFonts().song_family.c_str(); }
const char* HeiFamily() { return PreparePdfFonts().hei_family.c_str(); }

enum class Wrap {
  kNone,      // one line per paragraph of the text
  kIfNeeded,  // natural width when it fits, else wrapped at the width (the caller aligns)
  kAlways,    // laid out at the width (justified paragraphs)
};

struct LineBox {
  double top, bottom;  // logical extent, relative to the layout's origin
  double baseline;
  double x, width;  // logical start (indent, alignment) and width
};

struct GObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};

struct Text {
  std::unique_ptr<PangoLayout, GObjectUnref> layout;
  double width = 0;  // widest line
  double height = 0;
  bool wrapped = false;   // laid out at a set width (pango aligns lines inside it)
  double wrap_width = 0;  // that width
  std::vector<LineBox> lines;
};

// Shapes text with pango into layouts kept for the drawing pass (shaping happens once).
class Shaper {
 public:
  Shaper() {
    PreparePdfFonts();  // registers the reduced fonts before pango first asks fontconfig
    // The default font map is per thread, so concurrent renders (render --jobs) are safe.
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    // Unhinted metrics at 72 dpi: one pango point is one PDF point, and positions measured
    // here are exactly where cairo draws them.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context_, 72);
    pango_context_set_round_glyph_positions(context_, FALSE);
    pango_context_set_language(context_, pango_language_from_string("zh-cn"));
  }
  ~Shaper() {
    for (auto& [key, font] : fonts_) pango_font_description_free(font);
    g_object_unref(context_);
  }
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Text set on one line (Wrap::kNone, no attributes) is shaped once per document for each
  // string and style: tables repeat many cells ("0.00", 合计, codes), and shaping is the
  // costliest part of layout. Such a Text is shared and must not be changed; WrapAt returns a
  // wrapped copy instead.
  Text* Shape(std::string_view text, const Style& style, Wrap wrap = Wrap::kNone, double width = 0,
              PangoAttrList* attrs = nullptr) {
    if (wrap != Wrap::kAlways && !attrs) {
      std::string key = fmt::format(
          "{}|{}|{}|{}|{}|{}|{}", static_cast<int>(style.face), Units(style.size),
          style.line_spacing, static_cast<int>(style.align), style.justify, style.indent, text);
      auto [it, inserted] = shared_.try_emplace(std::move(key), nullptr);
      if (inserted) it->second = NewText(text, style, Wrap::kNone, 0, nullptr);
      return wrap == Wrap::kIfNeeded ? WrapAt(it->second, width) : it->second;
    }
    return NewText(text, style, wrap, width, attrs);
  }

  // `t` wrapped at `width` if it is wider: a new Text (a copy of the layout, laid out again),
  // or `t` itself when it fits. With `balanced`, the lines are made about equally long
  // ("科目/编码" rather than "科目编/码"): counting in characters of `em` (CJK text is
  // monospaced), the fewest lines that hold the text, and the width that spreads it evenly
  // over them.
  Text* WrapAt(Text* t, double width, bool balanced = false, double em = 0) {
    if (t->width <= width + 0.01) return t;
    double target = width;
    double per_line = balanced && em > 0 ? std::floor(width / em + 0.01) : 0;
    if (per_line >= 1) {
      double chars = t->width / em;
      double lines = std::ceil(chars / per_line - 0.01);
      target = std::min(width, (std::ceil(chars / lines - 0.01) + 0.25) * em);
    }
    Text& w = texts_.emplace_back();
    w.layout.reset(pango_layout_copy(t->layout.get()));
    pango_layout_set_width(w.layout.get(), Units(target));
    w.wrapped = true;
    w.wrap_width = target;
    Measure(&w);
    return &w;
  }

 private:
  Text* NewText(std::string_view text, const Style& style, Wrap wrap, double width,
                PangoAttrList* attrs) {
    Text& t = texts_.emplace_back();
    PangoLayout* layout = pango_layout_new(context_);
    t.layout.reset(layout);
    pango_layout_set_font_description(layout, Font(style));
    if (style.line_spacing > 0) pango_layout_set_line_spacing(layout, style.line_spacing);
    pango_layout_set_alignment(layout, style.align);
    pango_layout_set_justify(layout, style.justify);
    if (style.indent != 0) pango_layout_set_indent(layout, Units(style.indent));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (attrs) pango_layout_set_attributes(layout, attrs);
    if (wrap == Wrap::kAlways) pango_layout_set_width(layout, Units(width));
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    t.wrapped = wrap == Wrap::kAlways;
    t.wrap_width = t.wrapped ? width : 0;
    Measure(&t);
    return &t;
  }

  PangoFontDescription* Font(const Style& style) {
    auto key = std::make_pair(style.face, Units(style.size));
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second;
    PangoFontDescription* font = pango_font_description_new();
    // Noto CJK SC first; the generic family lets fontconfig substitute if it is missing.
    bool hei = style.face == Face::kHei;
    pango_font_description_set_family(font, hei ? HeiFamily() : SongFamily());
    pango_font_description_set_weight(font, hei ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, Units(style.size));
    fonts_.emplace(key, font);
    return font;
  }

  static void Measure(Text* t) {
    t->lines.clear();
    PangoLayoutIter* it = pango_layout_get_iter(t->layout.get());
    double widest = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      LineBox box{Points(logical.y), Points(logical.y + logical.height),
                  Points(pango_layout_iter_get_baseline(it)), Points(logical.x),
                  Points(logical.width)};
      widest = std::max(widest, box.x + box.width);
      t->lines.push_back(box);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    t->width = widest;
    t->height = t->lines.back().bottom - t->lines.front().top;
  }

  PangoContext* context_ = nullptr;
  std::map<std::pair<Face, int>, PangoFontDescription*> fonts_;
  std::deque<Text> texts_;                         // stable addresses: pages point into it
  std::unordered_map<std::string, Text*> shared_;  // see Shape
};

// ---------------------------------------------------------------------------------------------
// Pages: lists of positioned drawing operations, filled by the layout pass.

struct TextOp {
  const Text* text;
  size_t first, end;  // lines [first, end) of the text
  double x, y;        // where the top of line `first` goes
  double gray = 0;
};
struct LineOp {
  double x0, y0, x1, y1;
  double width = 0.5;
  bool dotted = false;
};
struct RectOp {
  double x, y, w, h;
  double fill_gray = -1;  // < 0: not filled
  double stroke = 0;      // border width; 0: no border
};
struct LinkOp {
  double x, y, w, h;
  size_t anchor;  // index into the layout's anchors
};
using Op = std::variant<TextOp, LineOp, RectOp, LinkOp>;

enum class PageKind { kCover, kContents, kBody };

struct Page {
  PageKind kind;
  bool landscape;
  std::vector<Op> ops;
};

// A place in the document that the 目录 and the outline point to.
struct Anchor {
  PageKind kind;
  size_t page;  // index among the pages of its kind
  double y;
};

// An entry of the outline and, when in_contents, a line of the 目录.
struct Entry {
  int level;  // 0 part, 1 section or table, 2 subheading
  std::string contents_text;
  std::string outline_text;
  size_t anchor;
  bool in_contents = true;
};

// Places content top to bottom, opening pages as needed.
class Flow {
 public:
  Flow(std::vector<Page>* pages, PageKind kind) : pages_(pages), kind_(kind) {}

  void NewPage(bool landscape) {
    pages_->push_back(Page{kind_, landscape, {}});
    geo_ = &GeometryOf(landscape);
    y_ = geo_->top;
  }
  const Geometry& geo() const { return *geo_; }
  bool landscape() const { return pages_->back().landscape; }
  size_t page_index() const { return pages_->size() - 1; }
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  bool AtTop() const { return y_ <= geo_->top + 0.01; }
  // Opens a new page unless `height` still fits on this one.
  void EnsureSpace(double height) {
    if (!AtTop() && y_ + height > geo_->bottom + 0.01) NewPage(landscape());
  }
  void Add(Op op) { pages_->back().ops.push_back(std::move(op)); }

  // Draws `t` at the cursor, breaking between lines across pages: never leaves the first line
  // of a paragraph alone at the bottom of a page, nor its last line alone at the top of the
  // next (widows and orphans), when the paragraph is long enough to avoid it.
  void PlaceText(const Text& t, double x, double gray = 0) {
    size_t n = t.lines.size();
    size_t i = 0;
    while (i < n) {
      double base = t.lines[i].top;
      size_t fit = 0;
      while (i + fit < n && y_ + (t.lines[i + fit].bottom - base) <= geo_->bottom + 0.01) ++fit;
      if (fit < n - i) {  // the text breaks here
        if (i == 0 && fit == 1 && n > 1 && !AtTop()) fit = 0;
        if (n - i - fit == 1 && fit >= 3) --fit;
        if (fit == 0) {
          if (AtTop()) {
            fit = 1;  // a line taller than a page: draw it anyway rather than loop
          } else {
            NewPage(landscape());
            continue;
          }
        }
      }
      Add(TextOp{&t, i, i + fit, x, y_, gray});
      y_ += t.lines[i + fit - 1].bottom - base;
      i += fit;
      if (i < n) NewPage(landscape());
    }
  }

 private:
  std::vector<Page>* pages_;
  PageKind kind_;
  const Geometry* geo_ = &kPortrait;
  double y_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Tables.

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
Style CellStyle(double size, bool bold, bool header) {
  return Style{header || bold ? Face::kHei : Face::kSong,      size,  0,
               header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, false, 0};
}

bool IsBoldRow(RowKind kind) {
  return kind == RowKind::kTotal || kind == RowKind::kClass || kind == RowKind::kHeading;
}

// A tree row (code in the first cell) indents its name by level, as the HTML does.
bool IsCodeRow(const Row& row) {
  if (row.cells.empty() || row.cells[0].money || row.cells[0].text.empty()) return false;
  for (char c : row.cells[0].text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Indentation of the name column (the second cell) by tree level, as in the HTML.
double RowIndent(const Row& row) {
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

// ---------------------------------------------------------------------------------------------
// The document.

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfDocument {
 public:
  explicit PdfDocument(const Document& doc) : doc_(doc) {}

  // Pass 1: shapes and paginates everything.
  void Lay() {
    LayCover();
    Flow body(&body_, PageKind::kBody);
    LayExplanation(&body);
    LayTables(&body);
    LayGlossary(&body);
    LayContents();
    AddRunningHeads();
  }

  // Pass 2: draws the pages.
  bool Draw(std::string* pdf, std::string* error);

 private:
  size_t AddAnchor(const Flow& flow, PageKind kind) {
    anchors_.push_back(Anchor{kind, flow.page_index(), flow.y()});
    return anchors_.size() - 1;
  }
  size_t AbsolutePage(PageKind kind, size_t index) const {
    switch (kind) {
      case PageKind::kCover:
        return index;
      case PageKind::kContents:
        return cover_.size() + index;
      case PageKind::kBody:
        return cover_.size() + contents_.size() + index;
    }
    return index;
  }

  // Centered text across the content box at the cursor.
  void PlaceCentered(Flow* flow, std::string_view text, const Style& style) {
    double width = flow->geo().right - flow->geo().left;
    Text* t = shaper_.Shape(text, style, Wrap::kAlways, width);
    flow->PlaceText(*t, flow->geo().left);
  }

  void LayCover() {
    Flow flow(&cover_, PageKind::kCover);
    flow.NewPage(false);
    flow.Advance(55 * kMm);
    PlaceCentered(&flow, doc_.department, {Face::kHei, 24, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(8 * kMm);
    PlaceCentered(&flow, fmt::format("{}年部门预算", doc_.year),
                  {Face::kHei, 32, 1.2, PANGO_ALIGN_CENTER});
    double rule_y = flow.y() + 10 * kMm;
    double mid = kPortrait.width / 2;
    flow.Add(LineOp{mid - 45 * kMm, rule_y, mid + 45 * kMm, rule_y, 1.2, false});
    flow.Advance(16 * kMm);
    PlaceCentered(&flow, "公开说明　公开表　名词解释", {Face::kSong, 14, 1.2, PANGO_ALIGN_CENTER});
    // Department and year at the foot of the cover. The disclosure is published within 20
    // days of the budget's approval, early in the fiscal year itself, so the year printed
    // is the fiscal year.
    flow.Advance(kPortrait.bottom - 40 * kMm - flow.y());
    PlaceCentered(&flow, doc_.department, {Face::kSong, 16, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(3 * kMm);
    PlaceCentered(&flow, fmt::format("{}年", doc_.year),
                  {Face::kSong, 16, 1.2, PANGO_ALIGN_CENTER});
  }

  // A part starts a page: "第一部分" and its title on two lines, as the official documents
  // print it (the department's full name does not fit on one line with it).
  void PartTitle(Flow* flow, const std::string& part, const std::string& title) {
    flow->NewPage(false);
    flow->Advance(4 * kMm);
    entries_.push_back(
        {0, part + " " + title, part + " " + ShortTitle(title), AddAnchor(*flow, PageKind::kBody)});
    bool long_title = ShortTitle(title) != title;
    PlaceCentered(flow, part + (long_title ? "\n" : " ") + title, kPartTitle);
    flow->Advance(8 * kMm);
  }

  // "…2023年部门预算公开说明" → "公开说明" for the outline, where the department is implied.
  std::string ShortTitle(const std::string& title) const {
    return title.size() > doc_.title.size() && title.compare(0, doc_.title.size(), doc_.title) == 0
               ? title.substr(doc_.title.size())
               : title;
  }

  double BodyLine() const { return kBodyText.size * 1.45 * kBodyText.line_spacing; }

  void LayExplanation(Flow* flow) {
    const double width = kPortrait.right - kPortrait.left;
    PartTitle(flow, "第一部分", doc_.title + "公开说明");
    for (const auto& s : doc_.sections) {
      std::string title = s.number + "、" + s.title;
      Text* t = shaper_.Shape(title, kSectionTitle, Wrap::kAlways, width);
      if (!flow->AtTop()) flow->Advance(3 * kMm);
      // Keep a title with the first two lines of what follows.
      flow->EnsureSpace(t->height + 2 * BodyLine());
      entries_.push_back({1, title, title, AddAnchor(*flow, PageKind::kBody)});
      flow->PlaceText(*t, kPortrait.left);
      flow->Advance(2 * kMm);
      for (const auto& p : s.paragraphs) {
        if (p.kind == Paragraph::kHeading) {
          Text* h = shaper_.Shape(p.text, kSubheading, Wrap::kAlways, width);
          flow->Advance(1 * kMm);
          flow->EnsureSpace(h->height + 2 * BodyLine());
          entries_.push_back({2, p.text, p.text, AddAnchor(*flow, PageKind::kBody)});
          flow->PlaceText(*h, kPortrait.left);
        } else {
          flow->PlaceText(*shaper_.Shape(p.text, kBodyText, Wrap::kAlways, width), kPortrait.left);
        }
        flow->Advance(1 * kMm);
      }
    }
  }

  void LayTables(Flow* flow) {
    PartTitle(flow, "第二部分", doc_.title + "公开表");
    // The list of tables under the part title, as the official documents print it.
    Table list;
    list.title = "公开表目录";
    list.header = {{Cell::Text("序号"), Cell::Text("表号"), Cell::Text("表名")}};
    int n = 0;
    for (const auto& t : doc_.tables) {
      list.rows.push_back(
          Row{RowKind::kPlain,
              {Cell::Text(ChineseNumber(++n)), Cell::Text(t.number), Cell::Text(t.title)}});
    }
    list.numeric_columns = {false, false, false};
    continued_ = list.title + "（续）";
    PlaceTableBody(flow, list, TableLayouter(&shaper_, list).Lay());
    n = 0;
    for (const auto& t : doc_.tables) LayTable(flow, t, ++n);
  }

  void LayTable(Flow* flow, const Table& t, int ordinal) {
    LaidTable laid = TableLayouter(&shaper_, t).Lay();
    flow->NewPage(laid.landscape);
    const Geometry& g = flow->geo();
    double width = g.right - g.left;
    std::string outline = t.number.empty() ? t.title : t.number + " " + t.title;
    entries_.push_back(
        {1, ChineseNumber(ordinal) + "、" + t.title, outline, AddAnchor(*flow, PageKind::kBody)});
    if (!t.number.empty()) {
      flow->PlaceText(*shaper_.Shape(t.number, kTableNumber), g.left);
      flow->Advance(1 * kMm);
    }
    flow->PlaceText(*shaper_.Shape(t.title, kTableTitle, Wrap::kAlways, width), g.left);
    flow->Advance(3 * kMm);
    Text* unit = shaper_.Shape(t.unit_label, kTableMeta);
    Text* dept = shaper_.Shape("部门/单位：" + doc_.department, kTableMeta, Wrap::kIfNeeded,
                               width - unit->width - 10 * kMm);
    flow->Add(TextOp{unit, 0, unit->lines.size(), g.right - unit->width, flow->y()});
    flow->PlaceText(*dept, g.left);
    flow->Advance(1.5 * kMm);
    continued_ = (t.number.empty() ? "" : t.number + " ") + t.title + "（续）";
    PlaceTableBody(flow, t, laid);
    if (!t.notes.empty()) flow->Advance(1.5 * kMm);
    for (const auto& note : t.notes) {
      flow->PlaceText(*shaper_.Shape(note, kTableNote, Wrap::kAlways, width), g.left);
    }
  }

  // Cells of one row (or of the header) at `top`: shading first, then text, then borders, so
  // that no shading covers a neighbour's border.
  static void PlaceCells(Flow* flow, const std::vector<CellBox>& cells, double top) {
    for (const auto& c : cells) {
      if (c.shaded) flow->Add(RectOp{c.x, top + c.y, c.w, c.h, kShade, 0});
    }
    for (const auto& c : cells) {
      if (!c.text) continue;
      const Text& t = *c.text;
      // Wrapped text is aligned by pango inside its wrap width; align that box in the cell.
      double box = t.wrapped ? t.wrap_width : t.width;
      double x = c.x + kCellPadX + c.indent;
      if (c.align == Align::kRight) x = c.x + c.w - kCellPadX - box;
      if (c.align == Align::kCenter) x = c.x + (c.w - box) / 2;
      double y = top + c.y + (c.h - t.height) / 2;
      flow->Add(TextOp{&t, 0, t.lines.size(), x, y});
    }
    for (const auto& c : cells) flow->Add(RectOp{c.x, top + c.y, c.w, c.h, -1, kRule});
  }

  static void PlaceHeader(Flow* flow, const LaidTable& laid) {
    PlaceCells(flow, laid.header, flow->y());
    flow->Advance(laid.header_height);
  }

  // Opens the next page of a table: a 续 caption and the header rows again.
  void ContinueTable(Flow* flow, const Table& t, const LaidTable& laid) {
    flow->NewPage(laid.landscape);
    if (!t.number.empty() || !t.title.empty()) {
      flow->PlaceText(*shaper_.Shape(continued_, kTableMeta), flow->geo().left, 0.3);
      flow->Advance(1 * kMm);
    }
    PlaceHeader(flow, laid);
  }

  // The grid: header rows, then body rows; a row that does not fit opens a new page, which
  // starts with a 续 caption and the header rows again. A heading row inside a form stays
  // with the row under it.
  void PlaceTableBody(Flow* flow, const Table& t, const LaidTable& laid) {
    double first = laid.rows.empty() ? 0 : laid.rows.front().height;
    flow->EnsureSpace(laid.header_height + std::min(first, 30 * kMm));
    PlaceHeader(flow, laid);
    // Room for rows on a page that holds only the caption and the header.
    const double page_room = flow->geo().bottom - flow->geo().top - laid.header_height - 8 * kMm;
    for (size_t r = 0; r < laid.rows.size(); ++r) {
      const LaidRow& row = laid.rows[r];
      if (row.height > page_room) {
        PlaceTallRow(flow, t, laid, row);
        continue;
      }
      double need = row.height;
      for (size_t k = r; k + 1 < laid.rows.size() && laid.rows[k].keep_with_next; ++k) {
        // A tall next row is split anyway: its first lines are enough.
        const double next = laid.rows[k + 1].height;
        need += next > page_room ? 3 * kTableSize * 1.45 + 2 * kCellPadY : next;
      }
      need = std::min(need, page_room);
      if (flow->y() + need > flow->geo().bottom + 0.01) ContinueTable(flow, t, laid);
      PlaceCells(flow, row.cells, flow->y());
      flow->Advance(row.height);
    }
  }

  // A row taller than a page (long text in a form) is split between lines: each page shows
  // the lines of every cell that fit, top-aligned, and the rest continues on the next.
  void PlaceTallRow(Flow* flow, const Table& t, const LaidTable& laid, const LaidRow& row) {
    std::vector<size_t> next(row.cells.size(), 0);
    auto done = [&] {
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (row.cells[i].text && next[i] < row.cells[i].text->lines.size()) return false;
      }
      return true;
    };
    bool fresh = false;  // just continued: go on even if the room is small
    while (!done()) {
      double room = flow->geo().bottom - flow->y() - 2 * kCellPadY;
      if (room < 3 * kTableSize * 1.45 && !fresh) {
        ContinueTable(flow, t, laid);
        fresh = true;
        continue;
      }
      fresh = false;
      room = std::max(room, 3 * kTableSize * 1.45);
      std::vector<CellBox> part = row.cells;
      std::vector<size_t> end(row.cells.size(), 0);
      double used = 0;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        const Text* text = row.cells[i].text;
        if (!text) continue;
        size_t e = next[i];
        double top = e < text->lines.size() ? text->lines[e].top : 0;
        while (e < text->lines.size() && text->lines[e].bottom - top <= room) ++e;
        end[i] = e;
        if (e > next[i]) used = std::max(used, text->lines[e - 1].bottom - top);
      }
      double height = (AllShown(row, end) ? used : room) + 2 * kCellPadY;
      double y = flow->y();
      for (size_t i = 0; i < part.size(); ++i) {
        part[i].h = height;
        if (part[i].shaded) flow->Add(RectOp{part[i].x, y, part[i].w, height, kShade, 0});
        const Text* text = part[i].text;
        if (text && end[i] > next[i]) {
          double box = text->wrapped ? text->wrap_width : text->width;
          double x = part[i].x + kCellPadX + part[i].indent;
          if (part[i].align == Align::kRight) x = part[i].x + part[i].w - kCellPadX - box;
          if (part[i].align == Align::kCenter) x = part[i].x + (part[i].w - box) / 2;
          flow->Add(TextOp{text, next[i], end[i], x, y + kCellPadY});
        }
        flow->Add(RectOp{part[i].x, y, part[i].w, height, -1, kRule});
        next[i] = std::max(next[i], end[i]);
      }
      flow->Advance(height);
      if (!done()) {
        ContinueTable(flow, t, laid);
        fresh = true;
      }
    }
  }

  static bool AllShown(const LaidRow& row, const std::vector<size_t>& end) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (row.cells[i].text && end[i] < row.cells[i].text->lines.size()) return false;
    }
    return true;
  }

  void LayGlossary(Flow* flow) {
    const double width = kPortrait.right - kPortrait.left;
    PartTitle(flow, "第三部分", "名词解释");
    int n = 0;
    for (const auto& g : doc_.glossary) {
      // One paragraph per term, the term in 黑体: "一、财政拨款收入：指……", as printed.
      std::string head = ChineseNumber(++n) + "、" + g.term + "：";
      PangoAttrList* attrs = pango_attr_list_new();
      for (PangoAttribute* a :
           {pango_attr_family_new(HeiFamily()), pango_attr_weight_new(PANGO_WEIGHT_BOLD)}) {
        a->start_index = 0;
        a->end_index = static_cast<guint>(head.size());
        pango_attr_list_insert(attrs, a);
      }
      Text* t = shaper_.Shape(head + g.definition, kBodyText, Wrap::kAlways, width, attrs);
      pango_attr_list_unref(attrs);
      flow->PlaceText(*t, kPortrait.left);
      flow->Advance(1.5 * kMm);
    }
  }

  // The 目录, laid out after the body so that it shows the real page numbers. Body pages are
  // numbered from 1, so its length does not change them.
  void LayContents() {
    Flow flow(&contents_, PageKind::kContents);
    flow.NewPage(false);
    flow.Advance(4 * kMm);
    entries_.insert(entries_.begin(),
                    Entry{0, "", "目录", AddAnchor(flow, PageKind::kContents), false});
    PlaceCentered(&flow, "目　录", {Face::kHei, 18, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(8 * kMm);
    const Geometry& g = flow.geo();
    for (const auto& e : entries_) {
      if (!e.in_contents) continue;
      const Anchor& a = anchors_[e.anchor];
      Style style = e.level == 0 ? Style{Face::kHei, 12.5, 1.15}
                                 : Style{Face::kSong, e.level == 1 ? 12.0 : 11.0, 1.15};
      double indent = e.level * 2 * 12.0;
      Text* number = shaper_.Shape(std::to_string(a.page + 1), style);
      Text* text = shaper_.Shape(e.contents_text, style, Wrap::kIfNeeded,
                                 g.right - g.left - indent - number->width - 12 * kMm);
      flow.Advance(e.level == 0 ? 2.5 * kMm : 0.8 * kMm);
      flow.EnsureSpace(text->height);
      double top = flow.y();
      double x = g.left + indent;
      const LineBox& last = text->lines.back();
      double baseline = top + last.baseline - text->lines.front().top;
      flow.Add(LinkOp{g.left, top, g.right - g.left, text->height, e.anchor});
      flow.PlaceText(*text, x);
      double nx = g.right - number->width;
      flow.Add(TextOp{number, 0, 1, nx, baseline - number->lines[0].baseline});
      double dots_from = x + last.x + last.width + 2 * kMm;
      if (dots_from < nx - 2 * kMm) {
        flow.Add(LineOp{dots_from, baseline, nx - 2 * kMm, baseline, 0.9, true});
      }
    }
  }

  // Running header (department, fiscal year) above a rule, and the page number centered in
  // the footer ("— 3 —", the form of Chinese official documents), on every body page.
  void AddRunningHeads() {
    Text* left = shaper_.Shape(doc_.department, kRunning);
    Text* right = shaper_.Shape(fmt::format("{}年部门预算", doc_.year), kRunning);
    for (size_t i = 0; i < body_.size(); ++i) {
      Page& p = body_[i];
      const Geometry& g = GeometryOf(p.landscape);
      p.ops.push_back(TextOp{left, 0, 1, g.left, g.header_y, 0.25});
      p.ops.push_back(TextOp{right, 0, 1, g.right - right->width, g.header_y, 0.25});
      double rule = g.header_y + left->height + 1 * kMm;
      p.ops.push_back(LineOp{g.left, rule, g.right, rule, 0.5, false});
      Text* folio = shaper_.Shape(fmt::format("— {} —", i + 1), kFolio);
      p.ops.push_back(TextOp{folio, 0, 1, (g.width - folio->width) / 2, g.footer_y});
    }
  }

  std::string PageLabel(const Page& p, size_t index) const {
    switch (p.kind) {
      case PageKind::kCover:
        return "封面";
      case PageKind::kContents:
        return contents_.size() == 1 ? "目录" : fmt::format("目录{}", index + 1);
      case PageKind::kBody:
        return std::to_string(index + 1);
    }
    return "";
  }

  std::string Destination(size_t anchor) const {
    const Anchor& a = anchors_[anchor];
    return fmt::format("page={} pos=[0 {:.2f}]", AbsolutePage(a.kind, a.page) + 1,
                       std::max(0.0, a.y - 6 * kMm));
  }

  // Draws a page in three layers: shading, then text (and links) in reading order, then
  // rules and cell borders. Nothing else overlaps (shading lies under text only), so this
  // looks the same as drawing in placement order; and the borders of all cells become the
  // page's grid, each line drawn once (see GridLines).
  void DrawPage(cairo_t* cr, const Page& page) const {
    std::map<double, std::vector<const RectOp*>> fills;  // by gray
    for (const auto& op : page.ops) {
      const auto* r = std::get_if<RectOp>(&op);
      if (r && r->fill_gray >= 0) fills[r->fill_gray].push_back(r);
    }
    for (const auto& [gray, rects] : fills) {
      for (const RectOp* r : rects) cairo_rectangle(cr, r->x, r->y, r->w, r->h);
      cairo_set_source_rgb(cr, gray, gray, gray);
      cairo_fill(cr);
    }
    GlyphBatch text(cr);
    for (const auto& op : page.ops) {
      if (const auto* t = std::get_if<TextOp>(&op)) {
        DrawText(&text, *t);
      } else if (const auto* k = std::get_if<LinkOp>(&op)) {
        std::string attrs = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] {}", k->x, k->y, k->w,
                                        k->h, Destination(k->anchor));
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
      }
    }
    text.Flush();
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::map<double, std::vector<const RectOp*>> borders;  // by line width
    for (const auto& op : page.ops) {
      const auto* r = std::get_if<RectOp>(&op);
      if (r && r->stroke > 0) borders[r->stroke].push_back(r);
      if (const auto* l = std::get_if<LineOp>(&op)) DrawLine(cr, *l);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);  // lines meeting at a corner close it
    for (const auto& [width, rects] : borders) {
      for (const LineOp& l : GridLines(rects)) {
        cairo_move_to(cr, l.x0, l.y0);
        cairo_line_to(cr, l.x1, l.y1);
      }
      cairo_set_line_width(cr, width);
      cairo_stroke(cr);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  }

  // The borders of cells as the fewest lines: every edge of every rectangle, edges that touch
  // or overlap on the same line merged. Neighbouring cells share edges and a column's edges
  // continue from row to row, so a table page of r rows and c columns takes about r + c lines
  // instead of 4rc edges — cairo writes every coordinate with printf, and stroking each cell
  // was an eighth of the time of a table-heavy document.
  static std::vector<LineOp> GridLines(const std::vector<const RectOp*>& rects) {
    // Positions on a 1/100 pt grid, so that edges computed along different paths still meet.
    auto key = [](double v) { return std::llround(v * 100); };
    std::map<long long, std::vector<std::pair<double, double>>> across, down;  // y → x spans
    for (const RectOp* r : rects) {
      across[key(r->y)].push_back({r->x, r->x + r->w});
      across[key(r->y + r->h)].push_back({r->x, r->x + r->w});
      down[key(r->x)].push_back({r->y, r->y + r->h});
      down[key(r->x + r->w)].push_back({r->y, r->y + r->h});
    }
    std::vector<LineOp> lines;
    auto merge = [&](auto& by_position, bool horizontal) {
      for (auto& [position, spans] : by_position) {
        std::sort(spans.begin(), spans.end());
        const double at = static_cast<double>(position) / 100;
        double from = spans.front().first, to = spans.front().second;
        auto emit = [&] {
          lines.push_back(horizontal ? LineOp{from, at, to, at} : LineOp{at, from, at, to});
        };
        for (const auto& [a, b] : spans) {
          if (a > to + 0.01) {
            emit();
            from = a;
          }
          to = std::max(to, b);
        }
        emit();
      }
    };
    merge(across, true);
    merge(down, false);
    return lines;
  }

  static void DrawText(GlyphBatch* batch, const TextOp& t) {
    double base = t.text->lines[t.first].top;
    for (size_t l = t.first; l < t.end; ++l) {
      const LineBox& box = t.text->lines[l];
      batch->AddLine(t.text->layout.get(), static_cast<int>(l), t.x + box.x,
                     t.y + box.baseline - base, t.gray);
    }
  }

  static void DrawLine(cairo_t* cr, const LineOp& l) {
    cairo_set_line_width(cr, l.width);
    if (l.dotted) {
      const double dash[] = {0.01, 3.0};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr, l.x0, l.y0);
    cairo_line_to(cr, l.x1, l.y1);
    cairo_stroke(cr);
    if (l.dotted) {
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    }
  }

  const Document& doc_;
  Shaper shaper_;
  std::vector<Page> cover_, contents_, body_;
  std::vector<Anchor> anchors_;
  std::vector<Entry> entries_;
  std::string continued_;
};

bool PdfDocument::Draw(std::string* pdf, std::string* error) {
  pdf->clear();
  // Streams are compressed as suits pages, then fonts (see compression_level.h).
  ScopedCompressionLevel compression(Compressing::kPdfPages);
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, pdf, kA4Short, kA4Long);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc_.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc_.department.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, "部门预算公开");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "gongkai");
  cairo_t* cr = cairo_create(surface);
  size_t index = 0;
  for (const auto* pages : {&cover_, &contents_, &body_}) {
    for (size_t i = 0; i < pages->size(); ++i, ++index) {
      const Page& p = (*pages)[i];
      const Geometry& g = GeometryOf(p.landscape);
      cairo_pdf_surface_set_size(surface, g.width, g.height);
      cairo_pdf_surface_set_page_label(surface, PageLabel(p, i).c_str());
      DrawPage(cr, p);
      cairo_show_page(cr);
    }
  }
  // The outline: parts (open, bold), their sections and tables, and subheadings.
  int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0};
  for (const auto& e : entries_) {
    int level = std::clamp(e.level, 0, 2);
    int flags = level == 0 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0;
    if (level == 0 && e.outline_text != "目录") flags |= CAIRO_PDF_OUTLINE_FLAG_OPEN;
    parents[level + 1] = cairo_pdf_surface_add_outline(
        surface, parents[level], e.outline_text.c_str(), Destination(e.anchor).c_str(),
        static_cast<cairo_pdf_outline_flags_t>(flags));
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  compression.Switch(Compressing::kPdfFonts);  // cairo writes the font subsets when finishing
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *error = std::string("PDF 生成失败：") + cairo_status_to_string(status);
    return false;
  }
  return true;
}

}  // namespace

bool RenderPdf(const Document& doc, std::string* pdf, std::string* error) {
  PdfDocument document(doc);
  document.Lay();
  return document.Draw(pdf, error);
}

}  // namespace gongkai
