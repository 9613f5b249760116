#include "render/xlsx_renderer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include "base/cell_text.h"
#include "base/chinese_numerals.h"
#include "base/library_lock.h"
#include "render/compression_level.h"
#include "render/table_grid.h"

namespace gongkai {
namespace {

constexpr const char* kFont = "宋体";  // the font of the official templates (SimSun)
constexpr double kCellSize = 10;       // points: table cells, captions, notes
constexpr double kTextSize = 11;       // the paragraphs and headings of the text sheet
constexpr double kTitleSize = 16;      // sheet titles
constexpr size_t kMaxPortraitColumns = 8;
constexpr size_t kMaxSheetName = 31;  // Excel's limit, in characters
constexpr uint8_t kPaperA4 = 9;

// UTF-8 code points of `s`.
std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, s.size() - i);
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Sets the height of a row whose tallest cell takes `lines` lines at `size` points; a row of
// one line at the default size keeps the default height.
void FitLines(lxw_worksheet* ws, lxw_row_t row, int lines, double size) {
  if (lines > 1 || size > 11) worksheet_set_row(ws, row, lines * LineHeight(size) + 4, nullptr);
}

// The exact amount as a double for libxlsxwriter. This is the only place gongkai turns money
// into floating point, at the boundary to the spreadsheet: amounts are exact to 0.01 元
// (0.000001 万元) and far below 2^53 of those units, so the double nearest to the exact
// decimal is what Excel itself would hold for the typed figure.
double ExactWanAsDouble(const Money& m) {
  std::string text = m.ExactWan();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string CellName(size_t row, size_t col) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(name, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col));
  return name;
}

std::string SafeSheetName(std::string_view base) {
  std::string out;
  for (auto cp : CodePoints(base)) {
    if (cp.size() == 1 && std::string_view("[]:*?/\\'").find(cp[0]) != std::string_view::npos) {
      out += '_';
    } else {
      out += cp;
    }
  }
  if (out.empty()) out = "表";
  return out;
}

