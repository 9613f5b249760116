#include "reader/sheet_pages.h"

#include <algorithm>
#include <map>

namespace gongkai::reader {
namespace {

// A cell's text on one line: line breaks read as spaces, surrounding spaces trimmed.
std::string OneLine(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
    } else {
      out += text[i];
    }
  }
  size_t begin = out.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = out.find_last_not_of(" \t");
  return out.substr(begin, end - begin + 1);
}

Box CellBox(int row, int first_col, int last_col) {
  return {(first_col - 1) * 10.0, row - 1.0, (last_col - 1) * 10.0 + 8, double(row)};
}

}  // namespace

std::string NumberDisplay(const std::string& number, int decimals) {
  std::optional<Money> m = CellMoney(number, MoneyUnit::kWan);
  if (!m) return number;
  std::string text = m->ExactWan();
  size_t point = text.find('.');
  if (decimals < 0) return text;  // General: "205", "9.87"
  size_t have = point == std::string::npos ? 0 : text.size() - point - 1;
  if (have < static_cast<size_t>(decimals)) {
    if (point == std::string::npos) text += '.';
    text.append(static_cast<size_t>(decimals) - have, '0');
  }
  return text;
}

std::vector<Page> PagesFromWorkbook(const Workbook& workbook, const TableCatalog& catalog) {
  std::vector<Page> pages;
  for (size_t i = 0; i < workbook.sheets.size(); ++i) {
    const XlsxSheet& sheet = workbook.sheets[i];
    Page page;
    page.number = static_cast<int>(i) + 1;
    page.from_text = true;
    page.sheet = sheet.name;
    if (sheet.hidden) {
      page.readable = false;
      page.why = "隐藏的工作表「" + sheet.name + "」，不是公开的内容，未读取";
      pages.push_back(std::move(page));
      continue;
    }
    // Merged ranges: the top-left cell spans the range's columns; the cells it covers are
    // not cells of their own (producers leave them empty, or repeat the value). Found by a
    // sweep down the rows with the ranges open at each row, keyed by their first column, so
    // that hostile numbers of ranges cost (cells + ranges) · log, never cells × ranges.
    std::vector<const CellRange*> by_first_row;
    for (const CellRange& m : sheet.merged) by_first_row.push_back(&m);
    std::sort(by_first_row.begin(), by_first_row.end(),
              [](const CellRange* a, const CellRange* b) { return a->first_row < b->first_row; });
    size_t next_range = 0;
    std::multimap<int, const CellRange*> open;  // first column → range, rows first..last
    auto covering = [&](int r, int c) -> const CellRange* {
      while (next_range < by_first_row.size() && by_first_row[next_range]->first_row <= r) {
        open.emplace(by_first_row[next_range]->first_col, by_first_row[next_range]);
        ++next_range;
      }
      auto it = open.upper_bound(c);
      while (it != open.begin()) {
        --it;
        if (it->second->last_row < r) {
          it = open.erase(it);  // closed above this row
          continue;
        }
        return it->second->last_col >= c ? it->second : nullptr;
      }
      return nullptr;
    };
    Line line;
    int row = 0;
    auto finish = [&] {
      if (!line.cells.empty()) {
        line.box = line.cells.front().box;
        for (const Cell& c : line.cells) {
          line.box.x0 = std::min(line.box.x0, c.box.x0);
          line.box.x1 = std::max(line.box.x1, c.box.x1);
        }
        page.lines.push_back(std::move(line));
      }
      line = Line();
    };
    for (const auto& [at, cell] : sheet.cells) {
      if (at.first != row) {
        finish();
        row = at.first;
      }
      const CellRange* merged = covering(at.first, at.second);
      if (merged && (merged->first_row != at.first || merged->first_col != at.second)) continue;
      Cell c;
      c.row = cell.row;
      c.col = cell.col;
      if (cell.type == CellType::kNumber) {
        c.number = cell.text;
        c.text = NumberDisplay(cell.text, cell.decimals);
      } else {
        c.text = OneLine(cell.text);
      }
      if (c.text.empty()) continue;
      c.box = CellBox(cell.row, cell.col, merged ? merged->last_col : cell.col);
      line.cells.push_back(std::move(c));
    }
    finish();
    // A block of text alone on its row (the 说明 of a workbook, a paragraph per line break)
    // is read as the lines it shows, as on a page; a table's cells keep their line breaks
    // as spaces.
    std::vector<Line> lines;
    for (Line& l : page.lines) {
      const XlsxCell* only = l.cells.size() == 1 && l.cells[0].number.empty()
                                 ? sheet.At(l.cells[0].row, l.cells[0].col)
                                 : nullptr;
      if (!only || only->text.find('\n') == std::string::npos) {
        lines.push_back(std::move(l));
        continue;
      }
      std::vector<std::string> parts;
      for (size_t at = 0; at <= only->text.size();) {
        size_t nl = only->text.find('\n', at);
        if (nl == std::string::npos) nl = only->text.size();
        if (std::string part = OneLine(only->text.substr(at, nl - at)); !part.empty()) {
          parts.push_back(std::move(part));
        }
        at = nl + 1;
      }
      for (size_t k = 0; k < parts.size(); ++k) {
        Line part;
        Cell c = l.cells[0];
        c.text = parts[k];
        const double step = 1.0 / static_cast<double>(parts.size());
        c.box.y0 = l.cells[0].box.y0 + static_cast<double>(k) * step;
        c.box.y1 = c.box.y0 + step;
        part.box = c.box;
        part.cells.push_back(std::move(c));
        lines.push_back(std::move(part));
      }
    }
    page.lines = std::move(lines);
    // A sheet whose own rows name no table, but whose name does: the name is its title.
    bool titled = false;
    for (const Line& l : page.lines) {
      titled = titled || catalog.Match(NormalizeTitle(l.Compact())) != nullptr;
    }
    if (!titled && catalog.Match(NormalizeTitle(sheet.name))) {
      Line title;
      title.cells.push_back({OneLine(sheet.name), CellBox(0, 1, 1)});
      title.box = title.cells.front().box;
      page.lines.insert(page.lines.begin(), std::move(title));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace gongkai::reader
