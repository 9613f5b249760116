#include "base/diagnostic.h"

namespace gongkai {

std::string DiagnosticLocation::ToString() const {
  if (!cell.empty()) return file.empty() ? cell : file + ": " + cell;
  if (line <= 0) return file;
  std::string s = file + ":" + std::to_string(line);
  if (column > 0) s += ":" + std::to_string(column);
  return s;
}

std::string Diagnostic::ToString() const {
  std::string where_text = where.ToString();
  return where_text.empty() ? message : where_text + ": " + message;
}

}  // namespace gongkai
