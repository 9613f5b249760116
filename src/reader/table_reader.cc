#include "reader/table_reader.h"
#include "base/regex.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include <set>

#include "xlsx/xlsx_reader.h"

namespace gongkai::reader {
namespace {

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsCode(std::string_view s) {
  return AllDigits(s) && (s.size() == 3 || s.size() == 5 || s.size() == 7);
}

// A line on which the unit of a table is stated: "单位：万元", "金额单位: 元".
std::optional<MoneyUnit> UnitOf(const Line& line) {
  std::string c = line.Compact();
  // "编制单位：上海市审计局单位：元": every occurrence, not only the first.
  for (std::string_view mark : {"单位：", "单位:"}) {
    for (size_t at = c.find(mark); at != std::string::npos; at = c.find(mark, at + 1)) {
      std::string_view rest = std::string_view(c).substr(at + mark.size());
      if (rest.rfind("万元", 0) == 0) return MoneyUnit::kWan;
      if (rest.rfind("元", 0) == 0) return MoneyUnit::kYuan;
    }
  }
  return std::nullopt;
}

bool IsUnitLine(const Line& line) {
  std::string c = line.Compact();
  return UnitOf(line).has_value() || Contains(c, "单位：") || Contains(c, "单位:");
}

// Page numbers and running footers: "12", "- 16 -", "— 1 —", "第 3 页".
bool IsFooter(const Line& line) {
  std::string c = line.Compact();
  // Every footer has a digit: most lines are not looked at twice.
  if (c.find_first_of("0123456789") == std::string::npos) return false;
  static const Regex kFooter(R"(^(-|—|－)*\d{1,4}(-|—|－)*$|^第\d+页(共\d+页)?$)");
  return std::regex_match(c, kFooter);
}

bool IsNote(std::string_view compact) {
  return compact.rfind("注", 0) == 0 || compact.rfind("备注", 0) == 0 ||
         compact.rfind("说明", 0) == 0 || compact.rfind("填报说明", 0) == 0;
}

// A table number on its own: "公开03表", "预算01表", "表3", "表一", "附表4-1".
bool IsTableNumber(const std::string& compact) {
  // It ends in 表 or a number after 表: a line without 表 is not looked at twice.
  if (compact.find("表") == std::string::npos) return false;
  static const Regex kNumberOnly(
      R"(^(公开|预算|决算|附|部门)?(\d+|[一二三四五六七八九十]+)?表(\d+([-－.]\d+)?|[一二三四五六七八九十]+)?$)");
  return std::regex_match(compact, kNumberOnly);
}

// Columns that number lines or hold codes, not amounts.
bool IsNumberingColumn(const std::string& name) {
  return EndsWith(name, "行次") || name == "栏次" || name == "序号" || name == "编号" ||
         EndsWith(name, "代码") || EndsWith(name, "编码");
}

// Where a cell is: its page and box, and in a workbook its sheet and cell.
Location At(const Page& page, const Cell& cell) {
  return {page.number, cell.box, page.sheet, cell.row, cell.col};
}

// A workbook's number in the table's unit: "1597.66" (万元, at least two decimals), "30000.00"
// (元).
std::string NumberText(Money m, MoneyUnit unit) {
  if (unit == MoneyUnit::kYuan) return m.Yuan();
  std::string t = m.ExactWan();
  size_t point = t.find('.');
  if (point == std::string::npos) return t + ".00";
  if (t.size() - point - 1 < 2) t += '0';
  return t;
}

// The amount printed in `cell`, in `unit`. A workbook's number is read from its value, exactly,
// and shown in the unit.
PublishedAmount AmountAt(const Page& page, const Cell& cell, MoneyUnit unit) {
  PublishedAmount a;
  std::optional<Money> m =
      cell.number.empty() ? ParsePublishedAmount(cell.text, unit) : CellMoney(cell.number, unit);
  a.text = cell.number.empty() || !m ? cell.text : NumberText(*m, unit);
  a.blank = m && m->is_zero() && !AllDigits(RemoveSpaces(a.text).substr(0, 1));
  a.value = m.value_or(Money());
  a.where = At(page, cell);
  return a;
}

// Where the cells `row` printed nothing are: on its page; in a sheet, a blank cell is still a
// cell, the row's under its column.
void PlaceBlankCells(const Page& page, const std::vector<PublishedColumn>& columns,
                     PublishedRow* row) {
  for (size_t k = 0; k < row->amounts.size(); ++k) {
    PublishedAmount& a = row->amounts[k];
    if (a.where.page != 0) continue;
    a.where.page = page.number;
    if (!page.sheet.empty() && row->where.row > 0) {
      a.where.sheet = page.sheet;
      a.where.row = row->where.row;
      a.where.col = static_cast<int>(columns[k].x0 / 10) + 1;
    }
  }
}

struct Title {
  size_t page = 0, line = 0;  // indexes into pages / lines: the title's last line
  size_t first_line = 0;      // its first (a title may wrap onto a second line)
  std::string id;
  int sides = 1;
  std::string text;
};

// Whether the line at (p, l) is a table title; fills `title`.
bool TitleAt(const std::vector<Page>& pages, size_t p, size_t l, const TableCatalog& catalog,
             Title* title) {
  const Line& line = pages[p].lines[l];
  std::string compact = line.Compact();
  if (compact.empty() || Contains(compact, "。") || Contains(compact, "…") ||
      Contains(compact, "...") || Contains(compact, "《") || Contains(compact, "，") ||
      Contains(compact, "··")) {
    return false;
  }
  std::string normal = NormalizeTitle(compact);
  const TablePattern* match = catalog.Match(normal);
  // A title wrapped onto a short second line ("…会议费、培训费支出预" / "算表").
  const auto& lines = pages[p].lines;
  size_t last = l;
  if (!match && !EndsWith(normal, "表") && l + 1 < lines.size()) {
    std::string next = NormalizeTitle(lines[l + 1].Compact());
    // A title of its own after the last row of the table above ("其中：动用上年结转和结余资金"
    // / "三、支出预算总表") is not joined to it; its number on the line above ("表 1" /
    // "收支总表") is.
    if (CodePoints(next) <= 8 && (EndsWith(next, "表") || EndsWith(next, ")")) &&
        (IsTableNumber(normal) || !catalog.Match(next))) {
      if (const TablePattern* joined = catalog.Match(normal + next)) {
        match = joined;
        normal += next;
        last = l + 1;
      }
    }
  }
  if (match) {
    if (CodePoints(normal) > CodePoints(match->pattern) + 28) return false;
  } else {
    // Any short line ending in 表 ends the previous table (机关运行经费表 …), but not a table
    // number on its own ("公开03表", "预算01表").
    size_t n = CodePoints(normal);
    if (n < 4 || n > 40 || IsTableNumber(normal)) return false;
    // "…明细表(按支出功能分类科目)": a remark in parentheses after 表.
    size_t open = normal.rfind("表(");
    bool remark = EndsWith(normal, ")") && open != std::string::npos;
    if (!EndsWith(normal, "表") && !remark) return false;
  }
  // Confirmed by a unit line just below (or the title line itself).
  bool confirmed = IsUnitLine(line);
  for (size_t k = last + 1; k < lines.size() && k <= last + 6 && !confirmed; ++k) {
    if (IsUnitLine(lines[k])) confirmed = true;
    // A table of contents: the next line names another table.
    if (!confirmed && catalog.Match(NormalizeTitle(lines[k].Compact())) &&
        CodePoints(lines[k].Compact()) <= 40) {
      break;
    }
  }
  if (!confirmed) return false;
  title->page = p;
  title->line = last;  // the table starts after the title's last line
  title->first_line = l;
  title->id = match ? match->id : "other";
  title->sides = match ? match->sides : 1;
  title->text.clear();
  for (size_t k = l; k <= last; ++k) {
    for (const Cell& c : lines[k].cells) {
      if (!title->text.empty() && k == l) title->text += ' ';
      title->text += c.text;
    }
  }
  return true;
}

enum class Kind { kLabel, kCode, kAmount };

struct Classified {
  const Cell* cell;
  Kind kind;
};

// Classifies the cells of a data line: codes, labels, amounts. A code is a whole number of 3,
// 5 or 7 digits (or a 2-digit 款/项 part, "205 | 03 | 99") at the start of the line or of a
// part after an amount, followed by a label or another code part.
std::vector<Classified> Classify(const Line& line) {
  std::vector<Classified> out;
  bool amounts_have_decimals = false;
  for (const Cell& c : line.cells) {
    const bool amount = LooksLikeAmount(c.text);
    out.push_back({&c, amount ? Kind::kAmount : Kind::kLabel});
    amounts_have_decimals |= amount && c.text.find('.') != std::string::npos;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind != Kind::kAmount) continue;
    bool starts_part = i == 0 || out[i - 1].kind == Kind::kAmount;
    // A second classification between labels: "30113 | 住房公积金 | 50501 | 工资福利支出".
    bool between_labels = i > 0 && out[i - 1].kind == Kind::kLabel && i + 1 < out.size() &&
                          out[i + 1].kind == Kind::kLabel &&
                          IsCode(RemoveSpaces(out[i].cell->text));
    if (between_labels) {
      out[i].kind = Kind::kCode;
      continue;
    }
    if (!starts_part) continue;
    size_t j = i;
    while (j < out.size() && out[j].kind == Kind::kAmount) {
      std::string t = RemoveSpaces(out[j].cell->text);
      bool code = IsCode(t) || (AllDigits(t) && t.size() == 2);
      if (!code) break;
      ++j;
    }
    // A whole number of another length that starts the line before a label is a label (a
    // unit's code, "125001 西安市安全生产监督管理局"), not an amount.
    // So is a longer bare number before amounts with decimals (its name printed around it).
    std::string first = RemoveSpaces(out[i].cell->text);
    bool before_label = out.size() > 1 && out[1].kind == Kind::kLabel;
    if (i == 0 && j == i && AllDigits(first) && (before_label || first.size() >= 6)) {
      out[0].kind = Kind::kLabel;
      continue;
    }
    // At the start of the line codes need no label after them (the name may be printed
    // around the row, or not at all); within the line they do, but for a code ending the line
    // whose name is printed around it ("…39908" under "对民间非营利组织和群众性自治"): a 款 or 项
    // code where the line's amounts print decimals and it none.
    const bool last_bare = j == out.size() && j == i + 1 && amounts_have_decimals &&
                           out[i].cell->text.find_first_of(".,") == std::string::npos &&
                           IsCode(RemoveSpaces(out[i].cell->text)) &&
                           RemoveSpaces(out[i].cell->text).size() >= 5;
    if (j > i && (i == 0 || (j < out.size() && out[j].kind == Kind::kLabel) || last_bare)) {
      for (size_t k = i; k < j; ++k) out[k].kind = Kind::kCode;
    }
    i = j > i ? j - 1 : i;
  }
  return out;
}

// A line that is data beyond doubt: a code then a label, an amount with decimals, or a total.
bool IsStrongData(const std::vector<Classified>& cells) {
  bool code = false;
  for (const Classified& c : cells) {
    if (c.kind == Kind::kCode) code = true;
    if (c.kind == Kind::kLabel) {
      if (code) return true;
    }
    if (c.kind == Kind::kAmount) {
      std::string t = RemoveSpaces(c.cell->text);
      if (Contains(t, ".") || Contains(t, ",")) return true;
    }
  }
  return false;
}

bool IsTotalName(std::string_view name) {
  std::string n = NormalizeTitle(name);
  return EndsWith(n, "合计") || EndsWith(n, "总计");
}

struct Interval {
  double x0, x1;
};

// Merges overlapping intervals (sorted by x0).
std::vector<Interval> Merge(std::vector<Interval> v) {
  std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.x0 < b.x0; });
  std::vector<Interval> out;
  for (const Interval& i : v) {
    // Overlapping by more than a hair: amounts printed with no gap only touch.
    if (!out.empty() && i.x0 < out.back().x1 - 0.5) {
      out.back().x1 = std::max(out.back().x1, i.x1);
    } else {
      out.push_back(i);
    }
  }
  return out;
}

