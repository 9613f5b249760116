// Draws lines of pango-shaped text with as few cairo calls as possible.
//
// Why: cairo records, analyses and writes every drawing call separately, and
// pango_cairo_show_layout_line makes one call (plus font and state changes) per run of every
// line: for a table-heavy document (seed 004: 6,500 lines of text on 68 pages) that overhead
// was an eighth of the PDF's time (75 → 66 ms). This class collects the glyphs of consecutive
// lines that use the same font and gray into one cairo_show_text_glyphs call, in drawing
// order (so text extraction in content order, `pdftotext -raw`, is unchanged).
//
// The text and its clusters go with the glyphs exactly as pango passes them to cairo (the
// UTF-8 of each run, one cluster per pango cluster, counting the glyphs that are drawn), so
// that cairo maps every glyph back to the characters it shows: without clusters it would guess
// from the font's cmap, and CJK fonts map several code points (一 and the radical ⼀) to one
// glyph. Lines that pango would draw differently — right-to-left runs, glyphs missing from
// the fonts (pango draws hex boxes) — are handed to pango_cairo_show_layout_line as before.
#ifndef GONGKAI_DRAW_PDF_GLYPH_BATCH_H_
#define GONGKAI_DRAW_PDF_GLYPH_BATCH_H_

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <vector>

namespace gongkai {

class GlyphBatch {
 public:
  explicit GlyphBatch(cairo_t* cr) : cr_(cr) {}
  ~GlyphBatch() { Flush(); }
  GlyphBatch(const GlyphBatch&) = delete;
  GlyphBatch& operator=(const GlyphBatch&) = delete;

  // A line laid out by pango, its baseline starting at (x, y), in `gray`.
  void AddLine(PangoLayout* layout, PangoLayoutLine* line, double x, double y, double gray);

  // Runs of glyphs (PangoGlyphItem, in visual order, all Batchable) shaping `text`, their
  // baseline starting at (x, y); with end >= 0, only the clusters within the bytes
  // [start, end) of `text`, each where it stands among all the runs (a slice of a line: the
  // caller shifts x).
  void AddRuns(const char* text, GSList* runs, double x, double y, double gray, int start = 0,
               int end = -1);

  // Whether AddRuns can draw `runs` (a list of PangoGlyphItem); AddLine hands other lines to
  // pango.
  static bool Batchable(GSList* runs);

  // Draws what has been collected.
  void Flush();

 private:
  // Adds the clusters of one run starting at `x` that lie within [start, end); returns where
  // the run ends.
  double AddRun(const char* text, PangoGlyphItem* run, double x, double y, double gray, int start,
                int end);
  static bool Batchable(PangoGlyphItem* run);

  cairo_t* cr_;
  cairo_scaled_font_t* font_ = nullptr;  // of the collected glyphs
  double gray_ = 0;
  std::string utf8_;
  std::vector<cairo_glyph_t> glyphs_;
  std::vector<cairo_text_cluster_t> clusters_;
};

}  // namespace gongkai

#endif  // GONGKAI_DRAW_PDF_GLYPH_BATCH_H_
