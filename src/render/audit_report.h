// Reports of `gongkai audit`: what was read from each published document (kind, year,
// department, the standard tables found, unreadable pages) and what is wrong in it, each
// finding with its page, table, row and column. Rounding-level differences are grouped per
// table as one note (never an error); a directory gets an overview line per document.
#ifndef GONGKAI_RENDER_AUDIT_REPORT_H_
#define GONGKAI_RENDER_AUDIT_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "reader/reader.h"

namespace gongkai {

// One published document audited.
struct AuditedDocument {
  std::string path;
  std::optional<reader::PublishedDocument> document;  // empty when it could not be read
  std::string error;                                  // why not
  // Grouped by cause: a finding that follows from another is among its consequences.
  std::vector<reader::ReaderFinding> findings;
  // A text whose tables were published in a file of their own, audited with it: that file
  // (its name; the text's figures were checked against its tables). Empty otherwise.
  std::string tables_from = {};
  int Errors() const;  // causes, each counted once
  int Notes() const;
};

// Where a finding is: "第7页 收支总表 行「支出总计」 列「预算数」", and for a relation the cells
// it compares with ("；对照 第10页 支出总表 行「合计」 列「合计」").
std::string AuditWhere(const reader::ReaderFinding& f);

// The completeness scorecard in one line: "公开表 8/8；“三公”经费说明 有（第5页）；… 名词解释 无".
std::string CompletenessLine(const reader::PublishedDocument& d);
// The grouped rounding notes of one table (or of the 公开说明, whose figures round by the digits
// they print): "支出总表：3处差额在四舍五入范围内（每个加项不超过0.01）",
// "公开说明：2处差额在所印数字的四舍五入范围内".
std::string RoundingNotes(const std::string& table, int n);

std::string AuditText(const AuditedDocument& a);
std::string AuditSummaryLine(const AuditedDocument& a);
std::string AuditJson(const std::vector<AuditedDocument>& all);
// One document's object of AuditJson's array, compact (what the server stores of an upload).
std::string AuditDocumentJson(const AuditedDocument& a);

// The figures the reader recovered, every table as read: [{id, title, pages, sheet, unit,
// columns: [{name (the header path), side}], rows: [{side, code, name, total, page, cell?
// ("表3!A12", in a workbook), amounts: [exact amount in the table's unit as text, or null
// where blank]}]}], compact JSON: the evidence a finding's page, table, row and column point at.
std::string PublishedFiguresJson(const reader::PublishedDocument& d);

// One table as read, as CSV (UTF-8 with BOM, so that Excel and WPS open it as such): a row per
// printed row — side, code, name, then each column's amount as printed (exact, in the table's
// unit), then the page. The header names each column by its header path.
std::string PublishedTableCsv(const reader::PublishedTable& t);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_AUDIT_REPORT_H_
