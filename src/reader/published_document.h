// A published disclosure document as read: what it is, whose, which year, and its tables.
//
// This is the model of a document someone else published (a PDF on a government site, or a
// workbook of its tables), not of one gongkai generates: nothing in it is trusted, every amount
// remembers where it was printed (page and box; in a workbook, sheet and cell) so that a
// finding can point at it, and a table keeps the rows as printed, in
// order, including the 合计 row, so that its arithmetic can be checked (checks in reader.h).
//
// Amounts are exact (Money). A blank cell, "-" or "—" is zero but marked blank; "1,597.66" and
// "(12.00)" (negative) are read in the table's unit (单位：万元 or 单位：元; 万元 when the
// table does not say).
#ifndef GONGKAI_READER_PUBLISHED_DOCUMENT_H_
#define GONGKAI_READER_PUBLISHED_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/money.h"
#include "reader/pdf_words.h"

namespace gongkai::reader {

enum class DocumentKind { kUnknown, kBudget, kFinalAccounts };  // 预算, 决算

// Where something was printed: a page and a box on it; in a workbook also the sheet and the
// cell (row and column 1-based; of a merged range, its top-left cell), with `page` the sheet's
// position in the workbook.
struct Location {
  int page = 0;  // 1-based
  Box box;
  std::string sheet;
  int row = 0, col = 0;
  bool InSheet() const { return !sheet.empty(); }
};

// A location as a reader names it: "第3页", or in a workbook "表3!D12" (the sheet's name
// quoted as Excel quotes it when it holds spaces or punctuation: "'2026年 预算'!D12").
std::string PlaceName(const Location& where);

struct PublishedAmount {
  Money value;
  std::string text;  // as printed; empty when the cell is blank
  bool blank = true;
  Location where;
};

struct PublishedColumn {
  std::string name;       // the lowest header label over the column: "人员经费"
  std::string path;       // all header labels over it, top down: "基本支出/人员经费"
  int side = 0;           // 0, or 1 for the 支出 half of a two-sided table
  double x0 = 0, x1 = 0;  // extent of its amounts
  double width() const { return x1 - x0; }
};

struct PublishedRow {
  int side = 0;
  std::string code;  // 功能 or 经济 科目 code: "201", "20101", "2010101"; empty if none
  std::string name;
  bool is_total = false;                 // 合计, 总计, 收入总计 …
  Location where;                        // the row's label
  std::vector<PublishedAmount> amounts;  // one per column of the table (other side: blank)
};

// The lines a table occupies on one page, from its title (or the top of a continuation page)
// to its last row: 1-based, `last` included. What is outside them on the page is text.
struct LineSpan {
  int page = 0;
  int first = 0, last = 0;
};

struct PublishedTable {
  std::string id;     // income_expenditure_summary, …
  std::string title;  // as printed
  int sides = 1;
  std::vector<int> pages;
  std::string sheet;  // read from a workbook: the sheet's name
  MoneyUnit unit = MoneyUnit::kWan;
  bool unit_stated = false;
  std::vector<std::string> header;  // header lines as printed, cells separated by " | "
  std::vector<PublishedColumn> columns;
  std::vector<PublishedRow> rows;
  // Where it is printed, page by page (of a PDF or text; a sheet is all table). A copy of the
  // table printed again (an appendix) adds its lines here: they are table too.
  std::vector<LineSpan> spans;

  // Index of the first column of `side` whose name or path contains `label`.
  std::optional<size_t> Column(std::string_view label, int side = 0) const;
  // The first row with this code (and side).
  const PublishedRow* Row(std::string_view code, int side = 0) const;
  // The first total row of `side` (合计/总计).
  const PublishedRow* Total(int side = 0) const;
  // Whether any amount is printed (a blank form or template has none).
  bool HasFigures() const;
};

struct PageStatus {
  int number = 0;
  bool readable = true;
  std::string why;
};

// A headline figure stated in the text (公开说明 / 情况说明): "收支总预算3,210.10万元",
// "“三公”经费预算数为12.30万元" — what it states (key, from data/reader/text_figures.csv),
// the amount and where it is printed (page, line on the page counted from 1, the line's box).
struct TextFigure {
  std::string key;     // income_total, expenditure_total, fiscal_income, three_public, …
  std::string phrase;  // the words matched: "收支总预算"
  Money amount;
  std::string text;  // the amount as printed, with its unit: "3,210.10万元"
  int page = 0, line = 0;
  Box box;
  std::string sentence;  // the line as printed (spaces removed)
  std::string cell;      // in a workbook, the sheet and cell of the line: "说明!A12"
};

// One item of the completeness scorecard (data/reader/completeness.csv): a required table, or a
// part of the text found by its heading or keywords.
struct CompletenessMark {
  std::string id;    // a table id, or three_public_text, procurement, assets, performance, …
  std::string name;  // 收支总表, “三公”经费说明, 政府采购 …
  bool is_table = false;
  bool found = false;
  // A table not in this document, which says that its tables are published apart (表样附后,
  // 附件：…部门预算报表); `page` is where it says so.
  bool elsewhere = false;
  int page = 0;            // where it was found
  std::string sheet = {};  // in a workbook: the sheet where it was found
};

// The text of a page (a 公开说明 / 情况说明 page, or the sentences printed above or below a
// table), line by line as printed (cells joined, spaces removed): the prose whose arithmetic
// is checked (review/published_prose.h). Line i is the page's line i + 1; a line of a table
// the reader read (LineSpan), or a row of one it does not know (cells apart, no punctuation of
// a sentence), is empty.
struct NarrativePage {
  int page = 0;
  std::vector<std::string> lines;
};

struct PublishedDocument {
  std::string path;
  DocumentKind kind = DocumentKind::kUnknown;
  std::string department;
  int year = 0;
  bool identity_from_file_name = false;  // kind, department or year taken from the file name
  std::vector<PageStatus> pages;
  std::vector<PublishedTable> tables;
  std::vector<TextFigure> text_figures;
  std::vector<CompletenessMark> completeness;
  std::vector<NarrativePage> narrative;  // pages of a PDF or text; not a workbook's sheets

  const PublishedTable* Find(std::string_view id) const;
  // A template or blank form: standard tables found, but not one amount printed in them.
  // There is nothing to check; a report says so rather than finding nothing wrong.
  bool IsBlankForm() const;
};

std::string KindName(DocumentKind kind);  // "预算", "决算", "未知"

// Reads a printed amount in `unit`: "1,597.66", "1 597.66", "(12.00)", "－3.5", "-", "—", "".
// nullopt when the text is not an amount.
std::optional<Money> ParsePublishedAmount(std::string_view text, MoneyUnit unit);

// Whether `text` is printed as an amount (digits with separators and decimals, a negative in
// parentheses, or a dash standing for zero).
bool LooksLikeAmount(std::string_view text);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_PUBLISHED_DOCUMENT_H_
