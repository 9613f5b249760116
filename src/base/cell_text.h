// How much room text takes in a spreadsheet cell, for the workbooks gongkai writes (the rendered
// disclosure, render/xlsx_renderer.h, and the input template, source/workbook_source.h).
//
// Row heights are set by gongkai rather than left to the spreadsheet: LibreOffice does not fit
// the height of a row to its wrapped text when it opens an .xlsx (Excel does), so a paragraph
// would show as one cut line. The measures are approximations in Excel's units, on the safe
// side: a row a little too tall reads well, one too short hides a line.
#ifndef GONGKAI_BASE_CELL_TEXT_H_
#define GONGKAI_BASE_CELL_TEXT_H_

#include <string_view>

namespace gongkai {

// Approximate display width in Excel's column units (one unit ≈ one Latin digit) at 10
// points: CJK and full-width characters take two.
double DisplayWidth(std::string_view s);

// Points a line of text of `size` points takes. The CJK faces LibreOffice falls back to for
// 宋体 on Linux (Noto Sans/Serif CJK) take 1.45 em a line, more than SimSun; the larger figure
// keeps every line visible in both.
double LineHeight(double size);

// Lines `text` takes in a cell `width` units wide at `size` points: each of its lines (the
// text's own line breaks) wrapped at the width.
int WrappedLines(std::string_view text, double width, double size);

}  // namespace gongkai

#endif  // GONGKAI_BASE_CELL_TEXT_H_
