// Finding the standard tables in the pages of a published document and reading their rows.
//
// A table starts at a title line the catalog recognises (table_catalog.h) that is confirmed by
// a unit line ("单位：万元") a few lines below it on the same page; a table of contents names
// the same titles but has no unit line. It runs to the next title — of a standard table, of a
// table the catalog knows but does not read, or any short line ending in 表 followed by a unit
// line — across page breaks; a repeated title on the next page continues the same table. A
// workbook's sheets are pages too (sheet_pages.h), but a table there ends with its sheet.
//
// Within a table, each page starts with header lines up to the first line that is clearly data
// (a code followed by a name, or an amount with decimals); repeated headers on continuation
// pages are skipped that way. Amount columns are found from the data: the horizontal extents
// of the amounts of all rows are merged where they overlap, so that right-aligned, centred
// and left-aligned columns are all recognised, and a blank cell stays blank; in a PDF, header
// words standing clear of those columns and of the rows' labels head a column that prints no
// amount at all (上级补助收入 of nothing), rather than joining a neighbour's name. Each column is
// named by the header cells above it (a header cell spanning several columns is a parent,
// "基本支出/人员经费"; stacked cells over one column are one wrapped label). In a two-sided
// table (收支总表: 收入 | 支出) the halves are split where a label follows an amount on a line.
#ifndef GONGKAI_READER_TABLE_READER_H_
#define GONGKAI_READER_TABLE_READER_H_

#include <vector>

#include "reader/published_document.h"
#include "reader/table_catalog.h"
#include "reader/text_lines.h"

namespace gongkai::reader {

// The standard tables found in `pages`, in document order (tables with id "other" omitted).
std::vector<PublishedTable> ReadTables(const std::vector<Page>& pages, const TableCatalog& catalog);

// Kind (预算/决算), department and year, from the cover and the table titles.
void ReadDocumentFacts(const std::vector<Page>& pages, PublishedDocument* doc);

// Department, year and kind from the document's file name, for what the pages do not say (a
// document without a text layer, tables without a cover): bureaus name the file after the
// document's title, "附件1：北京市政务服务和数据管理局2026年度部门预算情况说明.pdf". A file
// name is read only where it names a department, a year and 预算 or 决算 in one part (parts
// split at "_", which collections add before the published name), and its department only
// where the pages state no other year: a misnamed file does not rename a document. Sets
// `doc->identity_from_file_name` when it filled anything.
void IdentityFromFileName(const std::string& path, PublishedDocument* doc);

// Splits a leading 功能/经济 科目 code off a label: "2010301 行政运行" → {"2010301", "行政运行"};
// "204 06 01" style split codes are joined. Returns the code ("" when none).
std::string SplitCode(std::vector<std::string>* labels);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_TABLE_READER_H_