double OverlapOf(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

struct DataLine {
  size_t page;
  const Line* line;
  std::vector<Classified> cells;
  std::string continued;  // the rest of a wrapped name, printed on the next line
  std::string prefix;     // the start of a wrapped name, printed on the line before
};

int SideOf(double x0, const std::vector<double>& bounds) {
  int side = 0;
  for (double b : bounds) {
    if (x0 >= b) ++side;
  }
  return side;
}

// A header cell holding the labels of several columns run together — a narrow table's labels
// printed a few points apart are read as one cell, "“三公”经费合计 因公出国（境）费" — split
// into its words, each as wide as its characters: only where the words are as many as the
// columns (`slots`) the cell reaches over and each lies over one of its own, in order. A
// parent label over several columns is one word, or fewer words than its columns.
std::vector<Cell> SplitRunTogether(const Cell& cell, const std::vector<Interval>& slots) {
  std::vector<std::pair<size_t, size_t>> words;  // [first, last) in characters
  std::vector<std::string> texts;
  size_t n = 0, start = 0;
  bool in_word = false;
  for (size_t i = 0; i < cell.text.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(cell.text[i]);
    if ((ch & 0xC0) == 0x80) {
      if (in_word) texts.back() += cell.text[i];
      continue;
    }
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in_word) {
      start = n;
      texts.emplace_back();
    }
    if (space && in_word) words.push_back({start, n});
    if (!space) texts.back() += cell.text[i];
    in_word = !space;
    ++n;
  }
  if (in_word) words.push_back({start, n});
  if (words.size() < 2 || n == 0) return {cell};
  int covers = 0;
  for (const Interval& s : slots) {
    covers += OverlapOf(cell.box.x0, cell.box.x1, s.x0, s.x1) > 0.25 * (s.x1 - s.x0);
  }
  if (covers != static_cast<int>(words.size())) return {cell};
  const double per = cell.box.width() / static_cast<double>(n);
  std::vector<Cell> out;
  size_t last_home = SIZE_MAX;
  for (size_t w = 0; w < words.size(); ++w) {
    Cell part = cell;
    part.text = texts[w];
    part.box.x0 = cell.box.x0 + per * static_cast<double>(words[w].first);
    part.box.x1 = cell.box.x0 + per * static_cast<double>(words[w].second);
    size_t home = SIZE_MAX;
    double most = 0;
    for (size_t k = 0; k < slots.size(); ++k) {
      double o = OverlapOf(part.box.x0, part.box.x1, slots[k].x0, slots[k].x1);
      if (o > most) {
        most = o;
        home = k;
      }
    }
    if (home == SIZE_MAX || (last_home != SIZE_MAX && home <= last_home)) return {cell};
    last_home = home;
    out.push_back(std::move(part));
  }
  return out;
}

// Names the amount columns of one side from the header lines.
void NameColumns(const std::vector<const Line*>& header, std::vector<PublishedColumn>* columns,
                 size_t first, size_t last, const std::vector<bool>& right_aligned, bool from_text,
                 bool exact_fields) {
  size_t n = last - first;
  if (n == 0) return;
  std::vector<Interval> slots(n);
  for (size_t i = 0; i < n; ++i) {
    const PublishedColumn& c = (*columns)[first + i];
    double left = i == 0 ? c.x0 - (n > 1 ? ((*columns)[first + 1].x0 - c.x1) / 2 : c.x1 - c.x0)
                         : ((*columns)[first + i - 1].x1 + c.x0) / 2;
    double right = i + 1 == n ? c.x1 + (n > 1 ? (c.x0 - (*columns)[first + i - 1].x1) / 2 : 8)
                              : (c.x1 + (*columns)[first + i + 1].x0) / 2;
    slots[i] = {left, right};
  }
  // Tab-separated text: a column is its field.
  if (from_text && exact_fields) {
    for (size_t i = 0; i < n; ++i) {
      slots[i] = {(*columns)[first + i].x0 - 1, (*columns)[first + i].x1 + 1};
    }
  }
  // A right-aligned column extends from the right edge of the previous one to its own, but
  // not further than the usual distance between columns (a label column may lie between).
  std::vector<double> pitches;
  for (size_t i = 1; i < n; ++i) {
    pitches.push_back((*columns)[first + i].x1 - (*columns)[first + i - 1].x1);
  }
  std::sort(pitches.begin(), pitches.end());
  double pitch = pitches.empty() ? 0 : pitches[pitches.size() / 2];
  for (size_t i = 0; i < n; ++i) {
    if (!right_aligned[i]) continue;
    const PublishedColumn& c = (*columns)[first + i];
    slots[i].x1 = c.x1 + 2;
    if (i > 0) {
      slots[i].x0 =
          std::max((*columns)[first + i - 1].x1 + 2, c.x1 - std::max(pitch, 2 * c.width()));
      if (right_aligned[i - 1]) slots[i - 1].x1 = slots[i].x0;
    } else if (n > 1) {
      slots[i].x0 = c.x1 - ((*columns)[first + 1].x1 - c.x1);
    }
  }
  // Each header line's cells, labels run together split (SplitRunTogether).
  std::vector<std::vector<Cell>> header_cells;
  for (const Line* line : header) {
    header_cells.emplace_back();
    for (const Cell& cell : line->cells) {
      std::vector<Cell> parts =
          from_text && exact_fields ? std::vector<Cell>{cell} : SplitRunTogether(cell, slots);
      header_cells.back().insert(header_cells.back().end(), parts.begin(), parts.end());
    }
  }
  for (size_t i = 0; i < n; ++i) {
    // The header cells over this column, top down; consecutive cells one line apart and
    // aligned are one wrapped label, otherwise the upper one is a parent.
    std::vector<std::string> labels;
    const Cell* previous = nullptr;
    for (size_t h = 0; h < header.size(); ++h) {
      if (IsUnitLine(*header[h])) continue;
      // The cells of this line whose home is this column (the slot they overlap most), or
      // one cell spanning it and others; spaced-out labels ("合 | 计") are joined.
      const Cell* best = nullptr;
      std::string text;
      int spanned = 0;
      for (const Cell& cell : header_cells[h]) {
        double own = OverlapOf(cell.box.x0, cell.box.x1, slots[i].x0, slots[i].x1);
        if (own <= 0) continue;
        int covers = 0;
        bool home = true;
        for (size_t k = 0; k < n; ++k) {
          const Interval& s = slots[k];
          double o = OverlapOf(cell.box.x0, cell.box.x1, s.x0, s.x1);
          if (o > 0.25 * (s.x1 - s.x0)) ++covers;
          if (o > own) home = false;
        }
        if (covers > 1) {
          best = &cell;
          text = RemoveSpaces(cell.text);
          spanned = covers;
          break;
        }
        if (!home) continue;
        if (!best) best = &cell;
        text += RemoveSpaces(cell.text);
        spanned = 1;
      }
      if (!best) continue;
      bool wrap = false;
      if (previous && spanned <= 1 && !from_text) {  // text lines are rows, never wraps
        // One line of text apart: centres at most 1.6 font sizes apart. The font size is
        // the box height, or the width of a character where producers draw boxes only a
        // few points high (ONLYOFFICE).
        auto font = [](const Cell& c) {
          size_t chars = CodePoints(RemoveSpaces(c.text));
          return std::max(c.box.height(), chars ? c.box.width() / static_cast<double>(chars) : 0.0);
        };
        double size = std::min(font(*previous), font(*best));
        double down = (best->box.y0 + best->box.y1 - previous->box.y0 - previous->box.y1) / 2;
        double centre = (best->box.x0 + best->box.x1 - previous->box.x0 - previous->box.x1) / 2;
        double width = std::max(previous->box.width(), best->box.width());
        wrap = down <= 1.6 * size && std::abs(centre) <= width / 2;
      }
      if (wrap) {
        labels.back() += text;
      } else {
        labels.push_back(text);
      }
      previous = spanned > 1 ? nullptr : best;
    }
    PublishedColumn& col = (*columns)[first + i];
    col.name = labels.empty() ? "" : labels.back();
    col.path.clear();
    for (size_t k = 0; k < labels.size(); ++k) {
      if (k > 0 && labels[k] == labels[k - 1]) continue;
      col.path += (col.path.empty() ? "" : "/") + labels[k];
    }
  }
}

