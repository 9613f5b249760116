// Office formats of the disclosure: a publishable A4 PDF (cairo + pango, draw/pdf_renderer.h)
// and an Excel workbook (libxlsxwriter, render/xlsx_renderer.h), written to a file atomically
// (base/atomic_file.h).
#ifndef GONGKAI_DRAW_OFFICE_RENDERER_H_
#define GONGKAI_DRAW_OFFICE_RENDERER_H_

#include <string>

#include "disclosure/document.h"
#include "render/xlsx_renderer.h"

namespace gongkai {

// Writes `doc` as `format` ("pdf" or "xlsx") to `path`. Returns false and sets *error on
// failure (unsupported format, cannot write).
bool WriteOfficeDocument(const Document& doc, const std::string& format, const std::string& path,
                         const OfficeOptions& options, std::string* error);

}  // namespace gongkai

#endif  // GONGKAI_DRAW_OFFICE_RENDERER_H_
