// Reading a published budget or final-accounts document, and checking its arithmetic.
//
// This is the entry point of the reader layer:
//
//   gongkai::reader::ReaderOptions options;
//   options.data_dir = "data";                       // for data/reader/tables.csv
//   gongkai::reader::PublishedDocument doc = gongkai::reader::ReadPublished("预算.pdf", options);
//   auto words = gongkai::reader::ThreePublicWords::Load("data");  // data/reader/three_public.csv
//   for (const gongkai::reader::ReaderFinding& f : gongkai::reader::CheckPublished(doc, *words)) …
//
// Everything of this layer is in namespace gongkai::reader: its Cell, Line, Page and Location
// are not those of disclosure/, render/ and review/.
//
// ReadPublished reads a PDF (words with boxes through poppler, pdf_words.h), a text file as
// pdftotext writes it (".txt") or a workbook of tables (".xlsx", read by gongkai's own xlsx
// reader with its size and cell limits; its sheets become pages, sheet_pages.h), finds the
// standard tables by their titles (table_catalog.h), follows them across pages and recovers
// their rows (table_reader.h) into a PublishedDocument (published_document.h). It throws
// ReaderError for files that cannot be read at all (missing, encrypted, too many pages, a
// workbook beyond the limits); unreadable pages and hidden sheets are listed in doc.pages.
//
// CheckPublished does the arithmetic a reader of the document would: 合计 = Σ 类, 类 = Σ 款,
// 款 = Σ 项 by code prefix, in every amount column; and across a row, total = 基本支出 +
// 项目支出 (+ 事业单位经营支出, 上缴上级支出, 对附属单位补助支出 where printed), 基本支出 =
// 人员经费 + 公用经费, in the 收入总表 合计 = its sources. A difference no larger than 0.01 (of
// the table's unit) per summed item can come from rounding the items and is a note; anything
// larger is an error. The “三公” table's sums are checked where its columns are known by the
// words of data/reader/three_public.csv (three_public_words.h).
#ifndef GONGKAI_READER_READER_H_
#define GONGKAI_READER_READER_H_

#include <string>
#include <vector>

#include "base/money.h"
#include "reader/pdf_words.h"
#include "reader/published_document.h"
#include "reader/three_public_words.h"

namespace gongkai::reader {

struct ReaderOptions {
  std::string data_dir;  // holds reader/tables.csv
  PdfLimits limits;
  uint64_t max_text_bytes = uint64_t{64} << 20;  // a .txt document larger than this is refused
};

PublishedDocument ReadPublished(const std::string& path, const ReaderOptions& options);

// Reads a PDF already in memory (`path` is only recorded; the server's uploads, the fuzzer).
PublishedDocument ReadPublishedPdf(const std::string& bytes, const std::string& path,
                                   const ReaderOptions& options);

// Reads pdftotext-style text already in memory (`path` is only recorded).
PublishedDocument ReadPublishedText(const std::string& text, const std::string& path,
                                    const ReaderOptions& options);

// Reads a workbook (.xlsx) already in memory (`path` is only recorded and named in errors).
PublishedDocument ReadPublishedWorkbook(const std::string& bytes, const std::string& path,
                                        const ReaderOptions& options);

// Whether ReadPublished reads `path` as a workbook (.xlsx; .xls, to say what it is).
bool IsWorkbookName(const std::string& path);

enum class FindingLevel { kError, kNote };

// A cell (or a line of the text) a finding compares with: the other side of a relation between
// two tables, or the table figure a sentence of the text states.
struct CellRef {
  std::string table_id;     // empty for a line of the text
  std::string table_title;  // or "公开说明"
  int page = 0;
  Box box;
  std::string cell;    // in a workbook: "表3!D12"; else empty
  std::string row;     // "支出总计", "201 一般公共服务支出"; for text: "第3行"
  std::string column;  // column path
  int side = 0;        // 1: the 支出 half of a two-sided table
  Money printed;
  // The file the cell was read from, when it is not the finding's own document (a text
  // checked against tables published apart); empty otherwise.
  std::string file = {};
};

struct ReaderFinding {
  FindingLevel level = FindingLevel::kError;
  std::string table_id;
  std::string table_title;
  int page = 0;        // in a workbook: the sheet's position
  Box box;             // of the amount that should equal the sum (or of the row label)
  std::string cell;    // in a workbook, that amount's sheet and cell: "表3!D12"; else empty
  std::string row;     // "201 一般公共服务支出"
  std::string column;  // column path: "基本支出/人员经费"
  // The index of that column among the table's, where the finding is on one of its cells (the
  // column above may name it otherwise: "2018年/合计" of a table printed by year); else -1.
  int column_index = -1;
  Money printed;        // the amount as printed
  Money computed;       // the sum of its parts as printed
  std::string message;  // Chinese, complete
  // Relations between tables and text against tables (review/published_relations.h): the id of
  // the review rule stating the same relation or sum (BAL-013 …; the sums inside one table:
  // BAL-002/BAL-011 (FIN-001/FIN-002) the balance of a two-sided table, across a row BAL-003
  // the 收入总表's sources, BAL-005, BAL-006 (BAL-009), BAL-007 (BAL-008) 类/款/项, BAL-010
  // “三公”), the other cell(s) compared, and the findings that follow from this one
  // (cause_groups.h).
  std::string rule;
  int side = 0;  // of the row: 1 for the 支出 half of a two-sided table
  int line = 0;  // a finding on the text: its line on the page
  std::vector<CellRef> related;
  std::vector<ReaderFinding> consequences;
};

std::vector<ReaderFinding> CheckPublished(const PublishedDocument& doc,
                                          const ThreePublicWords& words);

// Where a finding (or a cell it compares with) is, as a reader looks for it: "第3页", or in a
// workbook "表3!D12"; a cell of another file with its name first: "《附件2.pdf》第3页".
std::string FindingPlace(const ReaderFinding& f);
std::string FindingPlace(const CellRef& r);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_READER_H_