std::string Truncate(std::string_view s, size_t max_chars) {
  std::string out;
  size_t n = 0;
  for (auto cp : CodePoints(s)) {
    if (n++ == max_chars) break;
    out += cp;
  }
  return out;
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool IsCode(const Cell& c) {
  if (c.money || c.text.empty()) return false;
  return std::all_of(c.text.begin(), c.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Formats are created on demand and owned by the workbook.
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {}

  lxw_format* Base(double size = kCellSize, bool bold = false) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_font_name(f, kFont);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
  }

  // A bordered table cell.
  lxw_format* Cell(bool header, bool amount, bool bold, int indent, bool center) {
    int key =
        (header ? 1 : 0) | (amount ? 2 : 0) | (bold ? 4 : 0) | (center ? 8 : 0) | (indent << 4);
    auto it = cells_.find(key);
    if (it != cells_.end()) return it->second;
    lxw_format* f = Base(kCellSize, bold || header);
    format_set_border(f, LXW_BORDER_THIN);
    if (header) {
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_bg_color(f, 0xF2F2F2);
      format_set_text_wrap(f);
    } else if (amount) {
      format_set_num_format(f, "#,##0.00");
      format_set_align(f, LXW_ALIGN_RIGHT);
    } else {
      if (center) format_set_align(f, LXW_ALIGN_CENTER);
      if (indent > 0) format_set_indent(f, static_cast<uint8_t>(indent));
      format_set_text_wrap(f);
    }
    cells_[key] = f;
    return f;
  }

 private:
  lxw_workbook* wb_;
  std::map<int, lxw_format*> cells_;
};

class WorkbookWriter {
 public:
  WorkbookWriter(const Document& doc, const OfficeOptions& options, lxw_workbook* wb)
      : doc_(doc), options_(options), wb_(wb), formats_(wb) {
    title_ = formats_.Base(kTitleSize, true);
    format_set_align(title_, LXW_ALIGN_CENTER);
    format_set_text_wrap(title_);
    plain_ = formats_.Base();
    caption_right_ = formats_.Base();
    format_set_align(caption_right_, LXW_ALIGN_RIGHT);
    note_ = formats_.Base();
    format_set_text_wrap(note_);
    format_set_align(note_, LXW_ALIGN_LEFT);
    paragraph_ = formats_.Base(kTextSize);
    format_set_text_wrap(paragraph_);
    format_set_align(paragraph_, LXW_ALIGN_VERTICAL_TOP);
    heading_ = formats_.Base(kTextSize, true);
    format_set_text_wrap(heading_);
    link_ = formats_.Base();
    format_set_underline(link_, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link_, LXW_COLOR_BLUE);
    format_set_border(link_, LXW_BORDER_THIN);
  }

  bool Write(std::string* error) {
    std::vector<std::string> names = TableSheetNames(doc_);
    lxw_worksheet* contents = Add("目录", error);
    lxw_worksheet* text = Add(doc_.frame.parts[0].short_title, error);
    if (!contents || !text) return false;
    WriteContents(contents, names);
    WriteExplanation(text);
    for (size_t i = 0; i < doc_.tables.size(); ++i) {
      lxw_worksheet* ws = Add(names[i], error);
      if (!ws) return false;
      WriteTable(ws, doc_.tables[i]);
    }
    lxw_worksheet* glossary = Add(doc_.frame.parts[2].short_title, error);
    if (!glossary) return false;
    WriteGlossary(glossary);
    worksheet_activate(contents);
    return true;
  }

 private:
  lxw_worksheet* Add(const std::string& name, std::string* error) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) *error = "无法创建工作表「" + name + "」";
    return ws;
  }

  static std::string InternalLink(const std::string& sheet) {
    std::string quoted;
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return "internal:'" + quoted + "'!A1";
  }

  void WriteContents(lxw_worksheet* ws, const std::vector<std::string>& names) {
    worksheet_set_column(ws, 0, 0, 8, nullptr);
    worksheet_set_column(ws, 1, 1, 14, nullptr);
    // The 表名 column as wide as the longest name (project forms have long ones): links do
    // not wrap.
    double name_width = 50;
    for (const auto& t : doc_.tables) name_width = std::max(name_width, DisplayWidth(t.title) + 2);
    worksheet_set_column(ws, 2, 2, std::min(name_width, 100.0), nullptr);
    worksheet_merge_range(ws, 0, 0, 0, 2, doc_.frame.workbook_contents.c_str(), title_);
    worksheet_set_row(ws, 0, 30, nullptr);
    lxw_format* header = formats_.Cell(true, false, false, 0, true);
    lxw_format* cell = formats_.Cell(false, false, false, 0, false);
    lxw_format* center = formats_.Cell(false, false, false, 0, true);
    worksheet_write_string(ws, 1, 0, "序号", header);
    worksheet_write_string(ws, 1, 1, "表号", header);
    worksheet_write_string(ws, 1, 2, "表名", header);
    lxw_row_t row = 2;
    worksheet_write_string(ws, row, 0, "", center);
    const DocumentFrame::Part* parts = doc_.frame.parts;
    worksheet_write_string(ws, row, 1, parts[0].number.c_str(), center);
    worksheet_write_url_opt(ws, row++, 2, InternalLink(parts[0].short_title).c_str(), link_,
                            parts[0].short_title.c_str(), nullptr);
    for (size_t i = 0; i < doc_.tables.size(); ++i, ++row) {
      const Table& t = doc_.tables[i];
      worksheet_write_string(ws, row, 0, ChineseNumber(static_cast<int>(i) + 1).c_str(), center);
      worksheet_write_string(ws, row, 1, t.number.c_str(), cell);
      worksheet_write_url_opt(ws, row, 2, InternalLink(names[i]).c_str(), link_, t.title.c_str(),
                              nullptr);
    }
    worksheet_write_string(ws, row, 0, "", center);
    worksheet_write_string(ws, row, 1, parts[2].number.c_str(), center);
    worksheet_write_url_opt(ws, row, 2, InternalLink(parts[2].short_title).c_str(), link_,
                            parts[2].short_title.c_str(), nullptr);
    PrintSetup(ws, false);
  }

  // Text sheets: one wide wrapped column, each row as tall as its text.
  static constexpr double kTextWidth = 90;
  void WrappedRow(lxw_worksheet* ws, lxw_row_t row, const std::string& text, lxw_format* f,
                  double size) {
    worksheet_write_string(ws, row, 0, text.c_str(), f);
    FitLines(ws, row, WrappedLines(text, kTextWidth, size), size);
  }

  void WriteExplanation(lxw_worksheet* ws) {
    worksheet_set_column(ws, 0, 0, kTextWidth, nullptr);
    lxw_row_t row = 0;
    const DocumentFrame::Part& part = doc_.frame.parts[0];
    WrappedRow(ws, row++, part.number + " " + part.title, title_, kTitleSize);
    for (const auto& s : doc_.sections) {
      WrappedRow(ws, row++, s.number + "、" + s.title, heading_, kTextSize);
      for (const auto& p : s.paragraphs) {
        WrappedRow(ws, row++, p.text, p.kind == Paragraph::kHeading ? heading_ : paragraph_,
                   kTextSize);
      }
    }
    PrintSetup(ws, false);
  }

  void WriteGlossary(lxw_worksheet* ws) {
    constexpr double kTermWidth = 26, kDefinitionWidth = 70;
    worksheet_set_column(ws, 0, 0, 6, nullptr);
    worksheet_set_column(ws, 1, 1, kTermWidth, nullptr);
    worksheet_set_column(ws, 2, 2, kDefinitionWidth, nullptr);
    const DocumentFrame::Part& part = doc_.frame.parts[2];
    worksheet_merge_range(ws, 0, 0, 0, 2, (part.number + " " + part.title).c_str(), title_);
    worksheet_set_row(ws, 0, 30, nullptr);
    lxw_format* header = formats_.Cell(true, false, false, 0, true);
    lxw_format* center = formats_.Cell(false, false, false, 0, true);
    lxw_format* cell = formats_.Cell(false, false, false, 0, false);
    worksheet_write_string(ws, 1, 0, "序号", header);
    worksheet_write_string(ws, 1, 1, "名词", header);
    worksheet_write_string(ws, 1, 2, "解释", header);
    lxw_row_t row = 2;
    for (size_t i = 0; i < doc_.glossary.size(); ++i, ++row) {
      const GlossaryEntry& g = doc_.glossary[i];
      worksheet_write_string(ws, row, 0, ChineseNumber(static_cast<int>(i) + 1).c_str(), center);
      worksheet_write_string(ws, row, 1, g.term.c_str(), cell);
      worksheet_write_string(ws, row, 2, g.definition.c_str(), cell);
      FitLines(ws, row,
               std::max(WrappedLines(g.term, kTermWidth, kCellSize),
                        WrappedLines(g.definition, kDefinitionWidth, kCellSize)),
               kCellSize);
    }
    worksheet_freeze_panes(ws, 2, 0);
    worksheet_repeat_rows(ws, 1, 1);
    PrintSetup(ws, false);
  }

  void PrintSetup(lxw_worksheet* ws, bool landscape) {
    worksheet_set_paper(ws, kPaperA4);
    if (landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    std::string footer = "&C第 &P 页，共 &N 页";
    worksheet_set_footer(ws, footer.c_str());
  }

  // Column widths in Excel units: amounts on one line; text up to 40 units (it wraps beyond);
  // header words may wrap to two lines.
  static std::vector<double> ColumnWidths(const Table& t, size_t columns) {
    std::vector<double> widths(columns, 8);
    for (const auto& g : HeaderGrid(t, columns)) {
      if (g.cols == 1) {
        widths[g.col] = std::max(widths[g.col], DisplayWidth(g.cell->Display()) / 2 + 2);
      }
    }
    for (const auto& row : t.rows) {
      size_t col = 0;
      for (size_t i = 0; i < row.cells.size() && col < columns; ++i) {
        const Cell& cell = row.cells[i];
        size_t span = static_cast<size_t>(std::max(cell.colspan, 1));
        if (span == 1) {
          double w = DisplayWidth(cell.Display()) + 2 + (i == 1 ? 2 * Indent(row) : 0);
          widths[col] = std::max(widths[col], cell.money ? w : std::min(40.0, w));
        }
        col += span;
      }
    }
    return widths;
  }

  // The tree level of a row's name, as an Excel indent (the HTML indents the same rows).
  static int Indent(const Row& row) {
    if (row.cells.empty() || !IsCode(row.cells[0])) return 0;
    return row.kind == RowKind::kSection ? 1 : row.kind == RowKind::kItem ? 2 : 0;
  }

  // Sets the row's height for its wrapped text cells (text cells wrap; amounts and the
  // cells of numeric columns do not), merged or not.
  static void FitWrappedText(lxw_worksheet* ws, lxw_row_t row, const Table& t, const Row& r,
                             const std::vector<double>& widths) {
    int lines = 1;
    size_t col = 0;
    for (const auto& cell : r.cells) {
      size_t span = static_cast<size_t>(std::max(cell.colspan, 1));
      double w = 0;
      for (size_t c = col; c < col + span && c < widths.size(); ++c) w += widths[c];
      if (!cell.money && !NumericColumn(t, col) && w > 2) {
        lines = std::max(lines, WrappedLines(cell.text, w, kCellSize));
      }
      col += span;
    }
    FitLines(ws, row, lines, kCellSize);
  }

  void WriteTable(lxw_worksheet* ws, const Table& t) {
    const size_t columns = ColumnCount(t);
    const lxw_col_t last = static_cast<lxw_col_t>(columns - 1);
    const std::vector<double> widths = ColumnWidths(t, columns);
    double total_width = 0;
    for (size_t c = 0; c < columns; ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
      total_width += widths[c];
    }

    // Number, title merged across the table, 部门/单位 and 单位：万元.
    lxw_row_t row = 0;
    if (!t.number.empty()) worksheet_write_string(ws, row, 0, t.number.c_str(), plain_);
    ++row;
    if (columns > 1) {
      worksheet_merge_range(ws, row, 0, row, last, t.title.c_str(), title_);
    } else {
      worksheet_write_string(ws, row, 0, t.title.c_str(), title_);
    }
    // At least 30 points; more where a long title (a project's form) wraps.
    worksheet_set_row(
        ws, row++,
        std::max(30.0, WrappedLines(t.title, total_width, kTitleSize) * LineHeight(kTitleSize) + 4),
        nullptr);
    const std::string& owner = doc_.frame.owner;
    if (columns > 1) {
      worksheet_write_string(ws, row, 0, owner.c_str(), plain_);
      worksheet_write_string(ws, row, last, t.unit_label.c_str(), caption_right_);
    } else {
      worksheet_write_string(ws, row, 0, (owner + "　" + t.unit_label).c_str(), plain_);
    }
    ++row;

    // Header rows, with their merged cells where the Document has spans.
    const lxw_row_t header_first = row;
    lxw_format* header = formats_.Cell(true, false, false, 0, true);
    for (const auto& g : HeaderGrid(t, columns)) {
      lxw_row_t r = static_cast<lxw_row_t>(header_first + g.row);
      lxw_col_t c = static_cast<lxw_col_t>(g.col);
      std::string text = g.cell->Display();
      if (g.rows > 1 || g.cols > 1) {
        worksheet_merge_range(ws, r, c, static_cast<lxw_row_t>(r + g.rows - 1),
                              static_cast<lxw_col_t>(c + g.cols - 1), text.c_str(), header);
      } else {
        worksheet_write_string(ws, r, c, text.c_str(), header);
      }
    }
    row = static_cast<lxw_row_t>(header_first + t.header.size());
    for (lxw_row_t r = header_first; r < row; ++r) worksheet_set_row(ws, r, 30, nullptr);
    const lxw_row_t body_first = row;

    // Body: amounts as numbers, text as strings, merged where cells span columns.
    std::vector<std::vector<size_t>> children;
    if (options_.with_formulas) children = SubtotalChildren(t);
    std::vector<std::vector<size_t>> cols(t.rows.size());  // sheet column of each cell
    for (size_t r = 0; r < t.rows.size(); ++r) {
      size_t col = 0;
      for (const auto& c : t.rows[r].cells) {
        cols[r].push_back(col);
        col += static_cast<size_t>(std::max(c.colspan, 1));
      }
    }
    for (size_t r = 0; r < t.rows.size(); ++r, ++row) {
      const Row& body = t.rows[r];
      const bool heading = body.kind == RowKind::kHeading;
      const bool bold = body.kind == RowKind::kTotal || body.kind == RowKind::kClass || heading;
      size_t col = 0;
      for (size_t i = 0; i < body.cells.size() && col < columns; ++i) {
        const Cell& cell = body.cells[i];
        size_t span =
            std::min<size_t>(static_cast<size_t>(std::max(cell.colspan, 1)), columns - col);
        lxw_col_t c = static_cast<lxw_col_t>(col);
        bool amount = cell.money.has_value();
        lxw_format* f = formats_.Cell(false, amount || NumericColumn(t, col), bold,
                                      i == 1 ? Indent(body) : 0, heading || (span > 1 && !t.form));
        if (span > 1) {
          worksheet_merge_range(ws, row, c, row, static_cast<lxw_col_t>(col + span - 1), "", f);
        }
        if (amount) {
          std::string formula;
          if (!children.empty()) formula = SumFormula(t, cols, children[r], r, i, body_first);
          double value = ExactWanAsDouble(*cell.money);
          if (formula.empty()) {
            worksheet_write_number(ws, row, c, value, f);
          } else {
            worksheet_write_formula_num(ws, row, c, formula.c_str(), f, value);
          }
        } else {
          worksheet_write_string(ws, row, c, cell.text.c_str(), f);
        }
        col += span;
      }
      for (; col < columns; ++col) {  // columns the row leaves empty keep their borders
        worksheet_write_blank(ws, row, static_cast<lxw_col_t>(col),
                              formats_.Cell(false, NumericColumn(t, col), false, 0, false));
      }
      FitWrappedText(ws, row, t, body, widths);
    }
    if (!t.has_data && !t.empty_note.empty()) {
      lxw_format* f = formats_.Cell(false, false, false, 0, true);
      if (columns > 1) {
        worksheet_merge_range(ws, row, 0, row, last, t.empty_note.c_str(), f);
      } else {
        worksheet_write_string(ws, row, 0, t.empty_note.c_str(), f);
      }
      worksheet_set_row(ws, row++, 36, nullptr);
    }
    for (const auto& note : t.notes) {
      if (columns > 1) {
        worksheet_merge_range(ws, row, 0, row, last, note.c_str(), note_);
      } else {
        worksheet_write_string(ws, row, 0, note.c_str(), note_);
      }
      FitLines(ws, row++, WrappedLines(note, std::max(10.0, total_width), kCellSize), kCellSize);
    }

    worksheet_freeze_panes(ws, body_first, 0);
    if (!t.header.empty()) worksheet_repeat_rows(ws, header_first, body_first - 1);
    PrintSetup(ws, columns > kMaxPortraitColumns);
  }

  // "=SUM(C5:C7,C9)" over the direct children of row `r` in the column of its cell `i`, when
  // every child has an amount there and they add up exactly to the row's amount (otherwise
  // the row keeps its value: a formula must never show a different figure).
  static std::string SumFormula(const Table& t, const std::vector<std::vector<size_t>>& cols,
                                const std::vector<size_t>& kids, size_t r, size_t i,
                                lxw_row_t body_first) {
    if (kids.empty()) return "";
    size_t col = cols[r][i];
    Money sum;
    std::vector<size_t> rows;
    for (size_t k : kids) {
      const auto& kc = cols[k];
      auto it = std::find(kc.begin(), kc.end(), col);
      if (it == kc.end()) return "";
      const Cell& cell = t.rows[k].cells[static_cast<size_t>(it - kc.begin())];
      if (!cell.money || cell.colspan > 1) return "";
      sum += *cell.money;
      rows.push_back(body_first + k);
    }
    if (sum != *t.rows[r].cells[i].money) return "";
    std::string formula = "=SUM(";
    for (size_t a = 0; a < rows.size();) {
      size_t b = a;
      while (b + 1 < rows.size() && rows[b + 1] == rows[b] + 1) ++b;
      if (a > 0) formula += ',';
      formula += CellName(rows[a], col);
      if (b > a) formula += ":" + CellName(rows[b], col);
      a = b + 1;
    }
    return formula + ")";
  }

  const Document& doc_;
  const OfficeOptions& options_;
  lxw_workbook* wb_;
  Formats formats_;
  lxw_format* title_;
  lxw_format* plain_;
  lxw_format* caption_right_;
  lxw_format* note_;
  lxw_format* paragraph_;
  lxw_format* heading_;
  lxw_format* link_;
};

}  // namespace

