// Dispatches an office format to its writer. Both are written through an AtomicFile
// (base/atomic_file.h): the PDF is rendered in memory and written whole, the workbook is written
// by libxlsxwriter to the temporary file; a failure leaves nothing under the final name.
#include "draw/office_renderer.h"

#include "base/atomic_file.h"
#include "draw/pdf_renderer.h"
#include "render/xlsx_renderer.h"

namespace gongkai {

bool WriteOfficeDocument(const Document& doc, const std::string& format, const std::string& path,
                         const OfficeOptions& options, std::string* error) {
  if (format == "pdf") {
    std::string pdf;
    return RenderPdf(doc, &pdf, error) && WriteFileAtomically(path, pdf, error);
  }
  if (format == "xlsx") {
    AtomicFile file(path);
    return WriteXlsx(doc, file.temporary_path(), options, error) && file.Commit(error);
  }
  *error = "不支持的输出格式「" + format + "」";
  return false;
}

}  // namespace gongkai