// Columns of one side where boxes are only roughly aligned (text split at runs of spaces):
// the lines with the most amounts define the columns (mean extents of their first, second …
// amount); every line's amounts go to columns in order, each to the nearest that keeps the
// order (dynamic programming over the right edges), the first always in the first column (a
// side's total). Fills `assigned` with the index of each
// amount's column among the table's columns (the side's first column is `offset`).
std::vector<Interval> OrdinalColumns(const std::vector<DataLine>& data,
                                     const std::vector<double>& bounds, int side,
                                     std::map<const Cell*, size_t>* assigned, size_t offset = 0) {
  std::vector<std::vector<const Cell*>> lines;
  size_t most = 0;
  for (const DataLine& d : data) {
    std::vector<const Cell*> amounts;
    for (const Classified& c : d.cells) {
      if (c.kind == Kind::kAmount && SideOf(c.cell->box.x0, bounds) == side) {
        amounts.push_back(c.cell);
      }
    }
    most = std::max(most, amounts.size());
    lines.push_back(std::move(amounts));
  }
  // No published table has this many amount columns; matching in order would cost
  // lines × columns² (hostile input). The caller falls back to boxes.
  if (most > 64) return {};
  std::vector<Interval> columns(most, Interval{0, 0});
  int reference = 0;
  for (const auto& amounts : lines) {
    if (amounts.size() != most || most == 0) continue;
    ++reference;
    for (size_t i = 0; i < most; ++i) {
      columns[i].x0 += amounts[i]->box.x0;
      columns[i].x1 += amounts[i]->box.x1;
    }
  }
  for (Interval& c : columns) {
    c.x0 /= std::max(reference, 1);
    c.x1 /= std::max(reference, 1);
  }
  for (const auto& amounts : lines) {
    size_t m = amounts.size(), n = most;
    if (m == 0) continue;
    // cost[i][j]: amounts 0..i placed, amount i in column j.
    const double kInf = 1e18;
    std::vector<std::vector<double>> cost(m, std::vector<double>(n, kInf));
    std::vector<std::vector<size_t>> from(m, std::vector<size_t>(n, 0));
    for (size_t i = 0; i < m; ++i) {
      for (size_t j = i; j + (m - i) <= n; ++j) {
        double here = std::abs(amounts[i]->box.x1 - columns[j].x1);
        if (i == 0) {
          // The first column of a side is its total, printed whenever anything is: a line's
          // first amount goes there.
          cost[i][j] = j == 0 ? here : kInf / 2;
          continue;
        }
        for (size_t k = i - 1; k < j; ++k) {
          if (cost[i - 1][k] + here < cost[i][j]) {
            cost[i][j] = cost[i - 1][k] + here;
            from[i][j] = k;
          }
        }
      }
    }
    size_t j = static_cast<size_t>(std::min_element(cost[m - 1].begin(), cost[m - 1].end()) -
                                   cost[m - 1].begin());
    for (size_t i = m; i-- > 0;) {
      (*assigned)[amounts[i]] = offset + j;
      if (i > 0) j = from[i][j];
    }
  }
  return columns;
}

// The words of a cell (runs of characters between spaces), each with its extent: the cell's
// width shared among its characters, and its number of characters.
struct WordExtent {
  Interval x;
  size_t chars;
  size_t at;  // its first byte in the cell's text
};

std::vector<WordExtent> WordsOf(const Cell& cell) {
  struct Span {
    size_t first, last, at;  // [first, last) in characters; `at` in bytes
  };
  std::vector<Span> words;
  size_t n = 0, start = 0, start_byte = 0;
  bool in_word = false;
  for (size_t i = 0; i < cell.text.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(cell.text[i]);
    if ((ch & 0xC0) == 0x80) continue;
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in_word) {
      start = n;
      start_byte = i;
    }
    if (space && in_word) words.push_back({start, n, start_byte});
    in_word = !space;
    ++n;
  }
  if (in_word) words.push_back({start, n, start_byte});
  std::vector<WordExtent> out;
  if (n == 0) return out;
  const double per = cell.box.width() / static_cast<double>(n);
  for (const Span& w : words) {
    out.push_back({{cell.box.x0 + per * static_cast<double>(w.first),
                    cell.box.x0 + per * static_cast<double>(w.last)},
                   w.last - w.first,
                   w.at});
  }
  return out;
}

// The extent of the word of `cell` that lies over one of `columns`: a cell may hold the labels
// of two columns run together ("公务用车购置 公务用车运行"); its width is shared among its words
// by their characters.
Interval WordOverColumn(const Cell& cell, const std::vector<Interval>& columns) {
  const std::vector<WordExtent> words = WordsOf(cell);
  Interval best{cell.box.x0, cell.box.x1};
  if (words.size() < 2) return best;
  double most = -1;
  for (const WordExtent& w : words) {
    double over = 0;
    for (const Interval& c : columns) over += OverlapOf(w.x.x0, w.x.x1, c.x0, c.x1);
    if (over > most) {
      most = over;
      best = w.x;
    }
  }
  return best;
}

