// Placeholder until the PDF and XLSX writers land: reports that the format is not available.
#include "render/office_renderer.h"

namespace gongkai {

bool WriteOfficeDocument(const Document&, const std::string& format, const std::string&,
                         const OfficeOptions&, std::string* error) {
  *error = "输出格式「" + format + "」尚未实现";
  return false;
}

}  // namespace gongkai
