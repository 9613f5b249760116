#include "draw/pdf_glyph_batch.h"

#include <climits>

namespace gongkai {
namespace {

double Points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

bool Drawn(PangoGlyph glyph) {
  return glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0;
}

}  // namespace

bool GlyphBatch::Batchable(PangoGlyphItem* run) {
  if (run->item->analysis.level & 1) return false;  // right to left
  for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
    PangoGlyph g = run->glyphs->glyphs[i].glyph;
    // An unknown glyph is drawn by pango as a box with its code, except an unknown space.
    if ((g & PANGO_GLYPH_UNKNOWN_FLAG) && g != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG)) return false;
  }
  return PANGO_IS_CAIRO_FONT(run->item->analysis.font) &&
         pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
}

bool GlyphBatch::Batchable(GSList* runs) {
  for (GSList* r = runs; r; r = r->next) {
    if (!Batchable(static_cast<PangoGlyphItem*>(r->data))) return false;
  }
  return true;
}

void GlyphBatch::AddLine(PangoLayout* layout, PangoLayoutLine* line, double x, double y,
                         double gray) {
  if (Batchable(line->runs)) {
    AddRuns(pango_layout_get_text(layout), line->runs, x, y, gray);
    return;
  }
  Flush();
  cairo_set_source_rgb(cr_, gray, gray, gray);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout_line(cr_, line);
}

void GlyphBatch::AddRuns(const char* text, GSList* runs, double x, double y, double gray, int start,
                         int end) {
  if (end < 0) end = INT_MAX;
  for (GSList* r = runs; r; r = r->next) {
    x = AddRun(text, static_cast<PangoGlyphItem*>(r->data), x, y, gray, start, end);
  }
}

double GlyphBatch::AddRun(const char* text, PangoGlyphItem* run, double x, double y, double gray,
                          int start, int end) {
  const int run_start = run->item->offset, run_end = run->item->offset + run->item->length;
  if (run_end <= start || run_start >= end) {  // outside the slice: only its width counts
    const PangoGlyphString* glyphs = run->glyphs;
    for (int i = 0; i < glyphs->num_glyphs; ++i) x += Points(glyphs->glyphs[i].geometry.width);
    return x;
  }
  cairo_scaled_font_t* font =
      pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
  if (font != font_ || gray != gray_) {
    Flush();
    font_ = font;
    gray_ = gray;
  }
  // Glyph positions as pango_cairo_show_layout_line places them. Runs here are left to right
  // (see Batchable), so a cluster is a stretch of glyphs with the same log_clusters entry,
  // showing the bytes from there to the next cluster's.
  const PangoGlyphString* glyphs = run->glyphs;
  const int n = glyphs->num_glyphs;
  for (int i = 0; i < n;) {
    int next = i + 1;
    while (next < n && glyphs->log_clusters[next] == glyphs->log_clusters[i]) ++next;
    const int from = run_start + glyphs->log_clusters[i];
    const int to = next < n ? run_start + glyphs->log_clusters[next] : run_end;
    const bool inside = from >= start && to <= end;
    int count = 0;
    for (; i < next; ++i) {
      const PangoGlyphInfo& g = glyphs->glyphs[i];
      if (inside && Drawn(g.glyph)) {
        glyphs_.push_back(cairo_glyph_t{g.glyph, x + Points(g.geometry.x_offset),
                                        y + Points(g.geometry.y_offset)});
        ++count;
      }
      x += Points(g.geometry.width);
    }
    if (!inside || (to == from && count == 0)) continue;  // cairo allows either, not both
    utf8_.append(text + from, static_cast<size_t>(to - from));
    clusters_.push_back(cairo_text_cluster_t{to - from, count});
  }
  return x;
}

void GlyphBatch::Flush() {
  if (font_ && !clusters_.empty()) {
    cairo_set_source_rgb(cr_, gray_, gray_, gray_);
    cairo_set_scaled_font(cr_, font_);
    cairo_show_text_glyphs(cr_, utf8_.data(), static_cast<int>(utf8_.size()), glyphs_.data(),
                           static_cast<int>(glyphs_.size()), clusters_.data(),
                           static_cast<int>(clusters_.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
  }
  font_ = nullptr;
  utf8_.clear();
  glyphs_.clear();
  clusters_.clear();
}

}  // namespace gongkai