// The columns of one side with the columns that print no amount at all (上级补助收入 nobody
// received, a 公务用车购置费 of 0, a 国有资本经营 fund the department has none of). Without them
// such a column's header words are read into the neighbouring column's name ("上级补助收入事业
// 收入") and the columns after it cannot be told apart.
//
// The header's leaves — its lowest labels, those with no label below them — right of the rows'
// labels are counted: where there are more of them than columns with amounts, the difference
// is made up by the leaves that stand clear of every column with amounts (between two of them,
// or after the last: in a two-sided table only where the halves' titles, "收入 | 支出", stand on
// a line of their own, which is then no leaf — elsewhere "支出" printed over a column would read
// as one more leaf), of the rows' labels, and of the labels of columns with amounts (a wrapped
// "单位预留机动经" / "费" whose last line lies in the gap). Only when these are exactly as many as
// missing: a label merely printed beside its right-aligned amounts (小计 | 基本支出 | 项目支出
// centred in wide cells) is no column of its own, and where the count does not settle it nothing is
// added. Only where boxes are exact (a PDF page).
std::vector<Interval> WithBlankColumns(std::vector<Interval> columns,
                                       const std::vector<const Line*>& header,
                                       const std::vector<DataLine>& data,
                                       const std::vector<double>& bounds, int side, int sides) {
  if (columns.empty()) return columns;
  std::vector<Interval> labels;  // of the rows, on this side
  double labels_end = -1e9;
  for (const DataLine& d : data) {
    for (const Classified& c : d.cells) {
      if (c.kind != Kind::kAmount && SideOf(c.cell->box.x0, bounds) == side) {
        labels.push_back({c.cell->box.x0, c.cell->box.x1});
        labels_end = std::max(labels_end, c.cell->box.x1);
      }
    }
  }
  std::vector<const Cell*> cells;  // the header's, on this side
  // A two-sided table's halves are titled on a line of their own, one cell a half ("收入 |
  // 支出"): such a title heads its whole half, and printed over one column of it, no more than
  // a word wide, it would read as one more leaf. Without it, a leaf after the half's last
  // column with amounts is a blank column as in a one-sided table.
  bool half_titles = false;
  for (const Line* line : header) {
    if (IsUnitLine(*line)) continue;
    std::vector<int> count(static_cast<size_t>(sides), 0);
    for (const Cell& cell : line->cells) {
      if (!RemoveSpaces(cell.text).empty()) {
        ++count[static_cast<size_t>(SideOf(cell.box.x0, bounds))];
      }
    }
    bool titles =
        sides > 1 && std::all_of(count.begin(), count.end(), [](int n) { return n == 1; });
    if (titles) {
      half_titles = true;
      continue;
    }
    for (const Cell& cell : line->cells) {
      if (SideOf(cell.box.x0, bounds) == side && !RemoveSpaces(cell.text).empty()) {
        cells.push_back(&cell);
      }
    }
  }
  auto overlap = [](const Box& a, const Box& b) { return OverlapOf(a.x0, a.x1, b.x0, b.x1) > 0; };
  // Labels more than the usual distance between columns left of the first one head the rows'
  // labels (项目, 科目名称, 预算单位), not amounts.
  std::vector<double> pitches;
  for (size_t i = 1; i < columns.size(); ++i) pitches.push_back(columns[i].x1 - columns[i - 1].x1);
  std::sort(pitches.begin(), pitches.end());
  double pitch = pitches.empty() ? columns[0].x1 - columns[0].x0 : pitches[pitches.size() / 2];
  const double first_slot = columns[0].x0 - pitch;
  // Leaves: no label lower down under them.
  std::vector<const Cell*> leaves;
  for (const Cell* c : cells) {
    bool covered = std::any_of(cells.begin(), cells.end(), [&](const Cell* d) {
      return d != c && d->box.y0 >= c->box.y1 - 0.5 * c->box.height() && overlap(c->box, d->box);
    });
    double centre = (c->box.x0 + c->box.x1) / 2;
    if (!covered && centre > labels_end && c->box.x1 > first_slot) leaves.push_back(c);
  }
  // A label spaced out into single characters ("总 | 计", "金 | 额") is one leaf. The labels of
  // neighbouring columns printed a few points apart are read as one cell ("上缴收入 经营收入"
  // of 重庆's 收入总体情况表, over 附属单位上缴收入 | 事业单位经营收入): a cell of words of two
  // characters or more is one leaf per word — but a word opening with a bracket continues the
  // one before it ("因公出国 (境)费").
  std::vector<Interval> spans;
  for (const Cell* c : leaves) {
    std::vector<WordExtent> words = WordsOf(*c);
    std::vector<Interval> parts;
    for (size_t w = 0; w < words.size(); ++w) {
      const std::string_view rest = std::string_view(c->text).substr(words[w].at);
      if (w > 0 && (rest.starts_with("(") || rest.starts_with("\uFF08"))) {
        parts.back().x1 = words[w].x.x1;
      } else {
        parts.push_back(words[w].x);
      }
    }
    if (parts.size() > 1 &&
        std::all_of(words.begin(), words.end(), [](const WordExtent& w) { return w.chars > 1; })) {
      spans.insert(spans.end(), parts.begin(), parts.end());
      continue;
    }
    Interval x{c->box.x0, c->box.x1};
    if (CodePoints(RemoveSpaces(c->text)) == 1) {
      double reach = 1.5 * std::max(c->box.height(), c->box.width());
      for (const Cell* d : leaves) {
        bool same_line = std::abs(d->box.y0 - c->box.y0) < 0.5 * c->box.height();
        bool near = d->box.x0 > c->box.x1 && d->box.x0 - c->box.x1 <= reach;
        if (d != c && same_line && near && CodePoints(RemoveSpaces(d->text)) == 1) {
          x.x1 = d->box.x0 + 1;  // touches the next character: merged with it
        }
      }
    }
    spans.push_back(x);
  }
  const std::vector<Interval> leaf_columns = Merge(spans);
  if (leaf_columns.size() <= columns.size()) return columns;
  const size_t missing = leaf_columns.size() - columns.size();
  const double kClear = 1;  // points between a label and a column it does not belong to
  auto columns_over = [&](double x0, double x1) {
    size_t n = 0;
    for (const Interval& c : columns) n += OverlapOf(x0, x1, c.x0, c.x1) > 0;
    return n;
  };
  // A column with amounts but no label over it (amounts right-aligned in a wide cell whose
  // label is centred) is headed by the nearest leaf left of it: that one is no blank column.
  // A parent — a label with a row of labels under it, more than a wrapped line's distance
  // below — heads no column of its own, though it may reach over the amounts of one only
  // (公务用车购置及运行费 centred over 小计 | 购置费 | 运行费, whose 购置费 prints nothing).
  // The font size: the box height, or a character's width where boxes are drawn only a few
  // points high (ONLYOFFICE).
  auto font = [](const Cell* c) {
    size_t chars = CodePoints(RemoveSpaces(c->text));
    return std::max(c->box.height(), chars ? c->box.width() / static_cast<double>(chars) : 0.0);
  };
  auto parent = [&](const Cell* c) {
    return std::any_of(cells.begin(), cells.end(), [&](const Cell* d) {
      double down = (d->box.y0 + d->box.y1 - c->box.y0 - c->box.y1) / 2;
      return d != c && overlap(c->box, d->box) && down > 1.6 * std::min(font(c), font(d));
    });
  };
  std::vector<bool> taken(leaf_columns.size(), false);
  for (size_t k = 0; k < columns.size(); ++k) {
    bool headed = std::any_of(cells.begin(), cells.end(), [&](const Cell* c) {
      if (parent(c)) return false;
      double width = std::min(c->box.width(), columns[k].x1 - columns[k].x0);
      return columns_over(c->box.x0, c->box.x1) == 1 &&
             OverlapOf(c->box.x0, c->box.x1, columns[k].x0, columns[k].x1) > 0.25 * width;
    });
    if (headed) continue;
    for (size_t i = leaf_columns.size(); i-- > 0;) {
      if (leaf_columns[i].x1 <= columns[k].x0) {
        taken[i] = true;
        break;
      }
    }
  }
  std::vector<Interval> blank;
  for (size_t i = 0; i < leaf_columns.size(); ++i) {
    const Interval& leaf = leaf_columns[i];
    if (taken[i]) continue;
    size_t after = 0;
    while (after < columns.size() && columns[after].x1 <= leaf.x0 - kClear) ++after;
    if (after == 0) continue;
    bool inside =
        after == columns.size() ? sides == 1 || half_titles : leaf.x1 <= columns[after].x0 - kClear;
    if (!inside) continue;
    bool over_label = std::any_of(labels.begin(), labels.end(), [&](const Interval& l) {
      return OverlapOf(l.x0, l.x1, leaf.x0, leaf.x1) > 0;
    });
    // The last line of a label over a column with amounts, just below it.
    bool wrapped = std::any_of(cells.begin(), cells.end(), [&](const Cell* c) {
      if (columns_over(c->box.x0, c->box.x1) != 1) return false;
      Interval part = WordOverColumn(*c, columns);
      if (OverlapOf(part.x0, part.x1, leaf.x0, leaf.x1) <= 0) return false;
      return std::any_of(leaves.begin(), leaves.end(), [&](const Cell* l) {
        double down = (l->box.y0 + l->box.y1 - c->box.y0 - c->box.y1) / 2;
        return l->box.x0 >= leaf.x0 && l->box.x1 <= leaf.x1 && down > 0 &&
               down <= 1.6 * std::min(l->box.height(), c->box.height());
      });
    });
    if (!over_label && !wrapped) blank.push_back(leaf);
  }
  if (blank.size() != missing) return columns;
  columns.insert(columns.end(), blank.begin(), blank.end());
  std::sort(columns.begin(), columns.end(),
            [](const Interval& a, const Interval& b) { return a.x0 < b.x0; });
  return columns;
}

