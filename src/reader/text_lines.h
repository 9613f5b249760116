// Lines and cells: the layout of a page as rows of a table.
//
// Published tables are drawn, not structured: a row is the words that share a baseline and a
// cell is a run of words with no wide gap inside. GroupWords() rebuilds both from the words of a
// PDF page (pdf_words.h): words whose vertical extents overlap by half form a line, and a
// horizontal gap wider than about one character height between two words starts a new cell
// (a column boundary).
//
// Plain text is accepted too, as pdftotext writes it (the seed texts): pages are separated by
// form feeds; a line containing tabs is split at every tab (empty fields are kept as positions,
// so a blank cell stays in its column), otherwise at runs of two or more spaces. Boxes of text
// cells are in character cells: x counts display columns (a CJK character is two), y counts
// lines; for tab-separated lines x is 10 × the field index.
#ifndef GONGKAI_READER_TEXT_LINES_H_
#define GONGKAI_READER_TEXT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "reader/pdf_words.h"

namespace gongkai::reader {

struct Cell {
  std::string text;
  Box box;
  bool estimated = false;  // box estimated: cut out of amounts printed with no gap
  // A workbook's cell (sheet_pages.h): its row and column, 1-based (of a merged range, the
  // top-left cell), and for a number its value as the file writes it ("9.869999999999999"),
  // read exactly (CellMoney) while `text` shows it as displayed ("9.87").
  int row = 0, col = 0;
  std::string number = {};  // initialised: cells are aggregates built as {text, box}
};

struct Line {
  Box box;
  std::vector<Cell> cells;  // left to right, none empty
  // The cells' text joined with no spaces (spaces inside cells removed too): used to match
  // titles, which producers space out ("收 支 总 表").
  std::string Compact() const;
};

struct Page {
  int number = 0;  // 1-based; of a workbook, the sheet's position
  bool readable = true;
  std::string why;
  // Boxes in character cells rather than points; a sheet's cells are exact fields, as in
  // tab-separated text (x = 10 × (column − 1), y = row − 1).
  bool from_text = false;
  std::string sheet;  // a workbook's sheet: its name; empty for pages
  // Cells split at runs of spaces: their x is only roughly aligned from line to line
  // (pdftotext -layout does not keep CJK text in columns), so amounts are put in columns by
  // their order on the line rather than by their boxes.
  bool approximate_x = false;
  std::vector<Line> lines;  // top to bottom
};

// Groups the words of one page into lines and cells.
std::vector<Line> GroupWords(const std::vector<Word>& words);

std::vector<Page> PagesFromPdf(const std::vector<PageWords>& pages);

// Splits pdftotext output into pages, lines and cells (see the file comment).
std::vector<Page> PagesFromText(std::string_view text);

// Display width of UTF-8 text: 2 per CJK or full-width character, 1 otherwise.
int DisplayWidth(std::string_view text);

// `text` without ASCII and ideographic spaces.
std::string RemoveSpaces(std::string_view text);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_TEXT_LINES_H_
