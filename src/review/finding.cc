#include "review/finding.h"

#include <fmt/format.h>

namespace gongkai {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "提示";
}

const char* SeverityId(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

bool ParseSeverity(const std::string& text, Severity* out) {
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (text == SeverityName(s) || text == SeverityId(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

std::string Location::ToString() const {
  std::vector<std::string> parts;
  if (!table.empty()) {
    std::string t = table;
    if (!row.empty()) t += " 行「" + row + "」";
    if (!column.empty()) t += " 列「" + column + "」";
    parts.push_back(t);
  }
  if (!section.empty()) parts.push_back(section);
  if (!file.empty()) {
    parts.push_back(!cell.empty() ? fmt::format("{}: {}", file, cell)
                    : line > 0    ? fmt::format("{}:{}:{}", file, line, column_pos)
                                  : file);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

}  // namespace gongkai
