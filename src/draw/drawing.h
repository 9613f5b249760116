// The engine's drawing (engine/drawing.h) done here: the disclosure as PDF (pdf_renderer.h) and
// the audit report with pictures of the pages (audit_html.h). A program that draws passes it
// to its engine:
//
//   EngineOptions options;
//   options.drawing = &CairoDrawing();
//
// This layer sits above the engine and links cairo, pango and HarfBuzz's subsetter; the
// programs that do not draw (gongkai) do not link it, and so do not load those libraries.
#ifndef GONGKAI_DRAW_DRAWING_H_
#define GONGKAI_DRAW_DRAWING_H_

#include "engine/drawing.h"

namespace gongkai {

// One for the whole program (it holds nothing: the fonts are prepared once by pdf_fonts.h).
const Drawing& CairoDrawing();

}  // namespace gongkai

#endif  // GONGKAI_DRAW_DRAWING_H_