// A label centred in a wide cell may reach over none of the amounts printed at the cell's
// right edge: "金额" of 江苏省级's tables made with Excel (功能科目代码 | 功能科目名称 | 金额),
// "合计" of their 支出预算总表 (合计 | 基本支出 | 项目支出 | …, one row without a name). A
// column of the side `first` … `last` left unnamed by NameColumns is named by the one header
// label between the column before it (or the rows' names and codes) and its own right edge
// that names no column yet; where there are none or several, it stays unnamed.
void NameUnnamedColumns(const std::vector<const Line*>& header, const std::vector<DataLine>& data,
                        const std::vector<double>& bounds, int side,
                        std::vector<PublishedColumn>* columns, size_t first, size_t last) {
  double names_end = -1e9;
  for (const DataLine& d : data) {
    for (const Classified& c : d.cells) {
      if (c.kind != Kind::kAmount && SideOf(c.cell->box.x0, bounds) == side) {
        names_end = std::max(names_end, c.cell->box.x1);
      }
    }
  }
  for (size_t k = first; k < last; ++k) {
    PublishedColumn& column = (*columns)[k];
    if (!column.name.empty()) continue;
    const double from = k > first ? (*columns)[k - 1].x1 : names_end;
    const Cell* label = nullptr;
    int found = 0;
    for (const Line* h : header) {
      if (IsUnitLine(*h)) continue;
      for (const Cell& c : h->cells) {
        const std::string text = RemoveSpaces(c.text);
        if (c.box.x0 <= from || c.box.x1 > column.x1 || SideOf(c.box.x0, bounds) != side ||
            text.empty()) {
          continue;
        }
        const bool named = std::any_of(columns->begin(), columns->end(), [&](const auto& o) {
          return o.path.find(text) != std::string::npos;
        });
        if (named) continue;
        label = &c;
        ++found;
      }
    }
    if (found == 1) column.name = column.path = RemoveSpaces(label->text);
  }
}

struct BodyLine {
  size_t page;  // index into the pages
  const Line* line;
};

// The 收入总表 of 江苏省级 budgets lists the sources of income as rows under one 金额 column,
// in groups, each group's name in a column of its own left of its rows, centred over them (on
// the line of one of them, or between two):
//
//   收入总计
//   一般公共预算资金   小计 | 公共财政拨款(补助)资金 | 专项收入
//   政府性基金         小计
//   财政专户管理资金   小计 | 专户管理教育收费 | 其他非税收入
//   其他资金           小计 | 事业收入 | 经营收入 | 其他收入 | 债务资金(银行贷款)
//   上年结转和结余资金 小计 | 其中：动用上年结转和结余资金
//
// Most of its rows are blank. Read as other tables, only the lines with amounts are rows, and
// a group's name runs into the name of the row beside it ("一般公共预算资金公共财政拨款(补助)
// 资金"); the 小计s cannot be told apart. So the table's lines (`body`) are read again: every
// line is a row, blank ones too, and a name in the group column names the group of the 小计
// at or above it ("一般公共预算资金小计"), no row of its own. The group column is where the
// first of two names on a line starts, left of where the second starts; a name alone on a
// line is in it only if it starts nearer to it and the line prints no amount (a 收入总计
// merged over both columns of a sheet prints one). Only where some row is a 小计 and no line
// holds a code: other tables keep their rows as first read.
void ReadGroupedSources(const std::vector<Page>& pages, const std::vector<BodyLine>& body,
                        PublishedTable* table) {
  struct Entry {
    size_t page;
    const Line* line;
    std::vector<const Cell*> labels, amounts;
  };
  std::vector<Entry> entries;
  double group_end = -1e9, item_start = 1e9;  // of the first and second names on a line
  for (const BodyLine& b : body) {
    Entry e{b.page, b.line, {}, {}};
    for (const Classified& c : Classify(*b.line)) {
      if (c.kind == Kind::kCode) return;
      (c.kind == Kind::kAmount ? e.amounts : e.labels).push_back(c.cell);
    }
    if (e.labels.size() >= 2) {
      group_end = std::max(group_end, e.labels[0]->box.x0);
      item_start = std::min(item_start, e.labels[1]->box.x0);
    }
    entries.push_back(std::move(e));
  }
  if (group_end >= item_start) return;
  const double split = (group_end + item_start) / 2;
  struct GroupName {
    size_t page;
    double y;  // the middle of its box
    std::string text;
  };
  std::vector<GroupName> names;
  std::vector<PublishedRow> rows;
  std::vector<std::pair<size_t, double>> tops;  // of each row: page index, top of its line
  for (Entry& e : entries) {
    const Page& page = pages[e.page];
    if (!e.labels.empty() && e.labels[0]->box.x0 < split &&
        (e.labels.size() >= 2 || e.amounts.empty())) {
      const Box& b = e.labels[0]->box;
      names.push_back({e.page, (b.y0 + b.y1) / 2, RemoveSpaces(e.labels[0]->text)});
      e.labels.erase(e.labels.begin());
    }
    if (e.labels.empty()) {
      if (!e.amounts.empty()) return;  // an amount without a name: not this layout
      continue;
    }
    std::string name;
    for (const Cell* c : e.labels) name += RemoveSpaces(c->text);
    // The rest of a name too long for its cell, just below it (not on a page of text, whose
    // rows may be printed on consecutive lines).
    if (e.amounts.empty() && !rows.empty() && !page.from_text && tops.back().first == e.page &&
        name != "小计" && !name.starts_with("其中") &&
        e.line->box.y0 - rows.back().where.box.y1 < 0.8 * e.line->box.height()) {
      rows.back().name += name;
      continue;
    }
    PublishedRow row;
    row.where = At(page, *e.labels[0]);
    for (const Cell* c : e.labels) row.where.box.x1 = std::max(row.where.box.x1, c->box.x1);
    row.name = std::move(name);
    row.is_total = IsTotalName(row.name);
    row.amounts.resize(1);
    if (e.amounts.size() > 1) return;  // one 金额 column
    if (!e.amounts.empty()) row.amounts[0] = AmountAt(page, *e.amounts[0], table->unit);
    PlaceBlankCells(page, table->columns, &row);
    tops.push_back({e.page, e.line->box.y0});
    rows.push_back(std::move(row));
  }
  if (std::none_of(rows.begin(), rows.end(),
                   [](const PublishedRow& r) { return r.name == "小计"; })) {
    return;
  }
  // Each group's name to the last 小计 at or above its middle.
  std::vector<std::string> groups(rows.size());
  for (const GroupName& n : names) {
    std::optional<size_t> at;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].name != "小计") continue;
      if (tops[i].first < n.page || (tops[i].first == n.page && tops[i].second <= n.y)) at = i;
    }
    if (at) groups[*at] += n.text;
  }
  for (size_t i = 0; i < rows.size(); ++i) rows[i].name = groups[i] + rows[i].name;
  table->rows = std::move(rows);
  // The blank rows after the last with an amount are the table's too.
  for (const Entry& e : entries) {
    const int number = pages[e.page].number;
    const int line = static_cast<int>(e.line - pages[e.page].lines.data()) + 1;
    for (LineSpan& span : table->spans) {
      if (span.page == number) span.last = std::max(span.last, line);
    }
  }
}

// The columns of a one-sided table that numbers its columns under the header ("** | ** | 1 |
// 2 | … | 13", 西安's tables; the blank 政府性基金 tables of many): one column per number, each
// number centred in its column, so a column that prints no amount is one all the same and
// the header names it as any other. Only where the numbers run 1, 2, 3 … left to right, and
// each column with amounts (`columns`) lies under one number of its own (nearest to it, within
// half the distance to the next): otherwise the numbers are not read as columns.
std::vector<Interval> WithNumberedColumns(std::vector<Interval> columns, const Line& numbers) {
  std::vector<const Cell*> cells;
  for (const Cell& c : numbers.cells) {
    std::string t = RemoveSpaces(c.text);
    if (!AllDigits(t) || t.empty()) continue;
    if (t != std::to_string(cells.size() + 1)) return columns;
    cells.push_back(&c);
  }
  if (cells.size() <= columns.size() || cells.size() < 2) return columns;
  const auto centre = [](const Cell* c) { return (c->box.x0 + c->box.x1) / 2; };
  std::vector<bool> taken(cells.size(), false);
  for (const Interval& col : columns) {
    const double mid = (col.x0 + col.x1) / 2;
    size_t best = 0;
    for (size_t k = 1; k < cells.size(); ++k) {
      if (std::abs(centre(cells[k]) - mid) < std::abs(centre(cells[best]) - mid)) best = k;
    }
    const double pitch = best + 1 < cells.size() ? centre(cells[best + 1]) - centre(cells[best])
                                                 : centre(cells[best]) - centre(cells[best - 1]);
    // Amounts are right-aligned: a column's right edge lies within its number's cell.
    if (taken[best] || std::abs(centre(cells[best]) - mid) > pitch / 2) return columns;
    taken[best] = true;
  }
  // Each column is its number's cell, from halfway to the number before to halfway to the
  // next: the header's labels are centred in it, amounts right-aligned in it.
  std::vector<Interval> out;
  for (size_t k = 0; k < cells.size(); ++k) {
    const double c = centre(cells[k]);
    const double left = k > 0 ? (centre(cells[k - 1]) + c) / 2 : c - (centre(cells[1]) - c) / 2;
    const double right =
        k + 1 < cells.size() ? (c + centre(cells[k + 1])) / 2 : c + (c - centre(cells[k - 1])) / 2;
    out.push_back({left, right});
  }
  return out;
}

