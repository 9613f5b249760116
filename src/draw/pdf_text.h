// The building blocks of gongkai's PDF layout: page geometry, the two typefaces and the text
// styles of the official documents, and text shaped by pango into measured lines.
//
// Internal to src/render (pdf_renderer.cc, pdf_pages.h, pdf_table_layout.h); not an API.
#ifndef GONGKAI_DRAW_PDF_TEXT_H_
#define GONGKAI_DRAW_PDF_TEXT_H_

#include <pango/pangocairo.h>

#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongkai {
class GlyphBatch;
}

namespace gongkai::pdf {

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

// The margins of a page in millimetres, each from the page's nearest edge: the content box's
// (the same on both sides) and the tops of the running header and of the page number.
struct MarginsMm {
  double side, top, bottom, header, footer;
};

constexpr Geometry PageGeometry(double width, double height, MarginsMm m) {
  return {.width = width,
          .height = height,
          .left = m.side * kMm,
          .right = width - m.side * kMm,
          .top = m.top * kMm,
          .bottom = height - m.bottom * kMm,
          .header_y = m.header * kMm,
          .footer_y = height - m.footer * kMm};
}

// Portrait margins follow common practice for printed budget documents (about 2.5 cm top,
// 2.2 cm sides); landscape pages give tables as much width as a printer can take. In mm: side,
// top, bottom, header, footer.
constexpr Geometry kPortrait = PageGeometry(kA4Short, kA4Long, {22, 28, 24, 14, 17});
constexpr Geometry kLandscape = PageGeometry(kA4Long, kA4Short, {15, 24, 19, 11, 14});

inline const Geometry& GeometryOf(bool landscape) { return landscape ? kLandscape : kPortrait; }

// Tables wider than this many columns go on landscape pages (as in the HTML print CSS).
constexpr size_t kMaxPortraitColumns = 8;

inline int Units(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }
inline double Points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

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
const char* SongFamily();
const char* HeiFamily();

enum class Wrap {
  kNone,      // one line per paragraph of the text
  kIfNeeded,  // natural width when it fits, else wrapped at the width (the caller aligns)
  kAlways,    // laid out at the width (justified paragraphs)
};

struct LineBox {
  double top, bottom;  // logical extent, relative to the text's origin
  double baseline;
  double x, width;  // logical start (indent, alignment) and width
  // What to draw: line `line` of the text, or of a wrapped slice (see Shaper::WrapAt) only the
  // bytes [start, end) of it, which begin `from` points into that line.
  int line = 0;
  int start = 0, end = -1;  // end < 0: the whole line
  double from = 0;
};

struct GObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};

// One line shaped without a PangoLayout (see Shaper::Shape): pango's runs of glyphs.
class ShapedLine {
 public:
  explicit ShapedLine(std::string_view text) : text_(text) {}
  ~ShapedLine();
  ShapedLine(const ShapedLine&) = delete;
  ShapedLine& operator=(const ShapedLine&) = delete;

  const std::string& text() const { return text_; }
  GSList* runs() const { return runs_; }                // of PangoGlyphItem, left to right
  void Add(PangoItem* item, PangoGlyphString* glyphs);  // takes both
  void Finish() { runs_ = g_slist_reverse(runs_); }     // after the last Add

 private:
  std::string text_;
  GSList* runs_ = nullptr;
};

struct Text {
  // What is drawn: pango's layout of the text, or its one line shaped directly, or (a wrapped
  // slice) nothing of its own but lines of `source`.
  std::unique_ptr<PangoLayout, GObjectUnref> layout;
  std::unique_ptr<ShapedLine> shaped;
  Text* source = nullptr;
  double width = 0;  // widest line
  double height = 0;
  bool wrapped = false;    // laid out at a set width (lines are aligned inside it)
  double wrap_width = 0;   // that width
  bool sliceable = false;  // can be wrapped by slicing its lines (see Shaper::WrapAt)
  PangoAlignment align = PANGO_ALIGN_LEFT;
  std::vector<LineBox> lines;

