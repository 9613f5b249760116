// What the engine draws through a seam: the disclosure as PDF (laid out with pango, drawn with
// cairo) and the HTML audit report with its pictures of the pages (poppler renders them, cairo
// outlines the amount and writes the PNG).
//
// Why a seam: those libraries — cairo, pango, HarfBuzz's subsetter, glib, X11's — are about
// thirty shared objects, which the dynamic linker loads and relocates when a program starts,
// whether it draws or not: 3.6 ms of every command, more than `pdftotext` spends in all on a
// small PDF (issue 13, README "Performance"). So the implementation is the draw layer
// (draw/drawing.h), above the engine, and only the programs that draw link it and pass it in
// EngineOptions::drawing: gongkai-draw (which `gongkai` runs in its place for a PDF or an audit
// report, cli/commands.h), gongkai-serve, the tests. Without it the engine does everything else
// and says so when asked to draw.
#ifndef GONGKAI_ENGINE_DRAWING_H_
#define GONGKAI_ENGINE_DRAWING_H_

#include <string>

#include "disclosure/document.h"
#include "render/audit_report.h"

namespace gongkai {

class Drawing {
 public:
  virtual ~Drawing() = default;
  // The disclosure as PDF bytes; false and *error when cairo reports a failure.
  virtual bool RenderPdf(const Document& doc, std::string* pdf, std::string* error) const = 0;
  // A warning to show before PDFs are made on a machine without the Chinese fonts, or "".
  virtual std::string PdfFontWarning() const = 0;
  // The HTML audit report of `a`, with pictures of the pages of a PDF.
  virtual std::string AuditHtml(const AuditedDocument& a) const = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_ENGINE_DRAWING_H_
