// The disclosure as a publishable A4 PDF, laid out with pango and drawn with cairo.
//
// The PDF follows the printed form of the official documents: a cover page (title,
// department, year), 目录 with page numbers, 第一部分 公开说明 (paragraphs with a 2em first-line
// indent flowing across pages), 第二部分 公开表 (each table on a new page with its 附表 number,
// title and 单位：万元 caption; borders, merged header cells, amounts right-aligned, header rows
// repeated when a table breaks across pages; tables of more than eight columns on landscape
// pages and, if still too wide, set in a smaller size), 第三部分 名词解释. Every body page
// carries a running header (department, year) and its page number in the footer; the PDF
// outline has an entry per part, section and table, and the 目录 lines are links.
//
// Fonts are Noto Serif CJK SC (body, tables) and Noto Sans CJK SC (headings; reduced copies of
// both, see pdf_fonts.h), embedded as
// subsets by cairo with their Unicode mapping, so the text can be searched and copied:
// `pdftotext` returns every cell as displayed (tests/office_test.cc checks this).
//
// Code: pdf_text.h (geometry, styles, shaping), pdf_pages.h (pages and the flow),
// pdf_table_layout.h (tables), pdf_glyph_batch.h (drawing text), pdf_fonts.h and
// compression_level.h (speed); this file lays out and draws the document.
//
// Layout is done in two passes: the first shapes all text and paginates (so the 目录 knows
// the real page numbers), the second draws the pages. Nothing touches the file system; the
// caller writes the bytes.
#ifndef GONGKAI_DRAW_PDF_RENDERER_H_
#define GONGKAI_DRAW_PDF_RENDERER_H_

#include <string>

#include "disclosure/document.h"

namespace gongkai {

// Renders `doc` to PDF bytes in `*pdf`. Returns false and sets *error when cairo reports a
// failure (out of memory, missing font machinery).
bool RenderPdf(const Document& doc, std::string* pdf, std::string* error);

}  // namespace gongkai

#endif  // GONGKAI_DRAW_PDF_RENDERER_H_
