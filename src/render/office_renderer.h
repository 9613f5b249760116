// Office formats of the disclosure: a publishable A4 PDF (cairo + pango) and an Excel
// workbook (libxlsxwriter), written to a file. The implementation lives in
// office_renderer.cc and its helpers; the file is written atomically (base/atomic_file.h).
#ifndef GONGKAI_RENDER_OFFICE_RENDERER_H_
#define GONGKAI_RENDER_OFFICE_RENDERER_H_

#include <string>

#include "disclosure/document.h"

namespace gongkai {

struct OfficeOptions {
  bool with_formulas = false;  // xlsx: subtotal formulas instead of values
};

// Writes `doc` as `format` ("pdf" or "xlsx") to `path`. Returns false and sets *error on
// failure (unsupported format, cannot write).
bool WriteOfficeDocument(const Document& doc, const std::string& format, const std::string& path,
                         const OfficeOptions& options, std::string* error);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_OFFICE_RENDERER_H_