PublishedTable ReadTable(const std::vector<Page>& pages, const Title& title, size_t end_page,
                         size_t end_line) {
  PublishedTable table;
  table.id = title.id;
  table.sheet = pages[title.page].sheet;
  // A table of a workbook ends with its sheet.
  if (!table.sheet.empty() && end_page > title.page) {
    end_page = title.page;
    end_line = pages[title.page].lines.size();
  }
  table.title = title.text;
  std::vector<DataLine> data;
  std::vector<BodyLine> body;       // of a 收入总表: every line after the header, labels too
  const Line* numbers = nullptr;    // the columns' numbers under the header (** ** 1 2 3 …)
  std::vector<const Line*> header;  // of the first page
  const std::string normal_title = NormalizeTitle(RemoveSpaces(title.text));
  for (size_t p = title.page; p <= end_page && p < pages.size(); ++p) {
    const auto& lines = pages[p].lines;
    size_t from = p == title.page ? title.line + 1 : 0;
    size_t to = p == end_page ? end_line : lines.size();
    bool in_header = true;
    // A name too long for its cell wraps onto lines of its own in print; a sheet's cell holds
    // it whole, and a lone cell there is a note of its own.
    const bool names_wrap = pages[p].sheet.empty();
    const Line* pending = nullptr;  // a name fragment on a line of its own
    const Line* last_header = nullptr;
    // The end of what the table printed on this page (its title, header, rows and their
    // wrapped names), exclusive: the lines after it are text (LineSpan).
    size_t end_of_table = p == title.page ? title.line + 1 : from;
    // Ends the name of the row above with the pending fragment, if it is close to it.
    auto flush = [&] {
      if (pending && !data.empty() && data.back().page == p &&
          pending->box.y0 - data.back().line->box.y1 < 0.8 * pending->box.height()) {
        data.back().continued += pending->Compact();
        end_of_table = std::max(end_of_table, static_cast<size_t>(pending - lines.data()) + 1);
      }
      pending = nullptr;
    };
    bool any = false;
    for (size_t l = from; l < to && l < lines.size(); ++l) {
      const Line& line = lines[l];
      if (auto unit = UnitOf(line); unit && !table.unit_stated) {
        table.unit = *unit;
        table.unit_stated = true;
      }
      if (IsUnitLine(line) || IsFooter(line)) continue;
      std::string compact = line.Compact();
      if (IsNote(compact) || IsTableNumber(compact)) continue;
      // Prose: the tables are over.
      if (Contains(compact, "。")) {
        end_page = p;
        break;
      }
      // A repeated title on a continuation page.
      if (NormalizeTitle(compact) == normal_title) continue;
      std::vector<Classified> cells = Classify(line);
      if (in_header && IsStrongData(cells)) {
        in_header = false;
        // The start of the first row's wrapped name looked like a header line — but not a
        // line over several of the row's amounts: that is the header's last, labels run
        // together into one cell ("小计 公务用车购置费 公务用车运行费").
        const bool over_amounts =
            last_header && std::count_if(cells.begin(), cells.end(), [&](const Classified& c) {
                             const Box& b = last_header->cells.front().box;
                             return c.kind == Kind::kAmount &&
                                    OverlapOf(b.x0, b.x1, c.cell->box.x0, c.cell->box.x1) > 0;
                           }) > 1;
        if (last_header && last_header->cells.size() == 1 && names_wrap && !over_amounts) {
          pending = last_header;
          if (!header.empty() && header.back() == last_header) header.pop_back();
        }
      }
      if (in_header) {
        last_header = &line;
        end_of_table = l + 1;
        // Column numbers (栏次 1 2 3 …, ** ** 1 2) name nothing.
        bool numbering = compact.rfind("栏次", 0) == 0 ||
                         std::all_of(line.cells.begin(), line.cells.end(), [](const Cell& c) {
                           std::string t = RemoveSpaces(c.text);
                           return AllDigits(t) || t.find_first_not_of('*') == std::string::npos;
                         });
        if (p == title.page && !numbering) header.push_back(&line);
        if (p == title.page && numbering) numbers = &line;
        continue;
      }
      if (title.id == "income_summary") body.push_back({p, &line});
      bool has_amount = false, has_code = false;
      for (const Classified& c : cells) {
        has_amount |= c.kind == Kind::kAmount;
        has_code |= c.kind == Kind::kCode;
      }
      if (has_amount || has_code || title.sides > 1) {
        // A wrapped name is printed around its row: a line above the code and amounts
        // ("机关事业单位基本养老" / 2080505 … / "保险缴费支出") starts the name of a row printed
        // without one, and otherwise ends the name of the row before.
        // Named: a label right after the leading codes (not a second classification's code).
        size_t first = 0;
        if (!cells.empty() && cells[0].kind == Kind::kCode) ++first;
        while (first < cells.size() && cells[first].kind == Kind::kCode &&
               RemoveSpaces(cells[first].cell->text).size() == 2) {
          ++first;  // "204 | 06 | 01"
        }
        while (first < cells.size() && cells[first].kind == Kind::kLabel &&
               AllDigits(RemoveSpaces(cells[first].cell->text))) {
          ++first;  // a unit's number, "125001": its name may be printed around it
        }
        bool has_label = first < cells.size() && cells[first].kind == Kind::kLabel;
        std::string prefix;
        double below = pending ? line.box.y0 - pending->box.y1 : 0;
        double above = pending && !data.empty() && data.back().page == p
                           ? pending->box.y0 - data.back().line->box.y1
                           : 1e9;
        if (pending && !has_label && below < 0.8 * line.box.height() && below < above) {
          prefix = pending->Compact();
        } else {
          flush();
        }
        pending = nullptr;
        data.push_back({p, &line, std::move(cells), {}, prefix});
        end_of_table = l + 1;
        any = true;
      } else if (line.cells.size() == 1 && names_wrap) {
        flush();
        pending = &line;
      }
    }
    flush();
    pending = nullptr;
    if (any || p == title.page) {
      table.pages.push_back(pages[p].number);
      table.spans.push_back({pages[p].number,
                             static_cast<int>(p == title.page ? title.first_line : 0) + 1,
                             static_cast<int>(std::min(end_of_table, lines.size()))});
    }
  }
  for (const Line* h : header) {
    std::string text;
    for (const Cell& c : h->cells) text += (text.empty() ? "" : " | ") + c.text;
    table.header.push_back(text);
  }
  // Sides: a label after an amount on a line starts the next half.
  std::vector<double> bounds;
  int parts = title.sides;
  if (parts == 1) {
    // A list printed in parts side by side: a label after an amount on several lines.
    int lines_with_parts = 0;
    for (const DataLine& d : data) {
      bool label = false, after_amount = false, again = false;
      for (const Classified& c : d.cells) {
        if (c.kind == Kind::kAmount && label) after_amount = true;
        if (c.kind != Kind::kAmount && after_amount) again = true;
        if (c.kind != Kind::kAmount) label = true;
      }
      lines_with_parts += again;
    }
    if (lines_with_parts >= 3) parts = 3;
  }
  if (parts > 1) {
    // Where a label follows an amount a part starts: the first such place on each line; in a
    // list printed in three parts (决算's 基本支出表: 人员经费 | 公用经费 | 公用经费) each one.
    std::vector<double> starts;
    for (const DataLine& d : data) {
      bool after_amount = false;
      for (const Classified& c : d.cells) {
        if (c.kind == Kind::kAmount) after_amount = true;
        if (c.kind != Kind::kAmount && after_amount) {
          starts.push_back(c.cell->box.x0);
          if (parts < 3) break;
          after_amount = false;
        }
      }
    }
    // Clusters of such starts: the leftmost sides - 1 of them; of a list in parts, the two most
    // frequent (a name printed after a blank amount starts no part).
    std::sort(starts.begin(), starts.end());
    double tolerance = pages[title.page].from_text ? 8 : 40;
    std::vector<std::pair<double, int>> clusters;
    for (double s : starts) {
      if (clusters.empty() || s - clusters.back().first > tolerance) {
        clusters.push_back({s, 1});
      } else {
        ++clusters.back().second;
      }
    }
    if (parts == 3 && clusters.size() > 2) {
      std::stable_sort(clusters.begin(), clusters.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      clusters.resize(2);
      std::sort(clusters.begin(), clusters.end());
    }
    for (const auto& cluster : clusters) {
      if (static_cast<int>(bounds.size()) + 1 < parts) {
        bounds.push_back(cluster.first - 2);  // labels may start a little left of those seen
      }
    }
  }
  table.sides = static_cast<int>(bounds.size()) + 1;
  bool approximate = pages[title.page].approximate_x;
  std::map<const Cell*, size_t> assigned;  // approximate pages: amount → column
  // Columns of each side from the extents of its amounts.
  for (int side = 0; side < table.sides; ++side) {
    // Boxes measured by the producer first; estimated ones only where they add a column.
    std::vector<Interval> extents, estimated;
    for (const DataLine& d : data) {
      for (const Classified& c : d.cells) {
        if (c.kind == Kind::kAmount && SideOf(c.cell->box.x0, bounds) == side) {
          (c.cell->estimated ? estimated : extents).push_back({c.cell->box.x0, c.cell->box.x1});
        }
      }
    }
    std::vector<Interval> exact = Merge(extents);
    for (const Interval& e : estimated) {
      bool covered = std::any_of(exact.begin(), exact.end(), [&](const Interval& x) {
        return OverlapOf(e.x0, e.x1, x.x0, x.x1) > 0;
      });
      if (!covered) extents.push_back(e);
    }
    size_t first = table.columns.size();
    std::vector<bool> right_aligned;
    std::vector<Interval> merged =
        approximate ? OrdinalColumns(data, bounds, side, &assigned, table.columns.size())
                    : Merge(extents);
    if (approximate && merged.empty() && !extents.empty()) {
      approximate = false;  // too many amounts on a line to match in order: by boxes
      merged = Merge(extents);
    }
    const Page& first_page = pages[title.page];
    if (!approximate && !first_page.from_text && first_page.sheet.empty()) {
      if (numbers && table.sides == 1) merged = WithNumberedColumns(std::move(merged), *numbers);
      merged = WithBlankColumns(std::move(merged), header, data, bounds, side, table.sides);
    }
    for (const Interval& i : merged) {
      PublishedColumn col;
      col.side = side;
      col.x0 = i.x0;
      col.x1 = i.x1;
      table.columns.push_back(col);
      double lo1 = 1e9, hi1 = -1e9;
      for (const Interval& e : extents) {
        if (e.x0 < i.x0 || e.x1 > i.x1) continue;
        lo1 = std::min(lo1, e.x1);
        hi1 = std::max(hi1, e.x1);
      }
      // A blank column (no amounts) aligns nothing.
      right_aligned.push_back(!pages[title.page].from_text && hi1 >= lo1 && hi1 - lo1 <= 2);
    }
    NameColumns(header, &table.columns, first, table.columns.size(), right_aligned,
                pages[title.page].from_text, !approximate);
    NameUnnamedColumns(header, data, bounds, side, &table.columns, first, table.columns.size());
    for (size_t k = table.columns.size(); k-- > first;) {
      if (IsNumberingColumn(table.columns[k].name)) {
        table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(k));
        for (auto& [cell, column] : assigned) {
          if (column == k) column = SIZE_MAX;
          if (column != SIZE_MAX && column > k) --column;
        }
      }
    }
  }
  // Rows.
  std::vector<std::string> last_class(static_cast<size_t>(table.sides));
  for (const DataLine& d : data) {
    for (int side = 0; side < table.sides; ++side) {
      PublishedRow row;
      row.side = side;
      row.where = {pages[d.page].number, {}, pages[d.page].sheet};
      row.amounts.resize(table.columns.size());
      std::vector<std::string> labels;
      bool any = false, first_label = true;
      for (const Classified& c : d.cells) {
        if (SideOf(c.cell->box.x0, bounds) != side) continue;
        if (c.kind == Kind::kAmount) {
          size_t best = table.columns.size();
          double best_overlap = 0;
          if (approximate) {
            auto it = assigned.find(c.cell);
            if (it == assigned.end() || it->second == SIZE_MAX) continue;
            best = it->second;
          }
          for (size_t k = 0; k < table.columns.size() && !approximate; ++k) {
            const PublishedColumn& col = table.columns[k];
            if (col.side != side) continue;
            double o = OverlapOf(c.cell->box.x0, c.cell->box.x1, col.x0, col.x1);
            if (o > best_overlap) {
              best_overlap = o;
              best = k;
            }
          }
          if (best == table.columns.size()) continue;
          row.amounts[best] = AmountAt(pages[d.page], *c.cell, table.unit);
          any = true;
        } else {
          labels.push_back(c.cell->text);
          if (first_label) {
            row.where = At(pages[d.page], *c.cell);
            first_label = false;
          } else {
            row.where.box.x1 = std::max(row.where.box.x1, c.cell->box.x1);
          }
        }
      }
      // A code printed relative to the 类 above it: "03" (款) or "03 | 99" (项).
      if (!labels.empty() && AllDigits(RemoveSpaces(labels.front())) &&
          RemoveSpaces(labels.front()).size() == 2 && last_class[side].size() == 3) {
        labels.front() = last_class[side] + RemoveSpaces(labels.front());
      }
      row.code = SplitCode(&labels);
      if (row.code.size() == 3) last_class[side] = row.code;
      for (const auto& l : labels) {
        std::string t = RemoveSpaces(l);
        if (IsCode(t)) break;        // a second classification: not part of the name
        if (AllDigits(t)) continue;  // a unit's number
        // The header's 类 | 款 | 项 printed on the 合计 row's line (决算 tables).
        if (t == "类" || t == "款" || t == "项") continue;
        row.name += t;
      }
      if (side == 0 && table.sides == 1) row.name = d.prefix + row.name + d.continued;
      if (!any && labels.empty() && row.code.empty()) continue;
      if (row.name.empty() && row.code.empty() && !any) continue;
      if (IsNote(row.name)) continue;
      row.is_total = IsTotalName(row.name);
      PlaceBlankCells(pages[d.page], table.columns, &row);
      table.rows.push_back(std::move(row));
    }
  }
  if (table.id == "income_summary" && table.sides == 1 && table.columns.size() == 1) {
    ReadGroupedSources(pages, body, &table);
  }
  return table;
}

}  // namespace