std::vector<std::string> TableSheetNames(const Document& doc) {
  // Excel compares ignoring case.
  std::set<std::string> used = {"目录", doc.frame.parts[0].short_title,
                                doc.frame.parts[2].short_title};
  std::vector<std::string> out;
  for (const auto& t : doc.tables) {
    std::string base = SafeSheetName(t.number.empty() ? t.title : t.number);
    std::string name = Truncate(base, kMaxSheetName);
    for (int n = 2; used.count(AsciiLower(name)); ++n) {
      std::string suffix = fmt::format("({})", n);
      name = Truncate(base, kMaxSheetName - suffix.size()) + suffix;
    }
    used.insert(AsciiLower(name));
    out.push_back(name);
  }
  return out;
}

std::vector<std::vector<size_t>> SubtotalChildren(const Table& t) {
  const size_t n = t.rows.size();
  std::vector<std::vector<size_t>> out(n);
  std::vector<std::string> codes(n);
  bool any = false;
  for (size_t r = 0; r < n; ++r) {
    if (!t.rows[r].cells.empty() && IsCode(t.rows[r].cells[0])) {
      codes[r] = t.rows[r].cells[0].text;
      any = true;
    }
  }
  if (!any) return out;
  auto ancestor = [](const std::string& a, const std::string& b) {
    return !a.empty() && b.size() > a.size() && b.compare(0, a.size(), a) == 0;
  };
  for (size_t r = 0; r < n; ++r) {
    if (codes[r].empty()) continue;
    // Descendants follow their parent directly; a direct child has no nearer ancestor.
    for (size_t d = r + 1; d < n && ancestor(codes[r], codes[d]); ++d) {
      bool direct = true;
      for (size_t m = r + 1; m < d && direct; ++m) direct = !ancestor(codes[m], codes[d]);
      if (direct) out[r].push_back(d);
    }
  }
  // 合计 (no code) sums the top-level rows: the 类.
  for (size_t r = 0; r < n; ++r) {
    if (t.rows[r].kind != RowKind::kTotal || !codes[r].empty()) continue;
    for (size_t d = 0; d < n; ++d) {
      if (codes[d].empty()) continue;
      bool top = true;
      for (size_t m = 0; m < n && top; ++m) top = !ancestor(codes[m], codes[d]);
      if (top) out[r].push_back(d);
    }
  }
  return out;
}

