// The HTML report of `gongkai audit`: one self-contained page (inline CSS, images embedded as
// base64 PNG, no scripts) per published document, so that a reviewer can see for each error
// where it is printed. It names the document (kind, year, department), the standard tables
// found and their pages, the pages that could not be read, then every error with its page,
// table, row, column and message and, for a PDF, a picture of the page around the amount in
// question with that amount outlined in red (rendered with poppler at about 100 dpi). Rounding
// notes are grouped per table as one line.
#ifndef GONGKAI_DRAW_AUDIT_HTML_H_
#define GONGKAI_DRAW_AUDIT_HTML_H_

#include <string>
#include <string_view>

#include "render/audit_report.h"

namespace gongkai {

struct AuditHtmlOptions {
  double dpi = 100;
  // Shown around the box: the whole width of the page (so that the row's label and the other
  // side of a two-sided table are in the picture), else margin_x points each side; margin_y
  // points above and below.
  bool full_width = true;
  double margin_x = 220, margin_y = 90;
  int max_images = 200;  // errors beyond this are listed without a picture
};

// The report of one audited document. A PDF is opened again (from a.path) for the pictures;
// when it cannot be, the errors are listed without them.
std::string AuditHtml(const AuditedDocument& a, const AuditHtmlOptions& options = {});

// The region of page `page` (1-based) of the PDF at `path` around `box` (points, top-left
// origin, as the reader gives; how much around: the options), at about `dpi`, with `box`
// outlined in red, as PNG bytes; empty when the page cannot be rendered.
std::string PdfRegionPng(const std::string& path, int page, const reader::Box& box,
                         const AuditHtmlOptions& options = {});

std::string Base64(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_DRAW_AUDIT_HTML_H_
