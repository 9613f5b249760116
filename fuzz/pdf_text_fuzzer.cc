// Fuzz target: the PDF's text layout (src/draw/pdf_text.h) on any cell text — shaping
// (directly or by a pango layout), wrapping by slices, and drawing through GlyphBatch — must
// not crash, must give slices that cover every byte of each line once and in order, keep them
// within the width unless one cluster is wider, and hand cairo nothing it refuses (cairo's
// status stays success). That the glyphs drawn show every character is tested end to end by
// tests/office_test.cc (pdftotext returns every cell).
//
// Input: byte 0 picks the style (face, alignment), byte 1 the wrapping width (5–132 pt); the
// rest is the text, as it would come from a cell of the source.
#include <cairo.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "draw/pdf_glyph_batch.h"
#include "draw/pdf_text.h"

namespace {

using gongkai::pdf::LineBox;
using gongkai::pdf::Text;

void Check(bool ok) {
  if (!ok) std::abort();
}

// The bytes [start, end) of line `line` of `t`.
std::pair<int, int> BytesOf(const Text& t, int line) {
  if (!t.layout) return {0, static_cast<int>(t.shaped->text().size())};
  PangoLayoutLine* l = pango_layout_get_line_readonly(t.layout.get(), line);
  return {l->start_index, l->start_index + l->length};
}

// Slices of a wrapped Text cover the bytes of each line of their source in order, once.
void CheckSlices(const Text& wrapped, double width) {
  const Text& source = *wrapped.source;
  int line = -1, next = 0;
  for (const LineBox& box : wrapped.lines) {
    Check(box.line >= 0 && static_cast<size_t>(box.line) < source.lines.size());
    if (box.line != line) {  // the first slice of a source line
      Check(line < 0 || next == BytesOf(source, line).second);
      Check(box.line == line + 1);
      line = box.line;
      next = BytesOf(source, line).first;
    }
    Check(box.start == next && box.end >= box.start);
    next = box.end;
    // Wider than the width only when it holds a single cluster that is.
    if (box.width > width + 0.01) {
      int clusters = 0;
      for (GSList* r = source.Runs(box.line); r; r = r->next) {
        auto* run = static_cast<PangoGlyphItem*>(r->data);
        for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
          const int at = run->item->offset + run->glyphs->log_clusters[i];
          const bool starts =
              i == 0 || run->glyphs->log_clusters[i - 1] != run->glyphs->log_clusters[i];
          if (starts && at >= box.start && at < box.end) ++clusters;
        }
      }
      Check(clusters == 1);
    }
  }
  Check(line == static_cast<int>(source.lines.size()) - 1);
  Check(next == BytesOf(source, line).second);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  gongkai::pdf::Style style;
  style.face = data[0] & 1 ? gongkai::pdf::Face::kHei : gongkai::pdf::Face::kSong;
  style.size = 9.5;
  style.align = static_cast<PangoAlignment>((data[0] >> 1) % 3);
  const double width = 5 + data[1] / 2.0;
  const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);

  gongkai::pdf::Shaper shaper;
  Text* one = shaper.Shape(text, style);
  Text* wrapped = shaper.WrapAt(one, width, (data[0] & 8) != 0, style.size);
  if (wrapped != one && wrapped->source) CheckSlices(*wrapped, wrapped->wrap_width);
  // Wrapped again, narrower: from the whole line.
  Text* again = shaper.WrapAt(wrapped, width / 2);
  if (again != one && again->source) CheckSlices(*again, again->wrap_width);

  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  {
    gongkai::GlyphBatch batch(cr);
    for (const Text* t : {one, wrapped, again}) {
      for (size_t l = 0; l < t->lines.size(); ++l) {
        gongkai::pdf::DrawTextLine(&batch, *t, l, 10, 10 + 12.0 * static_cast<double>(l), 0);
      }
    }
  }
  Check(cairo_status(cr) == CAIRO_STATUS_SUCCESS);  // e.g. clusters that do not match
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return 0;
}
