// Pages as lists of positioned drawing operations, and the flow that fills them top to
// bottom: the first pass of the PDF layout places everything here, the second draws it.
//
// Internal to src/render; not an API.
#ifndef GONGKAI_DRAW_PDF_PAGES_H_
#define GONGKAI_DRAW_PDF_PAGES_H_

#include <string>
#include <variant>
#include <vector>

#include "draw/pdf_text.h"

namespace gongkai::pdf {

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

  void NewPage(bool landscape);
  const Geometry& geo() const { return *geo_; }
  bool landscape() const { return pages_->back().landscape; }
  size_t page_index() const { return pages_->size() - 1; }
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  bool AtTop() const { return y_ <= geo_->top + 0.01; }
  // Opens a new page unless `height` still fits on this one.
  void EnsureSpace(double height);
  void Add(Op op) { pages_->back().ops.push_back(std::move(op)); }

  // Draws `t` at the cursor, breaking between lines across pages: never leaves the first line
  // of a paragraph alone at the bottom of a page, nor its last line alone at the top of the
  // next (widows and orphans), when the paragraph is long enough to avoid it.
  void PlaceText(const Text& t, double x, double gray = 0);

 private:
  std::vector<Page>* pages_;
  PageKind kind_;
  const Geometry* geo_ = &kPortrait;
  double y_ = 0;
};

}  // namespace gongkai::pdf

#endif  // GONGKAI_DRAW_PDF_PAGES_H_
