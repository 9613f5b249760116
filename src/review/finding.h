// What a check rule reports: a finding with its severity, a Chinese message carrying the
// figures involved, and where it is (table / row / column, section of the text, and the
// source file position).
#ifndef GONGKAI_REVIEW_FINDING_H_
#define GONGKAI_REVIEW_FINDING_H_

#include <string>
#include <vector>

namespace gongkai {

enum class Severity { kError = 0, kWarning = 1, kInfo = 2 };  // 错误, 警告, 提示
const char* SeverityName(Severity s);                         // Chinese name
const char* SeverityId(Severity s);                           // error, warning, info
bool ParseSeverity(const std::string& text, Severity* out);   // accepts both forms

struct Location {
  std::string table_id;  // income_expenditure_summary …, empty if not a table
  std::string table;     // table name as displayed (附表4-1 收支总表)
  std::string row;       // row label or code
  std::string column;    // column name
  std::string section;  // section of the 公开说明 (四（一）) or of the source (basic, projects…)
  std::string file;  // source file
  int line = 0, column_pos = 0;
  std::string cell;  // workbook sources: the cell ("支出明细!G5") instead of line/column
  std::string ToString() const;  // "附表 row/column · 四（一） · file:line:col"
};

struct Finding {
  std::string rule;  // BAL-003
  Severity severity = Severity::kError;
  std::string message;
  Location where;
  std::string expected, found, difference;  // figures as text, may be empty
  // The difference is within what rounding the printed figures can explain: always a 提示,
  // whatever the rule's severity.
  bool rounding = false;
  // The other cells a relation between tables compares (an audit of a published document:
  // 收支总表 against 支出总表 …); cause_groups.h groups by every cell of a finding.
  std::vector<Location> related;
  // Findings that follow from this one (a subtotal above a wrong figure, the same misplaced
  // code reported by another rule): see cause_groups.h.
  std::vector<Finding> consequences;
};

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_FINDING_H_