bool WriteXlsx(const Document& doc, const std::string& path, const OfficeOptions& options,
               std::string* error) {
  // libxlsxwriter builds the zip in temporary files and creates the target only when closing;
  // writing a sibling file and renaming it keeps a failed run from leaving a broken workbook.
  std::string tmp = path + ".tmp";
  // Find out first whether the file can be created: libxlsxwriter would only tell at the
  // end, after printing its own message on stderr.
  if (FILE* probe = std::fopen(tmp.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    *error = std::string("无法写入文件：") + std::strerror(errno);
    return false;
  }
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) {
    *error = "无法创建工作簿";
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return false;
  }
  lxw_doc_properties props{};
  std::string title = doc.title;
  std::string author = doc.department;
  std::string comments = "gongkai 生成；金额单位：万元";
  props.title = title.data();
  props.author = author.data();
  props.company = author.data();
  props.comments = comments.data();
  workbook_set_properties(wb, &props);
  WorkbookWriter writer(doc, options, wb);
  bool ok = writer.Write(error);
  ScopedCompressionLevel compression(Compressing::kWorkbookParts);  // compression_level.h
  lxw_error closed;
  {
    std::lock_guard gmtime_lock(NonReentrantLibraryLock());  // base/library_lock.h
    closed = workbook_close(wb);                             // frees the workbook in every case
  }
  if (ok && closed != LXW_NO_ERROR) {
    *error = std::string("无法写入文件：") + lxw_strerror(closed);
    ok = false;
  }
  std::error_code ec;
  if (ok) {
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
      *error = "无法写入文件：" + ec.message();
      ok = false;
    }
  }
  if (!ok) std::filesystem::remove(tmp, ec);
  return ok;
}

}  // namespace gongkai
