#include "draw/pdf_pages.h"

namespace gongkai::pdf {

void Flow::NewPage(bool landscape) {
  pages_->push_back(Page{kind_, landscape, {}});
  geo_ = &GeometryOf(landscape);
  y_ = geo_->top;
}

void Flow::EnsureSpace(double height) {
  if (!AtTop() && y_ + height > geo_->bottom + 0.01) NewPage(landscape());
}

void Flow::PlaceText(const Text& t, double x, double gray) {
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

}  // namespace gongkai::pdf