std::string SplitCode(std::vector<std::string>* labels) {
  std::string code;
  size_t used = 0;
  for (; used < labels->size(); ++used) {
    std::string t = RemoveSpaces((*labels)[used]);
    if (code.empty() && IsCode(t)) {
      code = t;
    } else if (!code.empty() && AllDigits(t) && t.size() == 2 && code.size() < 7) {
      code += t;
    } else {
      break;
    }
  }
  labels->erase(labels->begin(), labels->begin() + used);
  if (code.empty() && !labels->empty()) {
    // "2010301 行政运行" or "2010301行政运行" in one cell.
    const std::string& first = labels->front();
    size_t digits = 0;
    while (digits < first.size() && first[digits] >= '0' && first[digits] <= '9') ++digits;
    bool code_length = digits == 3 || digits == 5 || digits == 7;
    if (code_length && digits < first.size() &&
        (static_cast<unsigned char>(first[digits]) >= 0x80 || first[digits] == ' ' ||
         first[digits] == '-')) {
      code = first.substr(0, digits);
      std::string rest = first.substr(digits);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) rest.erase(0, 1);
      labels->front() = rest;
    }
  }
  return code;
}

std::vector<PublishedTable> ReadTables(const std::vector<Page>& pages,
                                       const TableCatalog& catalog) {
  std::vector<Title> titles;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (size_t l = 0; l < pages[p].lines.size(); ++l) {
      Title t;
      if (TitleAt(pages, p, l, catalog, &t)) {
        titles.push_back(t);
        l = t.line;  // past the second line of a wrapped title
      }
    }
  }
  std::vector<PublishedTable> tables;
  for (size_t i = 0; i < titles.size(); ++i) {
    const Title& t = titles[i];
    // A repeated title continues the table: skip to the last of the run.
    size_t j = i;
    while (j + 1 < titles.size() && titles[j + 1].id == t.id && t.id != "other") ++j;
    size_t end_page = pages.size() - 1, end_line = pages.empty() ? 0 : pages.back().lines.size();
    if (j + 1 < titles.size()) {
      end_page = titles[j + 1].page;
      end_line = titles[j + 1].first_line;
    }
    if (t.id != "other") {
      PublishedTable table = ReadTable(pages, t, end_page, end_line);
      // The same table twice (a list of tables that looked like one, a table repeated in
      // an appendix): the first with rows is kept.
      auto earlier = std::find_if(tables.begin(), tables.end(),
                                  [&](const PublishedTable& e) { return e.id == table.id; });
      if (earlier == tables.end()) {
        tables.push_back(std::move(table));
      } else if (earlier->rows.empty() && !table.rows.empty()) {
        table.spans.insert(table.spans.begin(), earlier->spans.begin(), earlier->spans.end());
        *earlier = std::move(table);
      } else {
        earlier->spans.insert(earlier->spans.end(), table.spans.begin(), table.spans.end());
      }
    }
    i = j;
  }
  return tables;
}