  // The text of what is drawn, and the runs of glyphs of its line `line`.
  const char* Utf8() const;
  GSList* Runs(int line) const;
};

// `text` as cairo accepts it, in `storage` if it has to change: valid UTF-8 without NULs and
// without Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). cairo refuses to write a
// PDF that shows any of them — the whole PDF. Sources are checked when loaded, but a Document
// can be made otherwise, and noncharacters are valid UTF-8: such bytes and characters are drawn
// as U+FFFD. Shaper::Shape applies it to every text.
std::string_view Printable(std::string_view text, std::string* storage);

// Draws line `line` of `t`, whose origin (the top left of its first line) is at (x, y).
void DrawTextLine(GlyphBatch* batch, const Text& t, size_t line, double x, double y, double gray);

// Shapes text with pango into lines kept for the drawing pass (shaping happens once).
class Shaper {
 public:
  // How one-line texts in a plain style (no indent, justification or extra line spacing) are
  // shaped: by default directly, with pango_itemize and pango_shape as a PangoLayout does but
  // without its line breaking and bookkeeping, which were a quarter of their time (seed 004:
  // about 1,000 such texts, 6.3 → 4.6 ms). Text a layout would set otherwise — several lines,
  // tabs, right to left — still gets a layout. tests/pdf_text_test.cc checks, on every text of
  // two examples, that both ways give the same glyphs and the same extents.
  enum class Lines { kShapedDirectly, kPangoLayouts };
  explicit Shaper(Lines lines = Lines::kShapedDirectly);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Text set on one line (Wrap::kNone, no attributes) is shaped once per document for each
  // string and style: tables repeat many cells ("0.00", 合计, codes), and shaping is the
  // costliest part of layout. Such a Text is shared and must not be changed; WrapAt returns a
  // wrapped copy instead.
  Text* Shape(std::string_view text, const Style& style, Wrap wrap = Wrap::kNone, double width = 0,
              PangoAttrList* attrs = nullptr);

  // `t` wrapped at `width` if it is wider: a new Text (made once per text and width, and not
  // to be changed either), or `t` itself when it fits. Lines break where pango's line-break
  // rules allow (UAX #14 with the Chinese rules: no line starts with "，" or ends with "（"),
  // else between characters (without the hyphen pango adds to a Latin word broken so: here
  // such a word is a code or an amount, where a hyphen reads as part of it). A one-line text in a
  // plain style (no indent, justification, extra line spacing or right-to-left script) is wrapped
  // by slicing the glyphs it was shaped with into lines: shaping again at the width is what pango
  // would do, and wrapping was a tenth of the time of a table-heavy PDF. Other texts are copied and
  // laid out again by pango. With `balanced`, the lines are made about equally long ("科目/编码"
  // rather than "科目编/码"): counting in characters of `em` (CJK text is monospaced), the fewest
  // lines that hold the text, and the width that spreads it evenly over them.
  Text* WrapAt(Text* t, double width, bool balanced = false, double em = 0);

 private:
  Text* NewText(std::string_view text, const Style& style, Wrap wrap, double width,
                PangoAttrList* attrs);
  bool ShapeDirectly(std::string_view text, const Style& style, Text* t);
  PangoFontDescription* Font(const Style& style);
  static void Measure(Text* t);
  void Slice(Text& t, double width, Text* out);

  Lines lines_;
  PangoContext* context_ = nullptr;
  std::map<std::pair<Face, int>, PangoFontDescription*> fonts_;
  std::deque<Text> texts_;                                // stable addresses: pages point into it
  std::unordered_map<std::string, Text*> shared_;         // see Shape
  std::map<std::pair<const Text*, int>, Text*> wrapped_;  // (text, width in pango units)
};

}  // namespace gongkai::pdf

#endif  // GONGKAI_DRAW_PDF_TEXT_H_