namespace {

// The years a line names, "2024年" or "2024 年", left to right (what std::regex (20\d\d)\s*年
// found with sregex_iterator, written out: it ran on every short line of every page).
template <typename Fn>
void ForEachYear(std::string_view s, const Fn& fn) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // \s of std::regex in the "C" locale.
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  for (size_t i = 0; i + 4 <= s.size();) {
    if (s[i] == '2' && s[i + 1] == '0' && digit(s[i + 2]) && digit(s[i + 3])) {
      size_t j = i + 4;
      while (j < s.size() && space(s[j])) ++j;
      if (s.substr(j, 3) == "年") {
        fn(2000 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0'));
        i = j + 3;
        continue;
      }
    }
    ++i;
  }
}

// The name after a department label at the start of `t`: "编制部门：上海市审计局" gives
// 上海市审计局 — up to a line break, at least one byte — else nothing. What std::regex
// (?:编制部门|…|部门)(?:：|:)(.+) matched at position 0, written out: it ran on every cell. No
// label is another followed by a colon, so the first label that fits is the only one.
std::optional<std::string> NamedDepartment(std::string_view t) {
  static constexpr std::string_view kLabels[] = {
      "编制部门",         "编制单位",  "部门（单位）名称",
      "单位（部门）名称", "部门名称",  "单位名称",
      "预算单位",         "部门/单位", "部门"};
  for (std::string_view label : kLabels) {
    if (t.substr(0, label.size()) != label) continue;
    std::string_view rest = t.substr(label.size());
    for (std::string_view colon : {std::string_view("："), std::string_view(":")}) {
      if (rest.substr(0, colon.size()) != colon) continue;
      std::string_view name = rest.substr(colon.size());
      name = name.substr(0, name.find_first_of("\n\r"));
      if (!name.empty()) return std::string(name);
    }
  }
  return std::nullopt;
}

}  // namespace

void ReadDocumentFacts(const std::vector<Page>& pages, PublishedDocument* doc) {
  // The years named by the cover's short lines (its title, "(2022年)"), by its other lines,
  // and by short lines further on (a table's title), in this order of trust: the first that
  // names any year gives it. Short lines deep in a document name other years too — a date, the
  // title of last year's table, "2025年预算执行情况" — and in a text without page breaks there
  // are many more of them than cover lines.
  std::map<int, int> years[3];
  std::map<std::string, int> departments;
  int budget = 0, final_accounts = 0, cover_budget = 0, cover_final = 0;
  // A form's label cell without a colon, the name in the next cell (绩效目标表: 部门（单位）名称 |
  // 新疆巴州财政局).
  static const std::set<std::string> kNameLabels = {
      "部门（单位）名称", "单位（部门）名称", "部门名称", "单位名称", "编制单位", "编制部门"};
  for (size_t p = 0; p < pages.size(); ++p) {
    for (size_t l = 0; l < pages[p].lines.size(); ++l) {
      const Line& line = pages[p].lines[l];
      std::string compact = line.Compact();
      // The cover: the first two pages; of a text without page breaks (a whole document as one
      // page), its first lines only — its comparisons with last year are not the cover.
      bool cover = p < 2 && (pages.size() > 1 || l < 30);
      const bool short_line = CodePoints(compact) < 40;
      if (cover || short_line) {
        std::map<int, int>& tier = years[cover ? (short_line ? 0 : 1) : 2];
        ForEachYear(compact, [&](int year) { ++tier[year]; });
      }
      // What the document is: from titles and labels, not from sentences, which mention the
      // other kind in passing ("对部门决算公开材料核查" in a budget's 绩效目标).
      if (short_line) {
        if (Contains(compact, "决算")) ++(cover ? cover_final : final_accounts);
        if (Contains(compact, "预算")) ++(cover ? cover_budget : budget);
      }
      const auto filled = std::count_if(line.cells.begin(), line.cells.end(), [](const auto& c) {
        return !RemoveSpaces(c.text).empty();
      });
      for (size_t k = 0; k < line.cells.size(); ++k) {
        std::string t = RemoveSpaces(line.cells[k].text);
        // "部门：" with the name in the next cell.
        if (k + 1 < line.cells.size() && (EndsWith(t, "：") || EndsWith(t, ":"))) {
          t += RemoveSpaces(line.cells[k + 1].text);
        } else if (k + 1 < line.cells.size() && kNameLabels.count(t) && filled == 2) {
          // Only on a line of the label and the name: in a table's header the next cell is
          // another heading (单位名称 | 总计 | 备注).
          t += "：" + RemoveSpaces(line.cells[k + 1].text);
        }
        if (std::optional<std::string> named = NamedDepartment(t)) {
          const std::string& name = *named;
          if (CodePoints(name) >= 2 && !Contains(name, "单位") && !Contains(name, "万元")) {
            ++departments[name];
          }
        }
      }
    }
  }
  // Without a 部门： line, the cover's title names the department: "上海市普陀区财政局2024年度
  // 部门决算", "北京市财政局2026年度部门预算情况说明", "第一部分 财政局 2023 年部门预算公开说明".
  // std::regex matches bytes: a quantifier after a Chinese character applies to its last byte
  // only, so an optional 度 is written (?:度)?, never 度?.
  static const Regex kCover(
      R"(^(?:附件\d+(?:：|:))?(?:第[一二三四五六七八九十]+部分)?(.+?)20\d\d年(?:度)?(?:(?:部门|单位)?(?:综合)?(?:预算|决算)|$))");
  for (size_t p = 0; p < pages.size() && p < 2 && departments.empty(); ++p) {
    for (const Line& line : pages[p].lines) {
      std::string compact = line.Compact();
      std::smatch m;
      if (std::regex_search(compact, m, kCover) && CodePoints(m[1].str()) >= 3 &&
          CodePoints(m[1].str()) <= 30 && !Contains(m[1].str(), "部分")) {
        ++departments[m[1].str()];
        break;
      }
    }
  }
  // Nor a cover title: the line above a project's 绩效目标表 names its unit by code, "318001
  // 秦皇岛市抚宁区财政局机关本级 单位：元"; the unit most named, without 机关本级/本级, is the
  // department.
  static const Regex kUnitLine(R"(^\d{6,9}(.+?)单位(?:：|:)(?:万元|元)$)");
  for (size_t p = 0; p < pages.size() && departments.empty(); ++p) {
    std::map<std::string, int> units;
    for (const Line& line : pages[p].lines) {
      std::string compact = line.Compact();
      std::smatch m;
      if (compact.size() > 200 || !std::regex_search(compact, m, kUnitLine)) continue;
      std::string name = m[1].str();
      for (std::string_view own : {"（本级）", "(本级)", "机关本级", "本级"}) {
        if (EndsWith(name, own)) {
          name.resize(name.size() - own.size());
          break;
        }
      }
      if (CodePoints(name) >= 3 && CodePoints(name) <= 30) ++units[name];
    }
    if (!units.empty()) departments = units;
  }
  int best = 0;
  for (const std::map<int, int>& tier : years) {
    for (const auto& [year, n] : tier) {
      if (n > best) {
        best = n;
        doc->year = year;
      }
    }
    if (best > 0) break;
  }
  best = 0;
  for (const auto& [name, n] : departments) {
    if (n > best) {
      best = n;
      doc->department = name;
    }
  }
  // The cover says what the document is; the tables, which name 预算 in 决算 documents too
  // (一般公共预算财政拨款支出决算表), only when the cover does not.
  if (cover_final + cover_budget > 0) {
    final_accounts = cover_final;
    budget = cover_budget;
  }
  if (final_accounts > 0 && final_accounts * 2 >= budget) {
    doc->kind = DocumentKind::kFinalAccounts;
  } else if (budget > 0) {
    doc->kind = DocumentKind::kBudget;
  }
}

void IdentityFromFileName(const std::string& path, PublishedDocument* doc) {
  if (!doc->department.empty() && doc->year != 0 && doc->kind != DocumentKind::kUnknown) return;
  std::string name = std::filesystem::path(path).filename().string();
  // "….PDF.pdf": every extension a collection appended.
  for (bool again = true; again;) {
    again = false;
    std::string ext = std::filesystem::path(name).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf" || ext == ".txt" || ext == ".xlsx") {
      name.resize(name.size() - ext.size());
      again = true;
    }
  }
  static const Regex kFileTitle(
      R"(^(?:附件\d+(?:：|:|、|-)?)?(.+?)(20\d\d)年(?:度)?(?:部门|单位)?(?:综合)?(预算|决算))");
  std::vector<std::string> parts;
  for (size_t from = 0;;) {
    size_t bar = name.find('_', from);
    parts.push_back(RemoveSpaces(name.substr(from, bar == std::string::npos ? bar : bar - from)));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  for (size_t i = parts.size(); i-- > 0;) {
    std::smatch m;
    if (!std::regex_search(parts[i], m, kFileTitle)) continue;
    std::string department = m[1].str();
    if (CodePoints(department) < 3 || CodePoints(department) > 30 || Contains(department, "部分")) {
      continue;
    }
    int year = std::stoi(m[2].str());
    DocumentKind kind = m[3].str() == "决算" ? DocumentKind::kFinalAccounts : DocumentKind::kBudget;
    bool filled = false;
    if (doc->department.empty() && (doc->year == 0 || doc->year == year)) {
      doc->department = department;
      filled = true;
    }
    if (doc->year == 0) {
      doc->year = year;
      filled = true;
    }
    if (doc->kind == DocumentKind::kUnknown) {
      doc->kind = kind;
      filled = true;
    }
    doc->identity_from_file_name = filled;
    return;
  }
}

}  // namespace gongkai::reader
